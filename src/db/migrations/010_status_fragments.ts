// Schema version 10 (speed, #16 item 2): each stored team result also keeps its piece of the
// `status --json` text and what the worst-first order and the completeness need, so after a change
// the text is put together by the database from the stored pieces: only the changed teams are
// evaluated and serialised, the others are neither parsed nor written again. Derived data: the
// rows stored before this version have no piece, so they are dropped (the next status stores them).
export const sql = `
DELETE FROM eval_cache;
DELETE FROM status_cache;
-- fragment: the team's object in status --json (NULL: not evaluated then); rank: its status's
-- rank (STATUS_RANK); lowest: its lowest ratio; sort_code: its ma_to; due_n / received_n: its months
-- due and received (the completeness).
ALTER TABLE eval_cache
  ADD COLUMN fragment text,
  ADD COLUMN rank smallint,
  ADD COLUMN lowest double precision,
  ADD COLUMN sort_code text,
  ADD COLUMN due_n integer,
  ADD COLUMN received_n integer;
`;
