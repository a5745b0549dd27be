// Monthly forms: one team × one month, a value per indicator (a blank has no row), received date,
// note. Every change is logged (old, new, when) so the officer can undo and see a form's history.
import type { Month } from '../domain/period.js';
import { valueSchema } from '../domain/schemas.js';
import type { Db } from './database.js';
import { packedRows } from './packed.js';

export type FormSource = 'typed' | 'csv';

export interface FormRow {
  id: number;
  teamId: number;
  month: Month;
  receivedOn: string | null;
  note: string | null;
  source: FormSource;
  values: Record<string, number>; // blank cells are absent
  /** The row version (migration 7): a screen keeps it to save with (form-versions.ts). */
  version: number;
}

export const FIELD_RECEIVED = '_ngay_nhan';
export const FIELD_NOTE = '_ghi_chu';
export const FIELD_FORM = '_phieu'; // the form itself was created or removed

/** Forms packed (packed.ts) as "id team month": `SELECT ${PACKED_FORMS.sql()} FROM form f`. */
export const PACKED_FORMS = packedRows([
  ['f.id', 'int'],
  ['f.team_id', 'int'],
  ['f.month', 'text'],
]);
/** Values packed as "formId code value": `SELECT ${PACKED_VALUES.sql()} FROM form_value v`. */
export const PACKED_VALUES = packedRows([
  ['v.form_id', 'int'],
  ['v.indicator', 'text'],
  ['v.value', 'int'],
]);

export async function getForm(q: Db, teamId: number, month: Month): Promise<FormRow | null> {
  const r = await q.query<Omit<FormRow, 'values'> & { values: Record<string, number> | null }>(
    `SELECT f.id, f.team_id AS "teamId", f.month, f.received_on AS "receivedOn", f.note, f.source, f.version,
            (SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id) AS values
     FROM form f WHERE f.team_id = $1 AND f.month = $2`,
    [teamId, month],
  );
  const row = r.rows[0];
  return row ? { ...row, values: row.values ?? {} } : null;
}

async function logChange(
  q: Db,
  teamId: number,
  month: Month,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  source: string,
): Promise<void> {
  await q.query(
    `INSERT INTO value_change (team_id, month, field, old_value, new_value, source) VALUES ($1, $2, $3, $4, $5, $6)`,
    [teamId, month, field, oldValue, newValue, source],
  );
}

/**
 * Make the empty form (with a log line) unless there is one. Its id, or null when another
 * transaction made it first (on a server: it waited for that one's commit; the form exists now).
 */
export async function insertFormIfNone(q: Db, teamId: number, month: Month, source: FormSource, receivedOn: string | null): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    'INSERT INTO form (team_id, month, source, received_on) VALUES ($1, $2, $3, $4) ON CONFLICT (team_id, month) DO NOTHING RETURNING id',
    [teamId, month, source, receivedOn],
  );
  if (!r.rows[0]) return null;
  await logChange(q, teamId, month, FIELD_FORM, null, 'tạo phiếu', source);
  return r.rows[0].id;
}

/** The form's id, creating an empty form (with a log line) if there is none. */
export async function ensureForm(q: Db, teamId: number, month: Month, source: FormSource, receivedOn: string | null = null): Promise<number> {
  const found = await q.query<{ id: number }>('SELECT id FROM form WHERE team_id = $1 AND month = $2', [teamId, month]);
  if (found.rows[0]) return found.rows[0].id;
  const made = await insertFormIfNone(q, teamId, month, source, receivedOn);
  if (made !== null) return made;
  const again = await q.query<{ id: number }>('SELECT id FROM form WHERE team_id = $1 AND month = $2', [teamId, month]);
  return again.rows[0]!.id;
}

/** Set one figure (null = blank). Returns false when nothing changed. */
export async function setValue(
  q: Db,
  teamId: number,
  month: Month,
  indicator: string,
  value: number | null,
  source: FormSource | 'undo' = 'typed',
): Promise<boolean> {
  if (value !== null) valueSchema.parse(value);
  const formId = await ensureForm(q, teamId, month, source === 'undo' ? 'typed' : source);
  const old = await q.query<{ value: number }>('SELECT value FROM form_value WHERE form_id = $1 AND indicator = $2', [
    formId,
    indicator,
  ]);
  const oldValue = old.rows[0]?.value ?? null;
  if (oldValue === value) return false;
  if (value === null) {
    await q.query('DELETE FROM form_value WHERE form_id = $1 AND indicator = $2', [formId, indicator]);
  } else {
    await q.query(
      `INSERT INTO form_value (form_id, indicator, value) VALUES ($1, $2, $3)
       ON CONFLICT (form_id, indicator) DO UPDATE SET value = $3`,
      [formId, indicator, value],
    );
  }
  await q.query('UPDATE form SET updated_at = now() WHERE id = $1', [formId]);
  await logChange(q, teamId, month, indicator, oldValue === null ? null : String(oldValue), value === null ? null : String(value), source);
  return true;
}

