// The province's totals screen (c on the communes' list): load the model for the as-of month,
// build its lines once per model and width; ←/→ the month (from the earliest plan's first month
// to the last finished one), ↑/↓/PgUp/PgDn scroll. Outside the commune App: sizes come as props.
import { useMemo, useReducer, useRef } from 'react';
import type { DbRunner } from '../../db/database.js';
import { type Month, minMonth } from '../../domain/period.js';
import { maxOffset } from '../components/ScrollLines.js';
import { monthStepKeys, pageReducer } from '../components/asOfPage.js';
import { useLoaded } from '../components/useLoaded.js';
import { useKeys } from '../keys/useKeys.js';
import { TotalsView, totalsLines } from './TotalsView.js';
import { loadProvinceTotals } from './totalsModel.js';

export function TotalsScreen(p: { db: DbRunner; lastMonth: Month; bodyRows: number; columns: number }) {
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: p.lastMonth, offset: 0 });
  const { data: model, error } = useLoaded(() => loadProvinceTotals(p.db, asOf), [p.db, asOf], (m) => `Không tính được tổng hợp toàn tỉnh: ${m}`);
  // The earliest plan start is known once a model is in; it does not change with the month.
  const spanStart = useRef<Month | null>(null);
  if (model?.spanStart) spanStart.current = model.spanStart;
  const lines = useMemo(() => (model ? totalsLines(model, p.columns) : []), [model, p.columns]);
  const bounds = { min: minMonth(spanStart.current ?? p.lastMonth, p.lastMonth), max: p.lastMonth };
  const max = maxOffset(lines.length, p.bodyRows);
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  const page = Math.max(1, p.bodyRows - 1);
  useKeys('provinceTotals', {
    scrollUp: scroll(-1),
    scrollDown: scroll(1),
    scrollPageUp: scroll(-page),
    scrollPageDown: scroll(page),
    ...monthStepKeys(asOf, bounds, (delta) => dispatch({ type: 'month', delta, ...bounds })),
  });
  return <TotalsView model={model} asOf={asOf} error={error} lines={lines} offset={Math.min(offset, max)} rows={p.bodyRows} />;
}
