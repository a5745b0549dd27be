// Commune view (c on the dashboard): totals for the month, quarter and year against the plan,
// and the share of teams per status. ←/→ change the month; ↑/↓/PgUp/PgDn scroll.
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { CommuneView, communeLines } from './CommuneView.js';
import { loadCommuneModel } from './model.js';

export function CommuneScreen({ asOf: initialAsOf }: { asOf: Month }) {
  const app = useApp();
  const unitWord = app.unit.kind === 'xa' ? 'xã' : 'phường';
  const { asOf, keys } = useAsOfScroll(initialAsOf);
  const { data: model, error } = useLoaded(
    () => loadCommuneModel(app.db, asOf, app.indicators),
    [app.db, asOf, app.dataVersion, app.indicators, unitWord],
    (message) => `Không tính được số liệu toàn ${unitWord}: ${message}`,
  );
  const page = keys(model ? communeLines(model, app.indicators, app.terminal.columns, unitWord).length : 0);
  useKeys('commune', page.handlers, { disabled: page.disabled });

  return (
    <CommuneView
      model={model}
      asOf={asOf}
      error={error}
      indicators={app.indicators}
      offset={page.offset}
      bodyRows={app.bodyRows}
      columns={app.terminal.columns}
      unitWord={unitWord}
    />
  );
}
