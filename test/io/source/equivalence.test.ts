// The acceptance of issue #12: files made the way Excel and the old Vietnamese fonts make them
// (a workbook with titles above the header, date cells, a formula and a blank row; Excel's
// "CSV (Comma delimited)" in Windows-1258; "Unicode Text", UTF-16 and tab-separated, with a
// title line; TCVN3 text in a UTF-8 file and as one-byte file) import — teams, members, wide
// and long figures — to exactly the data of the equivalent UTF-8 CSV. Every fixture is made
// here by encoders independent of the decoders (iconv, Buffer, a hand-built zip).
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../../src/db/database.js';
import { parsePeriod } from '../../../src/domain/period.js';
import { type ImportKind, runImport, summarise } from '../../../src/io/csv/import.js';
import { exportFigures } from '../../../src/io/export/figures.js';
import { exportMembers, exportTeams } from '../../../src/io/export/roster.js';
import { readImportFile } from '../../../src/io/source/read.js';
import { NOW, counts, freshCommune } from '../helpers.js';
import { asTcvn3Cells, toCp1258, toTcvn3Bytes, toUtf16le } from '../text/fixtures.js';
import { esc, handWorkbook, serial } from '../xlsx/build.js';

// The reference files, as UTF-8 CSV. No capital toned vowel (TCVN3's one-byte fonts have none).
const TEAMS =
  'ma_to,ten_to,dia_ban,loai_dia_ban,so_ho,so_nguoi_truong_thanh,cap,so_quyet_dinh,ngay_quyet_dinh\r\n' +
  'TDP01,Tổ CNSCĐ tổ dân phố Đông Sơn,Tổ dân phố Đông Sơn,tổ dân phố,1200,2350,area,15/QĐ-UBND,15/03/2025\r\n' +
  'THON02,Tổ CNSCĐ thôn Hạ Trạch,Thôn Hạ Trạch,thôn,312,800,area,16/QĐ-UBND,16/03/2025\r\n' +
  'PHUONG,Tổ CNSCĐ phường,,,,,commune,,\r\n';
const MEMBERS =
  'ma_to,ho_ten,vai_tro,to_chuc,nam_sinh,dien_thoai,ngay_tham_gia,ngay_tap_huan\r\n' +
  'TDP01,Nguyễn Thị Lan,Tổ trưởng,Đoàn Thanh niên,1990,0912345678,01/04/2025,10/05/2025 12/06/2025\r\n' +
  'TDP01,Trần Văn Hùng,Thành viên,,1985,0987654321,01/04/2025,\r\n' +
  'THON02,Lê Thị Mỹ Hạnh,Tổ phó,Hội Phụ nữ,1979,0356111222,02/04/2025,10/05/2025\r\n';
const WIDE =
  'ma_to,thang,ho_huong_dan,luot_ho_tro,ngay_nhan,ghi_chu\r\n' +
  'TDP01,2026-09,1200,35,05/10/2026,Họp ở nhà văn hóa tổ dân phố\r\n' +
  'THON02,2026-09,12,7,,\r\n' +
  'TDP01,2026-10,3,40,03/11/2026,\r\n';
const LONG = 'ma_to,thang,chi_so,gia_tri\r\n' + 'PHUONG,2026-08,luot_ho_tro,9\r\n' + 'PHUONG,2026-08,ho_huong_dan,4\r\n' + 'THON02,2026-10,luot_ho_tro,15\r\n';

const FILES: [ImportKind, string][] = [
  ['teams', TEAMS],
  ['members', MEMBERS],
  ['figures', WIDE],
  ['figures', LONG],
];

/** Import every file of a variant into a fresh commune; the data as our CSV exports write it. */
async function importAll(variant: (csv: string, i: number) => { bytes: Uint8Array; name: string }): Promise<{ data: string; summaries: string[] }> {
  const pg = await freshCommune();
  const summaries: string[] = [];
  for (const [i, [kind, csv]] of FILES.entries()) {
    const f = variant(csv, i);
    const source = readImportFile(f.bytes, { name: f.name });
    const r = await runImport(pg, kind, source, { now: NOW });
    summaries.push(summarise(r.check, true, source.info).join('\n'));
  }
  return { data: await dataOf(pg), summaries };
}

