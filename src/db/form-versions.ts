// Optimistic concurrency for the typed saves (issue #13): several officers on one server, not
// last-write-wins. A screen keeps the version of each form it shows (form.version, migration 7)
// and the value each field showed; a save of a field whose value changed since it was shown is
// refused, with the value now stored, who stored it and when (the change log, migration 4).
//
// The version is per form, so another officer's save to *another* field of the same form moves
// it too: then this field alone is compared (what it showed against what is stored), and a save
// that does not overwrite anything unseen goes through.
import type { Month } from '../domain/period.js';
import { type Db, type DbRunner, atomically } from './database.js';
import { type EntryValue, FIELD_NOTE, FIELD_RECEIVED, SAVE_FIELD_SQL, type SaveFieldRow, saveFieldParams } from './forms.js';

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
 * the value changed since the screen showed it. Writes nothing when refused. One statement
 * (tonghop_save_field, migration 9): the form's row lock is held for the save's own work only.
 */
export async function saveField(q: Db, teamId: number, month: Month, field: string, value: EntryValue, receivedOnIfNew: string | null, shown: Shown): Promise<SaveOutcome> {
  const r = await q.query<SaveFieldRow>(SAVE_FIELD_SQL, saveFieldParams(teamId, month, field, value, receivedOnIfNew, shown));
  return outcome(r.rows[0]!, teamId, month, field, value, shown);
}

/**
 * saveField as a transaction of its own (the screens' saves): on a server its BEGIN, statement and
 * COMMIT go in one message, so no lock waits on a round trip to this program (database.ts atomic).
 */
export async function saveFieldAlone(db: DbRunner, teamId: number, month: Month, field: string, value: EntryValue, receivedOnIfNew: string | null, shown: Shown): Promise<SaveOutcome> {
  const r = await atomically<SaveFieldRow>(db, SAVE_FIELD_SQL, saveFieldParams(teamId, month, field, value, receivedOnIfNew, shown));
  return outcome(r.rows[0]!, teamId, month, field, value, shown);
}

function outcome(r: SaveFieldRow, teamId: number, month: Month, field: string, value: EntryValue, shown: Shown): SaveOutcome {
  if (r.saved) return { ok: true, changed: r.changed, before: r.before, version: r.version };
  const stored = r.stored === null || field === FIELD_RECEIVED || field === FIELD_NOTE ? r.stored : Number(r.stored);
  return {
    ok: false,
    conflict: { teamId, month, field, shown: shown.value, stored, attempted: value, at: r.at, byRole: r.byRole, byOfficer: r.byOfficer, source: r.source },
  };
}
