// The .xlsx reader on a workbook built the way Excel writes one: titles above the header,
// a date cell in `thang`, a formula with a cached value, a blank row, `1.200` typed as text.
// It must import to exactly the data of the equivalent UTF-8 CSV.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/io/csv/import.js';
import { FileRefusedError } from '../../../src/io/csv/problems.js';
import { type ImportSource, readImportFile } from '../../../src/io/source/read.js';
import { exportFigures } from '../../../src/io/export/figures.js';
import { parsePeriod } from '../../../src/domain/period.js';
import { sheetRecords } from '../../../src/io/xlsx/cells.js';
import { workbookRecords } from '../../../src/io/xlsx/import.js';
import { readXlsx, serialToIso } from '../../../src/io/xlsx/read.js';
import { listZip } from '../../../src/io/xlsx/zip.js';
import { NOW, enc, freshCommune } from '../helpers.js';
import { asTcvn3Cells } from '../text/fixtures.js';
import { esc, handWorkbook, serial } from './build.js';

const TEAMS = 'ma_to,ten_to\r\nTDP01,Tổ CNSCĐ TDP Đông Sơn\r\nTDP02,Tổ CNSCĐ thôn Phù Vân\r\n';
const CSV =
  'ma_to,thang,ho_huong_dan,luot_ho_tro,ngay_nhan,ghi_chu\r\n' +
  'TDP01,2026-09,1200,35,05/10/2026,Hỗ trợ tại nhà văn hóa\r\n' +
  'TDP02,2026-09,12,7,,\r\n' +
  'TDP01,2026-10,3,40,03/11/2026,"Dòng 1\r\nDòng 2"\r\n';

// Shared strings 0..; index by name for readability.
const S = [
  'BÁO CÁO SỐ LIỆU TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG', // 0 title
  'Mã tổ', 'Tháng', 'Số hộ được hướng dẫn', 'Số lượt hỗ trợ', 'Ngày nhận', 'Ghi chú', // 1–6 labels
  'ma_to', 'thang', 'ho_huong_dan', 'luot_ho_tro', 'ngay_nhan', 'ghi_chu', // 7–12 header
  'TDP01', 'TDP02', // 13, 14
  '<r><t>Hỗ trợ </t></r><r><rPr><b/></rPr><t>tại nhà văn hóa</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>', // 15 rich text
  '1.200', // 16 typed as text with a thousands dot
  '10/2026', // 17 a month typed as text
];

function officerWorkbook(): Uint8Array {
  const rows =
    `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c><c r="E2" t="s"><v>5</v></c><c r="F2" t="s"><v>6</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3" t="s"><v>8</v></c><c r="C3" t="s"><v>9</v></c><c r="D3" t="s"><v>10</v></c><c r="E3" t="s"><v>11</v></c><c r="F3" t="s"><v>12</v></c></row>` +
    // a date cell (built-in format 14) in thang, 1.200 as text, a formula with its cached value
    `<row r="4"><c r="A4" t="s"><v>13</v></c><c r="B4" s="1"><v>${serial('2026-09-15')}</v></c><c r="C4" t="s"><v>16</v></c><c r="D4"><f>30+5</f><v>35</v></c><c r="E4" s="1"><v>${serial('2026-10-05')}</v></c><c r="F4" t="s"><v>15</v></c></row>` +
    `<row r="5" spans="1:6"><c r="A5" s="3"/><c r="F5" t="inlineStr"><is><t>   </t></is></c></row>` + // a blank row (styled, spaces)
    // a custom mm/yyyy date cell, number cells, an empty styled cell
    `<row r="6"><c r="A6" t="s"><v>14</v></c><c r="B6" s="2"><v>${serial('2026-09-01')}</v></c><c r="C6" s="3"><v>12</v></c><c r="D6"><f>SUM(C6,-5)</f><v>6.9999999999999991</v></c><c r="E6" s="1"/></row>` +
    // a month typed as text, an inline string with an escaped CR
    `<row r="8"><c r="A8" t="inlineStr"><is><t>TDP01</t></is></c><c r="B8" t="s"><v>17</v></c><c r="C8"><v>3</v></c><c r="D8"><v>40</v></c><c r="E8" t="str"><f>TEXT(DATE(2026,11,3),"dd/mm/yyyy")</f><v>03/11/2026</v></c><c r="F8" t="inlineStr"><is><t>Dòng 1_x000D_\nDòng 2</t></is></c></row>`;
  return handWorkbook([{ name: 'Số liệu', rows }, { name: 'Ghi chú', rows: '' }], S.map((s) => (s.startsWith('<') ? s : s)));
}

