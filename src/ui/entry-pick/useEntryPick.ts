// Entry picker: month (←/→, never after the current month), team by typing part of its name or
// code; Enter opens the paper form. Reads the team list and who has a form once per month.
import { useEffect, useMemo, useReducer } from 'react';
import { teamsWithForm } from '../../db/forms.js';
import { listTeams } from '../../db/teams.js';
import type { Month } from '../../domain/period.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { filterTeams, initialPick, pickReducer, selectedIndex, withSearch } from './reducer.js';

const NONE: ReadonlySet<number> = new Set();

export function useEntryPick(startMonth: Month | undefined) {
  const app = useApp();
  const layout = useLayout();
  const [s, dispatch] = useReducer(pickReducer, startMonth ?? app.workMonth, initialPick);
  const { data, error } = useLoaded(async () => {
    const [teams, withForm] = await Promise.all([listTeams(app.db), teamsWithForm(app.db, s.month)]);
    return { teams, withForm };
  }, [app.db, s.month, app.dataVersion]);
  const teams = data?.teams ?? null;
  const withForm = data?.withForm ?? NONE;
  // Fresh data: the cursor follows the next team without a form again.
  useEffect(() => dispatch({ type: 'reset' }), [data]);

  // The month picked here is the month being worked on (header, grid).
  const { setWorkMonth } = app;
  useEffect(() => setWorkMonth(s.month), [s.month, setWorkMonth]);

  const searchable = useMemo(() => withSearch(teams ?? []), [teams]);
  const rows = useMemo(() => filterTeams(searchable, s.query), [searchable, s.query]);
  const sel = selectedIndex(s, rows, withForm);
  const page = Math.max(1, layout.bodyRows - 5);
  const move = (delta: number) => dispatch({ type: 'move', delta, count: rows.length, from: Math.max(0, sel) });
  const selected = rows[sel];

  useKeys(
    'entryPick',
    {
      back: s.query ? () => dispatch({ type: 'clear' }) : () => app.back(),
      up: () => move(-1),
      down: () => move(1),
      pageUp: () => move(-page),
      pageDown: () => move(page),
      prevMonth: () => dispatch({ type: 'month', delta: -1, now: app.now() }),
      nextMonth: () => dispatch({ type: 'month', delta: 1, now: app.now() }),
      open: selected ? () => app.navigate({ name: 'entry', month: s.month, teamId: selected.id }) : undefined,
    },
    {
      typing: 'text',
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
    },
  );

  return { state: s, teams, rows, withForm, selected: sel, error, bodyRows: layout.bodyRows, columns: layout.columns };
}
