// The dashboard's data path and layout, apart from key presses: loadForms (packed for speed)
// against plain rows, the view model against `status --json`, and the 80×24 fit.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { computeStatus, loadFormMonths, loadForms } from '../../src/db/evaluation.js';
import { listIndicators } from '../../src/db/unit.js';
import { statusJson } from '../../src/domain/status.js';
import { bodyRowsFor, homeFrame } from '../../src/ui/home/frame.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { filterRows, loadHomeModel } from '../../src/ui/home/model.js';
import { demoDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

describe('dashboard data', () => {
  it('loadForms gives exactly the forms and values of plain rows (blank cells absent, empty forms present)', async () => {
    const pg = await demoDb();
    // An empty form (every cell blank) still counts as a form.
    await pg.query(`INSERT INTO form (team_id, month, source) SELECT id, '2025-12', 'typed' FROM team WHERE code = 'TDP01'`);
    const plain = await pg.query<{ team_id: number; month: string; indicator: string | null; value: number | null }>(
      `SELECT f.team_id, f.month, v.indicator, v.value FROM form f LEFT JOIN form_value v ON v.form_id = f.id
       WHERE f.month BETWEEN '2025-12' AND '2026-06' ORDER BY f.team_id, f.month`,
    );
    const expected = new Map<number, Map<string, Map<string, number>>>();
    for (const r of plain.rows) {
      if (!expected.has(r.team_id)) expected.set(r.team_id, new Map());
      const byMonth = expected.get(r.team_id)!;
      if (!byMonth.has(r.month)) byMonth.set(r.month, new Map());
      if (r.indicator !== null) byMonth.get(r.month)!.set(r.indicator, r.value!);
    }
    const got = await loadForms(pg, '2025-12', '2026-06');
    const norm = (m: typeof got) => [...m].map(([t, ms]) => [t, [...ms].map(([mo, v]) => [mo, [...v].sort()])]);
    expect(norm(got)).toEqual(norm(expected));
    const tdp01 = [...got.values()].find((m) => m.has('2025-12'))!;
    expect([...tdp01.keys()].slice(0, 3)).toEqual(['2025-12', '2026-01', '2026-02']); // months ascending
    expect(tdp01.get('2025-12')!.size).toBe(0);
    const one = await loadForms(pg, '2026-01', '2026-03', [...got.keys()][0]);
    expect([...one.keys()]).toEqual([[...got.keys()][0]]);
    expect((await loadForms(pg, '2030-01', '2030-12')).size).toBe(0);
    const months = await loadFormMonths(pg, '2026-09', '2026-10');
    expect(months.size).toBe(14); // Ngọc Động has no form in 09–10/2026
    expect([...months.values()].filter((s) => s.size === 1).length).toBe(1); // Lê Lợi skipped 10/2026
  });

  it('the home view model lists teams in the order and with the completeness of `status --json`', async () => {
    const pg = await demoDb();
    const json = JSON.parse(statusJson(await computeStatus(pg, '2026-10'))) as { completeness: unknown; teams: { ma_to: string; status: string }[] };
    const model = await loadHomeModel(pg, '2026-10', TEST_NOW, await listIndicators(pg));
    expect(model.rows.map((r) => [r.code, r.status])).toEqual(json.teams.map((t) => [t.ma_to, t.status]));
    expect(model.report.completeness).toEqual(json.completeness);
    expect(model.deadline).toMatchObject({ date: '2026-12-21', daysLeft: 28 });
    expect(model.missing.teams.map((t) => t.code).sort()).toEqual(['TDP04', 'THON-NGOCDONG']);
    expect(filterRows(model.rows, 'cham', 'DONG SON').map((r) => r.code)).toEqual(['TDP01']);
  });
});

describe('fits 80×24', () => {
  it('every line fits 80 columns, the body fits its rows, and the selected row stays visible', async () => {
    const pg = await demoDb();
    const model = await loadHomeModel(pg, '2026-10', TEST_NOW, await listIndicators(pg));
    const rows = bodyRowsFor(24);
    for (const selectedIndex of [0, 7, model.rows.length - 1]) {
      const lines = homeFrame(model, { columns: 80, rows: 24, selectedIndex }).split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
      const selected = lines.find((l) => l.startsWith('› '));
      expect(selected).toContain(displayName(model.rows[selectedIndex]!.name));
    }
  });
});
