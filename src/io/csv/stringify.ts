// Writing CSV for Excel: UTF-8 with BOM (so Vietnamese shows), CRLF line ends (RFC 4180, what
// Excel on Windows writes), `,` or `;`, text cells guarded against formulas.
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './formula.js';
import type { Delimiter } from './parse.js';

export type Cell = string | number | null;

/** Text cells get the formula guard; numbers are written as digits; null is an empty cell. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], delimiter: Delimiter = ','): string {
  const records: string[][] = [header.slice()];
  for (const r of rows) records.push(r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : neutraliseFormula(c))));
  return '\uFEFF' + stringify(records, { delimiter, record_delimiter: '\r\n', quoted_empty: false });
}
