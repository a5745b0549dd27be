// The bundle file: a gzip of UTF-8 JSON lines, like a backup (io/backup/format.ts). Line 1 is the
// header:
//   {"format":"tonghop-bundle","version":1,"schema":N,"unit_code":"10723","unit":NAME,
//    "period":"2026-Q3","period_end":"2026-09","created":ISO,"counts":{type:n,…},"sha256":HEX}
// then one record per line ({"type":"unit"|"plan"|"thresholds"|"indicator"|"area"|"team"|
// "member"|"form",…}: domain/bundle.ts). `sha256` covers every byte after the header line. A
// hostile file is refused before it is read wholly: 20 MB compressed, 200 MB uncompressed.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as z from 'zod';
import { type BundleContent, bundleRecordSchema, bundleRecords, contentFromRecords } from '../../domain/bundle.js';
import { isMonth, parsePeriod, periodCode, periodLastMonth } from '../../domain/period.js';
import { isUnitCode } from '../../domain/unit-code.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { sha256 } from '../backup/format.js';

export const BUNDLE_FORMAT = 'tonghop-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const BUNDLE_MAX_TEXT_BYTES = 200 * 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  schema: z.number().int(),
  unit_code: z.string().refine(isUnitCode),
  unit: z.string().max(200),
  period: z.string().refine((p) => parsePeriod(p) !== null),
  period_end: z.string().refine(isMonth),
  created: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/u.test(s) && !Number.isNaN(Date.parse(s))),
  counts: z.record(z.string(), z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type BundleHeader = z.infer<typeof headerSchema>;

export interface ParsedBundle {
  header: BundleHeader;
  content: BundleContent;
}

/** A bundle was refused: the message (Vietnamese) says why; nothing was changed. */
export class BundleError extends Error {}

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** The file's bytes and its header, for the period `period` (its code, e.g. 2026-Q3). */
export async function encodeBundle(content: BundleContent, period: string, created: Date): Promise<{ header: BundleHeader; bytes: Buffer }> {
  const p = parsePeriod(period);
  if (!p) throw new Error(`bad period ${period}`);
  const counts: Record<string, number> = {};
  let body = '';
  for (const r of bundleRecords(content)) {
    counts[r.type] = (counts[r.type] ?? 0) + 1;
    body += JSON.stringify(r) + '\n';
  }
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schema: SCHEMA_VERSION,
    unit_code: content.unit.unit_code,
    unit: content.unit.name,
    period: periodCode(p),
    period_end: periodLastMonth(p),
    created: created.toISOString(),
    counts,
    sha256: sha256(body),
  };
  return { header, bytes: await gzip(Buffer.from(JSON.stringify(header) + '\n' + body, 'utf8')) };
}

const refuse = (file: string, why: string) => new BundleError(`Tệp "${file}" bị từ chối: ${why}. Không có gì bị thay đổi.`);

/** Check everything (size, format, version, checksum, counts, every record) before anything uses it. */
export async function parseBundle(buf: Buffer, file: string): Promise<ParsedBundle> {
  const notBundle = () => refuse(file, 'không phải tệp tổng hợp của tonghop (tạo bằng "tonghop export bundle")');
  if (buf.length > BUNDLE_MAX_FILE_BYTES) throw refuse(file, `tệp lớn quá ${BUNDLE_MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (buf.length < 2 || buf[0] !== 0x1f || buf[1] !== 0x8b) throw notBundle();
  let text: Buffer;
  try {
    text = await gunzip(buf, { maxOutputLength: BUNDLE_MAX_TEXT_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refuse(file, `giải nén ra quá ${BUNDLE_MAX_TEXT_BYTES / 1024 / 1024} MB`);
    throw refuse(file, 'tệp bị hỏng, không giải nén được');
  }
  const nl = text.indexOf(0x0a);
  if (nl < 0) throw notBundle();
  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(text.subarray(0, nl).toString('utf8'));
  } catch {
    throw notBundle();
  }
  if ((rawHeader as { format?: unknown })?.format !== BUNDLE_FORMAT) throw notBundle();
  const v = (rawHeader as { version?: unknown; schema?: unknown }).version;
  const s = (rawHeader as { schema?: unknown }).schema;
  if (typeof v === 'number' && v > BUNDLE_VERSION) throw refuse(file, `định dạng số ${v}, mới hơn chương trình này (số ${BUNDLE_VERSION}); hãy cập nhật tonghop`);
  if (typeof s === 'number' && s > SCHEMA_VERSION) throw refuse(file, `tạo bởi phiên bản tonghop mới hơn (lược đồ số ${s}); hãy cập nhật tonghop`);
  const h = headerSchema.safeParse(rawHeader);
  if (!h.success) throw refuse(file, 'phần đầu tệp không hợp lệ');
  const header = h.data;
  const body = text.subarray(nl + 1);
  if (sha256(body) !== header.sha256) throw refuse(file, 'mã kiểm tra SHA-256 không khớp (tệp bị sửa hoặc hỏng khi gửi)');
  const lines = body.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const records = [];
  const counts: Record<string, number> = {};
  for (const [i, line] of lines.entries()) {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw refuse(file, `dòng ${i + 2} không đọc được`);
    }
    const r = bundleRecordSchema.safeParse(raw);
    if (!r.success) throw refuse(file, `dòng ${i + 2} không hợp lệ (${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')})`);
    counts[r.data.type] = (counts[r.data.type] ?? 0) + 1;
    records.push(r.data);
  }
  for (const k of new Set([...Object.keys(counts), ...Object.keys(header.counts)]))
    if ((counts[k] ?? 0) !== (header.counts[k] ?? 0)) throw refuse(file, `có ${counts[k] ?? 0} dòng "${k}", đầu tệp ghi ${header.counts[k] ?? 0}`);
  const c = contentFromRecords(records);
  if ('problem' in c) throw refuse(file, c.problem);
  if (c.content.unit.unit_code !== header.unit_code || c.content.unit.name !== header.unit) throw refuse(file, 'đơn vị trong tệp không khớp với phần đầu');
  if (periodLastMonth(parsePeriod(header.period)!) !== header.period_end) throw refuse(file, 'kỳ báo cáo không khớp với tháng cuối kỳ');
  return { header, content: c.content };
}
