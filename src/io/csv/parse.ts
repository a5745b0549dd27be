// Reading CSV (scan.ts), keeping the line each record starts on (a quoted cell may span
// lines, and "dòng N" must be the line the officer sees in a text editor). `,`, `;` or tab
// (Excel's "Unicode Text" is tab-separated); CRLF, LF or CR line ends; "" inside quotes is one quote.
import { printable } from '../../domain/text.js';
import { FileRefusedError } from './problems.js';
import { CsvScanner, QuoteNotClosedError } from './scan.js';

export interface CsvRecord {
  line: number; // 1-based line where the record starts
  cells: string[];
}

export type Delimiter = ',' | ';' | '\t';

/** How the summary names a delimiter. */
export function delimiterName(d: Delimiter): string {
  return d === ';' ? 'dấu ;' : d === '\t' ? 'dấu tab' : 'dấu phẩy';
}

/** The header decides: whichever of `,`, `;` and tab occurs most outside quotes (`,` on a tie, then `;`). */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semis = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 10 || ch === 13) break;
    else if (ch === 44) commas++;
    else if (ch === 59) semis++;
    else if (ch === 9) tabs++;
  }
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

/** Numbers records by the line they start on: the line breaks inside a quoted cell count (a CRLF once). */
function lineCounter() {
  let line = 1;
  return {
    get line() {
      return line;
    },
    // A record takes one line plus the line breaks inside its quoted cells.
    next(cells: string[]): CsvRecord {
      const rec = { line, cells };
      line += 1 + cells.reduce((n, c) => n + countLines(c), 0);
      return rec;
    },
  };
}

function refusal(e: unknown, line: number): FileRefusedError {
  if (e instanceof QuoteNotClosedError) return new FileRefusedError(`dòng ${line}: dấu ngoặc kép (") mở mà không đóng; tệp không đọc được.`);
  if (e instanceof FileRefusedError) return e;
  return new FileRefusedError(`tệp không đọc được như CSV: ${printable((e as Error).message).slice(0, 300)}`);
}

export function parseCsv(text: string, delimiter: Delimiter): CsvRecord[] {
  const count = lineCounter();
  const scanner = new CsvScanner(delimiter);
  const out = scanner.push(text).map((cells) => count.next(cells));
  try {
    for (const cells of scanner.end()) out.push(count.next(cells));
  } catch (e) {
    throw refusal(e, count.line);
  }
  return out;
}

/** The scanner is fed at most this much text at a time: the records of one slice are alive together until read. */
export const FEED_MAX = 64 * 1024;

/**
 * A piece of text in slices of about `max` characters, each ending at a line break where there is
 * one (never inside a surrogate pair): a 1 MiB piece parsed in one go made ~35,000 records at
 * once, all alive until read, so they outlived the young generation and piled up as old garbage.
 */
export function* feedSlices(piece: string, max = FEED_MAX): Generator<string> {
  let start = 0;
  while (piece.length - start > max) {
    let end = piece.lastIndexOf('\n', start + max - 1) + 1;
    if (end <= start) {
      end = start + max;
      const c = piece.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end--; // a high surrogate stays with its low one
    }
    yield piece.slice(start, end);
    start = end;
  }
  if (start < piece.length) yield start === 0 ? piece : piece.slice(start);
}

/** The same records from text arriving in pieces (a file too big to hold), slice by slice. */
export async function* parseCsvStream(pieces: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  const count = lineCounter();
  const scanner = new CsvScanner(delimiter);
  try {
    for await (const piece of pieces) {
      for (const slice of feedSlices(piece)) for (const cells of scanner.push(slice)) yield count.next(cells);
    }
    for (const cells of scanner.end()) yield count.next(cells);
  } catch (e) {
    // The text's own refusals (not UTF-8, …) as they are; a read that failed, said as one.
    throw refusal(e, count.line);
  }
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

/** The header: the first line that is not blank (a sheet may start with an empty row), BOM removed. */
export function headerLine(text: string): string {
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u).find((l) => l.trim() !== '') ?? '';
}

/** A record whose every cell is blank (an empty line, or `;;;;` that Excel leaves behind). */
export function isBlankRecord(r: CsvRecord): boolean {
  return r.cells.every((c) => c.trim() === '');
}
