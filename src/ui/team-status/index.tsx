// Team drill-down (Enter on a team of the dashboard): its targets, months missing, sparklines.
// ←/→ change the as-of month; n opens monthly entry for this team and month.
import { useEffect, useState } from 'react';
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useApp } from '../context.js';
import { type TeamStatusModel, loadTeamStatusModel } from './model.js';
import { TeamStatusView, teamStatusLines } from './TeamStatusView.js';

export function TeamStatusScreen({ teamId, asOf: initialAsOf }: { teamId: number; asOf: Month }) {
  const app = useApp();
  const [model, setModel] = useState<TeamStatusModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { asOf, offset } = useAsOfScroll(
    'teamStatus',
    initialAsOf,
    () => (model ? teamStatusLines(model, app.indicators, app.terminal.columns).length : 0),
    (month) => ({ goEntry: () => app.navigate({ name: 'entry', month, teamId }) }),
  );

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

  return (
    <TeamStatusView
      model={model}
      asOf={asOf}
      error={error}
      indicators={app.indicators}
      offset={offset}
      bodyRows={app.bodyRows}
      columns={app.terminal.columns}
    />
  );
}
