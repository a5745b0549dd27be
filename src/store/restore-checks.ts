// What a restored database must pass before it replaces the officer's: the checksum only proves
// the file is whole, not that a person (or another tool) did not craft it. Every text value is
// free of control characters, and every row reads back through the same schemas live data goes
// through — so no restore can leave a database on which every command prints English zod text,
// or one with no commune in it ("chưa được khởi tạo" for every command).
import type { ZodError } from 'zod';
import type { Db } from '../db/database.js';
import { type MemberRow, listAllMembers } from '../db/members.js';
import { listAreas, listTeams } from '../db/teams.js';
import { getPlan, getUnit } from '../db/unit.js';
import { isProvince } from '../db/unit-level.js';
import { areaSchema, memberSchema, provinceUnitSchema, teamSchema, trainingSchema, unitSchema } from '../domain/schemas.js';
import { codePointName, findUnsafeChar } from '../domain/text.js';
import { type BackupSection, corrupt } from '../io/backup/format.js';

/** Columns that hold free text over several lines (a form's note). */
const MULTILINE = new Set(['note']);

/** No value of any row holds a control character or a bidi override (U+202A–202E, U+2066–2069). */
export function checkBackupText(sections: readonly BackupSection[], file: string): void {
  for (const s of sections) {
    s.rows.forEach((line, i) => {
      let values: unknown;
      try {
        values = JSON.parse(line);
      } catch {
        throw corrupt(file, `bảng ${s.table}, dòng ${i + 1} không đọc được`);
      }
      if (!Array.isArray(values) || values.length !== s.columns.length)
        throw corrupt(file, `bảng ${s.table}, dòng ${i + 1} có ${Array.isArray(values) ? values.length : 0} giá trị thay vì ${s.columns.length}`);
      values.forEach((v, c) => {
        if (v !== null && typeof v !== 'string') throw corrupt(file, `bảng ${s.table}, dòng ${i + 1}: giá trị không phải văn bản`);
        const bad = v === null ? null : findUnsafeChar(v, { lineBreaks: MULTILINE.has(s.columns[c]!) });
        if (bad) throw corrupt(file, `bảng ${s.table}, dòng ${i + 1}, cột ${s.columns[c]}: có ký tự điều khiển ${codePointName(bad.code)}`);
      });
    });
  }
}

const firstIssue = (e: ZodError) => {
  const i = e.issues[0];
  return i ? `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}` : 'không hợp lệ';
};

/** Read everything back as the program will, through the live schemas; the first problem refuses the file. */
export async function checkRestoredRows(db: Db, file: string, opts: { received?: boolean } = {}): Promise<void> {
  // A commune a province received: its trainings came without their topics (never in a bundle).
  const training = opts.received ? trainingSchema.pick({ heldOn: true }) : trainingSchema;
  const unit = await getUnit(db);
  if (!unit)
    throw corrupt(file, 'bản sao lưu trống: không có xã/phường nào, sau khi khôi phục mọi lệnh sẽ báo "chưa được khởi tạo"');
  const u = ((await isProvince(db)) ? provinceUnitSchema : unitSchema).safeParse(unit);
  if (!u.success) throw corrupt(file, `thông tin xã/phường không hợp lệ (${firstIssue(u.error)})`);
  try {
    await getPlan(db); // none is allowed (a first run stopped before the plan): a broken one is not
  } catch (e) {
    const issue = (e as { issues?: unknown }).issues ? firstIssue(e as ZodError) : (e as Error).message;
    throw corrupt(file, `kế hoạch không hợp lệ (${issue})`);
  }
  for (const a of await listAreas(db)) {
    const r = areaSchema.safeParse(a);
    if (!r.success) throw corrupt(file, `địa bàn "${a.name.slice(0, 60)}" không hợp lệ (${firstIssue(r.error)})`);
  }
  // All members in one query (one per team was 2,000 round trips at province scale), checked team by team as before.
  const members = new Map<number, MemberRow[]>();
  for (const m of await listAllMembers(db)) {
    const list = members.get(m.teamId);
    if (list) list.push(m);
    else members.set(m.teamId, [m]);
  }
  for (const t of await listTeams(db, { includeDissolved: true })) {
    const r = teamSchema.safeParse(t);
    if (!r.success) throw corrupt(file, `tổ ${t.code.slice(0, 20)} không hợp lệ (${firstIssue(r.error)})`);
    for (const m of members.get(t.id) ?? []) {
      const mr = memberSchema.safeParse(m);
      if (!mr.success) throw corrupt(file, `thành viên của tổ ${t.code} không hợp lệ (${firstIssue(mr.error)})`);
      for (const tr of m.trainings) {
        const trr = training.safeParse(tr);
        if (!trr.success) throw corrupt(file, `buổi tập huấn của tổ ${t.code} không hợp lệ (${firstIssue(trr.error)})`);
      }
    }
  }
}
