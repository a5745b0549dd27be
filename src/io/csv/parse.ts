// A small RFC 4180 reader that knows the line each record starts on (a quoted cell may span
// lines, and "dòng N" must be the line the officer sees in a text editor). `,` or `;`;
// CRLF, LF or CR line ends; "" inside quotes is one quote.
import { FileRefusedError } from './problems.js';

export interface CsvRecord {
  line: number; // 1-based line where the record starts
  cells: string[];
}

export type Delimiter = ',' | ';';

/** The header decides: whichever of `,` and `;` occurs more often outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 10 || ch === 13) break;
    else if (ch === 44) commas++;
    else if (ch === 59) semis++;
  }
  return semis > commas ? ';' : ',';
}

export function parseCsv(text: string, delimiter: Delimiter): CsvRecord[] {
  const out: CsvRecord[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      // one cell
      if (text.charCodeAt(i) === 34) {
        const openLine = line;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new FileRefusedError(`dòng ${openLine}: dấu ngoặc kép (") mở mà không đóng; tệp không đọc được.`);
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        line += countLines(value);
        // Anything between the closing quote and the delimiter is kept (lenient, like Excel).
        let k = j;
        while (k < n && !isEnd(text.charCodeAt(k), d)) k++;
        cells.push(value + text.slice(j, k));
        i = k;
      } else {
        let k = i;
        while (k < n && !isEnd(text.charCodeAt(k), d)) k++;
        cells.push(text.slice(i, k));
        i = k;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n) {
          cells.push('');
          break;
        }
        continue;
      }
      // end of record: CRLF, LF or CR
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      break;
    }
    out.push({ line: start, cells });
  }
  return out;
}

function isEnd(c: number, d: number): boolean {
  return c === d || c === 10 || c === 13;
}

function countLines(s: string): number {
  let lines = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) lines++;
  }
  return lines;
}

/** A record whose every cell is blank (an empty line, or `;;;;` that Excel leaves behind). */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.cells.every((c) => c.trim() === '');
}
