// Schema version 8 (trust, #10 item 14, last piece): a teams or members import can be undone as
// a whole, like a figures import. Each row it added or changed (areas, teams, members, their
// trainings) is kept with what it looked like before (NULL: the import added it) and after; the
// undo puts `before` back, or refuses when the row no longer equals `after` (changed by hand since).
export const sql = `
CREATE TABLE roster_change (
  id bigserial PRIMARY KEY,
  batch_id bigint NOT NULL REFERENCES import_batch (id),
  table_name text NOT NULL CHECK (table_name IN ('area', 'team', 'member', 'training')),
  row_id integer NOT NULL,
  before jsonb,
  after jsonb NOT NULL
);
CREATE INDEX roster_change_batch ON roster_change (batch_id);
-- Roster imports made before this version logged nothing: they say so instead of undoing nothing.
ALTER TABLE import_batch ADD COLUMN rows_logged boolean NOT NULL DEFAULT false;
ALTER TABLE import_batch ALTER COLUMN rows_logged SET DEFAULT true;
`;
