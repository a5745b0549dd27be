// A page of lines with an as-of month (commune view, team drill-down): ←/→ change the month
// within the plan and the finished months, ↑/↓/PgUp/PgDn scroll.
import { useReducer } from 'react';
import { type Month, minMonth } from '../../domain/period.js';
import { useApp, useLayout } from '../context.js';
import type { HandlersOf } from '../keys/useKeys.js';
import { asOfBounds, monthStepKeys, pageReducer } from './asOfPage.js';
import { maxOffset } from './ScrollLines.js';

type PageKeys = HandlersOf<'scrollUp' | 'scrollDown' | 'scrollPageUp' | 'scrollPageDown' | 'prevMonth' | 'nextMonth'>;

/**
 * The month to load, and `keys(lineCount)` once the page for it is known: the handlers for
 * useKeys, and the scroll offset clamped to the page.
 */
export function useAsOfScroll(initialAsOf: Month) {
  const app = useApp();
  const layout = useLayout();
  const bounds = asOfBounds(app.plan.span_start, app.now());
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: minMonth(initialAsOf, bounds.max), offset: 0 });
  const keys = (lineCount: number): { handlers: PageKeys; offset: number } => {
    const max = maxOffset(lineCount, layout.bodyRows);
    const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
    const page = Math.max(1, layout.bodyRows - 1);
    const months = monthStepKeys(asOf, bounds, (delta) => dispatch({ type: 'month', delta, ...bounds }));
    return {
      handlers: { scrollUp: scroll(-1), scrollDown: scroll(1), scrollPageUp: scroll(-page), scrollPageDown: scroll(page), ...months },
      offset: Math.min(offset, max),
    };
  };
  return { asOf, keys };
}
