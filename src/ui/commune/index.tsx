// Commune view (c on the dashboard): totals for the month, quarter and year against the plan,
// and the share of teams per status. ←/→ change the month; ↑/↓/PgUp/PgDn scroll.
import { useEffect, useReducer, useState } from 'react';
import { type Month, lastFinishedMonth, minMonth } from '../../domain/period.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { CommuneView, communeLines } from './CommuneView.js';
import { type CommuneModel, loadCommuneModel } from './model.js';
import { pageReducer } from './pageReducer.js';
import { maxOffset } from './ScrollLines.js';

export function CommuneScreen({ asOf: initialAsOf }: { asOf: Month }) {
  const app = useApp();
  const maxMonth = lastFinishedMonth(app.now());
  const minAllowed = minMonth(app.plan.span_start, maxMonth);
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: minMonth(initialAsOf, maxMonth), offset: 0 });
  const [model, setModel] = useState<CommuneModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unitWord = app.unit.kind === 'xa' ? 'xã' : 'phường';

  useEffect(() => {
    let live = true;
    loadCommuneModel(app.db, asOf, app.indicators).then(
      (m) => live && (setModel(m), setError(null)),
      (e: Error) => live && setError(`Không tính được số liệu toàn ${unitWord}: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [app.db, asOf, app.dataVersion, app.indicators, unitWord]);

  const lineCount = model ? communeLines(model, app.indicators, app.terminal.columns, unitWord).length : 0;
  const max = maxOffset(lineCount, app.bodyRows);
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  const month = (delta: number) => () => dispatch({ type: 'month', delta, min: minAllowed, max: maxMonth });
  const page = Math.max(1, app.bodyRows - 1);
  useKeys(
    'commune',
    {
      up: scroll(-1),
      down: scroll(1),
      pageUp: scroll(-page),
      pageDown: scroll(page),
      prevMonth: asOf > minAllowed ? month(-1) : undefined,
      nextMonth: asOf < maxMonth ? month(1) : undefined,
    },
    {
      disabled: {
        ...(asOf <= minAllowed ? { prevMonth: 'đã ở tháng đầu kỳ kế hoạch' } : {}),
        ...(asOf >= maxMonth ? { nextMonth: 'chưa hết tháng sau, chưa tính được' } : {}),
      },
    },
  );

  return (
    <CommuneView
      model={model}
      asOf={asOf}
      error={error}
      indicators={app.indicators}
      offset={Math.min(offset, max)}
      bodyRows={app.bodyRows}
      columns={app.terminal.columns}
      unitWord={unitWord}
    />
  );
}
