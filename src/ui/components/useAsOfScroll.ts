// A page of lines with an as-of month (commune view, team drill-down): ←/→ change the month
// within the plan and the finished months, ↑/↓/PgUp/PgDn scroll.
import { useReducer } from 'react';
import { type Month, minMonth } from '../../domain/period.js';
import { useApp } from '../context.js';
import type { Handlers } from '../keys/useKeys.js';
import { asOfBounds, monthStepKeys, pageReducer } from './asOfPage.js';
import { maxOffset } from './ScrollLines.js';

/**
 * The month to load, and `keys(lineCount)` once the page for it is known: the handlers and
 * disabled reasons for useKeys, and the scroll offset clamped to the page.
 */
export function useAsOfScroll(initialAsOf: Month) {
  const app = useApp();
  const bounds = asOfBounds(app.plan.span_start, app.now());
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: minMonth(initialAsOf, bounds.max), offset: 0 });
  const keys = (lineCount: number): { handlers: Handlers; disabled: Record<string, string>; offset: number } => {
    const max = maxOffset(lineCount, app.bodyRows);
    const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
    const page = Math.max(1, app.bodyRows - 1);
    const months = monthStepKeys(asOf, bounds, (delta) => dispatch({ type: 'month', delta, ...bounds }));
    return {
      handlers: { up: scroll(-1), down: scroll(1), pageUp: scroll(-page), pageDown: scroll(page), ...months.handlers },
      disabled: months.disabled,
      offset: Math.min(offset, max),
    };
  };
  return { asOf, keys };
}
