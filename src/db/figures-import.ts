// Writing a checked figures file in one transaction, set-based: the forms through a small
// staging table, the values by COPY (copyRows); the new rows' foreign keys checked once after
// the writes rather than row by row (bulk-keys.ts says why, with the numbers).
//
// The log (value_change, source 'csv'): a new form gets one line (created from CSV, with how many
// values; its values are the form's current ones until a later logged change); a replaced form
// gets a line per changed value, received date and note (old → new). Nothing is lost. A replaced
// form changes only what the file speaks of (FiguresWrite.columns).
import { type BulkKeys, dropValueKey, openBulkKeys } from './bulk-keys.js';
import type { CopyValue, Db } from './database.js';
import { FIELD_FORM, FIELD_NOTE, FIELD_RECEIVED, PACKED_FORMS, PACKED_VALUES } from './forms.js';
import type { Month } from '../domain/period.js';
import { teamIdsByCode } from './roster-import.js';

/** A form of the file, checked: what to write. */
export interface StagedForm {
  teamId: number;
  month: Month;
  receivedOn: string | null;
  note: string | null;
  codes: string[];
  values: number[];
  /** The form already in the database (it will be replaced), or null for a new one. */
  formId: number | null;
}

/** What the file's header says about every form of it. */
export interface FiguresShape {
  /** The file has a received-date column: replaced forms take its dates. */
  setReceived: boolean;
  /** The file has a note column: replaced forms take its notes. */
  setNote: boolean;
  /**
   * The indicators whose columns the file has (wide layout): a replaced form's value of one of
   * them that the file leaves blank is cleared; every other indicator keeps its value. Null (long
   * layout): a form replaces only the indicators of its own rows.
   */
  columns: ReadonlySet<string> | null;
}

export interface FiguresLookups {
  teams: Map<string, number>; // code → id
  indicators: Set<string>;
  existing: Map<string, number>; // formKey → form id
  /** Days and hours active of the existing forms (form id → code → value): impossible values are judged after the merge. */
  activity: Map<number, Map<string, number>>;
}

const ACTIVITY_CODES = ['ngay_hoat_dong', 'gio_hoat_dong'];

export const formKey = (teamId: number, month: string) => `${teamId}|${month}`;

/** What checking a figures file looks up: the team codes, the indicators, the forms that exist. */
export async function loadFiguresLookups(q: Db): Promise<FiguresLookups> {
  const [teams, inds, forms, act] = await Promise.all([
    teamIdsByCode(q),
    q.query<{ code: string }>('SELECT code FROM indicator'),
    q.query<{ forms: string | null }>(`SELECT ${PACKED_FORMS.sql()} AS forms FROM form f`),
    q.query<{ vals: string | null }>(`SELECT ${PACKED_VALUES.sql()} AS vals FROM form_value v WHERE v.indicator = ANY($1::text[])`, [ACTIVITY_CODES]),
  ]);
  const existing = new Map<string, number>();
  PACKED_FORMS.each(forms.rows[0]?.forms ?? null, ([id, team, month]) => void existing.set(formKey(team, month), id));
  const activity = new Map<number, Map<string, number>>();
  PACKED_VALUES.each(act.rows[0]?.vals ?? null, ([id, code, value]) => {
    let m = activity.get(id);
    if (!m) activity.set(id, (m = new Map()));
    m.set(code, value);
  });
  return { teams, indicators: new Set(inds.rows.map((i) => i.code)), existing, activity };
}

export interface WriteOptions {
  /** Called as the values are written: values done, values in all. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Tests: check the values' keys after the copy (as on PGlite) or by the triggers (as elsewhere). */
  keys?: KeyCheck;
  /** The import batch every logged change belongs to (import-batches.ts): undone as a whole. */
  batchId?: number | null;
  /** The values in all, as far as known when `done` are written (a file read as it is written: an estimate). */
  total?: (done: number) => number;
}

/**
 * 'after-copy' (the default): write the new forms, their log lines and values with PostgreSQL's
 * per-row foreign-key triggers off and check the same keys afterwards, one anti-join per table
 * (bulk-keys.ts: the numbers, and what stays on). Only where it is allowed and every trigger of
 * ours is kept; elsewhere (a server's ordinary role) the triggers run, as with 'triggers'.
 */
export type KeyCheck = 'after-copy' | 'triggers';

export interface FiguresWriter {
  /** Write a batch of checked forms (any number of batches, in the file's order). */
  write(forms: StagedForm[]): Promise<void>;
  /** After the last batch: the keys of every row written are checked. */
  finish(): Promise<void>;
  /** How the keys are checked: after the writes (fast) or by the triggers, row by row. */
  readonly keys: KeyCheck;
}