async function dataOf(pg: DbRunner): Promise<string> {
  const figures = (await exportFigures(pg, parsePeriod('2026')!, 'wide')).text;
  return [(await exportTeams(pg)).text, (await exportMembers(pg)).text, figures, JSON.stringify(await counts(pg))].join('\n');
}

const rowsOf = (csv: string) => csv.trimEnd().split('\r\n').map((l) => l.split(','));

// --- the workbook, built cell by cell as Excel stores it ------------------------------------

type Cell = string | number | { date: string; style?: number } | { formula: string; value: number } | null;

/** Cells typed as Excel keeps them: dates as date cells, numbers as numbers, a formula in one of them. */
function typedCells(csv: string, legacy: boolean): Cell[][] {
  const [header, ...rows] = rowsOf(csv);
  return [
    header!,
    ...rows.map((r, n) =>
      r.map((v, i): Cell => {
        const col = header![i]!;
        if (v === '') return null;
        if (/^\d{2}\/\d{2}\/\d{4}$/u.test(v) && col !== 'ngay_tap_huan') return { date: `${v.slice(6)}-${v.slice(3, 5)}-${v.slice(0, 2)}` };
        if (col === 'thang') return n === 0 ? { date: `${v}-01`, style: 2 } : n === 1 ? { date: `${v}-15` } : `${Number(v.slice(5))}/${v.slice(0, 4)}`;
        if (/^\d+$/u.test(v) && col !== 'dien_thoai' && col !== 'ma_to') return n === 0 && i === header!.length - 3 ? { formula: `${v}-0`, value: Number(v) } : Number(v);
        return legacy ? asTcvn3Cells(v) : v;
      }),
    ),
  ];
}