async function importedFigures(figures: Uint8Array | ImportSource): Promise<string> {
  const pg = await freshCommune();
  await runImport(pg, 'teams', enc(TEAMS), { now: NOW });
  await runImport(pg, 'figures', figures, { now: NOW });
  return (await exportFigures(pg, parsePeriod('2026')!, 'wide')).text;
}


/** Rewrite an entry's uncompressed size in the central directory (a lying or a bomb-sized zip). */
function setDeclaredSize(zip: Uint8Array, entry: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p < zip.length - 4; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(p + 28, true);
    if (new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)) === entry) view.setUint32(p + 24, size, true);
  }
}

const refused = (f: () => unknown): FileRefusedError => {
  try {
    f();
  } catch (e) {
    if (e instanceof FileRefusedError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('reading an officer\'s workbook', () => {
  it('finds the header under the titles, skips blank rows, keeps the sheet\'s row numbers', () => {
    const sheet = readXlsx(officerWorkbook());
    expect(sheet).toMatchObject({ sheet: 'Số liệu', sheets: ['Số liệu', 'Ghi chú'], header: { line: 3 } });
    const recs = sheetRecords(sheet);
    expect(recs.map((r) => r.line)).toEqual([3, 4, 6, 8]);
    expect(recs[1]!.cells).toEqual(['TDP01', '2026-09', '1.200', '35', '05/10/2026', 'Hỗ trợ tại nhà văn hóa']);
    expect(recs[2]!.cells).toEqual(['TDP02', '2026-09', '12', '7', '', '']);
    expect(recs[3]!.cells).toEqual(['TDP01', '10/2026', '3', '40', '03/11/2026', 'Dòng 1\r\nDòng 2']);
  });

  it('imports to exactly the data of the equivalent UTF-8 CSV', async () => {
    const fromCsv = await importedFigures(enc(CSV));
    expect(fromCsv).toContain('TDP01,Tổ CNSCĐ TDP Đông Sơn,2026-09,1200,35,');
    expect(await importedFigures(officerWorkbook())).toBe(fromCsv);
    expect(await importedFigures(readImportFile(officerWorkbook(), { name: 'x.xlsx' }))).toBe(fromCsv);
  }, 180_000);

  it('TCVN3 text in the cells is converted, and said so', async () => {
    const strings = S.map((s) => (s.startsWith('<') ? `<t>${esc(asTcvn3Cells('Hỗ trợ tại nhà văn hóa'))}</t>` : s));
    const rows = `<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>12</v></c></row><row r="2"><c r="A2" t="s"><v>13</v></c><c r="B2" t="s"><v>15</v></c></row>`;
    const r = workbookRecords(handWorkbook([{ name: 'S', rows }], strings));
    expect(r.legacy).toBe('tcvn3');
    expect(r.records[1]!.cells).toEqual(['TDP01', 'Hỗ trợ tại nhà văn hóa']);
    expect(r.sampleBefore).toBe('Hç trî t¹i nhµ v¨n hãa');
    expect(workbookRecords(handWorkbook([{ name: 'S', rows }], strings), { encoding: 'utf8' }).legacy).toBeNull();
  });

  it('--sheet picks a sheet by name; an unknown name is refused naming the sheets', () => {
    const book = handWorkbook(
      [
        { name: 'Bìa', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
        { name: 'Tháng 9', rows: '<row r="1"><c r="A1" t="s"><v>7</v></c></row><row r="2"><c r="A2" t="s"><v>13</v></c></row>' },
      ],
      S,
    );
    expect(refused(() => readXlsx(book)).message).toContain('(chọn bằng --sheet)');
    expect(readXlsx(book, { sheet: 'tháng 9' }).rows).toHaveLength(1);
    expect(refused(() => readXlsx(book, { sheet: 'Tháng 10' })).message).toBe('Sổ Excel không có trang tính "Tháng 10". Các trang tính có: "Bìa", "Tháng 9".');
  });

  it('a formula with no cached value, or an error value, is refused with row and column', () => {
    const rows =
      `<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>9</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>13</v></c><c r="B2"><f>SUM(X1:X9)</f></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>14</v></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`;
    const e = refused(() => readXlsx(handWorkbook([{ name: 'S', rows }], S)));
    expect(e.problems).toEqual([
      { line: 2, column: 'ho_huong_dan', message: 'ô có công thức nhưng không có giá trị đã tính (hãy mở tệp bằng Excel và lưu lại) (ô B2)' },
      { line: 3, column: 'ho_huong_dan', message: 'ô có lỗi #DIV/0! (ô B3)' },
    ]);
  });

  it('no header within the first 10 rows is refused', () => {
    const rows = `<row r="11"><c r="A11" t="s"><v>7</v></c></row>`;
    expect(refused(() => readXlsx(handWorkbook([{ name: 'S', rows }], S))).message).toContain('10 dòng đầu');
  });

  it('numbers are written as their digits; dates by the 1900 and 1904 systems', () => {
    const rows = `<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1" t="s"><v>9</v></c></row><row r="2"><c r="A2" t="s"><v>13</v></c><c r="B2"><v>1.2E3</v></c><c r="C2"><v>1.5</v></c></row>`;
    expect(sheetRecords(readXlsx(handWorkbook([{ name: 'S', rows }], S)))[1]!.cells).toEqual(['TDP01', '1200', '1,5']);
    expect(serialToIso(46280)).toBe('2026-09-15');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(46280 - 1462, true)).toBe('2026-09-15');
  });
});

describe('hostile workbooks', () => {
  it('a zip bomb is refused from its central directory, before anything is inflated', () => {
    // 40 MB of zeros compress to ~40 KB; against a 10 MB cap the declared size alone refuses it.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const limits = { compressed: 20 * 1024 * 1024, uncompressed: 10 * 1024 * 1024, entries: 10_000 };
    expect(refused(() => readXlsx(bomb, { limits })).message).toContain('khi giải nén quá lớn (trên 10 MB)');
    // The real cap, 200 MB: a directory declaring 300 MB is refused the same way.
    const big = Uint8Array.from(handWorkbook([{ name: 'S', rows: '' }], S));
    setDeclaredSize(big, 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024);
    expect(refused(() => listZip(big)).message).toContain('trên 200 MB');
  });

  it('a directory that lies about sizes is stopped while inflating, past the declared size', () => {
    const book = handWorkbook([{ name: 'S', rows: `<row r="1"><c r="A1" t="s"><v>7</v></c></row>` }], S);
    // Claim the sheet is 10 bytes: inflating must stop at byte 11.
    const lie = Uint8Array.from(book);
    setDeclaredSize(lie, 'xl/worksheets/sheet1.xml', 10);
    expect(refused(() => readXlsx(lie)).message).toContain('lớn hơn kích thước khai báo');
  });

  it('more than 200 columns or a file over 20 MB is refused; not a zip at all too', () => {
    const rows = `<row r="1"><c r="A1" t="s"><v>7</v></c><c r="GS1"><v>1</v></c></row>`;
    expect(refused(() => readXlsx(handWorkbook([{ name: 'S', rows }], S))).message).toContain('quá 200 cột');
    expect(refused(() => listZip(new Uint8Array(21 * 1024 * 1024))).message).toContain('tối đa 20 MB');
    expect(refused(() => readXlsx(strToU8('ma_to,thang\n'))).message).toContain('.xlsx');
  });
});
