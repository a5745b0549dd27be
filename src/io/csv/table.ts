// The header of an import file: which columns it has, refusing the file as a whole when a
// required column is missing or a column is unknown (a typo would otherwise drop data silently).
import { type CsvRecord, type Delimiter, delimiterName, detectDelimiter, headerLine, isBlankRecord, parseCsv, parseCsvStream } from './parse.js';
import type { TextStream } from '../text/stream.js';
import { restoreFormula } from './formula.js';
import { FileRefusedError, type Problem } from './problems.js';
import { excerpt, findUnsafeChar, unsafeCharMessage } from '../../domain/text.js';

export interface TableSpec {
  required: readonly string[];
  optional: readonly string[];
  /** Extra columns allowed by name (indicator codes in the wide figures layout). */
  dynamic?: (name: string) => boolean;
  /** Columns whose cells may hold tab and line breaks (a note); every other cell may not. */
  multiline?: readonly string[];
  /** What the unknown-column message suggests. */
  expected: string;
}

export interface Table {
  delimiter: Delimiter;
  columns: string[]; // normalised header names, '' for an unnamed column
  index: Map<string, number>;
  /** Data records to check: blank ones dropped, and those refused here (problems) left out. */
  rows: CsvRecord[];
  /** Problems found while reading rows (control characters, cells beyond the named columns). */
  problems: Problem[];
}

export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * What an import reads: CSV text, or records already split into cells (a workbook's sheet,
 * src/io/xlsx), whose `line` is the sheet's row number and whose first record is the header.
 */
export type TableInput = string | SheetInput | StreamInput;
export interface SheetInput {
  records: readonly CsvRecord[];
}
/** A text file read as a stream (text/stream.ts); `onBytes` follows how far the reading is. */
export interface StreamInput {
  stream: TextStream;
  onBytes?: (read: number) => void;
}

export function isStream(input: TableInput): input is StreamInput {
  return typeof input !== 'string' && 'stream' in input;
}

/** The whole text of a streamed file (teams and members files are small: their checks read it whole). */
export async function wholeInput(input: TableInput): Promise<string | SheetInput> {
  if (!isStream(input)) return input;
  let text = '';
  for await (const p of input.stream.pieces()) text += p;
  return text;
}

/** Title rows may stand above the header (as in a sheet saved as text): it is the first of these holding `ma_to`. */
export const HEADER_WITHIN = 10;
const holdsCode = (cells: readonly string[]) => cells.some((c) => normaliseHeader(c) === 'ma_to');

/** The header line of CSV text: the first of the first 10 lines holding `ma_to`, else the first non-blank. */
export function csvHeaderLine(text: string): string {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u, HEADER_WITHIN);
  return lines.find((l) => /(^|[,;\t"])\s*ma_to\s*("|[,;\t]|$)/iu.test(l)) ?? headerLine(text);
}

/** The header's cells (normalised), without reading the whole file. */
export function headerNames(input: TableInput): Set<string> {
  if (isStream(input)) return headerNames(input.stream.head);
  if (typeof input !== 'string') return new Set((input.records[0]?.cells ?? []).map(normaliseHeader));
  const line = csvHeaderLine(input);
  return new Set((parseCsv(line, detectDelimiter(line))[0]?.cells ?? []).map(normaliseHeader));
}

export function readTable(input: TableInput, spec: TableSpec): Table {
  if (isStream(input)) throw new Error('readTable: a streamed file is read with readTableStream');
  const delimiter = typeof input === 'string' ? detectDelimiter(csvHeaderLine(input)) : ',';
  const records = typeof input === 'string' ? parseCsv(input, delimiter) : input.records;
  const { head, rowOf } = tableHeader(records, spec, delimiter);
  const rows: CsvRecord[] = [];
  for (let r = head.at + 1; r < records.length; r++) {
    const rec = rowOf(records[r]!);
    if (rec) rows.push(rec);
  }
  return { ...head.table, rows };
}

/** A table whose rows are read as they come (a file too big to hold): `problems` grows as they are read. */
export interface StreamTable extends Omit<Table, 'rows'> {
  rows: AsyncIterable<CsvRecord>;
}

