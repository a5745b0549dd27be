// Writing a checked figures file in one transaction, set-based: the forms through a small
// staging table, the values by COPY (PGlite's COPY FROM '/dev/blob'; `unnest` batches are the
// plain-PostgreSQL fallback). Measured on PGlite (2,000 teams × 12 months × 13 values): per-row
// foreign-key triggers cost ~5 s for 312,000 values, the COPY itself ~1 s — so while copying the
// values we switch those triggers off and check the same keys afterwards with one anti-join.
//
// The log (value_change, source 'csv'): a new form gets one line (created from CSV, with how many
// values; its values are the form's current ones until a later logged change); a replaced form
// gets a line per changed value, received date and note (old → new). Nothing is lost.
import type { CopyValue, Db } from '../../db/database.js';
import { FIELD_FORM, FIELD_NOTE, FIELD_RECEIVED } from '../../db/forms.js';
import type { FiguresCheck, StagedForm } from './figures-check.js';

export type Staging = 'copy' | 'unnest';

export interface WriteOptions {
  staging?: Staging;
  /** Called as the values are written: values done, values in all. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

const VALUES_PER_BATCH = 50_000;

export async function writeFigures(tx: Db, check: FiguresCheck, opts: WriteOptions = {}): Promise<void> {
  const forms = check.forms;
  if (forms.length === 0) return;
  const staging = opts.staging ?? 'copy';
  const total = check.values;
  await opts.onProgress?.(0, total);

  // 1. Stage the forms; replaced forms change only where the file differs from the database.
  await tx.exec(`
    CREATE TEMP TABLE imp_form (form_id int, team_id int, month text, received_on date, note text, n int) ON COMMIT DROP;
    CREATE TEMP TABLE imp_diff (seq int, form_id int, team_id int, month text, field text, old_value text, new_value text) ON COMMIT DROP;`);
  await load(
    tx,
    staging,
    'imp_form',
    ['form_id', 'team_id', 'month', 'received_on', 'note', 'n'],
    ['int', 'int', 'text', 'date', 'text', 'int'],
    forms.map((f) => [f.formId, f.teamId, f.month, f.receivedOn, f.note, f.codes.length]),
  );
  let done = 0;
  const replaced = forms.filter((f) => f.formId !== null);
  if (replaced.length) {
    const diff = await diffReplaced(tx, replaced, check);
    if (diff.length) {
      await load(tx, staging, 'imp_diff', ['seq', 'form_id', 'team_id', 'month', 'field', 'old_value', 'new_value'], ['int', 'int', 'int', 'text', 'text', 'text', 'text'], diff);
      const formFields = `('${FIELD_RECEIVED}', '${FIELD_NOTE}')`;
      await tx.query(
        `INSERT INTO value_change (team_id, month, field, old_value, new_value, source)
         SELECT team_id, month, field, old_value, new_value, 'csv' FROM imp_diff ORDER BY seq`,
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
    await opts.onProgress?.(done, total);
  }

  // 2. New forms, one log line each.
  const fresh = forms.filter((f) => f.formId === null);
  if (fresh.length) {
    await tx.query(
      `INSERT INTO value_change (team_id, month, field, old_value, new_value, source)
       SELECT team_id, month, '${FIELD_FORM}', NULL, 'tạo phiếu từ tệp CSV (' || n || ' số liệu)', 'csv'
       FROM imp_form WHERE form_id IS NULL ORDER BY team_id, month`,
    );
    const ids = await tx.query<{ id: number; k: string }>(
      `INSERT INTO form (team_id, month, received_on, note, source)
       SELECT team_id, month, received_on, note, 'csv' FROM imp_form WHERE form_id IS NULL ORDER BY team_id, month
       RETURNING id, team_id || '|' || month AS k`,
    );
    const byKey = new Map(ids.rows.map((r) => [r.k, r.id]));
    for (const f of fresh) f.formId = byKey.get(`${f.teamId}|${f.month}`)!;
  }

  // 3. The values, in batches so the progress bar moves.
  const fast = fresh.length > 0 && staging === 'copy' && (await canSkipTriggers(tx));
  if (fast) await tx.query('SET LOCAL session_replication_role = replica');
  for (let start = 0; start < fresh.length; ) {
    let end = start;
    let n = 0;
    while (end < fresh.length && n < VALUES_PER_BATCH) n += fresh[end++]!.codes.length;
    if (n) await copyValues(tx, staging, fresh.slice(start, end));
    done += n;
    start = end;
    await opts.onProgress?.(done, total);
  }
  if (fast) {
    await tx.query('SET LOCAL session_replication_role = origin');
    await checkKeys(tx);
  }
}

type Row = (string | number | null)[];

/** What changes in the forms being replaced: a row per changed value, received date and note. */
async function diffReplaced(tx: Db, replaced: readonly StagedForm[], check: FiguresCheck): Promise<Row[]> {
  const r = await tx.query<{ id: number; received_on: string | null; note: string | null; vals: string | null }>(
    `SELECT f.id, f.received_on::text AS received_on, f.note,
            (SELECT string_agg(v.indicator || '=' || v.value, ',') FROM form_value v WHERE v.form_id = f.id) AS vals
     FROM form f JOIN imp_form s ON s.form_id = f.id`,
  );
  const old = new Map(r.rows.map((row) => [row.id, row]));
  const out: Row[] = [];
  const push = (f: StagedForm, field: string, o: string | null, n: string | null) =>
    out.push([out.length, f.formId, f.teamId, f.month, field, o, n]);
  for (const f of replaced) {
    const o = old.get(f.formId!)!;
    if (check.setReceived && o.received_on !== f.receivedOn) push(f, FIELD_RECEIVED, o.received_on, f.receivedOn);
    if (check.setNote && o.note !== f.note) push(f, FIELD_NOTE, o.note, f.note);
    const before = new Map<string, string>();
    if (o.vals)
      for (const pair of o.vals.split(',')) {
        const eq = pair.indexOf('=');
        before.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    for (let k = 0; k < f.codes.length; k++) {
      const code = f.codes[k]!;
      const now = String(f.values[k]!);
      const was = before.get(code) ?? null;
      before.delete(code);
      if (was !== now) push(f, code, was, now);
    }
    for (const [code, was] of before) push(f, code, was, null);
  }
  return out;
}

/** The values of new forms straight into form_value. */
async function copyValues(tx: Db, staging: Staging, forms: readonly StagedForm[]): Promise<void> {
  if (staging === 'unnest') {
    const rows: Row[] = [];
    for (const f of forms) for (let k = 0; k < f.codes.length; k++) rows.push([f.formId, f.codes[k]!, f.values[k]!]);
    return load(tx, staging, 'form_value', ['form_id', 'indicator', 'value'], ['int', 'text', 'int'], rows);
  }
  await tx.copyRows('form_value', ['form_id', 'indicator', 'value'], valueRows(forms));
}

function* valueRows(forms: readonly StagedForm[]): Generator<readonly CopyValue[]> {
  for (const f of forms) for (let k = 0; k < f.codes.length; k++) yield [f.formId, f.codes[k]!, f.values[k]!];
}

/**
 * Only when no trigger of our own is on the tables and we may (superuser, as in PGlite): the
 * keys are then checked by checkKeys. Otherwise the triggers run as usual (slower, same result).
 */
async function canSkipTriggers(tx: Db): Promise<boolean> {
  const r = await tx.query<{ su: string; user_triggers: number }>(
    `SELECT current_setting('is_superuser') AS su,
            (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'form_value'::regclass AND NOT tgisinternal) AS user_triggers`,
  );
  return r.rows[0]?.su === 'on' && r.rows[0]?.user_triggers === 0;
}

/** The foreign keys of the values just copied, checked set-based: any miss aborts the import. */
async function checkKeys(tx: Db): Promise<void> {
  const missing = await tx.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM form_value v
     LEFT JOIN indicator i ON i.code = v.indicator LEFT JOIN form f ON f.id = v.form_id
     WHERE i.code IS NULL OR f.id IS NULL`,
  );
  if ((missing.rows[0]?.bad ?? 0) > 0) throw new Error(`Lỗi toàn vẹn dữ liệu khi nhập: ${missing.rows[0]!.bad} số liệu không khớp tổ/chỉ số; không ghi gì.`);
}

type SqlType = 'int' | 'text' | 'date';

/** Rows into a table: COPY (copyRows), or unnest in batches. */
async function load(tx: Db, staging: Staging, table: string, columns: readonly string[], types: readonly SqlType[], rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  if (rows.length === 0) return;
  if (staging === 'copy') {
    await tx.copyRows(table, columns, rows);
    return;
  }
  const BATCH = 10_000;
  const casts = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  for (let s = 0; s < rows.length; s += BATCH) {
    const slice = rows.slice(s, s + BATCH);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts})`, types.map((_, i) => slice.map((r) => r[i] ?? null)));
  }
}
