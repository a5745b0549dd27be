// The province's totals screen: every indicator across the received communes for the as-of
// month, its quarter and its year (domain/province-totals.ts: each commune's own sum / latest-per-
// team totals, then added), and how many communes have sent the last quarter ended.
import type { DbRunner } from '../../db/database.js';
import { provinceForms } from '../../db/province.js';
import { type CommuneWindows, communeWindows } from '../../domain/commune.js';
import type { Month } from '../../domain/period.js';
import { lastQuarterEnded } from '../../domain/province.js';
import { type ProvinceTotal, provinceTotals } from '../../domain/province-totals.js';

export interface ProvinceTotalsModel {
  asOf: Month;
  windows: CommuneWindows;
  communes: number;
  /** Communes whose bundle reaches the last quarter ended by asOf. */
  sent: number;
  /** The earliest first month of the communes' plans (where ← stops), null with no commune. */
  spanStart: Month | null;
  totals: { month: ProvinceTotal[]; quarter: ProvinceTotal[]; year: ProvinceTotal[] };
}

export async function loadProvinceTotals(db: DbRunner, asOf: Month): Promise<ProvinceTotalsModel> {
  const windows = communeWindows(asOf);
  const communes = await provinceForms(db, windows.year[0]!, asOf);
  const due = lastQuarterEnded(asOf);
  return {
    asOf,
    windows,
    communes: communes.length,
    sent: communes.filter((c) => c.periodEnd >= due).length,
    spanStart: communes.reduce<Month | null>((m, c) => (c.spanStart && (!m || c.spanStart < m) ? c.spanStart : m), null),
    totals: {
      month: provinceTotals(communes, windows.month),
      quarter: provinceTotals(communes, windows.quarter),
      year: provinceTotals(communes, windows.year),
    },
  };
}
