// Entry picker: month (←/→, never after the current month), team by typing part of its name or
// code; Enter opens the paper form. Reads the team list and who has a form once per month.
import { useEffect, useMemo, useReducer, useState } from 'react';
import { teamsWithForm } from '../../db/forms.js';
import { type TeamRow, listTeams } from '../../db/teams.js';
import type { Month } from '../../domain/period.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { filterTeams, initialPick, pickReducer, selectedIndex, withSearch } from './reducer.js';

export function useEntryPick(startMonth: Month | undefined) {
  const app = useApp();
  const [s, dispatch] = useReducer(pickReducer, startMonth ?? app.workMonth, initialPick);
  const [teams, setTeams] = useState<TeamRow[] | null>(null);
  const [withForm, setWithForm] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([listTeams(app.db), teamsWithForm(app.db, s.month)]).then(
      ([t, w]) => {
        if (!live) return;
        setTeams(t);
        setWithForm(w);
        dispatch({ type: 'reset' });
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [app.db, s.month, app.dataVersion]);

  // The month picked here is the month being worked on (header, grid).
  const { setWorkMonth } = app;
  useEffect(() => setWorkMonth(s.month), [s.month, setWorkMonth]);

  const searchable = useMemo(() => withSearch(teams ?? []), [teams]);
  const rows = useMemo(() => filterTeams(searchable, s.query), [searchable, s.query]);
  const sel = selectedIndex(s, rows, withForm);
  const page = Math.max(1, app.bodyRows - 5);
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

  return { state: s, teams, rows, withForm, selected: sel, error, bodyRows: app.bodyRows, columns: app.terminal.columns };
}
