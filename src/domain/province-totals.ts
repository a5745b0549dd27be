// The province's totals of every indicator across its communes (issue #14, domain.md "Upward"):
// each commune's own totals (indicatorTotals: `sum` adds every team's months, `last` takes each
// team's latest value in the window), then added across communes — so a `last` indicator is
// latest-per-team, then summed over every team of every commune. Communes bring their own plans:
// an indicator is listed once by its code, standard ones first, then in the order first met.
import { type IndicatorTotal, indicatorTotals } from './commune.js';
import type { Month } from './period.js';
import type { Indicator } from './schemas.js';
import type { FormsByMonth } from './targets.js';

export interface CommuneForms {
  /** The commune's indicators (its plan's: planIndicators). */
  indicators: readonly Indicator[];
  /** Every team's forms covering the windows asked for. */
  forms: readonly FormsByMonth[];
}

export interface ProvinceTotal {
  indicator: Indicator;
  /** null when no team of any commune reported it in the window (blank is not 0). */
  value: number | null;
  /** Communes with at least one team reporting it in the window. */
  communes: number;
  teams: number;
}

/** The indicators of every commune, once each by code, in first-met order (each commune lists the standard ones first). */
export function provinceIndicators(communes: readonly Pick<CommuneForms, 'indicators'>[]): Indicator[] {
  const seen = new Map<string, Indicator>();
  for (const c of communes) for (const i of c.indicators) if (!seen.has(i.code)) seen.set(i.code, i);
  return [...seen.values()];
}

/** Totals across communes over `months`; one row per indicator of provinceIndicators. */
export function provinceTotals(communes: readonly CommuneForms[], months: readonly Month[]): ProvinceTotal[] {
  const rows = provinceIndicators(communes).map((indicator) => ({ indicator, value: null as number | null, communes: 0, teams: 0 }));
  const byCode = new Map(rows.map((r) => [r.indicator.code, r]));
  for (const c of communes) {
    // Each commune's own aggregation of its own indicator (its plan says sum or last).
    for (const t of indicatorTotals(c.forms, c.indicators, months) as IndicatorTotal[]) {
      if (t.value === null) continue;
      const row = byCode.get(t.code)!;
      row.value = (row.value ?? 0) + t.value;
      row.communes++;
      row.teams += t.teams;
    }
  }
  return rows;
}
