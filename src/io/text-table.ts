// Plain-text tables that line up with Vietnamese text: widths measured by string-width
// (combining marks take no column, wide characters two), not by string length.
import stringWidth from 'string-width';

export type Align = 'left' | 'right';

export function padCell(s: string, width: number, align: Align = 'left'): string {
  const w = stringWidth(s);
  if (w >= width) return s;
  const pad = ' '.repeat(width - w);
  return align === 'right' ? pad + s : s + pad;
}

/** Cut to a display width, ending with … when cut. */
export function truncate(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

export interface Column {
  title: string;
  align?: Align;
  max?: number; // cut longer cells
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], gap = '  '): string[] {
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? truncate(c, columns[i]!.max!) : c)));
  const widths = columns.map((c, i) => Math.max(stringWidth(c.title), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    columns
      .map((c, i) => padCell(r[i] ?? '', widths[i]!, c.align))
      .join(gap)
      .trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join(gap), ...cells.map(line)];
}

/**
 * Word-wrap to a display width (a word longer than the width is cut). `indent` starts every
 * line and counts in the width.
 */
export function wrapText(s: string, width: number, indent = ''): string[] {
  const room = Math.max(1, width - stringWidth(indent));
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/u).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (stringWidth(candidate) <= room) line = candidate;
    else {
      if (line) lines.push(line);
      line = stringWidth(word) <= room ? word : truncate(word, room);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return indent ? lines.map((l) => indent + l) : lines;
}
