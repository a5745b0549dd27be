// An .xlsx sheet → the rows an import checks, by the sheet's own row numbers. Cells come back
// typed (text, number, date, boolean) so the table layer can write each as its column wants
// (a date in `thang` is a month, elsewhere dd/mm/yyyy). The header row is the first of the
// first 10 rows holding `ma_to`; rows above it and blank rows are dropped. A formula is read
// by its cached value; none cached, or an error value, refuses the file naming row and column.
import { FileRefusedError, type Problem } from '../csv/problems.js';
import { parseSharedStrings, parseStyles, parseWorkbook, relTargets, sax, streamEntry, unescapeOoxml } from './parts.js';
import { XLSX_LIMITS, type ZipEntry, type ZipLimits, listZip, readEntryText } from './zip.js';

export type XCell = { t: 'text'; v: string } | { t: 'number'; v: number } | { t: 'date'; v: string } | { t: 'bool'; v: boolean };

export interface XRow {
  line: number; // the sheet's row number
  cells: (XCell | null)[];
}

export interface XlsxSheet {
  sheet: string;
  sheets: string[];
  header: { line: number; cells: string[] };
  rows: XRow[]; // after the header, blank rows dropped
}

export const SHEET_LIMITS = { rows: 1_000_000, columns: 200, headerWithin: 10 } as const;

export interface ReadXlsxOptions {
  sheet?: string;
  limits?: Readonly<ZipLimits>;
}

export function readXlsx(bytes: Uint8Array, opts: ReadXlsxOptions = {}): XlsxSheet {
  const zip = listZip(bytes, opts.limits);
  const budget = { left: (opts.limits ?? XLSX_LIMITS).uncompressed };
  const text = (name: string): string | null => {
    const e = zip.get(name);
    return e ? readEntryText(bytes, e, budget) : null;
  };
  const bookPath = relTargets(text('_rels/.rels') ?? '', '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookXml = text(bookPath);
  if (bookXml === null) throw new FileRefusedError('Tệp không phải sổ Excel .xlsx (không có workbook.xml).');
  const book = parseWorkbook(bookXml);
  const dir = bookPath.slice(0, bookPath.lastIndexOf('/') + 1);
  const rels = relTargets(text(`${dir}_rels/${bookPath.slice(dir.length)}.rels`) ?? '', dir);
  const names = book.sheets.map((s) => s.name);
  const chosen = pickSheet(book.sheets, opts.sheet);
  const sheetPath = rels.find((r) => r.id === chosen.rid)?.target;
  const sheetEntry = sheetPath ? zip.get(sheetPath) : undefined;
  if (!sheetEntry) throw new FileRefusedError(`Sổ Excel hỏng: không tìm thấy trang tính "${chosen.name}".`);
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
  const dateStyles = parseStyles((stylesPath && text(stylesPath)) || '');
  const sstPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const sstEntry = sstPath ? zip.get(sstPath) : undefined;
  const strings = sstEntry ? parseSharedStrings(bytes, sstEntry, budget) : [];
  const raw = parseSheet(bytes, sheetEntry, budget, { strings, dateStyles, date1904: book.date1904 });
  return shape(raw, chosen.name, names);
}

function pickSheet(sheets: { name: string; rid: string }[], wanted: string | undefined) {
  if (sheets.length === 0) throw new FileRefusedError('Sổ Excel không có trang tính nào.');
  if (wanted === undefined) return sheets[0]!;
  const w = wanted.trim().normalize('NFC');
  const hit = sheets.find((s) => s.name === w) ?? sheets.find((s) => s.name.toLocaleLowerCase('vi') === w.toLocaleLowerCase('vi'));
  if (!hit) throw new FileRefusedError(`Sổ Excel không có trang tính "${w}". Các trang tính có: ${sheets.map((s) => `"${s.name}"`).join(', ')}.`);
  return hit;
}

// --- the sheet -------------------------------------------------------------------------------

type RawCell = XCell | { t: 'bad'; v: string };
interface RawRow {
  line: number;
  cells: (RawCell | null)[];
}

interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

function parseSheet(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }, ctx: SheetContext): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let lastLine = 0;
  let col = -1;
  let type = 'n';
  let style = 0;
  let formula = false;
  let value: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 't' | 'f' | null = null;
  const p = sax(
    (name, a) => {
      if (name === 'row') {
        lastLine = a.r ? Number(a.r) : lastLine + 1;
        if (!Number.isInteger(lastLine) || lastLine < 1 || lastLine > 1_048_576) throw new FileRefusedError('Sổ Excel hỏng: số dòng không hợp lệ.');
        row = { line: lastLine, cells: [] };
        col = -1;
      } else if (name === 'c') {
        col = a.r ? columnIndex(a.r) : col + 1;
        type = a.t ?? 'n';
        style = a.s ? Number(a.s) : 0;
        formula = false;
        value = null;
        inline = null;
      } else if (name === 'v') {
        capture = 'v';
        value = '';
      } else if (name === 'f') {
        formula = true;
        capture = 'f';
      } else if (name === 'is') inline = '';
      else if (name === 't' && inline !== null) capture = 't';
      else if (name === 'rPh') capture = null;
    },
    (t) => {
      if (capture === 'v') value += t;
      else if (capture === 't') inline += t;
    },
    (name) => {
      if (name === 'v' || name === 't' || name === 'f') capture = null;
      else if (name === 'c' && row) {
        const cell = readCell(type, style, formula, value, inline, ctx);
        if (cell) {
          if (col >= SHEET_LIMITS.columns)
            throw new FileRefusedError(`Sổ Excel có dữ liệu ở cột ${columnName(col)} dòng ${row.line}: quá ${SHEET_LIMITS.columns} cột.`);
          row.cells[col] = cell;
        }
      } else if (name === 'row' && row) {
        if (row.cells.length) {
          if (rows.length >= SHEET_LIMITS.rows) throw new FileRefusedError(`Sổ Excel có quá ${SHEET_LIMITS.rows.toLocaleString('vi-VN')} dòng.`);
          rows.push(row);
        }
        row = null;
      }
    },
  );
  streamEntry(bytes, entry, budget, p);
  return rows;
}

