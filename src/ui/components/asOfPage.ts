// The as-of month of the status screens (dashboard, commune view, team drill-down) and the state of
// a scrolling page with one (commune view, team drill-down). Pure.
import { type Month, addMonths, lastFinishedMonth, minMonth } from '../../domain/period.js';
import { type HandlersOf, off } from '../keys/useKeys.js';

/** From the plan's first month to the last finished month (a running month has no status yet). */
export interface MonthBounds {
  min: Month;
  max: Month;
}

export function asOfBounds(spanStart: Month, now: Date): MonthBounds {
  const max = lastFinishedMonth(now);
  return { min: minMonth(spanStart, max), max };
}

/** ←/→ within the bounds; at either end the key is off, and says why (help, message line). */
export function monthStepKeys(asOf: Month, b: MonthBounds, step: (delta: number) => void): HandlersOf<'prevMonth' | 'nextMonth'> {
  return {
    prevMonth: asOf > b.min ? () => step(-1) : off('đã ở tháng đầu kỳ kế hoạch'),
    nextMonth: asOf < b.max ? () => step(1) : off('chưa hết tháng sau, chưa tính được'),
  };
}

export interface PageState {
  asOf: Month;
  offset: number;
}

export type PageAction =
  /** ←/→ within [min, max] (max = the last finished month); the page goes back to its top. */
  | { type: 'month'; delta: number; min: Month; max: Month }
  | { type: 'scroll'; delta: number; max: number };

export function pageReducer(s: PageState, a: PageAction): PageState {
  switch (a.type) {
    case 'month': {
      const next = addMonths(s.asOf, a.delta);
      return next < a.min || next > a.max ? s : { asOf: next, offset: 0 };
    }
    case 'scroll':
      return { ...s, offset: Math.max(0, Math.min(a.max, s.offset + a.delta)) };
  }
}
