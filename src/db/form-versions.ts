// Optimistic concurrency for the typed saves (issue #13): several officers on one server, not
// last-write-wins. A screen keeps the version of each form it shows (form.version, migration 7)
// and the value each field showed; a save of a field whose value changed since it was shown is
// refused, with the value now stored, who stored it and when (the change log, migration 4).
//
// The version is per form, so another officer's save to *another* field of the same form moves
// it too: then this field alone is compared (what it showed against what is stored), and a save
// that does not overwrite anything unseen goes through.
import type { Month } from '../domain/period.js';
import type { Db } from './database.js';
import { type EntryValue, FIELD_FORM, FIELD_NOTE, FIELD_RECEIVED, enterField, insertFormIfNone } from './forms.js';

/** What the screen showed: the form's version (null: no form on screen) and this field's value. */
export interface Shown {
  version: number | null;
  value: EntryValue;
}

/** A refused save: the field, the value on the officer's screen, the one stored now, who and when. */
export interface Conflict {
  teamId: number;
  month: Month;
  field: string;
  shown: EntryValue;
  stored: EntryValue;
  /** What this save would have written (not written). */
  attempted: EntryValue;
  /** The newest logged change of the field (or of the form itself): when and who; null if none is logged. */
  at: Date | null;
  byRole: string | null;
  byOfficer: string | null;
  source: string | null;
}

export type SaveOutcome =
  /** Saved. `before`: the form's version found (null: this save made the form); `version`: its version now. */
  | { ok: true; changed: boolean; before: number | null; version: number }
  | { ok: false; conflict: Conflict };

/**
 * Save one field of the paper form or the grid (call inside a transaction): enterField, unless
 * the value changed since the screen showed it. Writes nothing when refused.
 */
export async function saveField(
  q: Db,
  teamId: number,
  month: Month,
  field: string,
  value: EntryValue,
  receivedOnIfNew: string | null,
  shown: Shown,
): Promise<SaveOutcome> {
  let before: number | null = null;
  let created = false;
  // The form is as shown: one statement checks the version, locks the row and renews it.
  const same =
    shown.version !== null &&
    (await q.query('UPDATE form SET updated_at = now() WHERE team_id = $1 AND month = $2 AND version = $3 RETURNING id', [teamId, month, shown.version]))
      .rows.length > 0;
  if (same) before = shown.version;
  // Otherwise lock the form as it is now and compare this field only. A form nobody has made yet
  // is made here; if another transaction made it meanwhile, look again at theirs.
  for (let attempt = 0; !same && attempt < 2; attempt++) {
    const cur = await q.query<{ version: number }>('SELECT version FROM form WHERE team_id = $1 AND month = $2 FOR UPDATE', [teamId, month]);
    const stored = cur.rows[0] ? await storedValue(q, teamId, month, field) : null;
    if (stored !== shown.value && stored !== value) return { ok: false, conflict: await describeConflict(q, teamId, month, field, shown.value, stored, value) };
    if (cur.rows[0]) {
      before = cur.rows[0].version;
      break;
    }
    created = (await insertFormIfNone(q, teamId, month, 'typed', field === FIELD_RECEIVED ? (value as string | null) : receivedOnIfNew)) !== null;
    if (created) break;
  }
  const changed = (await enterField(q, teamId, month, field, value, receivedOnIfNew)) || created;
  const now = await q.query<{ version: number }>('SELECT version FROM form WHERE team_id = $1 AND month = $2', [teamId, month]);
  return { ok: true, changed, before, version: now.rows[0]!.version };
}

/** The field's value in the database now (null: blank, or no form). */
async function storedValue(q: Db, teamId: number, month: Month, field: string): Promise<EntryValue> {
  if (field === FIELD_RECEIVED || field === FIELD_NOTE) {
    const col = field === FIELD_RECEIVED ? 'received_on::text' : 'note';
    const r = await q.query<{ v: string | null }>(`SELECT ${col} AS v FROM form WHERE team_id = $1 AND month = $2`, [teamId, month]);
    return r.rows[0]?.v ?? null;
  }
  const r = await q.query<{ v: number }>(
    'SELECT v.value AS v FROM form_value v JOIN form f ON f.id = v.form_id WHERE f.team_id = $1 AND f.month = $2 AND v.indicator = $3',
    [teamId, month, field],
  );
  return r.rows[0]?.v ?? null;
}

async function describeConflict(q: Db, teamId: number, month: Month, field: string, shown: EntryValue, stored: EntryValue, attempted: EntryValue): Promise<Conflict> {
  const r = await q.query<{ at: Date; byRole: string | null; byOfficer: string | null; source: string }>(
    `SELECT at, by_role AS "byRole", by_officer AS "byOfficer", source FROM value_change
     WHERE team_id = $1 AND month = $2 AND field IN ($3, $4) ORDER BY id DESC LIMIT 1`,
    [teamId, month, field, FIELD_FORM],
  );
  const c = r.rows[0];
  return { teamId, month, field, shown, stored, attempted, at: c?.at ?? null, byRole: c?.byRole ?? null, byOfficer: c?.byOfficer ?? null, source: c?.source ?? null };
}
