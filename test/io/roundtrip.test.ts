import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { runImport } from '../../src/io/csv/import.js';
import { exportFigures } from '../../src/io/export/figures.js';
import { exportMembers, exportTeams } from '../../src/io/export/roster.js';
import { demoDb } from '../support/db.js';
import { NOW, enc, freshCommune } from './helpers.js';

const YEAR = parsePeriod('2026')!;

async function withTrickyNotes() {
  const pg = await demoDb();
  // Notes Excel would run as formulas, a multi-line note with quotes and both separators.
  await pg.query(`UPDATE form SET note = '=SUM(A1:A3)' WHERE id = (SELECT min(id) FROM form)`);
  await pg.query(`UPDATE form SET note = E'-Hỗ trợ 12 hộ; "VNeID", khó khăn:\\r\\nthiếu máy' WHERE id = (SELECT min(id) + 1 FROM form)`);
  await pg.query(`UPDATE form SET note = '@tổ trưởng' WHERE id = (SELECT min(id) + 2 FROM form)`);
  await pg.query(`UPDATE form SET note = E'\\tthụt lề' WHERE id = (SELECT min(id) + 3 FROM form)`);
  await pg.query(`UPDATE form SET note = '''=đã có dấu nháy' WHERE id = (SELECT min(id) + 4 FROM form)`);
  await pg.query(`UPDATE form SET note = '+84 912 345 678' WHERE id = (SELECT min(id) + 5 FROM form)`);
  return pg;
}

describe('export → import into a fresh database → export is byte-identical', () => {
  // Both layouts, both delimiters (each pair once, to keep the suite fast).
  for (const [format, delimiter] of [
    ['wide', ','],
    ['long', ';'],
  ] as const) {
    {
      it(`${format}, delimiter ${delimiter}`, async () => {
        const src = await withTrickyNotes();
        const teams = await exportTeams(src, { delimiter });
        const first = await exportFigures(src, YEAR, format, { delimiter });
        expect(first.rows).toBeGreaterThan(100);

        const dst = await freshCommune();
        await runImport(dst, 'teams', enc(teams.text), { now: NOW });
        const r = await runImport(dst, 'figures', enc(first.text), { now: NOW });
        expect(r.check.kind === 'figures' && r.check.layout).toBe(format);
        const second = await exportFigures(dst, YEAR, format, { delimiter });
        expect(Buffer.from(second.text)).toEqual(Buffer.from(first.text));
        expect((await exportTeams(dst, { delimiter })).text).toBe(teams.text);
      });
    }
  }

  it('the formula guard is written, and taken off again on import', async () => {
    const src = await withTrickyNotes();
    const csv = (await exportFigures(src, YEAR, 'wide')).text;
    expect(csv).toContain(",'=SUM(A1:A3)\r\n");
    expect(csv).toContain(`,"'-Hỗ trợ 12 hộ; ""VNeID"", khó khăn:\r\nthiếu máy"\r\n`);
    expect(csv).toContain(",'@tổ trưởng\r\n");
    expect(csv).toContain(",'\tthụt lề\r\n");
    expect(csv).toContain(",''=đã có dấu nháy\r\n");
    expect(csv).toContain(",'+84 912 345 678\r\n");
    expect(csv.startsWith('\uFEFFma_to,ten_to,thang,ho_huong_dan,')).toBe(true);

    const dst = await freshCommune();
    await runImport(dst, 'teams', enc((await exportTeams(src)).text), { now: NOW });
    await runImport(dst, 'figures', enc(csv), { now: NOW });
    const notes = (await dst.query<{ note: string }>('SELECT note FROM form WHERE note IS NOT NULL')).rows.map((r) => r.note);
    expect(notes).toEqual(
      expect.arrayContaining(['=SUM(A1:A3)', '-Hỗ trợ 12 hộ; "VNeID", khó khăn:\r\nthiếu máy', '@tổ trưởng', '\tthụt lề', "'=đã có dấu nháy", '+84 912 345 678']),
    );
  });

  it('members export re-imports into the same roster', async () => {
    const src = await demoDb();
    const dst = await freshCommune();
    await runImport(dst, 'teams', enc((await exportTeams(src)).text), { now: NOW });
    const members = await exportMembers(src, { delimiter: ';' });
    await runImport(dst, 'members', enc(members.text), { now: NOW });
    expect((await exportMembers(dst, { delimiter: ';' })).text).toBe(members.text);
  });
});
