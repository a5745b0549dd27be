// `import bundle` (the province's side): each file checked whole, then merged in one transaction
// — the commune's schema replaced up to the bundle's period end, the bundle recorded — or, on a
// dry run, the very same work rolled back. The summary is DHIS2's import summary in spirit.
import fs from 'node:fs';
import { heldForms, replaceCommune } from '../../db/bundle.js';
import type { DbRunner } from '../../db/database.js';
import { ensureUnitSchema, getReceived, saveReceived } from '../../db/province.js';
import { scopedTx } from '../../db/scoped.js';
import { getUnitIdentity } from '../../db/unit-level.js';
import { sameForm } from '../../domain/bundle.js';
import { formatDate, pad2, todayIso } from '../../domain/text.js';
import { unitSchemaName } from '../../domain/unit-code.js';
import { BUNDLE_MAX_FILE_BYTES, BundleError, type BundleHeader, type ParsedBundle, parseBundle } from './format.js';

export interface BundleSummary {
  file: string;
  header: BundleHeader;
  /** The commune was new to this province, replaced by this bundle, or this very bundle was held already. */
  unit: 'added' | 'updated' | 'unchanged';
  forms: { added: number; changed: number; unchanged: number; removed: number };
  teams: number;
  members: number;
  dryRun: boolean;
}

export const NOT_A_PROVINCE =
  'Dữ liệu này là của một xã/phường: chỉ dữ liệu của tỉnh (tạo bằng "tonghop init --province \\"tỉnh …\\"") mới nhận tệp tổng hợp. Không có gì bị thay đổi.';

class DryRun extends Error {
  constructor(readonly summary: BundleSummary) {
    super('dry run');
  }
}

export async function readBundleFile(file: string): Promise<ParsedBundle> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new BundleError(`"${file}" là một thư mục, không phải tệp tổng hợp.`);
    if (st.size > BUNDLE_MAX_FILE_BYTES) throw new BundleError(`Tệp "${file}" bị từ chối: lớn quá ${BUNDLE_MAX_FILE_BYTES / 1024 / 1024} MB. Không có gì bị thay đổi.`);
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`Không đọc được tệp "${file}": kiểm tra lại đường dẫn.`);
  }
  return parseBundle(buf, file);
}

/** '01/12/2026 09:05', local time (the officer's clock). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${formatDate(todayIso(d))} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
const fmtTime = formatTime;

/** Merge one bundle (already parsed) into the province database. Throws BundleError when refused. */
export async function importBundle(db: DbRunner, file: string, parsed: ParsedBundle, opts: { dryRun?: boolean; force?: boolean; now: Date }): Promise<BundleSummary> {
  const { header, content } = parsed;
  const code = header.unit_code;
  try {
    return await db.transaction(async (tx) => {
      if ((await getUnitIdentity(tx))?.level !== 'province') throw new BundleError(NOT_A_PROVINCE);
      const held = await getReceived(tx, code);
      const base = { file, header, teams: content.teams.length, members: content.members.length, dryRun: !!opts.dryRun };
      if (held?.sha256 === header.sha256)
        return { ...base, unit: 'unchanged' as const, forms: { added: 0, changed: 0, unchanged: content.forms.length, removed: 0 } };
      if (held && Date.parse(header.created) < Date.parse(held.bundleCreated) && !opts.force)
        throw new BundleError(
          `Tệp "${file}" bị từ chối: cũ hơn tệp đang giữ của ${held.name} (tệp này tạo lúc ${fmtTime(header.created)}, kỳ ${header.period}; ` +
            `đang giữ tệp tạo lúc ${fmtTime(held.bundleCreated)}, kỳ ${held.period}). Dùng --force nếu thật sự muốn thay. Không có gì bị thay đổi.`,
        );
      await ensureUnitSchema(tx, code);
      const scoped = scopedTx(tx, unitSchemaName(code));
      const before = held ? await heldForms(scoped) : new Map();
      const codeOf = new Map(content.teams.map((t) => [t.id, t.code]));
      const forms = { added: 0, changed: 0, unchanged: 0, removed: 0 };
      const seen = new Set<string>();
      for (const f of content.forms) {
        const key = `${codeOf.get(f.team_id)}|${f.month}`;
        seen.add(key);
        const old = before.get(key);
        if (!old) forms.added++;
        else if (sameForm(old, f)) forms.unchanged++;
        else forms.changed++;
      }
      for (const [key, f] of before) if (!seen.has(key) && f.month <= header.period_end) forms.removed++;
      await replaceCommune(scoped, content, header.period_end);
      await saveReceived(
        tx,
        { code, name: content.unit.name, planId: content.plan.id, period: header.period, periodEnd: header.period_end, bundleCreated: header.created, sha256: header.sha256 },
        opts.now,
      );
      const summary: BundleSummary = { ...base, unit: held ? 'updated' : 'added', forms };
      // A dry run does all the work and the checks of the database itself, then rolls back.
      if (opts.dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.summary;
    if (e instanceof BundleError) throw e;
    throw new BundleError(`Tệp "${file}" bị từ chối: cơ sở dữ liệu không nhận (${(e as Error).message}). Không có gì bị thay đổi.`);
  }
}

const UNIT_WORDS = { added: 'thêm mới', updated: 'cập nhật', unchanged: 'không đổi (đã nhận đúng tệp này)' } as const;

/** The per-file summary, in Vietnamese. */
export function summaryLines(s: BundleSummary): string[] {
  const f = s.forms;
  return [
    `Tệp ${s.file}: ${s.header.unit} (mã ${s.header.unit_code}), kỳ ${s.header.period}, tạo lúc ${fmtTime(s.header.created)}`,
    `  Đơn vị: ${UNIT_WORDS[s.unit]}; ${s.teams} tổ, ${s.members} thành viên`,
    `  Phiếu: thêm ${f.added}, thay đổi ${f.changed}, không đổi ${f.unchanged}, xoá ${f.removed}`,
  ];
}