function workbook(csv: string, opts: { legacy?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const cells = typedCells(csv, !!opts.legacy);
  const title = opts.legacy ? asTcvn3Cells('Báo cáo của tổ công nghệ số cộng đồng') : 'BÁO CÁO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG';
  let xml = `<row r="1"><c r="A1" t="s"><v>${sst(title)}</v></c></row>`;
  xml += `<row r="2">${cells[0]!.map((_, i) => `<c r="${col(i)}2" t="s"><v>${sst(`Cột ${i + 1}`)}</v></c>`).join('')}</row>`;
  let r = 3;
  for (const [n, row] of cells.entries()) {
    if (n === 2) xml += `<row r="${r++}"><c r="A${r - 1}" s="3"/></row>`; // a blank (styled) row
    xml += `<row r="${r}">${row.map((c, i) => cellXml(c, `${col(i)}${r}`, sst)).join('')}</row>`;
    r++;
  }
  return handWorkbook([{ name: 'Dữ liệu', rows: xml }], strings.map(esc));
}

const col = (i: number) => String.fromCharCode(65 + i);

function cellXml(c: Cell, ref: string, sst: (s: string) => number): string {
  if (c === null) return '';
  if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${sst(c)}</v></c>`;
  if (typeof c === 'number') return `<c r="${ref}" s="3"><v>${c}</v></c>`;
  if ('formula' in c) return `<c r="${ref}"><f>${c.formula}</f><v>${c.value}</v></c>`;
  return `<c r="${ref}" s="${c.style ?? 1}"><v>${serial(c.date)}</v></c>`;
}

/** Excel's "Unicode Text": a title line above the header, tab-separated, a blank line inside. */
function unicodeText(csv: string): Buffer {
  const [head, ...rows] = csv.trimEnd().split('\r\n').map((l) => l.replaceAll(',', '\t'));
  const tabs = '\t'.repeat(head!.split('\t').length - 1);
  return toUtf16le(['DANH SÁCH' + tabs, head, rows[0], tabs, ...rows.slice(1)].join('\r\n') + '\r\n');
}

describe('files as Excel and the old fonts make them import to the data of the UTF-8 CSV', () => {
  let reference: string;
  it('the UTF-8 CSV itself', async () => {
    reference = (await importAll((csv) => ({ bytes: Buffer.from(csv), name: 'a.csv' }))).data;
    expect(reference).toContain('TDP01,Tổ CNSCĐ tổ dân phố Đông Sơn,Tổ dân phố Đông Sơn,tổ dân phố,1200,2350,area,15/QĐ-UBND,15/03/2025');
    expect(reference).toContain('TDP01,Nguyễn Thị Lan,Tổ trưởng,Đoàn Thanh niên,1990,0912345678,01/04/2025,10/05/2025 12/06/2025');
    expect(reference).toMatch(/TDP01,[^,]*,2026-09,1200,35,/u);
    expect(reference).toMatch(/PHUONG,[^,]*,2026-08,4,9,/u);
  }, 180_000);

  it('an .xlsx with titles, labels, date cells, a formula and a blank row', async () => {
    const got = await importAll((csv) => ({ bytes: workbook(csv), name: 'so-lieu.xlsx' }));
    expect(got.data).toBe(reference);
    expect(got.summaries[0]).toContain('Mã chữ: sổ Excel (chữ Unicode).');
    expect(got.summaries[0]).toContain('Trang tính: "Dữ liệu".');
    expect(got.summaries[0]).toContain('(sổ Excel)');
  }, 180_000);

  it('an .xlsx whose cells were typed in .VnTime (TCVN3)', async () => {
    const got = await importAll((csv) => ({ bytes: workbook(csv, { legacy: true }), name: 'cu.xlsx' }));
    expect(got.data).toBe(reference);
    expect(got.summaries[0]).toContain('TCVN3');
    expect(got.summaries[0]).toMatch(/Ví dụ: "[^"]+" → "[^"]+"\./u);
  }, 180_000);

  it('a workbook saved without its .xlsx name is still read as one (PK signature)', async () => {
    const got = await importAll((csv) => ({ bytes: workbook(csv), name: 'so-lieu.dat' }));
    expect(got.data).toBe(reference);
  }, 180_000);

  it('Windows-1258 ("CSV (Comma delimited)" on Vietnamese Windows, tones decomposed)', async () => {
    const got = await importAll((csv) => ({ bytes: toCp1258(csv), name: 'a.csv' }));
    expect(got.data).toBe(reference);
    expect(got.summaries[0]).toContain('Mã chữ: Windows-1258');
    expect(got.summaries[0]).toContain('Ví dụ chữ đọc được: "Tổ CNSCĐ tổ dân phố Đông Sơn".');
  }, 180_000);

  it('UTF-16 "Unicode Text", tab-separated, with a title line and a blank line', async () => {
    const got = await importAll((csv) => ({ bytes: unicodeText(csv), name: 'a.txt' }));
    expect(got.data).toBe(reference);
    expect(got.summaries[0]).toContain('UTF-16 LE (Unicode Text của Excel)');
    expect(got.summaries[0]).toContain('dấu tab');
  }, 180_000);

  it('TCVN3 text inside a UTF-8 file, and TCVN3 bytes as a one-byte file', async () => {
    const inUtf8 = await importAll((csv) => ({ bytes: Buffer.from(asTcvn3Cells(csv), 'utf8'), name: 'a.csv' }));
    expect(inUtf8.data).toBe(reference);
    expect(inUtf8.summaries[0]).toContain('TCVN3 (ABC, phông .VnTime) trong tệp UTF-8, đã chuyển sang Unicode');
    expect(inUtf8.summaries[0]).toContain('"Tæ CNSC§ tæ d©n phè §«ng S¬n" → "Tổ CNSCĐ tổ dân phố Đông Sơn"');
    const oneByte = await importAll((csv) => ({ bytes: toTcvn3Bytes(csv), name: 'a.csv' }));
    expect(oneByte.data).toBe(reference);
  }, 180_000);
});