/**
 * A writer of checked forms in batches, inside the caller's transaction: a file is written as it
 * is read, so memory stays bounded whatever its size (a refused row later on rolls it all back).
 */
export async function openFiguresWriter(tx: Db, shape: FiguresShape, opts: WriteOptions = {}): Promise<FiguresWriter> {
  await tx.exec(`
    CREATE TEMP TABLE imp_form (form_id int, team_id int, month text, received_on date, note text, n int) ON COMMIT DROP;
    CREATE TEMP TABLE imp_diff (seq int, form_id int, team_id int, month text, field text, old_value text, new_value text) ON COMMIT DROP;`);
  const keys = await openBulkKeys(tx, (opts.keys ?? 'after-copy') === 'after-copy');
  const pk = await valueKeyLater(tx, keys);
  let done = 0;
  await opts.onProgress?.(0, opts.total?.(0) ?? 0);
  return {
    keys: keys.fast ? 'after-copy' : 'triggers',
    async write(forms) {
      if (forms.length === 0) return;
      await tx.exec('TRUNCATE imp_form, imp_diff');
      const n = await writeBatch(tx, forms, shape, opts, keys);
      done += n;
      await opts.onProgress?.(done, opts.total?.(done) ?? done);
    },
    async finish() {
      await pk.restore();
      await keys.finish();
    },
  };
}

/**
 * The first import into a database with no form at all (a commune's year loaded at once): the
 * values' primary key is built once at the end, from sorted rows (bulk-keys.ts dropValueKey, with
 * the numbers). Only then: every form of the file is new (no replaced form reads values by that
 * key meanwhile), and the build costs what the file holds. Only where the key triggers are off too
 * (PGlite, a server's superuser): the DROP holds the table exclusively until the commit.
 */
async function valueKeyLater(tx: Db, keys: BulkKeys): Promise<{ restore(): Promise<void> }> {
  const none = { restore: async () => {} };
  if (!keys.fast) return none;
  const r = await tx.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM form) AND NOT EXISTS (SELECT 1 FROM form_value) AS empty');
  if (!r.rows[0]?.empty) return none;
  return { restore: await dropValueKey(tx) };
}

/** A whole checked file at once (tests, scripts): one writer, one batch. */
export async function writeFigures(tx: Db, check: FiguresShape & { forms: StagedForm[] }, opts: WriteOptions = {}): Promise<void> {
  const w = await openFiguresWriter(tx, check, opts);
  await w.write(check.forms);
  await w.finish();
}

/** One batch: forms staged, replaced ones changed only where the file differs, new ones made, their values copied. */
async function writeBatch(tx: Db, forms: StagedForm[], check: FiguresShape, opts: WriteOptions, keys: BulkKeys): Promise<number> {
  // 1. Stage the forms; replaced forms change only where the file differs from the database.
  await tx.copyRows(
    'imp_form',
    ['form_id', 'team_id', 'month', 'received_on', 'note', 'n'],
    forms.map((f) => [f.formId, f.teamId, f.month, f.receivedOn, f.note, f.codes.length]),
  );
  let done = 0;
  const replaced = forms.filter((f) => f.formId !== null);
  if (replaced.length) {
    const diff = await diffReplaced(tx, replaced, check);
    if (diff.length) {
      await tx.copyRows('imp_diff', ['seq', 'form_id', 'team_id', 'month', 'field', 'old_value', 'new_value'], diff);
      const formFields = `('${FIELD_RECEIVED}', '${FIELD_NOTE}')`;
      await tx.query(
        `INSERT INTO value_change (team_id, month, field, old_value, new_value, source, batch_id)
         SELECT team_id, month, field, old_value, new_value, 'csv', $1::bigint FROM imp_diff ORDER BY seq`,
        [opts.batchId ?? null],
      );
      await tx.query(
        `UPDATE form f SET source = 'csv', updated_at = now()
           ${check.setReceived ? ', received_on = s.received_on' : ''}${check.setNote ? ', note = s.note' : ''}
         FROM imp_form s WHERE f.id = s.form_id AND f.id IN (SELECT form_id FROM imp_diff)`,
      );
      await tx.query(
        `DELETE FROM form_value v USING imp_diff d
         WHERE v.form_id = d.form_id AND v.indicator = d.field AND d.old_value IS NOT NULL AND d.field NOT IN ${formFields}`,
      );
      await tx.query(
        `INSERT INTO form_value (form_id, indicator, value)
         SELECT form_id, field, new_value::int FROM imp_diff WHERE new_value IS NOT NULL AND field NOT IN ${formFields}`,
      );
    }
    for (const f of replaced) done += f.codes.length;
  }

  // 2. New forms, one log line each (the key triggers off where allowed: checked in finish()).
  const fresh = forms.filter((f) => f.formId === null);
  if (fresh.length) await keys.writing(() => writeFresh(tx, fresh, opts));
  return done + fresh.reduce((a, f) => a + f.codes.length, 0);
}

