// Plain-text layout measured with string-width: centring, two blocks side by side, word wrap
// and a table whose cells are separated by " | " (so it still reads in a proportional font).
import stringWidth from 'string-width';
import { padCell } from '../text-table.js';

export const WIDTH = 100;

export function center(s: string, width: number): string {
  const w = stringWidth(s);
  if (w >= width) return s;
  return ' '.repeat(Math.floor((width - w) / 2)) + s;
}

/** Two blocks of lines side by side, each line centred in its half. */
export function sideBySide(left: readonly string[], right: readonly string[], leftWidth: number, width = WIDTH): string[] {
  const n = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = padCell(center(left[i] ?? '', leftWidth), leftWidth);
    out.push((l + center(right[i] ?? '', width - leftWidth)).trimEnd());
  }
  return out;
}

/** Word-wrap a paragraph: the first line starts with `first`, the others with `rest`. */
export function wrap(text: string, width = WIDTH, first = '', rest = first): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && stringWidth(candidate) > width) {
      out.push(line);
      line = rest + word;
    } else line = candidate;
    empty = false;
  }
  out.push(line);
  return out.map((l) => hardCut(l, width)).flat();
}

/** A word longer than the line (a long path, say) is cut so no line passes the width. */
function hardCut(line: string, width: number): string[] {
  if (stringWidth(line) <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (stringWidth(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
  /** The one column that wraps to fit the width. */
  wrap?: boolean;
}

export function pipeTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], width = WIDTH): string[] {
  const sep = ' | ';
  const widths = columns.map((c, i) => Math.max(stringWidth(c.title), ...rows.map((r) => stringWidth(r[i] ?? ''))));
  const wrapAt = columns.findIndex((c) => c.wrap);
  if (wrapAt >= 0) {
    const others = widths.reduce((a, w, i) => (i === wrapAt ? a : a + w), 0) + sep.length * (columns.length - 1);
    widths[wrapAt] = Math.max(16, Math.min(widths[wrapAt]!, width - others));
  }
  const line = (cells: readonly string[]) =>
    columns.map((c, i) => padCell(cells[i] ?? '', widths[i]!, c.align)).join(sep).trimEnd();
  const out = [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of rows) {
    const wrapped = wrapAt >= 0 ? wrap(r[wrapAt] ?? '', widths[wrapAt]!) : [];
    out.push(line(r.map((c, i) => (i === wrapAt ? (wrapped[0] ?? '') : c))));
    for (const more of wrapped.slice(1)) out.push(line(columns.map((_, i) => (i === wrapAt ? more : ''))));
  }
  return out;
}
