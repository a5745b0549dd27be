// Home: load the status for the as-of month, map keys to actions.
import { useEffect, useMemo, useReducer, useState } from 'react';
import { computeStatus } from '../../db/evaluation.js';
import { lastFinishedMonth } from '../../domain/period.js';
import type { StatusReport } from '../../domain/status.js';
import { matchesQuery } from '../../domain/text.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { homeReducer, initialHome } from './reducer.js';

export function useHome() {
  const app = useApp();
  const [state, dispatch] = useReducer(homeReducer, app.workMonth, initialHome);
  const [report, setReport] = useState<StatusReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    computeStatus(app.db, state.asOf).then(
      (r) => live && (setReport(r), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [app.db, state.asOf, app.dataVersion]);

  const rows = useMemo(
    () =>
      (report?.teams ?? []).filter(
        (t) => (state.statusFilter === 'all' || t.status === state.statusFilter) && matchesQuery(state.query, t.ten_to, t.ma_to),
      ),
    [report, state.statusFilter, state.query],
  );
  const selected = rows[Math.min(state.selected, rows.length - 1)];
  const page = Math.max(1, app.bodyRows - 6);

  useKeys(
    'home',
    state.filtering
      ? {
          back: () => dispatch({ type: 'endFilter', clear: true }),
          open: () => dispatch({ type: 'endFilter', clear: false }),
          up: () => dispatch({ type: 'move', delta: -1, count: rows.length }),
          down: () => dispatch({ type: 'move', delta: 1, count: rows.length }),
        }
      : {
          up: () => dispatch({ type: 'move', delta: -1, count: rows.length }),
          down: () => dispatch({ type: 'move', delta: 1, count: rows.length }),
          pageUp: () => dispatch({ type: 'move', delta: -page, count: rows.length }),
          pageDown: () => dispatch({ type: 'move', delta: page, count: rows.length }),
          prevMonth: () => dispatch({ type: 'month', delta: -1, max: lastFinishedMonth(app.now()) }),
          nextMonth: () => dispatch({ type: 'month', delta: 1, max: lastFinishedMonth(app.now()) }),
          statusFilter: () => dispatch({ type: 'cycleStatus' }),
          filter: () => dispatch({ type: 'startFilter' }),
          open: selected ? () => app.navigate({ name: 'teamStatus', teamId: selected.teamId, asOf: state.asOf }) : undefined,
          goEntry: () => app.navigate({ name: 'entryPick' }),
          goGrid: () => app.navigate({ name: 'grid', month: app.workMonth }),
          goTeams: () => app.navigate({ name: 'teams' }),
          goCommune: () => app.navigate({ name: 'commune', asOf: state.asOf }),
          goRanking: () => app.navigate({ name: 'ranking', asOf: state.asOf }),
          goImport: () => app.navigate({ name: 'import' }),
          goExport: () => app.navigate({ name: 'export' }),
          goBackup: () => app.navigate({ name: 'backup' }),
        },
    {
      typing: state.filtering ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
    },
  );

  return { state, report, rows, error, selectedIndex: Math.min(state.selected, Math.max(0, rows.length - 1)), bodyRows: app.bodyRows, columns: app.terminal.columns, indicators: app.indicators };
}
