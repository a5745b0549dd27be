// Importing the members file: every row is a new member (names need not be unique). vai_tro is
// matched ignoring case and diacritics; ngay_tap_huan records a training; a second Tổ trưởng
// in a team is a warning, not an error.
import { type StagedMember, currentLeaders, teamIdsByCode } from '../../db/roster-import.js';
import type { Db } from '../../db/database.js';
import { memberSchema } from '../../domain/schemas.js';
import { cleanText, excerpt, formatDate, parseDate, todayIso } from '../../domain/text.js';
import type { Problem } from './problems.js';
import type { Delimiter } from './parse.js';
import { type TableInput, readTable, rowChecker } from './table.js';
import { parseRole } from './words.js';

export const MEMBER_COLUMNS = ['ma_to', 'ho_ten', 'vai_tro', 'to_chuc', 'nam_sinh', 'dien_thoai', 'ngay_tham_gia', 'ngay_tap_huan'] as const;
export const IMPORTED_TRAINING_TOPIC = 'Tập huấn kỹ năng số';

const FIELD_COLUMNS: Record<string, string> = {
  fullName: 'ho_ten',
  role: 'vai_tro',
  organisation: 'to_chuc',
  birthYear: 'nam_sinh',
  phone: 'dien_thoai',
  joinedOn: 'ngay_tham_gia',
  leftOn: 'ngay_tham_gia',
};

export interface MembersCheck {
  kind: 'members';
  delimiter: Delimiter;
  rows: number;
  problems: Problem[];
  warnings: Problem[];
  members: StagedMember[];
  added: number;
  trainings: number;
}

/** Several training dates may share the cell: separated by `;`, `,` or spaces. */
export function splitDates(s: string): string[] {
  return s.split(/[;,\s]+/u).filter(Boolean);
}

export async function checkMembers(q: Db, text: TableInput, now: Date): Promise<MembersCheck> {
  const table = readTable(text, {
    required: ['ma_to', 'ho_ten'],
    optional: MEMBER_COLUMNS.slice(2),
    expected: `Mẫu: ${MEMBER_COLUMNS.join(',')}.`,
  });
  const teams = await teamIdsByCode(q);
  const leaders = await currentLeaders(q);
  const today = todayIso(now);
  const problems = table.problems;
  const out: MembersCheck = { kind: 'members', delimiter: table.delimiter, rows: table.rows.length, problems, warnings: [], members: [], added: 0, trainings: 0 };

  for (const rec of table.rows) {
    const before = problems.length;
    const { line, cell, bad, warn } = rowChecker(table, rec, out);

    const code = cleanText(cell('ma_to')).toUpperCase();
    const teamId = teams.get(code);
    if (!code) bad('ma_to', 'thiếu mã tổ');
    else if (teamId === undefined) bad('ma_to', `không có tổ mã ${excerpt(code)} (nhập danh sách tổ trước)`);

    const roleText = cell('vai_tro').trim();
    const role = roleText ? parseRole(roleText) : 'thanh_vien';
    if (!role) bad('vai_tro', `${excerpt(roleText)} không phải vai trò: dùng Tổ trưởng, Tổ phó hoặc Thành viên`);

    const yearText = cell('nam_sinh').trim();
    let birthYear: number | null = null;
    if (yearText && !/^\d{4}$/u.test(yearText)) bad('nam_sinh', `năm sinh ${excerpt(yearText)} phải là 4 chữ số`);
    else if (yearText) birthYear = Number(yearText);

    const joinedText = cell('ngay_tham_gia').trim();
    const joined = joinedText ? parseDate(joinedText) : null;
    if (joinedText && !joined) bad('ngay_tham_gia', `ngày ${excerpt(joinedText)} không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)`);
    else if (joined && joined > today)
      warn('ngay_tham_gia', `ngày tham gia ${formatDate(joined)} sau ngày hôm nay: chỉ tính là thành viên từ ngày đó`);

    const trainings: string[] = [];
    for (const d of splitDates(cell('ngay_tap_huan'))) {
      const iso = parseDate(d);
      if (!iso) bad('ngay_tap_huan', `ngày ${excerpt(d)} không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)`);
      else {
        if (iso > today) warn('ngay_tap_huan', `ngày tập huấn ${formatDate(iso)} sau ngày hôm nay: chỉ được tính khi đã đến ngày`);
        if (!trainings.includes(iso)) trainings.push(iso);
      }
    }

    const parsed = memberSchema.safeParse({
      fullName: cell('ho_ten'),
      role: role ?? 'thanh_vien',
      organisation: cell('to_chuc'),
      birthYear,
      phone: cell('dien_thoai').trim(),
      joinedOn: joined ?? '',
      leftOn: '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = FIELD_COLUMNS[String(issue.path[0])] ?? 'ho_ten';
        if (col === 'ngay_tham_gia' && problems.some((p) => p.line === line && p.column === col)) continue;
        bad(col, issue.message);
      }
    }
    if (problems.length !== before || !parsed.success || teamId === undefined || !role) continue;
    const m = parsed.data;
    if (role === 'to_truong') {
      const leader = leaders.get(teamId);
      if (leader)
        out.warnings.push({ line, column: 'vai_tro', message: `tổ ${code} đã có Tổ trưởng ${leader}: sau khi nhập tổ sẽ có hai Tổ trưởng` });
      else leaders.set(teamId, m.fullName);
    }
    out.members.push({ teamId, fullName: m.fullName, role, organisation: m.organisation, birthYear: m.birthYear, phone: m.phone, joinedOn: m.joinedOn, trainings });
    out.trainings += trainings.length;
  }
  out.added = out.members.length;
  problems.sort((a, b) => a.line - b.line);
  return out;
}