/** New forms: their log lines, the forms, their values by COPY. */
async function writeFresh(tx: Db, fresh: StagedForm[], opts: WriteOptions): Promise<void> {
  // The officer once, not by the column's default: a function call per row cost ~⅓ of this statement.
  await tx.query(
    `INSERT INTO value_change (team_id, month, field, old_value, new_value, source, batch_id, by_officer)
     SELECT team_id, month, '${FIELD_FORM}', NULL, 'tạo phiếu từ tệp CSV (' || n || ' số liệu)', 'csv', $1::bigint, (SELECT tonghop_officer())
     FROM imp_form WHERE form_id IS NULL ORDER BY team_id, month`,
    [opts.batchId ?? null],
  );
  const ids = await tx.query<{ forms: string | null }>(
    `WITH made AS (
       INSERT INTO form (team_id, month, received_on, note, source)
       SELECT team_id, month, received_on, note, 'csv' FROM imp_form WHERE form_id IS NULL ORDER BY team_id, month
       RETURNING id, team_id, month)
     SELECT ${PACKED_FORMS.sql()} AS forms FROM made f`,
  );
  const byKey = new Map<string, number>();
  PACKED_FORMS.each(ids.rows[0]?.forms ?? null, ([id, team, month]) => void byKey.set(formKey(team, month), id));
  for (const f of fresh) f.formId = byKey.get(formKey(f.teamId, f.month))!;

  // 3. Their values, by COPY. The forms' INSERT has just stamped these teams (its trigger, this
  // transaction): the values' stamp trigger is skipped, as a typed save skips it (migration 11's
  // setting, tested by the trigger's WHEN); it was ~10 % of the COPY. A failed COPY aborts the
  // transaction, the setting with it.
  await tx.query(`SELECT set_config('tonghop.save_stamps', 'on', true)`);
  await tx.copyRows('form_value', ['form_id', 'indicator', 'value'], valueRows(fresh, 0, fresh.length));
  await tx.query(`SELECT set_config('tonghop.save_stamps', '', true)`);
}

function* valueRows(forms: readonly StagedForm[], start: number, end: number): Generator<readonly CopyValue[]> {
  for (let i = start; i < end; i++) {
    const f = forms[i]!;
    for (let k = 0; k < f.codes.length; k++) yield [f.formId, f.codes[k]!, f.values[k]!];
  }
}

/** What changes in the forms being replaced: a row per changed value, received date and note. */
async function diffReplaced(tx: Db, replaced: readonly StagedForm[], check: FiguresShape): Promise<CopyValue[][]> {
  const r = await tx.query<{ id: number; received_on: string | null; note: string | null; vals: string | null }>(
    `SELECT f.id, f.received_on, f.note, (SELECT ${PACKED_VALUES.sql()} FROM form_value v WHERE v.form_id = f.id) AS vals
     FROM form f JOIN imp_form s ON s.form_id = f.id`,
  );
  const old = new Map(r.rows.map((row) => [row.id, row]));
  const out: CopyValue[][] = [];
  const push = (f: StagedForm, field: string, o: string | null, n: string | null) => out.push([out.length, f.formId, f.teamId, f.month, field, o, n]);
  for (const f of replaced) {
    const o = old.get(f.formId!)!;
    if (check.setReceived && o.received_on !== f.receivedOn) push(f, FIELD_RECEIVED, o.received_on, f.receivedOn);
    if (check.setNote && o.note !== f.note) push(f, FIELD_NOTE, o.note, f.note);
    const before = new Map<string, string>();
    PACKED_VALUES.each(o.vals, ([, code, value]) => void before.set(code, String(value)));
    for (let k = 0; k < f.codes.length; k++) {
      const code = f.codes[k]!;
      const now = String(f.values[k]!);
      const was = before.get(code) ?? null;
      before.delete(code);
      if (was !== now) push(f, code, was, now);
    }
    // An indicator the file has no column (or, long, no row) for is not the file's to clear.
    for (const [code, was] of before) if (check.columns?.has(code)) push(f, code, was, null);
  }
  return out;
}
