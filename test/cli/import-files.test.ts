// `tonghop import` as a real process on files as Excel makes them: the workbook reader or the
// text decoder is chosen by the file, `--encoding` and `--sheet` are obeyed, the dry run and
// the summary name the encoding and show a sample, refusals name the sheet's rows.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/datadir.js';
import { toCp1258, toUtf16le } from '../io/text/fixtures.js';
import { handWorkbook } from '../io/xlsx/build.js';

let dir: string;
let data: string;
const cli = (...args: string[]) => runCliProcess([...args, '--data-dir', data], { TONGHOP_TODAY: '2026-12-01' });
const file = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};

const STRINGS = ['DANH SÁCH TỔ CÔNG NGHỆ SỐ', 'ma_to', 'ten_to', 'TDP01', 'Tổ CNSCĐ TDP Đông Sơn', 'THON02', 'Tổ CNSCĐ thôn Hạ Trạch', 'x'];
const teamRow = (r: number, code: number, name: number) => `<row r="${r}"><c r="A${r}" t="s"><v>${code}</v></c><c r="B${r}" t="s"><v>${name}</v></c></row>`;
const HEAD = `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c></row>`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-cli-files-'));
  data = path.join(dir, 'data');
  const r = await cli('init', '--plan', 'phu-van-2026', '--unit', 'phường Phù Vân');
  expect(r.stderr).toBe('');
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tonghop import of workbooks and legacy encodings', () => {
  it('an .xlsx: --sheet picks the sheet, the dry run names it, the import writes it', async () => {
    const book = file(
      'to.xlsx',
      handWorkbook([{ name: 'Bìa', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }, { name: 'Danh sách', rows: HEAD + teamRow(4, 3, 4) + teamRow(6, 5, 6) }], STRINGS),
    );
    let r = await cli('import', 'teams', book, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"Bìa", "Danh sách" (chọn bằng --sheet)');
    r = await cli('import', 'teams', book, '--sheet', 'Hết');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Sổ Excel không có trang tính "Hết"');
    r = await cli('import', 'teams', book, '--sheet', 'danh sách', '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mã chữ: sổ Excel (chữ Unicode).');
    expect(r.stdout).toContain('Trang tính: "Danh sách" (sổ có 2 trang tính; chọn trang khác bằng --sheet).');
    expect(r.stdout).toContain('Ví dụ chữ đọc được: "Tổ CNSCĐ TDP Đông Sơn".');
    expect(r.stdout).toContain('Tệp danh sách tổ: 2 dòng (sổ Excel).');
    expect(r.stdout).toContain('Sẽ thêm 2 tổ');
    r = await cli('import', 'teams', book, '--sheet', 'Danh sách');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã thêm 2 tổ');
  }, 180_000);

  it('a bad row of a workbook is named by the sheet\'s row number, and nothing is written', async () => {
    const strings = [...STRINGS, 'ma_to', 'thang', 'luot_ho_tro', '2026-10', 'KHONGCO'];
    const row = (r: number, code: number, v: string) => `<row r="${r}"><c r="A${r}" t="s"><v>${code}</v></c><c r="B${r}" t="s"><v>11</v></c><c r="C${r}"><v>${v}</v></c></row>`;
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" t="s"><v>9</v></c><c r="C2" t="s"><v>10</v></c></row>` + row(3, 3, '4') + row(7, 12, '5');
    const r = await cli('import', 'figures', file('so-lieu.xlsx', handWorkbook([{ name: 'S', rows }], strings)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 7, cột ma_to: không có tổ mã');
    expect(r.stderr).not.toContain('dòng 3');
    const after = await cli('status', '--json');
    expect(JSON.parse(after.stdout).completeness.received).toBe(0);
  }, 180_000);

  it('Windows-1258 and UTF-16: read, named, sampled; --encoding forces or refuses', async () => {
    const csv = 'ma_to,thang,luot_ho_tro,ghi_chu\r\nTDP01,2026-10,12,Họp ở nhà văn hóa\r\n';
    const cp = file('cp1258.csv', toCp1258(csv));
    let r = await cli('import', 'figures', cp, '--dry-run');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Mã chữ: Windows-1258 (CSV của Excel trên Windows tiếng Việt).');
    expect(r.stdout).toContain('Ví dụ chữ đọc được: "Họp ở nhà văn hóa".');
    expect(r.stdout).toContain('Chạy thử (--dry-run)');
    r = await cli('import', 'figures', cp, '--encoding', 'utf8');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không phải mã UTF-8 như đã chọn');
    r = await cli('import', 'figures', cp, '--encoding', 'klingon');
    expect(r.code).toBe(2);
    r = await cli('import', 'figures', cp, '--sheet', 'Sheet1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sheet chỉ dùng cho sổ Excel');
    const u16 = file('unicode.txt', toUtf16le(csv.replaceAll(',', '\t')));
    r = await cli('import', 'figures', u16);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Mã chữ: UTF-16 LE (Unicode Text của Excel).');
    expect(r.stdout).toContain('(phân cách bằng dấu tab)');
    expect(r.stdout).toContain('Đã thêm 1 phiếu mới');
  }, 180_000);
});
