// Team drill-down (Enter on a team of the dashboard): load its model for the as-of month, build
// its lines once per model and width; keys → the page (←/→ month, scroll) and n for entry.
import { useMemo } from 'react';
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { loadTeamStatusModel } from './model.js';
import { teamStatusLines } from './TeamStatusView.js';

export function useTeamStatus(teamId: number, initialAsOf: Month) {
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
  useKeys('teamStatus', { ...page.handlers, goEntry: () => app.navigate({ name: 'entry', month: asOf, teamId }) });
  return { model, asOf, error, lines, offset: page.offset };
}
