// Sparklines of a team's monthly figures. A blank month (no form, or the cell left empty) must
// look different from 0: blank is "not reported", 0 is "reported nothing".
import { type Month, addMonths, monthRange } from './period.js';
import type { Plan } from './schemas.js';
import type { FormsByMonth } from './targets.js';

export const SPARK_BLANK = '·';
export const SPARK_ZERO = '▁';
/** Positive values: seven heights above the zero bar. */
const LEVELS = ['▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, scaled to the largest value of the series. */
export function sparkline(values: readonly (number | null)[]): string {
  let max = 0;
  for (const v of values) if (v !== null && v > max) max = v;
  return values
    .map((v) => {
      if (v === null) return SPARK_BLANK;
      if (v <= 0) return SPARK_ZERO;
      const i = Math.min(LEVELS.length - 1, Math.ceil((v / max) * LEVELS.length) - 1);
      return LEVELS[Math.max(0, i)]!;
    })
    .join('');
}

/** The `n` months ending with `last`. */
export function lastMonths(last: Month, n = 12): Month[] {
  return monthRange(addMonths(last, -(n - 1)), last);
}

/** A team's values of one indicator per month (null = blank: no form or an empty cell). */
export function monthlySeries(forms: FormsByMonth, code: string, months: readonly Month[]): (number | null)[] {
  return months.map((m) => forms.get(m)?.get(code) ?? null);
}

/**
 * A team's "main" indicators: the ones the plan's targets read, plus the citizens helped
 * (`luot_ho_tro`), in the order of `order` (the paper form's order).
 */
export function mainIndicators(plan: Pick<Plan, 'targets'>, order: readonly string[]): string[] {
  const wanted = new Set<string>(['luot_ho_tro']);
  for (const t of plan.targets) if (t.chi_so) wanted.add(t.chi_so);
  const known = order.filter((c) => wanted.has(c));
  return [...known, ...[...wanted].filter((c) => !order.includes(c))];
}
