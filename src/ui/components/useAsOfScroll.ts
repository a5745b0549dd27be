// The keys of a page of lines with an as-of month (commune view, team drill-down): ←/→ change the
// month within the plan and the finished months, ↑/↓/PgUp/PgDn scroll.
import { useReducer } from 'react';
import { type Month, minMonth } from '../../domain/period.js';
import { useApp } from '../context.js';
import { type Handlers, useKeys } from '../keys/useKeys.js';
import type { ScreenName } from '../keys/table.js';
import { asOfBounds, monthStepKeys, pageReducer } from './asOfPage.js';
import { maxOffset } from './ScrollLines.js';

/**
 * `lineCount` is asked for on every render (the page's length depends on the model loaded for
 * the month this hook returns); `extraKeys` adds the screen's own bindings for that month.
 * Returns the month and the scroll offset clamped to the page.
 */
export function useAsOfScroll(
  screen: ScreenName,
  initialAsOf: Month,
  lineCount: () => number,
  extraKeys: (asOf: Month) => Handlers = () => ({}),
): { asOf: Month; offset: number } {
  const app = useApp();
  const bounds = asOfBounds(app.plan.span_start, app.now());
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: minMonth(initialAsOf, bounds.max), offset: 0 });
  const max = maxOffset(lineCount(), app.bodyRows);
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  const page = Math.max(1, app.bodyRows - 1);
  const months = monthStepKeys(asOf, bounds, (delta) => dispatch({ type: 'month', delta, ...bounds }));
  useKeys(
    screen,
    { up: scroll(-1), down: scroll(1), pageUp: scroll(-page), pageDown: scroll(page), ...months.handlers, ...extraKeys(asOf) },
    { disabled: months.disabled },
  );
  return { asOf, offset: Math.min(offset, max) };
}
