// Months (`YYYY-MM`), quarters and years: the units of time of every figure.
import { daysInMonth, pad2, parseDate } from './text.js';

export type Month = string; // 'YYYY-MM', validated by parseMonth

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number };

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/u;

export function isMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

export function parseMonth(s: string): Month | null {
  const t = s.trim();
  if (MONTH_RE.test(t)) return t;
  // Officers also type 11/2026 or 2026-1.
  let m = /^(\d{1,2})\/(\d{4})$/u.exec(t);
  if (m) return toMonth(Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/u.exec(t);
  if (m) return toMonth(Number(m[1]), Number(m[2]));
  // A date (dd/mm/yyyy or yyyy-mm-dd) stands for its month, as a sheet's date cell does.
  const iso = parseDate(t);
  return iso ? iso.slice(0, 7) : null;
}

function toMonth(y: number, mo: number): Month | null {
  if (mo < 1 || mo > 12 || y < 1900 || y > 2200) return null;
  return `${y}-${pad2(mo)}`;
}

export function monthParts(m: Month): { year: number; month: number } {
  return { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) };
}

export function makeMonth(year: number, month: number): Month {
  return `${year}-${pad2(month)}`;
}

export function monthIndex(m: Month): number {
  const { year, month } = monthParts(m);
  return year * 12 + (month - 1);
}

export function monthFromIndex(i: number): Month {
  return makeMonth(Math.floor(i / 12), (i % 12) + 1);
}

export function addMonths(m: Month, n: number): Month {
  return monthFromIndex(monthIndex(m) + n);
}

/** Inclusive count of months from a to b (0 if b is before a). */
export function monthsBetween(a: Month, b: Month): number {
  return Math.max(0, monthIndex(b) - monthIndex(a) + 1);
}

/** Inclusive list of months from a to b. */
export function monthRange(a: Month, b: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(a); i <= monthIndex(b); i++) out.push(monthFromIndex(i));
  return out;
}

export function minMonth(a: Month, b: Month): Month {
  return a <= b ? a : b;
}

export function maxMonth(a: Month, b: Month): Month {
  return a >= b ? a : b;
}

export function quarterOf(m: Month): number {
  return Math.floor((monthParts(m).month - 1) / 3) + 1;
}

export function quarterStart(m: Month): Month {
  const { year } = monthParts(m);
  return makeMonth(year, (quarterOf(m) - 1) * 3 + 1);
}

export function quarterEnd(m: Month): Month {
  return addMonths(quarterStart(m), 2);
}

/** 1, 2 or 3: position of the month inside its quarter. */
export function monthOfQuarter(m: Month): number {
  return ((monthParts(m).month - 1) % 3) + 1;
}

export function firstDay(m: Month): string {
  return `${m}-01`;
}

export function lastDay(m: Month): string {
  const { year, month } = monthParts(m);
  return `${m}-${pad2(daysInMonth(year, month))}`;
}

export function monthOfDate(iso: string): Month {
  return iso.slice(0, 7);
}

export function currentMonth(now: Date): Month {
  return makeMonth(now.getFullYear(), now.getMonth() + 1);
}

/** The default "as of": the last month that has finished. */
export function lastFinishedMonth(now: Date): Month {
  return addMonths(currentMonth(now), -1);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function romanQuarter(q: number): string {
  return ROMAN[q - 1] ?? String(q);
}

/** `2026-11`, `2026-Q4` (also `2026-q4`, `Q4/2026`), `2026`. */
export function parsePeriod(s: string): Period | null {
  const t = s.trim();
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/u.exec(t);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})-?[Qq]([1-4])$/u.exec(t) ?? null;
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = /^[Qq]([1-4])[/-](\d{4})$/u.exec(t);
  if (m) return { kind: 'quarter', year: Number(m[2]), quarter: Number(m[1]) };
  m = /^(\d{4})$/u.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  return null;
}

export function periodMonths(p: Period): Month[] {
  switch (p.kind) {
    case 'month':
      return [makeMonth(p.year, p.month)];
    case 'quarter': {
      const start = makeMonth(p.year, (p.quarter - 1) * 3 + 1);
      return monthRange(start, addMonths(start, 2));
    }
    case 'year':
      return monthRange(makeMonth(p.year, 1), makeMonth(p.year, 12));
  }
}

/** Every report evaluates a period as of its last month (once it has ended: periodAsOf). */
export function periodLastMonth(p: Period): Month {
  const ms = periodMonths(p);
  return ms[ms.length - 1]!;
}

export function periodFirstMonth(p: Period): Month {
  return periodMonths(p)[0]!;
}

/** As of which month a period is evaluated, and whether it has ended. */
export interface PeriodAsOf {
  asOf: Month;
  ended: boolean;
}

/**
 * A period that has ended is evaluated as of its last month; one that has not, as of the last
 * finished month inside it (or the current month itself when none has finished yet), so months
 * still to come are never called missing. null: the period has not begun.
 */
export function periodAsOf(p: Period, current: Month): PeriodAsOf | null {
  const first = periodFirstMonth(p);
  const last = periodLastMonth(p);
  if (first > current) return null;
  if (last < current) return { asOf: last, ended: true };
  const previous = addMonths(current, -1);
  return { asOf: previous >= first ? previous : current, ended: false };
}

/** The latest period of this kind that has ended before the current month. */
export function lastFinishedPeriod(kind: Period['kind'], current: Month): Period {
  const m = addMonths(current, -1);
  const { year, month } = monthParts(m);
  switch (kind) {
    case 'month':
      return { kind, year, month };
    case 'quarter': {
      const end = quarterEnd(m) === m ? m : addMonths(quarterStart(m), -1);
      return { kind, year: monthParts(end).year, quarter: quarterOf(end) };
    }
    case 'year':
      return { kind, year: month === 12 ? year : year - 1 };
  }
}

/** "tháng", "quý", "năm": the word for a period's kind. */
export function periodKindWord(p: Period): string {
  return p.kind === 'month' ? 'tháng' : p.kind === 'quarter' ? 'quý' : 'năm';
}

/** `2026-11`, `2026-Q4`, `2026`: the machine form used in file names. */
export function periodCode(p: Period): string {
  switch (p.kind) {
    case 'month':
      return makeMonth(p.year, p.month);
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
  }
}

/** `Tháng 11/2026`, `Quý IV/2026`, `Năm 2026`. */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `Tháng ${pad2(p.month)}/${p.year}`;
    case 'quarter':
      return `Quý ${romanQuarter(p.quarter)}/${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
  }
}

/** `11/2026` for a month, as the officer writes it. */
export function monthLabel(m: Month): string {
  const { year, month } = monthParts(m);
  return `${pad2(month)}/${year}`;
}

export function quarterLabel(m: Month): string {
  return `Quý ${romanQuarter(quarterOf(m))}/${monthParts(m).year}`;
}
