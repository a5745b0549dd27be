// Schema version 12 (speed, #16 item 2): each stored team result also keeps what home's list
// shows of it (db/home-cache.ts: code, name, status, lowest ratio, worst target), so home reads
// ~200 bytes a team instead of its whole result (~1.4 KB: every target). Derived from the same
// result in the same statement as the rest of the row. Rows stored before this version have
// none: home evaluates those teams again (and stores the column) on its next look.
export const sql = `
ALTER TABLE eval_cache ADD COLUMN home text;
`;
