// What an import reports: every bad row as "dòng N" (the header is line 1), its column and
// the reason in Vietnamese. A file refused as a whole (empty, not UTF-8, bad header) has no row.
import { printable } from '../../domain/text.js';

export interface Problem {
  line: number; // 1 = header
  column: string | null;
  message: string;
}

/** One line, safe to print: a message may quote a cell, and a cell is untrusted text. */
export function formatProblem(p: Problem): string {
  return printable(`dòng ${p.line}${p.column ? `, cột ${p.column}` : ''}: ${p.message}`);
}

/** The file cannot be read at all (empty, not UTF-8, header wrong): nothing was checked row by row. */
export class FileRefusedError extends Error {
  constructor(
    message: string,
    public readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** Some rows are bad: nothing was written; every problem is listed. */
export class ImportRefusedError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(`Không nhập gì cả: tệp có ${problems.length} lỗi.`);
  }
}