async function setFormField(
  q: Db,
  teamId: number,
  month: Month,
  column: 'received_on' | 'note',
  field: string,
  value: string | null,
  source: string,
): Promise<boolean> {
  const formId = await ensureForm(q, teamId, month, 'typed');
  const old = await q.query<{ v: string | null }>(`SELECT ${column}::text AS v FROM form WHERE id = $1`, [formId]);
  const oldValue = old.rows[0]?.v ?? null;
  if (oldValue === value) return false;
  await q.query(`UPDATE form SET ${column} = $2, updated_at = now() WHERE id = $1`, [formId, value]);
  await logChange(q, teamId, month, field, oldValue, value, source);
  return true;
}

export function setReceivedOn(q: Db, teamId: number, month: Month, iso: string | null, source = 'typed'): Promise<boolean> {
  return setFormField(q, teamId, month, 'received_on', FIELD_RECEIVED, iso, source);
}

export function setNote(q: Db, teamId: number, month: Month, note: string | null, source = 'typed'): Promise<boolean> {
  return setFormField(q, teamId, month, 'note', FIELD_NOTE, note, source);
}

export interface ChangeRow {
  id: number;
  at: Date;
  teamId: number;
  month: Month;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: string;
  undone: boolean;
  /** Who: the database role that wrote it, and the officer named in the settings then (null before schema 4). */
  byRole: string | null;
  byOfficer: string | null;
}

const CHANGE_SELECT = `SELECT id, at, team_id AS "teamId", month, field, old_value AS "oldValue", new_value AS "newValue", source, undone,
  by_role AS "byRole", by_officer AS "byOfficer" FROM value_change`;

/** A form's change history, newest first. */
export async function formHistory(q: Db, teamId: number, month: Month, limit = 200): Promise<ChangeRow[]> {
  const r = await q.query<ChangeRow>(CHANGE_SELECT + ' WHERE team_id = $1 AND month = $2 ORDER BY id DESC LIMIT $3', [
    teamId,
    month,
    limit,
  ]);
  return r.rows;
}

/** The setting a restore writes (import-batches.ts cutUndoHistory): the restored past is out of `u`'s reach. */
export const RESTORE_FLOOR = 'undo_floor';

/**
 * The newest change id that `u` may not reach: the last of the newest import (import_batch) or of
 * the state a restore brought (RESTORE_FLOOR). One SQL expression, so the undo reads it in its own query.
 */
export const UNDO_FLOOR_SQL = `GREATEST(
  (SELECT coalesce(max(last_change), 0) FROM import_batch),
  coalesce((SELECT value::bigint FROM setting WHERE key = '${RESTORE_FLOOR}' AND value ~ '^[0-9]+$'), 0))`;

/** What `u` may undo: one form (entry, history), or one month of every team (the month grid). */
export type UndoScope = { teamId: number; month: Month } | { month: Month };

/**
 * What `u` found: undone, or refused because the field no longer holds the value that change
 * wrote (another officer on the server changed it since, or the form was removed): then nothing
 * was written, and `current` / `since` say what is there now and who put it there.
 */
export type UndoOutcome =
  | { undone: true; change: ChangeRow }
  | { undone: false; change: ChangeRow; current: string | null; formGone: boolean; since: ChangeRow | null };

/** A form's field as the change log writes it (text; null: blank, or no form). */
async function fieldText(q: Db, teamId: number, month: Month, field: string): Promise<{ form: boolean; value: string | null }> {
  const f = await q.query<{ id: number; received: string | null; note: string | null }>(
    'SELECT id, received_on::text AS received, note FROM form WHERE team_id = $1 AND month = $2 FOR UPDATE',
    [teamId, month],
  );
  const form = f.rows[0];
  if (!form) return { form: false, value: null };
  if (field === FIELD_RECEIVED) return { form: true, value: form.received };
  if (field === FIELD_NOTE) return { form: true, value: form.note };
  const v = await q.query<{ v: string }>('SELECT value::text AS v FROM form_value WHERE form_id = $1 AND indicator = $2', [form.id, field]);
  return { form: true, value: v.rows[0]?.v ?? null };
}

/**
 * Undo the newest typed change not yet undone within the scope on screen, never reaching past the
 * newest import or restore (UNDO_FLOOR_SQL): put the old value back, log that as an 'undo'
 * change, and mark the original undone. Only this database role's own changes (on a server each
 * officer signs in as their own role; embedded there is one), and only while the field still holds
 * what that change wrote: undo never overwrites another officer's later value. Null: nothing to undo.
 */
