// The month grid's hook: load the month once, keys → reducer, each committed cell written through
// the write queue in its own transaction (the screen does not wait for it).
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { saveField } from '../../db/form-versions.js';
import { formsOfMonth } from '../../db/forms.js';
import type { DbRunner } from '../../db/database.js';
import { listTeams } from '../../db/teams.js';
import { type Month, addMonths, monthLabel } from '../../domain/period.js';
import { todayIso } from '../../domain/text.js';
import { checkFormMonth } from '../../domain/validation.js';
import { useApp, useLayout } from '../context.js';
import { enqueueWrite, whenSaved } from '../saveQueue.js';
import { conflictMessage } from '../history/describe.js';
import { NOTHING_TO_UNDO, runUndo } from '../history/undo.js';
import { QUIT_DISCARD_QUESTION } from '../keys/shell.js';
import { keyName } from '../keys/hint.js';
import { KeyContext, useKeys } from '../keys/useKeys.js';
import { type GridAction, type GridState, type GridValues, gridReducer, initialGrid } from './reducer.js';

export const CELL_WIDTH = 8;
/** Lines of the grid screen around the rows: status, column titles, edit line, legend. */
export const GRID_CHROME_ROWS = 4;

export function gridLayout(columns: number, bodyRows: number, codeCount: number) {
  const nameWidth = columns >= 110 ? 28 : columns >= 90 ? 22 : 18;
  const cols = Math.max(1, Math.min(codeCount, Math.floor((columns - 1 - 3 - nameWidth) / (CELL_WIDTH + 1))));
  return { nameWidth, cols, rows: Math.max(1, bodyRows - GRID_CHROME_ROWS) };
}

/** The month's values, and each form's version (team id → version) to save with. */
export async function loadMonthValues(db: DbRunner, month: Month): Promise<{ values: GridValues; versions: Map<number, number> }> {
  const forms = await formsOfMonth(db, month);
  return { values: new Map([...forms].map(([id, f]) => [id, f.values])), versions: new Map([...forms].map(([id, f]) => [id, f.version])) };
}

