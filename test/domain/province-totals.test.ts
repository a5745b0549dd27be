// Totals across communes: each commune's own aggregation, then added; `last` is each team's
// latest value in the window (not added over months), then summed over every team of every commune.
import { describe, expect, it } from 'vitest';
import { provinceTotals } from '../../src/domain/province-totals.js';
import type { Indicator } from '../../src/domain/schemas.js';

const SUM: Indicator = { code: 'luot_ho_tro', label: 'Lượt', unit: 'lượt', aggregation: 'sum' };
const LAST: Indicator = { code: 'ho_dung_nen_tang', label: 'Hộ', unit: 'hộ', aggregation: 'last' };
const OWN: Indicator = { code: 'rieng_xa_b', label: 'Riêng', unit: 'cái', aggregation: 'sum' };
const forms = (byMonth: Record<string, Record<string, number>>) => new Map(Object.entries(byMonth).map(([m, v]) => [m, new Map(Object.entries(v))]));

describe('provinceTotals', () => {
  it('adds sums over months and teams, takes the latest stock per team, and lists each code once', () => {
    const a = { indicators: [SUM, LAST], forms: [forms({ '2026-07': { luot_ho_tro: 3, ho_dung_nen_tang: 10 }, '2026-08': { luot_ho_tro: 4, ho_dung_nen_tang: 12 } }), forms({ '2026-07': { ho_dung_nen_tang: 5 } })] };
    const b = { indicators: [SUM, LAST, OWN], forms: [forms({ '2026-09': { luot_ho_tro: 1, ho_dung_nen_tang: 7, rieng_xa_b: 2 } })] };
    const c = { indicators: [SUM, LAST], forms: [] };
    const t = provinceTotals([a, b, c], ['2026-07', '2026-08', '2026-09']);
    expect(t.map((r) => [r.indicator.code, r.value, r.communes, r.teams])).toEqual([
      ['luot_ho_tro', 3 + 4 + 1, 2, 2],
      ['ho_dung_nen_tang', 12 + 5 + 7, 2, 3],
      ['rieng_xa_b', 2, 1, 1],
    ]);
    // A window nobody reported in: blank, not 0.
    expect(provinceTotals([a, b], ['2026-10']).every((r) => r.value === null && r.communes === 0)).toBe(true);
  });
});
