// A typed workbook cell as the text the CSV path would have read, formatted for its column:
// a date is `YYYY-MM` in `thang` and dd/mm/yyyy elsewhere; a whole number is its digits
// (1200, never 1.2e3); a fraction keeps a decimal comma so the value checks refuse it
// (values are whole numbers) instead of reading "1.234" as a thousands-dotted 1234.
import type { CsvRecord } from '../csv/parse.js';
import { formatDate } from '../../domain/text.js';
import type { XCell, XlsxSheet } from './read.js';

export type CellKind = 'month' | 'date' | 'any';

const KINDS: Record<string, CellKind> = {
  thang: 'month',
  ngay_nhan: 'date',
  ngay_quyet_dinh: 'date',
  ngay_tham_gia: 'date',
  ngay_tap_huan: 'date',
};

/** What each import column wants of a date cell (the import formats of domain.md). */
export function columnKind(column: string): CellKind {
  return KINDS[column.trim().toLowerCase()] ?? 'any';
}

export function cellText(cell: XCell | null, kind: CellKind): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'bool':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'date':
      return kind === 'month' ? cell.v.slice(0, 7) : formatDate(cell.v);
    case 'number':
      return numberText(cell.v);
  }
}

/** Excel shows 15 significant digits: 1199.9999999999998 from a formula is 1200. */
export function numberText(n: number): string {
  const v = Number(n.toPrecision(15));
  if (Number.isInteger(v)) return BigInt(v).toString();
  return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 15 }).replace('.', ',');
}

/**
 * The sheet as the records the CSV reader yields: the header record first, then the data rows,
 * each `line` the sheet's row number. `convert` is applied to text (the TCVN3/VNI plan).
 */
export function sheetRecords(sheet: XlsxSheet, convert: (s: string) => string = (s) => s, kindOf: (column: string) => CellKind = columnKind): CsvRecord[] {
  const kinds = sheet.header.cells.map((h) => kindOf(h));
  const header: CsvRecord = { line: sheet.header.line, cells: sheet.header.cells.map(convert) };
  return [
    header,
    ...sheet.rows.map((r) => ({
      line: r.line,
      // As many cells as the header has (Excel leaves trailing blanks out), more if the row has more.
      cells: Array.from({ length: Math.max(kinds.length, r.cells.length) }, (_, i) => {
        const c = r.cells[i];
        const s = cellText(c ?? null, kinds[i] ?? 'any');
        return c?.t === 'text' ? convert(s) : s;
      }),
    })),
  ];
}

/** Every text cell, for the TCVN3/VNI detection of a whole sheet. */
export function sheetTexts(sheet: XlsxSheet): string[] {
  const out = [...sheet.header.cells];
  for (const r of sheet.rows) for (const c of r.cells) if (c?.t === 'text') out.push(c.v);
  return out;
}
