// The workbook writer: the layout of domain.md "Workbooks written", checked in the XML, and
// export → workbook → import into a fresh database → CSV export byte-identical.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/domain/period.js';
import { STANDARD_INDICATORS } from '../../../src/domain/indicators.js';
import { runImport } from '../../../src/io/csv/import.js';
import { parseCsv } from '../../../src/io/csv/parse.js';
import { type Cell, toCsv } from '../../../src/io/csv/stringify.js';
import { exportFigures } from '../../../src/io/export/figures.js';
import { exportMembers, exportTeams } from '../../../src/io/export/roster.js';
import { workbookRecords } from '../../../src/io/xlsx/import.js';
import { labelsFor, writeWorkbook } from '../../../src/io/xlsx/write.js';
import { demoDb } from '../../support/db.js';
import { NOW, enc, freshCommune } from '../helpers.js';

const YEAR = parsePeriod('2026')!;

/** A CSV export back into (header, typed rows) as the exporter holds them: digits are numbers. */
function typedRows(csv: string, textColumns: ReadonlySet<string> = new Set()): { header: string[]; rows: Cell[][] } {
  const [head, ...recs] = parseCsv(csv.replace(/^\uFEFF/u, ''), ',');
  const header = head!.cells;
  const rows = recs
    .filter((r) => r.cells.some((c) => c !== ''))
    .map((r) => r.cells.map((c, i) => (c === '' ? null : /^\d+$/u.test(c) && !textColumns.has(header[i]!) ? Number(c) : c.replace(/^'(?=[=+\-@\t\r])/u, ''))));
  return { header, rows };
}

async function toWorkbook(csv: string, title: string, textColumns?: ReadonlySet<string>): Promise<Uint8Array> {
  const { header, rows } = typedRows(csv, textColumns);
  const labels = labelsFor(header, new Map(STANDARD_INDICATORS.map((i) => [i.code, i.label])));
  return writeWorkbook({ sheetName: title, title, header, labels, rows });
}

function sheetXml(book: Uint8Array): string {
  return strFromU8(unzipSync(book)['xl/worksheets/sheet1.xml']!);
}

function recordsCsv(records: { cells: string[] }[]): string {
  return toCsv(records[0]!.cells, records.slice(1).map((r) => r.cells));
}

describe('the workbook layout', () => {
  it('title, labels, the CSV header, data and nothing after; numbers as numbers, months and phones as text', async () => {
    const header = ['ma_to', 'ten_to', 'thang', 'luot_ho_tro', 'dien_thoai', 'nam_sinh'];
    const book = await writeWorkbook({
      sheetName: 'Số liệu',
      title: 'Số liệu Quý III/2026',
      header,
      labels: labelsFor(header),
      rows: [
        ['TDP01', 'Tổ CNSCĐ TDP Đông Sơn', '2026-10', 1200, '0912345678', 1985],
        ['TDP02', 'Tổ CNSCĐ thôn Phù Vân', '2026-11', null, null, null],
      ],
    });
    const xml = sheetXml(book);
    const strings = strFromU8(unzipSync(book)['xl/sharedStrings.xml']!);
    // A number cell has no t="s" / t="inlineStr": its value is the number.
    expect(xml).toMatch(/<c r="D4" s="\d+"><v>1200<\/v><\/c>/u);
    expect(xml).toMatch(/<c r="F4" s="\d+"><v>1985<\/v><\/c>/u);
    // Months and phones are text cells (shared strings), so Excel keeps them as typed.
    expect(xml).toMatch(/<c r="C4" s="\d+" t="s">/u);
    expect(xml).toMatch(/<c r="E4" s="\d+" t="s">/u);
    expect(strings).toContain('<t>2026-10</t>');
    expect(strings).toContain('<t>0912345678</t>');
    // Frozen under the header row; a width per column; nothing after row 5.
    expect(xml).toContain('ySplit="3"');
    expect(xml).toContain('state="frozen"');
    expect(xml.match(/<col /gu)).toHaveLength(6);
    expect(xml).not.toContain('<row r="6"');
    const r = workbookRecords(book);
    expect(r.records.map((x) => x.line)).toEqual([3, 4, 5]);
    expect(r.records[0]!.cells).toEqual(header);
    expect(r.records[1]!.cells).toEqual(['TDP01', 'Tổ CNSCĐ TDP Đông Sơn', '2026-10', '1200', '0912345678', '1985']);
  });
});

describe('export → workbook → import into a fresh database → CSV export is byte-identical', () => {
  it('figures (wide), teams and members', async () => {
    const src = await demoDb();
    const teams = (await exportTeams(src)).text;
    const members = (await exportMembers(src)).text;
    const figures = (await exportFigures(src, YEAR, 'wide')).text;
    expect(figures.split('\r\n').length).toBeGreaterThan(100);

    const dst = await freshCommune();
    const viaBook = async (csv: string, title: string, text?: ReadonlySet<string>) => recordsCsv(workbookRecords(await toWorkbook(csv, title, text)).records);
    await runImport(dst, 'teams', enc(await viaBook(teams, 'Danh sách tổ', new Set(['so_quyet_dinh']))), { now: NOW });
    await runImport(dst, 'members', enc(await viaBook(members, 'Thành viên', new Set(['dien_thoai']))), { now: NOW });
    await runImport(dst, 'figures', enc(await viaBook(figures, 'Số liệu 2026')), { now: NOW });
    expect((await exportTeams(dst)).text).toBe(teams);
    expect((await exportMembers(dst)).text).toBe(members);
    expect(Buffer.from((await exportFigures(dst, YEAR, 'wide')).text)).toEqual(Buffer.from(figures));
  }, 180_000);
});
