// Which rows of a list fit on screen: the selected row stays visible, kept near the middle.
// Pure; every scrolling list (teams, members, history, backups, ranking…) uses it.

/** Rows [start, end) of a list of `count` shown in `rows` lines around `selected`. */
export function listWindow(selected: number, count: number, rows: number): { start: number; end: number } {
  const start = Math.max(0, Math.min(selected - Math.floor(rows / 2), count - rows));
  return { start, end: Math.min(count, start + rows) };
}
