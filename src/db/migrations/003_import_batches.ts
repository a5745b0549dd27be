// Schema version 3 (trust, #10 item 14): an import is one batch, undone as a whole, and a wall
// that per-value undo never crosses. Every change an import logs carries its batch; a batch
// remembers the last change id of its time, so `u` reaches only what was typed after it.
export const sql = `
CREATE TABLE import_batch (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('teams', 'members', 'figures')),
  summary text NOT NULL DEFAULT '',
  -- value_change ids up to this one are before or of this import: per-value undo stops here.
  last_change bigint NOT NULL DEFAULT 0,
  undone boolean NOT NULL DEFAULT false
);
ALTER TABLE value_change ADD COLUMN batch_id bigint REFERENCES import_batch (id);
CREATE INDEX value_change_batch ON value_change (batch_id) WHERE batch_id IS NOT NULL;
`;
