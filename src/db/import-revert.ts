// Undoing a figures import's writes set-based (a year's import made ~24,000 forms: one DELETE and
// one log line each, statement by statement, was the slow part). Same result as putting back each
// logged change newest first (setValue / setNote / setReceivedOn, then the form's removal): the
// same 'undo' log lines in the same order, only where the field still differs from what it was.
import type { Db } from './database.js';
import { FIELD_FORM, FIELD_NOTE, FIELD_RECEIVED } from './forms.js';

const FORM_FIELDS = `('${FIELD_FORM}', '${FIELD_RECEIVED}', '${FIELD_NOTE}')`;

/**
 * What each of the batch's lines was (its field's value before the import: the earliest line per
 * field wins, as when undone one by one newest first). Callers check first that nothing later
 * touched these forms (import-batches.ts), so the forms are still as the import left them.
 */
const TARGETS = `SELECT DISTINCT ON (c.team_id, c.month, c.field) c.team_id, c.month, c.field, c.old_value, f.id AS form_id
  FROM value_change c JOIN form f ON f.team_id = c.team_id AND f.month = c.month
  WHERE c.batch_id = $1 AND c.field NOT IN ${FORM_FIELDS}
  ORDER BY c.team_id, c.month, c.field, c.id`;

/** Put back everything batch `id` of a figures import wrote; a handful of statements whatever its size. */
export async function revertBatch(tx: Db, id: number): Promise<void> {
  // 1. The log lines (newest change first, as the loop logged them), and the received dates,
  // notes and updated_at of the forms whose fields change; the values' current text is read first.
  await tx.query(
    `WITH logged AS (
       INSERT INTO value_change (team_id, month, field, old_value, new_value, source)
       SELECT c.team_id, c.month, c.field,
              CASE WHEN c.field = '${FIELD_FORM}' THEN 'phiếu từ tệp' ELSE cur.v END,
              CASE WHEN c.field = '${FIELD_FORM}' THEN 'xoá phiếu (hoàn tác lần nhập)' ELSE c.old_value END, 'undo'
       FROM value_change c
       LEFT JOIN form f ON f.team_id = c.team_id AND f.month = c.month
       LEFT JOIN form_value v ON v.form_id = f.id AND v.indicator = c.field
       CROSS JOIN LATERAL (SELECT CASE c.field WHEN '${FIELD_RECEIVED}' THEN f.received_on::text
                                   WHEN '${FIELD_NOTE}' THEN f.note ELSE v.value::text END AS v) cur
       WHERE c.batch_id = $1 AND (c.field = '${FIELD_FORM}' OR (f.id IS NOT NULL AND cur.v IS DISTINCT FROM c.old_value))
       ORDER BY c.id DESC
       RETURNING id, team_id, month, field, new_value),
     r AS (
       SELECT team_id, month,
              bool_or(field = '${FIELD_RECEIVED}') AS set_r, (array_agg(new_value ORDER BY id DESC) FILTER (WHERE field = '${FIELD_RECEIVED}'))[1] AS rec,
              bool_or(field = '${FIELD_NOTE}') AS set_n, (array_agg(new_value ORDER BY id DESC) FILTER (WHERE field = '${FIELD_NOTE}'))[1] AS note
       FROM logged WHERE field <> '${FIELD_FORM}' GROUP BY team_id, month)
     UPDATE form f SET received_on = CASE WHEN r.set_r THEN r.rec::date ELSE f.received_on END,
                       note = CASE WHEN r.set_n THEN r.note ELSE f.note END, updated_at = now()
     FROM r WHERE f.team_id = r.team_id AND f.month = r.month`,
    [id],
  );
  // 2. The values: blank before the import → removed; otherwise put back where they differ.
  await tx.query(
    `DELETE FROM form_value v USING (${TARGETS}) t WHERE t.old_value IS NULL AND v.form_id = t.form_id AND v.indicator = t.field`,
    [id],
  );
  await tx.query(
    `INSERT INTO form_value (form_id, indicator, value)
     SELECT form_id, field, old_value::int FROM (${TARGETS}) t WHERE t.old_value IS NOT NULL
     ON CONFLICT (form_id, indicator) DO UPDATE SET value = EXCLUDED.value WHERE form_value.value IS DISTINCT FROM EXCLUDED.value`,
    [id],
  );
  // 3. The forms it made (their values go with them: ON DELETE CASCADE).
  await tx.query(
    `DELETE FROM form f USING value_change c WHERE c.batch_id = $1 AND c.field = '${FIELD_FORM}' AND f.team_id = c.team_id AND f.month = c.month`,
    [id],
  );
}
