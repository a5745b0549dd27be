// Teams and members as CSV in exactly the import's formats, so a roster can be sent, edited in
// Excel and imported again (or into a fresh database before its figures).
import type { Db } from '../../db/database.js';
import { membersForExport } from '../../db/exports.js';
import { lastNameFirst } from '../../db/members.js';
import { listTeams } from '../../db/teams.js';
import { ROLE_LABELS, type Role } from '../../domain/schemas.js';
import { compareCode, compareVi, formatDate } from '../../domain/text.js';
import { MEMBER_COLUMNS } from '../csv/members.js';
import type { Delimiter } from '../csv/parse.js';
import { type Cell, toCsv } from '../csv/stringify.js';
import { TEAM_COLUMNS } from '../csv/teams.js';
import { areaKindUrban } from '../csv/words.js';
import type { CsvExport, ExportTable } from './figures.js';

/** Every team, dissolved ones too (their figures must still find them), by ma_to. */
export async function exportTeams(q: Db, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const t = await teamsTable(q);
  return { text: toCsv(t.header, t.rows, opts.delimiter), rows: t.rows.length, values: 0 };
}

export async function teamsTable(q: Db): Promise<ExportTable> {
  const teams = (await listTeams(q, { includeDissolved: true })).sort((a, b) => compareCode(a.code, b.code));
  const rows: Cell[][] = teams.map((t) => {
    // The kind word must say the same urban/rural as the flag, or the import would flip it.
    const kind = t.areaName ? (t.areaKind && areaKindUrban(t.areaKind) === t.urban ? t.areaKind : t.urban ? 'đô thị' : 'nông thôn') : null;
    return [t.code, t.name, t.areaName, kind, t.households, t.adults, t.level, t.decisionNo, formatDate(t.decisionDate) || null];
  });
  return { header: [...TEAM_COLUMNS], rows, values: 0 };
}

const ROLE_ORDER: Record<Role, number> = { to_truong: 0, to_pho: 1, thanh_vien: 2 };

/** Current members (not those who left), by ma_to, role, name; training dates separated by spaces. */
export async function exportMembers(q: Db, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const t = await membersTable(q);
  return { text: toCsv(t.header, t.rows, opts.delimiter), rows: t.rows.length, values: 0 };
}

export async function membersTable(q: Db): Promise<ExportTable> {
  const members = (await membersForExport(q)).sort(
    (a, b) =>
      compareCode(a.teamCode, b.teamCode) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      compareVi(lastNameFirst(a.fullName), lastNameFirst(b.fullName)) ||
      a.id - b.id,
  );
  const rows: Cell[][] = members.map((m) => [
    m.teamCode,
    m.fullName,
    ROLE_LABELS[m.role],
    m.organisation,
    m.birthYear,
    m.phone,
    formatDate(m.joinedOn) || null,
    m.trainings.length ? m.trainings.map(formatDate).join(' ') : null,
  ]);
  return { header: [...MEMBER_COLUMNS], rows, values: 0 };
}
