// Team drill-down (Enter on a team of the dashboard): its targets, months missing, sparklines.
// ←/→ change the as-of month; n opens monthly entry for this team and month.
import { useEffect, useReducer, useState } from 'react';
import { type Month, lastFinishedMonth, minMonth } from '../../domain/period.js';
import { maxOffset } from '../commune/ScrollLines.js';
import { pageReducer } from '../commune/pageReducer.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { type TeamStatusModel, loadTeamStatusModel } from './model.js';
import { TeamStatusView, teamStatusLines } from './TeamStatusView.js';

export function TeamStatusScreen({ teamId, asOf: initialAsOf }: { teamId: number; asOf: Month }) {
  const app = useApp();
  const maxMonth = lastFinishedMonth(app.now());
  const minAllowed = minMonth(app.plan.span_start, maxMonth);
  const [{ asOf, offset }, dispatch] = useReducer(pageReducer, { asOf: minMonth(initialAsOf, maxMonth), offset: 0 });
  const [model, setModel] = useState<TeamStatusModel | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadTeamStatusModel(app.db, teamId, asOf, app.indicators).then(
      (m) => live && (setModel(m), setError(null)),
      (e: Error) => live && setError(`Không tính được chỉ tiêu của tổ: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [app.db, teamId, asOf, app.dataVersion, app.indicators]);

  const lineCount = model ? teamStatusLines(model, app.indicators, app.terminal.columns).length : 0;
  const max = maxOffset(lineCount, app.bodyRows);
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  const month = (delta: number) => () => dispatch({ type: 'month', delta, min: minAllowed, max: maxMonth });
  const page = Math.max(1, app.bodyRows - 1);
  useKeys(
    'teamStatus',
    {
      up: scroll(-1),
      down: scroll(1),
      pageUp: scroll(-page),
      pageDown: scroll(page),
      prevMonth: asOf > minAllowed ? month(-1) : undefined,
      nextMonth: asOf < maxMonth ? month(1) : undefined,
      goEntry: () => app.navigate({ name: 'entry', month: asOf, teamId }),
    },
    {
      disabled: {
        ...(asOf <= minAllowed ? { prevMonth: 'đã ở tháng đầu kỳ kế hoạch' } : {}),
        ...(asOf >= maxMonth ? { nextMonth: 'chưa hết tháng sau, chưa tính được' } : {}),
      },
    },
  );

  return (
    <TeamStatusView
      model={model}
      asOf={asOf}
      error={error}
      indicators={app.indicators}
      offset={Math.min(offset, max)}
      bodyRows={app.bodyRows}
      columns={app.terminal.columns}
    />
  );
}
