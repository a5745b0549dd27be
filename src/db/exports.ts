// What the exports read: the forms of a period with their values, the current members.
import type { Role } from '../domain/schemas.js';
import type { Db } from './database.js';
import { PACKED_VALUES } from './forms.js';
import { type MemberRow, PACKED_TRAININGS as TRAINING_DATES } from './members.js';

export interface ExportForm {
  teamCode: string;
  teamName: string;
  month: string;
  receivedOn: string | null;
  note: string | null;
  /** indicator code → value; a blank is absent. */
  values: Map<string, number>;
}

/** Every form from `from` to `to` (inclusive), in no particular order. */
export async function formsForExport(q: Db, from: string, to: string): Promise<ExportForm[]> {
  // One row per form (the note is free text, so it is not packed), its values packed beside it.
  const r = await q.query<{ id: number; code: string; name: string; month: string; received_on: string | null; note: string | null }>(
    `SELECT f.id, t.code, t.name, f.month, f.received_on, f.note FROM form f JOIN team t ON t.id = f.team_id WHERE f.month BETWEEN $1 AND $2`,
    [from, to],
  );
  const v = await q.query<{ vals: string | null }>(
    `SELECT ${PACKED_VALUES.sql()} AS vals FROM form_value v JOIN form f ON f.id = v.form_id WHERE f.month BETWEEN $1 AND $2`,
    [from, to],
  );
  const byId = new Map<number, ExportForm>();
  const out = r.rows.map((f) => {
    const form: ExportForm = { teamCode: f.code, teamName: f.name, month: f.month, receivedOn: f.received_on, note: f.note, values: new Map() };
    byId.set(f.id, form);
    return form;
  });
  PACKED_VALUES.each(v.rows[0]?.vals ?? null, ([formId, code, value]) => void byId.get(formId)?.values.set(code, value));
  return out;
}

export interface ExportMember extends Pick<MemberRow, 'id' | 'fullName' | 'role' | 'organisation' | 'birthYear' | 'phone' | 'joinedOn'> {
  teamCode: string;
  /** Distinct training dates, ascending. */
  trainings: string[];
}

/** Current members (not those who left), in no particular order. */
export async function membersForExport(q: Db): Promise<ExportMember[]> {
  const r = await q.query<{ id: number; code: string; full_name: string; role: Role; organisation: string | null; birth_year: number | null; phone: string | null; joined_on: string | null }>(
    `SELECT m.id, t.code, m.full_name, m.role, m.organisation, m.birth_year, m.phone, m.joined_on
     FROM member m JOIN team t ON t.id = m.team_id WHERE m.left_on IS NULL`,
  );
  const t = await q.query<{ dates: string | null }>(
    `SELECT ${TRAINING_DATES.sql('tr.member_id, tr.held_on')} AS dates
     FROM (SELECT DISTINCT tr.member_id, tr.held_on FROM training tr JOIN member m ON m.id = tr.member_id WHERE m.left_on IS NULL) tr`,
  );
  const byId = new Map<number, ExportMember>();
  const out = r.rows.map((m) => {
    const row: ExportMember = {
      id: m.id,
      teamCode: m.code,
      fullName: m.full_name,
      role: m.role,
      organisation: m.organisation,
      birthYear: m.birth_year,
      phone: m.phone,
      joinedOn: m.joined_on,
      trainings: [],
    };
    byId.set(m.id, row);
    return row;
  });
  TRAINING_DATES.each(t.rows[0]?.dates ?? null, ([memberId, heldOn]) => void byId.get(memberId)?.trainings.push(heldOn));
  return out;
}
