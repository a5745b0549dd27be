// Commune view (c on the dashboard): totals for the month, quarter and year against the plan,
// and the share of teams per status. ←/→ change the month; ↑/↓/PgUp/PgDn scroll.
import { useEffect, useState } from 'react';
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useApp } from '../context.js';
import { CommuneView, communeLines } from './CommuneView.js';
import { type CommuneModel, loadCommuneModel } from './model.js';

export function CommuneScreen({ asOf: initialAsOf }: { asOf: Month }) {
  const app = useApp();
  const [model, setModel] = useState<CommuneModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unitWord = app.unit.kind === 'xa' ? 'xã' : 'phường';
  const { asOf, offset } = useAsOfScroll('commune', initialAsOf, () =>
    model ? communeLines(model, app.indicators, app.terminal.columns, unitWord).length : 0,
  );

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

  return (
    <CommuneView
      model={model}
      asOf={asOf}
      error={error}
      indicators={app.indicators}
      offset={offset}
      bodyRows={app.bodyRows}
      columns={app.terminal.columns}
      unitWord={unitWord}
    />
  );
}