/** The header from the first records, then the rows one by one, checked as readTable checks them. */
export async function readTableStream(input: TableInput, spec: TableSpec): Promise<StreamTable> {
  if (!isStream(input)) {
    const t = readTable(input, spec);
    return { ...t, rows: toAsync(t.rows) };
  }
  const delimiter = detectDelimiter(csvHeaderLine(input.stream.head));
  const it = parseCsvStream(input.stream.pieces(input.onBytes), delimiter)[Symbol.asyncIterator]();
  // The header is among the first HEADER_WITHIN lines, else the first record that is not blank.
  const first: CsvRecord[] = [];
  for (;;) {
    const n = await it.next();
    if (n.done) break;
    first.push(n.value);
    const rec = n.value;
    if ((rec.line > HEADER_WITHIN || first.length >= HEADER_WITHIN) && first.some((r) => !isBlankRecord(r))) break;
  }
  let head: ReturnType<typeof tableHeader>;
  try {
    head = tableHeader(first, spec, delimiter);
  } catch (e) {
    await it.return?.(undefined);
    throw e;
  }
  async function* rows(): AsyncGenerator<CsvRecord> {
    for (const rec of first.slice(head.head.at + 1)) {
      const r = head.rowOf(rec);
      if (r) yield r;
    }
    first.length = 0;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      const r = head.rowOf(n.value);
      if (r) yield r;
    }
  }
  return { ...head.head.table, rows: rows() };
}

async function* toAsync<T>(xs: Iterable<T>): AsyncGenerator<T> {
  yield* xs;
}

/** Where the header is, its columns (refusing the file when they do not fit the spec), and the row check. */
function tableHeader(records: readonly CsvRecord[], spec: TableSpec, delimiter: Delimiter) {
  const firstFilled = records.findIndex((r) => !isBlankRecord(r));
  if (firstFilled < 0) throw new FileRefusedError('Tệp rỗng: không có dòng tiêu đề nào.');
  const titled = records.findIndex((r, i) => i < HEADER_WITHIN && r.line <= HEADER_WITHIN && holdsCode(r.cells));
  const headerAt = titled >= 0 ? titled : firstFilled;
  const header = records[headerAt]!;
  const columns = header.cells.map(normaliseHeader);
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  const known = new Set([...spec.required, ...spec.optional]);
  columns.forEach((name, i) => {
    if (name === '') return;
    const unsafe = findUnsafeChar(name);
    if (unsafe) return void problems.push({ line: header.line, column: `thứ ${i + 1}`, message: `tên cột ${unsafeCharMessage(unsafe)}` });
    if (index.has(name)) problems.push({ line: header.line, column: name, message: `cột ${excerpt(name)} có hai lần trong dòng tiêu đề` });
    else index.set(name, i);
    if (!known.has(name) && !spec.dynamic?.(name))
      problems.push({ line: header.line, column: excerpt(name, 30), message: `cột ${excerpt(name)} không có trong mẫu. ${spec.expected}` });
  });
  for (const req of spec.required) {
    if (!index.has(req)) problems.push({ line: header.line, column: req, message: `thiếu cột bắt buộc "${req}". ${spec.expected}` });
  }
  if (problems.length) {
    throw new FileRefusedError(
      `Dòng tiêu đề không đúng mẫu (phân cách bằng ${delimiterName(delimiter)}).`,
      problems,
    );
  }
  const multiline = new Set((spec.multiline ?? []).map((c) => index.get(c)));
  const width = columns.length;
  /** A data record to check, or null: blank, or refused here (its problems pushed). */
  const rowOf = (rec: CsvRecord): CsvRecord | null => {
    if (isBlankRecord(rec)) return null;
    let refused = false;
    for (let i = 0; i < rec.cells.length; i++) {
      const raw = rec.cells[i]!;
      const unsafe = findUnsafeChar(raw, { breaks: multiline.has(i) });
      if (unsafe) {
        problems.push({ line: rec.line, column: columns[i] || `thứ ${i + 1}`, message: `ô ${unsafeCharMessage(unsafe)}` });
        refused = true;
      }
    }
    if (refused) return null;
    for (let i = 0; i < rec.cells.length; i++) {
      const raw = rec.cells[i]!;
      if ((i >= width || columns[i] === '') && raw.trim() !== '') {
        problems.push({ line: rec.line, column: null, message: `ô thứ ${i + 1} (${excerpt(raw.trim())}) nằm ngoài các cột của dòng tiêu đề` });
        break;
      }
    }
    return rec;
  };
  return { head: { at: headerAt, table: { delimiter, columns, index, problems } }, rowOf };
}

/** One cell by column name: '' when the column is absent or the row is short; the formula guard undone. */
export function cellOf(table: Pick<Table, 'index'>, rec: CsvRecord, name: string): string {
  const i = table.index.get(name);
  if (i === undefined) return '';
  const raw = rec.cells[i];
  return raw === undefined ? '' : restoreFormula(raw);
}

export function hasColumn(table: Pick<Table, 'index'>, name: string): boolean {
  return table.index.has(name);
}

/** One row being checked: its cells (formula guard undone), and how to report on it. */
export function rowChecker(table: Table, rec: CsvRecord, out: { problems: Problem[]; warnings: Problem[] }) {
  const line = rec.line;
  return {
    line,
    cell: (c: string) => cellOf(table, rec, c),
    bad: (column: string, message: string) => void out.problems.push({ line, column, message }),
    warn: (column: string, message: string) => void out.warnings.push({ line, column, message }),
  };
}
