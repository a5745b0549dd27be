// A form's change history: read it (after pending saves), `u` undoes the form's newest typed change.
import { useReducer } from 'react';
import { formHistory } from '../../db/forms.js';
import { getTeam } from '../../db/teams.js';
import type { Month } from '../../domain/period.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { whenSaved } from '../saveQueue.js';
import { useKeys } from '../keys/useKeys.js';
import { historyReducer } from './reducer.js';
import { NOTHING_TO_UNDO, runUndo } from './undo.js';

export function useHistory(teamId: number, month: Month) {
  const app = useApp();
  const layout = useLayout();
  const { db } = app;
  const [s, dispatch] = useReducer(historyReducer, { selected: 0 });
  // After the saves still queued, so the list shows the change just typed.
  const { data, error } = useLoaded(async () => {
    await whenSaved(db);
    const [team, rows] = await Promise.all([getTeam(db, teamId), formHistory(db, teamId, month, 500)]);
    return { team, rows };
  }, [db, teamId, month, app.dataVersion]);
  const rows = data?.rows ?? null;
  const team = data?.team ?? null;

  const count = rows?.length ?? 0;
  const page = Math.max(1, layout.bodyRows - 5);
  useKeys('history', {
    up: () => dispatch({ type: 'move', delta: -1, count }),
    down: () => dispatch({ type: 'move', delta: 1, count }),
    pageUp: () => dispatch({ type: 'move', delta: -page, count }),
    pageDown: () => dispatch({ type: 'move', delta: page, count }),
    // Here `u` undoes this form's newest change (the list shows which).
    undo: () =>
      runUndo(db, app.indicators, { teamId, month }).then(
        (r) => {
          if (!r) return app.notify(`${NOTHING_TO_UNDO} trong phiếu này`, 'warn');
          if (!r.undone) return app.notify(r.message, 'warn');
          app.notify(r.message);
          dispatch({ type: 'top' });
          app.dataChanged();
        },
        (e: Error) => app.notify(`Không hoàn tác được: ${e.message}`, 'error'),
      ),
  });

  return { state: s, rows, team, error, bodyRows: layout.bodyRows, columns: layout.columns, indicators: app.indicators };
}
