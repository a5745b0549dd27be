// Home: load the view model for the as-of month (on month or data change only), map keys to actions.
import { useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { addMonths } from '../../domain/period.js';
import { asOfBounds, monthStepKeys } from '../components/asOfPage.js';
import { filterHandlers, filterTyping, moveHandlers } from '../components/listFilter.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { off, useKeys } from '../keys/useKeys.js';
import { filterRows, firstLookModel, loadHomeModel, shownAsOf } from './model.js';
import { hasFilter, homeReducer, initialHome } from './reducer.js';

export function useHome() {
  const app = useApp();
  const layout = useLayout();
  const bounds = asOfBounds(app.plan.span_start, app.now());
  // One working month (the header's): home shows it, and ←/→ here change it for every screen. A
  // month still running has no status yet: home shows the last finished one and says so.
  const asOf = shownAsOf(app.plan.span_start, app.workMonth, app.now());
  const [local, dispatch] = useReducer(homeReducer, asOf, initialHome);
  const state = { ...local, asOf };
  // app.now is a stable clock; indicators change only with the plan. The evaluation is stored for
  // the next look (and `tonghop status`) unless the data is only looked at.
  const store = !app.readOnly && !app.database.readOnly;
  const [first] = useState(() => firstLookModel(app.takeFirstLook(), app.db, asOf, app.indicators));
  const { data: model, error } = useLoaded(
    () => loadHomeModel(app.db, state.asOf, app.now(), app.indicators, { store }),
    [app.db, state.asOf, app.dataVersion, app.indicators, store],
    (message) => `Không tính được tình hình: ${message}`,
    first,
  );

  const rows = useMemo(() => filterRows(model?.rows ?? [], state.statusFilter, state.query), [model, state.statusFilter, state.query]);
  const selectedIndex = Math.min(state.selected, Math.max(0, rows.length - 1));
  const selected = rows[selectedIndex];
  useFollowSelected(model, rows, selectedIndex, selected?.teamId, (delta) => dispatch({ type: 'move', delta, count: rows.length }));
  const page = Math.max(1, layout.bodyRows - 7);
  // Looking at a commune from the province: the screens that write are off, and say why.
  const writing = (fn: () => void) => (app.readOnly ? off(app.readOnly) : fn);
  const { setWorkMonth } = app;
  const months = monthStepKeys(asOf, bounds, (delta) => setWorkMonth(addMonths(asOf, delta)));

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

  return { state, workMonth: app.workMonth, model, rows, error, selectedIndex, bodyRows: layout.bodyRows, columns: layout.columns, readOnly: !!app.readOnly };
}

/**
 * When the figures are reloaded (another officer saved, on a server) the order may change: the
 * cursor stays on the team it was on, not on the row number. Filters and keys move it as before.
 */
function useFollowSelected(model: unknown, rows: readonly { teamId: number }[], index: number, teamId: number | undefined, move: (delta: number) => void): void {
  const seen = useRef({ model, teamId });
  useLayoutEffect(() => {
    const prev = seen.current;
    if (prev.model !== model && prev.model && prev.teamId !== undefined) {
      const i = rows.findIndex((r) => r.teamId === prev.teamId);
      if (i >= 0 && i !== index) {
        seen.current = { model, teamId: prev.teamId };
        move(i - index);
        return;
      }
    }
    seen.current = { model, teamId };
  });
}