export function useGrid(startMonth: Month) {
  const app = useApp();
  const screen = useLayout();
  const keyCtx = useContext(KeyContext);
  const { db } = app;
  const codes = useMemo(() => app.indicators.map((i) => i.code), [app.indicators]);
  const [state, setState] = useState<GridState>(() => initialGrid(startMonth, codes));
  const ref = useRef(state);
  const [loadError, setLoadError] = useState<string | null>(null);
  const wrote = useRef(false);
  const seq = useRef(0);
  // Each form's version as this screen knows it (no entry: no form): a save carries its team's, so
  // one over a value another officer changed since is refused (db/form-versions.ts).
  const versions = useRef(new Map<number, number>());
  const layout = gridLayout(screen.columns, screen.bodyRows, codes.length);

  const save = (c: NonNullable<GridState['commit']>, month: Month) => {
    wrote.current = true;
    const today = todayIso(app.now());
    const shown = { version: versions.current.get(c.teamId) ?? null, value: c.shown };
    const known = versions.current;
    enqueueWrite(db, () => db.transaction((tx) => saveField(tx, c.teamId, month, c.code, c.value, today, shown))).then((r) => {
      if (r.ok) {
        // Known as it was before this save (and still the month on screen): now as it is after.
        if (known === versions.current && r.before === (known.get(c.teamId) ?? null)) known.set(c.teamId, r.version);
        return;
      }
      app.notify(conflictMessage(r.conflict, app.indicators), 'error');
      // The cell shows the value stored now; the form's version stays the old one, so its other
      // cells are compared one by one until the month is read again.
      const stored = r.conflict.stored;
      if (known === versions.current) apply({ type: 'set', teamId: c.teamId, code: c.code, value: typeof stored === 'number' ? stored : null });
    }, (e: Error) => {
      app.notify(`Không lưu được ô: ${e.message}`, 'error');
      // Show what the database really holds; if even that cannot be read, say so.
      reloadMonth(ref.current.month).catch((e2: Error) => app.notify(`Không lưu được ô, cũng không đọc lại được bảng: ${e2.message}`, 'error'));
    });
  };

  function apply(a: GridAction): GridState {
    const next = gridReducer(ref.current, a);
    ref.current = next;
    setState(next);
    if (next.commit) save(next.commit, next.month);
    return next;
  }

  async function reloadMonth(month: Month) {
    const my = ++seq.current;
    await whenSaved(db);
    const { values, versions: v } = await loadMonthValues(db, month);
    if (my !== seq.current) return;
    versions.current = v;
    apply({ type: 'loadMonth', month, values });
  }

  useEffect(() => {
    let live = true;
    const my = ++seq.current;
    (async () => {
      await whenSaved(db);
      const [teams, { values, versions: v }] = await Promise.all([listTeams(db), loadMonthValues(db, ref.current.month)]);
      if (!live || my !== seq.current) return;
      versions.current = v;
      apply({ type: 'load', month: ref.current.month, teams, values });
    })().catch((e: Error) => live && setLoadError(e.message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, app.dataVersion]);

  useEffect(() => {
    apply({ type: 'view', rows: layout.rows, cols: layout.cols });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout.rows, layout.cols]);

  // Other screens reload once the officer leaves the grid, not after every cell.
  useEffect(
    () => () => {
      if (wrote.current) void whenSaved(db).then(() => app.dataChanged());
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const { setWorkMonth } = app;
  useEffect(() => setWorkMonth(state.month), [state.month, setWorkMonth]);

  /** Commit the cell being edited; false (and the message shown) when its value is refused. */
  const commitFirst = (): boolean => !apply({ type: 'move', dr: 0, dc: 0 }).error;

  const changeMonth = (delta: number) => {
    if (!commitFirst()) return;
    const next = addMonths(ref.current.month, delta);
    const ok = checkFormMonth(next, app.now());
    if (!ok.ok) return app.notify(ok.error, 'warn');
    void reloadMonth(next).catch((e: Error) => app.notify(e.message, 'error'));
  };

  const undo = () => {
    if (ref.current.editing) {
      apply({ type: 'cancel' });
      return app.notify('Đã bỏ giá trị đang gõ (chưa lưu).');
    }
    const month = ref.current.month;
    runUndo(db, app.indicators, { month }).then(
      (r) => {
        if (!r) return app.notify(`${NOTHING_TO_UNDO} trong tháng ${monthLabel(month)}`, 'warn');
        if (r.undone) wrote.current = true;
        const c = r.change;
        // Undone: the old value; refused: the value another officer stored (the cell shows it now).
        if (c.month === ref.current.month && codes.includes(c.field)) {
          apply({ type: 'set', teamId: c.teamId, code: c.field, value: r.current === null ? null : Number(r.current) });
        }
        app.notify(r.message, r.undone ? undefined : 'warn');
      },
      (e: Error) => app.notify(`Không hoàn tác được: ${e.message}`, 'error'),
    );
  };

  const page = Math.max(1, layout.rows - 1);
  const team = state.teams[state.row];
  useKeys(
    'grid',
    {
      // Leaving the screen leaves the cell: it is saved; a refused value is dropped (and said so).
      back: () => {
        if (!commitFirst()) {
          apply({ type: 'cancel' });
          return app.notify(`Giá trị không hợp lệ chưa được lưu và đã bỏ. ${keyName('back', 'digits')} lần nữa để quay lại.`, 'warn');
        }
        app.back();
      },
      // Ctrl+C: the cell being edited is saved (when valid), then the app closes once it is on
      // disk. A refused value would be lost: ask first, like the shell does.
      quit: () => {
        const leave = () => void whenSaved(db).then(() => keyCtx?.quit());
        if (commitFirst()) leave();
        else app.ask({ question: QUIT_DISCARD_QUESTION, onAnswer: leave });
      },
      up: () => apply({ type: 'move', dr: -1, dc: 0 }),
      down: () => apply({ type: 'move', dr: 1, dc: 0 }),
      pageUp: () => apply({ type: 'move', dr: -page, dc: 0 }),
      pageDown: () => apply({ type: 'move', dr: page, dc: 0 }),
      cellLeft: () => apply({ type: 'move', dr: 0, dc: -1 }),
      cellRight: () => apply({ type: 'move', dr: 0, dc: 1 }),
      cellCommit: () => apply({ type: 'move', dr: 1, dc: 0 }),
      cellClear: () => apply({ type: 'erase' }),
      gridPrevMonth: () => changeMonth(-1),
      gridNextMonth: () => changeMonth(1),
      undo,
      history: team
        ? () => {
            if (commitFirst()) app.navigate({ name: 'history', teamId: team.id, month: ref.current.month });
          }
        : undefined,
    },
    {
      typing: 'digits',
      onText: (text) => {
        // A new edit starts only with a digit; inside an edit every key shows (and is checked).
        if (ref.current.editing || /^\d/u.test(text)) apply({ type: 'type', text });
      },
      onBackspace: () => apply({ type: 'erase' }),
    },
  );

  return { state, layout, loadError, indicators: app.indicators };
}
