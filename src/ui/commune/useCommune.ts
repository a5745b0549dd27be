// Commune view (c on the dashboard): load the model for the as-of month (again on a data change),
// build its lines once per model and width, keys → the page (components/asOfPage.ts: ←/→ month,
// ↑/↓/PgUp/PgDn scroll).
import { useMemo } from 'react';
import type { Month } from '../../domain/period.js';
import { useAsOfScroll } from '../components/useAsOfScroll.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { communeLines } from './CommuneView.js';
import { loadCommuneModel } from './model.js';

export function useCommune(initialAsOf: Month) {
  const app = useApp();
  const layout = useLayout();
  const unitWord = app.unit.kind === 'xa' ? 'xã' : 'phường';
  const { asOf, keys } = useAsOfScroll(initialAsOf);
  const { data: model, error } = useLoaded(
    () => loadCommuneModel(app.db, asOf, app.indicators),
    [app.db, asOf, app.dataVersion, app.indicators, unitWord],
    (message) => `Không tính được số liệu toàn ${unitWord}: ${message}`,
  );
  // Built once per model and width, not on every scroll key.
  const lines = useMemo(
    () => (model ? communeLines(model, app.indicators, layout.columns, unitWord) : []),
    [model, app.indicators, layout.columns, unitWord],
  );
  const page = keys(lines.length);
  useKeys('commune', page.handlers);
  return { model, asOf, error, lines, offset: page.offset };
}
