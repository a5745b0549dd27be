// Teams and members as CSV in exactly the import's formats, so a roster can be sent, edited in
// Excel and imported again (or into a fresh database before its figures).
import type { Db } from '../../db/database.js';
import { lastNameFirst } from '../../db/members.js';
import { listTeams } from '../../db/teams.js';
import { ROLE_LABELS, type Role } from '../../domain/schemas.js';
import { compareCode, compareVi, formatDate } from '../../domain/text.js';
import { MEMBER_COLUMNS } from '../csv/members.js';
import type { Delimiter } from '../csv/parse.js';
import { type Cell, toCsv } from '../csv/stringify.js';
import { TEAM_COLUMNS } from '../csv/teams.js';
import { areaKindUrban } from '../csv/words.js';
import type { CsvExport } from './figures.js';

/** Every team, dissolved ones too (their figures must still find them), by ma_to. */
export async function exportTeams(q: Db, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const teams = (await listTeams(q, { includeDissolved: true })).sort((a, b) => compareCode(a.code, b.code));
  const rows: Cell[][] = teams.map((t) => {
    // The kind word must say the same urban/rural as the flag, or the import would flip it.
    const kind = t.areaName ? (t.areaKind && areaKindUrban(t.areaKind) === t.urban ? t.areaKind : t.urban ? 'đô thị' : 'nông thôn') : null;
    return [t.code, t.name, t.areaName, kind, t.households, t.adults, t.level, t.decisionNo, formatDate(t.decisionDate) || null];
  });
  return { text: toCsv(TEAM_COLUMNS, rows, opts.delimiter), rows: rows.length, values: 0 };
}

const ROLE_ORDER: Record<Role, number> = { to_truong: 0, to_pho: 1, thanh_vien: 2 };

/** Current members (not those who left), by ma_to, role, name; training dates separated by spaces. */
export async function exportMembers(q: Db, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const r = await q.query<{
    id: number;
    code: string;
    full_name: string;
    role: Role;
    organisation: string | null;
    birth_year: number | null;
    phone: string | null;
    joined_on: string | null;
    trainings: string | null;
  }>(
    `SELECT m.id, t.code, m.full_name, m.role, m.organisation, m.birth_year, m.phone, m.joined_on,
            (SELECT string_agg(DISTINCT tr.held_on::text, ' ') FROM training tr WHERE tr.member_id = m.id) AS trainings
     FROM member m JOIN team t ON t.id = m.team_id WHERE m.left_on IS NULL`,
  );
  const members = r.rows.sort(
    (a, b) =>
      compareCode(a.code, b.code) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      compareVi(lastNameFirst(a.full_name), lastNameFirst(b.full_name)) ||
      a.id - b.id,
  );
  const rows: Cell[][] = members.map((m) => [
    m.code,
    m.full_name,
    ROLE_LABELS[m.role],
    m.organisation,
    m.birth_year,
    m.phone,
    formatDate(m.joined_on) || null,
    m.trainings ? m.trainings.split(' ').sort().map(formatDate).join(' ') : null,
  ]);
  return { text: toCsv(MEMBER_COLUMNS, rows, opts.delimiter), rows: rows.length, values: 0 };
}
