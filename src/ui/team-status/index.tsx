// Team drill-down (Enter on a team of the dashboard): its targets, months missing, sparklines.
// ←/→ change the as-of month; n opens monthly entry for this team and month.
import { useMemo } from 'react';
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { loadTeamStatusModel } from './model.js';
import { TeamStatusView, teamStatusLines } from './TeamStatusView.js';

export function TeamStatusScreen({ teamId, asOf: initialAsOf }: { teamId: number; asOf: Month }) {
  const app = useApp();
  const layout = useLayout();
  const { asOf, keys } = useAsOfScroll(initialAsOf);
  const { data: model, error } = useLoaded(
    () => loadTeamStatusModel(app.db, teamId, asOf, app.indicators),
    [app.db, teamId, asOf, app.dataVersion, app.indicators],
    (message) => `Không tính được chỉ tiêu của tổ: ${message}`,
  );
  // Built once per model and width, not on every scroll key.
  const lines = useMemo(() => (model ? teamStatusLines(model, app.indicators, layout.columns) : []), [model, app.indicators, layout.columns]);
  const page = keys(lines.length);
  useKeys(
    'teamStatus',
    { ...page.handlers, goEntry: () => app.navigate({ name: 'entry', month: asOf, teamId }) },
  );

  return (
    <TeamStatusView
      model={model}
      asOf={asOf}
      error={error}
      lines={lines}
      offset={page.offset}
      bodyRows={layout.bodyRows}
    />
  );
}
