// The rosters and the wide figures as a workbook (domain.md "Workbooks written"): a title row,
// a row of Vietnamese column labels, the header row of the CSV's own column names, then the
// data rows and nothing after them. Numbers are number cells; every string is a text cell, so
// Excel keeps `2026-10` a month and a phone's leading 0. The three top rows stay frozen.
import stringWidth from 'string-width';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Cell } from '../csv/stringify.js';

export interface SheetSpec {
  sheetName: string; // Excel allows 31 characters, no []:*?/\
  title: string;
  header: readonly string[]; // exactly the CSV's column names
  labels: readonly string[]; // the same columns in Vietnamese
  rows: readonly (readonly Cell[])[];
}

/** Numbers shown without grouping (a year is 1985, not 1.985). */
const PLAIN_NUMBERS = new Set(['nam_sinh']);
const FONT = { fontFamily: 'Times New Roman', fontSize: 12 } as const;

export async function writeWorkbook(spec: SheetSpec): Promise<Uint8Array> {
  const n = spec.header.length;
  const widths = columnWidths(spec);
  const data: Row[] = [
    [{ value: spec.title, fontWeight: 'bold', ...FONT, fontSize: 14, columnSpan: n }, ...Array<null>(Math.max(0, n - 1)).fill(null)],
    spec.labels.map((l) => ({ value: l, type: String, fontWeight: 'bold', wrap: true, alignVertical: 'top', height: labelHeight(spec, widths), ...FONT })),
    spec.header.map((h) => ({ value: h, type: String, fontWeight: 'bold', textColor: '#555555', borderStyle: 'thin', ...FONT, fontSize: 11 })),
    ...spec.rows.map((r) =>
      spec.header.map((h, i) => {
        const v = r[i] ?? null;
        if (v === null) return null;
        if (typeof v === 'number') return { value: v, type: Number, format: PLAIN_NUMBERS.has(h) ? '0' : '#,##0', ...FONT };
        return { value: v, type: String, ...FONT };
      }),
    ),
  ];
  const buf = await writeXlsxFile(data, {
    sheet: sheetName(spec.sheetName),
    stickyRowsCount: 3,
    columns: widths,
    // The wide figures (17+ columns) print better across the page; a roster fits upright.
    ...(n > 10 ? { orientation: 'landscape' as const } : {}),
  }).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Wide enough for the codes, labels and values, within 6–45 characters (labels wrap). Widths
 * count characters of Excel's default font; Times New Roman capitals run wider, hence 1.2.
 */
export function columnWidths(spec: Pick<SheetSpec, 'header' | 'labels' | 'rows'>): { width: number }[] {
  return spec.header.map((h, i) => {
    let w = Math.max(stringWidth(h), Math.min(stringWidth(spec.labels[i] ?? ''), 18));
    for (const r of spec.rows.slice(0, 2000)) {
      const v = r[i];
      if (v !== null && v !== undefined) w = Math.max(w, stringWidth(typeof v === 'number' ? v.toLocaleString('vi-VN') : v));
    }
    return { width: Math.min(45, Math.max(6, Math.ceil(w * 1.2) + 2)) };
  });
}

/** The labels row is as tall as its longest wrapped label (in points; spreadsheets do not all re-measure). */
function labelHeight(spec: Pick<SheetSpec, 'labels'>, widths: readonly { width: number }[]): number {
  const lines = Math.max(1, ...spec.labels.map((l, i) => Math.ceil(stringWidth(l) / Math.max(1, (widths[i]?.width ?? 10) - 1))));
  return Math.min(120, 16 * lines + 4);
}

function sheetName(s: string): string {
  return s.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31).trim() || 'Sheet1';
}

/** Vietnamese labels of the import columns (indicator columns take their indicator's label). */
export const COLUMN_LABELS: Record<string, string> = {
  ma_to: 'Mã tổ',
  ten_to: 'Tên tổ',
  thang: 'Tháng (YYYY-MM)',
  ngay_nhan: 'Ngày nhận phiếu',
  ghi_chu: 'Ghi chú',
  chi_so: 'Mã chỉ số',
  gia_tri: 'Giá trị',
  dia_ban: 'Địa bàn (thôn, tổ dân phố)',
  loai_dia_ban: 'Loại địa bàn',
  so_ho: 'Số hộ',
  so_nguoi_truong_thanh: 'Số người trưởng thành',
  cap: 'Cấp (thôn/xã)',
  so_quyet_dinh: 'Số quyết định thành lập',
  ngay_quyet_dinh: 'Ngày quyết định',
  ho_ten: 'Họ và tên',
  vai_tro: 'Vai trò',
  to_chuc: 'Cơ quan, tổ chức',
  nam_sinh: 'Năm sinh',
  dien_thoai: 'Điện thoại',
  ngay_tham_gia: 'Ngày tham gia',
  ngay_tap_huan: 'Ngày tập huấn',
};

/** The labels row for a header: known columns by name, indicators by `indicatorLabels`. */
export function labelsFor(header: readonly string[], indicatorLabels: ReadonlyMap<string, string> = new Map()): string[] {
  return header.map((h) => COLUMN_LABELS[h] ?? indicatorLabels.get(h) ?? h);
}
