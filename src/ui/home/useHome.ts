// Home: load the view model for the as-of month (on month or data change only), map keys to actions.
import { useMemo, useReducer } from 'react';
import { minMonth } from '../../domain/period.js';
import { asOfBounds, monthStepKeys } from '../components/asOfPage.js';
import { filterHandlers, filterTyping, moveHandlers } from '../components/listFilter.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { off, useKeys } from '../keys/useKeys.js';
import { filterRows, loadHomeModel } from './model.js';
import { hasFilter, homeReducer, initialHome } from './reducer.js';

export function useHome() {
  const app = useApp();
  const layout = useLayout();
  const bounds = asOfBounds(app.plan.span_start, app.now());
  const [state, dispatch] = useReducer(homeReducer, minMonth(app.workMonth, bounds.max), initialHome);
  // app.now is a stable clock; indicators change only with the plan.
  const { data: model, error } = useLoaded(
    () => loadHomeModel(app.db, state.asOf, app.now(), app.indicators),
    [app.db, state.asOf, app.dataVersion, app.indicators],
    (message) => `Không tính được tình hình: ${message}`,
  );

  const rows = useMemo(() => filterRows(model?.rows ?? [], state.statusFilter, state.query), [model, state.statusFilter, state.query]);
  const selectedIndex = Math.min(state.selected, Math.max(0, rows.length - 1));
  const selected = rows[selectedIndex];
  const page = Math.max(1, layout.bodyRows - 7);
  // Looking at a commune from the province: the screens that write are off, and say why.
  const writing = (fn: () => void) => (app.readOnly ? off(app.readOnly) : fn);
  const months = monthStepKeys(state.asOf, bounds, (delta) => dispatch({ type: 'month', delta, ...bounds }));

  useKeys(
    'home',
    state.filtering
      ? filterHandlers(dispatch, rows.length, page)
      : {
          // Esc first clears a filter; with none, it leaves (the shell's default).
          back: hasFilter(state) ? () => dispatch({ type: 'clearFilters' }) : undefined,
          ...moveHandlers(dispatch, rows.length, page),
          ...months,
          statusFilter: () => dispatch({ type: 'cycleStatus' }),
          filter: () => dispatch({ type: 'startFilter' }),
          open: selected ? () => app.navigate({ name: 'teamStatus', teamId: selected.teamId, asOf: state.asOf }) : undefined,
          goEntry: writing(() => app.navigate({ name: 'entryPick' })),
          goGrid: () => app.navigate({ name: 'grid', month: app.workMonth }),
          goTeams: () => app.navigate({ name: 'teams' }),
          goCommune: () => app.navigate({ name: 'commune', asOf: state.asOf }),
          goRanking: () => app.navigate({ name: 'ranking' }),
          goImport: writing(() => app.navigate({ name: 'import' })),
          goExport: writing(() => app.navigate({ name: 'export' })),
          goBackup: writing(() => app.navigate({ name: 'backup' })),
          goPlan: writing(() => app.navigate({ name: 'plan' })),
        },
    filterTyping(state, dispatch),
  );

  return { state, model, rows, error, selectedIndex, bodyRows: layout.bodyRows, columns: layout.columns, readOnly: !!app.readOnly };
}
