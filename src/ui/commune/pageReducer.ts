// State of a scrolling page with an as-of month (commune view, team drill-down). Pure.
import { type Month, addMonths } from '../../domain/period.js';

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
