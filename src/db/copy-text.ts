// PostgreSQL's COPY text format, written by every engine's copyRows (PGlite: FROM '/dev/blob', a
// server: FROM STDIN): one line per row, columns separated by a tab, \N for NULL, and backslash,
// tab, newline and carriage return escaped so any text (a note with line breaks) goes through.
import type { CopyValue } from './database.js';

const SPECIAL = /[\\\t\n\r]/u;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyCell(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`COPY: số không hợp lệ (${v})`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/gu, (c) => ESCAPES[c]!) : v;
}

/**
 * The rows as one COPY text block (every line ends with a newline), and how many there are.
 * Concatenated cell by cell: an import copies ~300,000 rows, an array per row would cost.
 */
export function copyText(rows: Iterable<readonly CopyValue[]>): { text: string; rows: number } {
  let text = '';
  let n = 0;
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const v = r[i]!;
      text += (i ? '\t' : '') + (typeof v === 'number' && Number.isFinite(v) ? String(v) : copyCell(v));
    }
    text += '\n';
    n++;
  }
  return { text, rows: n };
}
