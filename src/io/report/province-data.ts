// Everything the province's period report says, from a province database: every received
// commune's status as of the period's last month (provinceStatus: the commune's own code through
// its scoped handle) and the indicators totalled across communes (domain/province-totals.ts).
import type { DbRunner } from '../../db/database.js';
import { provinceForms, provinceStatus } from '../../db/province.js';
import { NotInitialisedError, getUnit } from '../../db/unit.js';
import { type Month, type Period, currentMonth, makeMonth, minMonth, monthParts, monthRange, periodAsOf, periodLabel, periodMonths } from '../../domain/period.js';
import { type UnitStatus, compareUnitsForScreen } from '../../domain/province.js';
import { provinceTotals } from '../../domain/province-totals.js';
import type { Indicator } from '../../domain/schemas.js';

export interface ProvinceReportTotal {
  indicator: Indicator;
  period: number | null; // null: no team of any commune reported it in the period
  cumulative: number | null;
  /** Communes with a figure for it in the period. */
  communes: number;
}

export interface ProvinceReportData {
  province: { name: string; agency: string; officer: string | null };
  period: Period;
  now: Date;
  /** As the commune report's: the period's last month once ended, else the last finished month in it. */
  asOf: Month;
  ended: boolean;
  /** The cumulative column runs from January of the as-of year (communes' plans differ). */
  cumulativeFrom: Month;
  /** Screen order: "chưa gửi" first, then worst first. */
  units: UnitStatus[];
  totals: ProvinceReportTotal[];
}

export async function loadProvinceReportData(db: DbRunner, period: Period, now: Date): Promise<ProvinceReportData> {
  const unit = await getUnit(db);
  if (!unit) throw new NotInitialisedError();
  const when = periodAsOf(period, currentMonth(now));
  if (!when) throw new Error(`${periodLabel(period)} chưa bắt đầu: chưa có gì để báo cáo.`);
  const { asOf, ended } = when;
  const months = periodMonths(period).filter((m) => m <= asOf);
  const cumulativeFrom = makeMonth(monthParts(asOf).year, 1);
  const units = (await provinceStatus(db, asOf)).sort(compareUnitsForScreen);
  const communes = await provinceForms(db, minMonth(cumulativeFrom, months[0]!), asOf);
  const inPeriod = provinceTotals(communes, months);
  const cumulative = provinceTotals(communes, monthRange(cumulativeFrom, asOf));
  return {
    province: { name: unit.name, agency: unit.agency, officer: unit.officer ?? null },
    period,
    now,
    asOf,
    ended,
    cumulativeFrom,
    units,
    totals: inPeriod.map((t, i) => ({ indicator: t.indicator, period: t.value, cumulative: cumulative[i]!.value, communes: t.communes })),
  };
}