export async function undoLast(q: Db, scope: UndoScope): Promise<UndoOutcome | null> {
  const team = 'teamId' in scope;
  const r = await q.query<ChangeRow>(
    CHANGE_SELECT +
      ` WHERE undone = false AND source = 'typed' AND field <> '${FIELD_FORM}' AND month = $1${team ? ' AND team_id = $2' : ''}
        AND (by_role IS NULL OR by_role = current_user) AND id > ${UNDO_FLOOR_SQL} ORDER BY id DESC LIMIT 1`,
    team ? [scope.month, scope.teamId] : [scope.month],
  );
  const c = r.rows[0];
  if (!c) return null;
  const now = await fieldText(q, c.teamId, c.month, c.field);
  if (!now.form || now.value !== c.newValue) {
    const since = await q.query<ChangeRow>(
      CHANGE_SELECT + ' WHERE team_id = $1 AND month = $2 AND field IN ($3, $4) AND id > $5 ORDER BY id DESC LIMIT 1',
      [c.teamId, c.month, c.field, FIELD_FORM, c.id],
    );
    return { undone: false, change: c, current: now.value, formGone: !now.form, since: since.rows[0] ?? null };
  }
  if (c.field === FIELD_RECEIVED) await setReceivedOn(q, c.teamId, c.month, c.oldValue, 'undo');
  else if (c.field === FIELD_NOTE) await setNote(q, c.teamId, c.month, c.oldValue, 'undo');
  else await setValue(q, c.teamId, c.month, c.field, c.oldValue === null ? null : Number(c.oldValue), 'undo');
  await q.query('UPDATE value_change SET undone = true WHERE id = $1', [c.id]);
  return { undone: true, change: c };
}

/** Every form of one month: team id → values (for the month grid and "next team without a form"). */
export async function formsOfMonth(q: Db, month: Month): Promise<Map<number, FormRow>> {
  const r = await q.query<Omit<FormRow, 'values'> & { values: Record<string, number> | null }>(
    `SELECT f.id, f.team_id AS "teamId", f.month, f.received_on AS "receivedOn", f.note, f.source, f.version,
            (SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id) AS values
     FROM form f WHERE f.month = $1`,
    [month],
  );
  return new Map(r.rows.map((row) => [row.teamId, { ...row, values: row.values ?? {} }]));
}

/** A team's values of one indicator over earlier months (for last month's value and the median warning). */
export async function teamHistory(q: Db, teamId: number, before: Month, months = 12): Promise<Map<Month, Record<string, number>>> {
  const r = await q.query<{ month: Month; values: Record<string, number> | null }>(
    `SELECT f.month, (SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id) AS values
     FROM form f WHERE f.team_id = $1 AND f.month < $2 ORDER BY f.month DESC LIMIT $3`,
    [teamId, before, months],
  );
  return new Map(r.rows.map((row) => [row.month, row.values ?? {}]));
}

export interface NewForm {
  teamId: number;
  month: Month;
  receivedOn: string | null;
  note: string | null;
  values: Record<string, number>;
}

/** Insert many new forms in two statements (demo data, tests). Fails if a team-month exists. */
export async function insertFormsBulk(q: Db, forms: readonly NewForm[], source: FormSource): Promise<void> {
  if (forms.length === 0) return;
  const r = await q.query<{ id: number; team_id: number; month: Month }>(
    `INSERT INTO form (team_id, month, received_on, note, source)
     SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::text[], $5::text[]) RETURNING id, team_id, month`,
    [forms.map((f) => f.teamId), forms.map((f) => f.month), forms.map((f) => f.receivedOn), forms.map((f) => f.note), forms.map(() => source)],
  );
  const ids = new Map(r.rows.map((row) => [`${row.team_id}|${row.month}`, row.id]));
  const formIds: number[] = [];
  const codes: string[] = [];
  const values: number[] = [];
  for (const f of forms) {
    const id = ids.get(`${f.teamId}|${f.month}`)!;
    for (const [code, v] of Object.entries(f.values)) {
      formIds.push(id);
      codes.push(code);
      values.push(v);
    }
  }
  await q.query(
    `INSERT INTO form_value (form_id, indicator, value) SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`,
    [formIds, codes, values],
  );
}

/** Ids of the teams that have a form for the month (light: the entry picker's marks). */
export async function teamsWithForm(q: Db, month: Month): Promise<Set<number>> {
  const r = await q.query<{ team_id: number }>('SELECT team_id FROM form WHERE month = $1', [month]);
  return new Set(r.rows.map((row) => row.team_id));
}

/** A field of the paper form: an indicator code, FIELD_RECEIVED or FIELD_NOTE. */
export type EntryValue = number | string | null;

/**
 * Save one field of the paper-form flow (call inside a transaction). A form that does not exist
 * yet is created with `receivedOnIfNew` (the date shown on screen), so a form typed in and left
 * half-way is still counted as received. Returns false when nothing changed.
 */
export async function enterField(
  q: Db,
  teamId: number,
  month: Month,
  field: string,
  value: EntryValue,
  receivedOnIfNew: string | null,
): Promise<boolean> {
  const existed = (await q.query('SELECT 1 FROM form WHERE team_id = $1 AND month = $2', [teamId, month])).rows.length > 0;
  if (!existed) await ensureForm(q, teamId, month, 'typed', field === FIELD_RECEIVED ? (value as string | null) : receivedOnIfNew);
  if (field === FIELD_RECEIVED) return existed ? setReceivedOn(q, teamId, month, value as string | null) : true;
  if (field === FIELD_NOTE) return (await setNote(q, teamId, month, value as string | null)) || !existed;
  return (await setValue(q, teamId, month, field, value as number | null)) || !existed;
}