function readCell(type: string, style: number, formula: boolean, value: string | null, inline: string | null, ctx: SheetContext): RawCell | null {
  if (type === 'inlineStr') return inline === null || inline === '' ? null : { t: 'text', v: unescapeOoxml(inline) };
  if (value === null || value === '') return formula ? { t: 'bad', v: 'ô có công thức nhưng không có giá trị đã tính (hãy mở tệp bằng Excel và lưu lại)' } : null;
  switch (type) {
    case 's': {
      const s = ctx.strings[Number(value)];
      if (s === undefined) return { t: 'bad', v: 'ô trỏ tới chuỗi không có trong sổ (tệp hỏng)' };
      return s === '' ? null : { t: 'text', v: s };
    }
    case 'str':
      return { t: 'text', v: unescapeOoxml(value) };
    case 'b':
      return { t: 'bool', v: value === '1' || value === 'true' };
    case 'e':
      return { t: 'bad', v: `ô có lỗi ${value}` };
    case 'd': {
      const iso = /^(\d{4}-\d{2}-\d{2})/u.exec(value)?.[1];
      return iso ? { t: 'date', v: iso } : { t: 'bad', v: `ngày "${value}" không đọc được` };
    }
    default: {
      const n = Number(value);
      if (!Number.isFinite(n)) return { t: 'bad', v: `số "${value}" không đọc được` };
      if (ctx.dateStyles.has(style)) {
        const iso = serialToIso(n, ctx.date1904);
        return iso ? { t: 'date', v: iso } : { t: 'bad', v: `ngày (số ${value}) không hợp lệ` };
      }
      return { t: 'number', v: n };
    }
  }
}

/** Excel's day number → ISO date (1900 system counts the fictitious 29/02/1900). */
export function serialToIso(serial: number, date1904 = false): string | null {
  const days = Math.floor(serial + 1e-9);
  if (days < 1 || days > 2_958_465) return null;
  const base = date1904 ? Date.UTC(1904, 0, 1) : days > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// --- header, blank rows, refusals -----------------------------------------------------------

function shape(raw: RawRow[], sheet: string, sheets: string[]): XlsxSheet {
  const at = raw.findIndex((r) => r.line <= SHEET_LIMITS.headerWithin && r.cells.some((c) => c?.t === 'text' && c.v.trim().toLowerCase() === 'ma_to'));
  if (at < 0)
    throw new FileRefusedError(
      `Không tìm thấy dòng tiêu đề trong ${SHEET_LIMITS.headerWithin} dòng đầu của trang tính "${sheet}": dòng tiêu đề phải có ô "ma_to".` +
        (sheets.length > 1 ? ` Sổ có các trang tính: ${sheets.map((s) => `"${s}"`).join(', ')} (chọn bằng --sheet).` : ''),
    );
  const headRow = raw[at]!;
  const header = Array.from({ length: headRow.cells.length }, (_, i) => cellString(headRow.cells[i] ?? null));
  const problems: Problem[] = [];
  const rows: XRow[] = [];
  for (const r of raw.slice(at + 1)) {
    const cells: (XCell | null)[] = [];
    r.cells.forEach((c, i) => {
      if (c?.t === 'bad') problems.push({ line: r.line, column: header[i]?.trim() || columnName(i), message: `${c.v} (ô ${columnName(i)}${r.line})` });
      else cells[i] = c && !(c.t === 'text' && c.v.trim() === '') ? c : null;
    });
    if (cells.some((c) => c)) rows.push({ line: r.line, cells: Array.from(cells, (c) => c ?? null) });
  }
  for (const [i, c] of headRow.cells.entries())
    if (c?.t === 'bad') problems.push({ line: headRow.line, column: columnName(i), message: `${c.v} (ô ${columnName(i)}${headRow.line})` });
  if (problems.length) throw new FileRefusedError('Sổ Excel có ô không đọc được.', problems);
  return { sheet, sheets, header: { line: headRow.line, cells: header }, rows };
}

function cellString(c: RawCell | null): string {
  if (!c) return '';
  return c.t === 'text' ? c.v : c.t === 'bad' ? '' : String(c.v);
}
