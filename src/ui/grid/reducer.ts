// The month grid: every active team × the plan's indicators for one month, edited in place.
// Pure. The month is loaded once; a save changes one cell here (never a reload or a re-sort), and
// only the rows and columns in view are drawn, so it stays fast with thousands of teams.
import type { Month } from '../../domain/period.js';
import { DAYS_ACTIVE, HOURS_ACTIVE, checkActivity, parseValue } from '../../domain/validation.js';

export interface GridTeam {
  id: number;
  code: string;
  name: string;
}

/** team id → its form's values; a team absent from the map has no form for the month. */
export type GridValues = ReadonlyMap<number, Readonly<Record<string, number>>>;

export interface GridCommit {
  teamId: number;
  code: string;
  value: number | null;
  /** The value the cell showed before (blank or no form: null): a save over one changed since is refused. */
  shown: number | null;
}

export interface GridState {
  month: Month;
  teams: readonly GridTeam[];
  codes: readonly string[];
  values: GridValues;
  loaded: boolean;
  row: number;
  col: number;
  /** First row and column in view (scrolled only as far as needed to keep the cursor visible). */
  top: number;
  left: number;
  viewRows: number;
  viewCols: number;
  editing: boolean;
  draft: string;
  error: string | null;
  /** Effect of the last action: a cell to write. */
  commit: GridCommit | null;
}

export type GridAction =
  | { type: 'load'; month: Month; teams: readonly GridTeam[]; values: GridValues }
  | { type: 'loadMonth'; month: Month; values: GridValues }
  | { type: 'view'; rows: number; cols: number }
  | { type: 'move'; dr: number; dc: number }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'cancel' }
  | { type: 'set'; teamId: number; code: string; value: number | null };

export function initialGrid(month: Month, codes: readonly string[]): GridState {
  return {
    month,
    teams: [],
    codes,
    values: new Map(),
    loaded: false,
    row: 0,
    col: 0,
    top: 0,
    left: 0,
    viewRows: 10,
    viewCols: 5,
    editing: false,
    draft: '',
    error: null,
    commit: null,
  };
}

/** The stored value of a cell: a number, null (blank) — or undefined when the team has no form. */
export function cellValue(s: Pick<GridState, 'values'>, teamId: number, code: string): number | null | undefined {
  const v = s.values.get(teamId);
  return v ? (v[code] ?? null) : undefined;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Scroll only as far as needed to keep (row, col) in view. */
function scrolled(s: GridState): GridState {
  const rows = Math.max(1, s.viewRows);
  const cols = Math.max(1, s.viewCols);
  let top = clamp(s.top, 0, Math.max(0, s.teams.length - rows));
  if (s.row < top) top = s.row;
  else if (s.row >= top + rows) top = s.row - rows + 1;
  let left = clamp(s.left, 0, Math.max(0, s.codes.length - cols));
  if (s.col < left) left = s.col;
  else if (s.col >= left + cols) left = s.col - cols + 1;
  return top === s.top && left === s.left ? s : { ...s, top, left };
}

function withValue(values: GridValues, teamId: number, code: string, value: number | null): GridValues {
  const next = new Map(values);
  const rec = { ...(values.get(teamId) ?? {}) };
  if (value === null) delete rec[code];
  else rec[code] = value;
  next.set(teamId, rec);
  return next;
}

/** Validate and apply the cell being edited; the write itself is the hook's (state.commit). */
function commitEdit(s: GridState): GridState {
  if (!s.editing) return s;
  const team = s.teams[s.row];
  const code = s.codes[s.col];
  if (!team || !code) return { ...s, editing: false, draft: '', error: null };
  const p = parseValue(s.draft);
  if (!p.ok) return { ...s, error: p.error };
  if (code === DAYS_ACTIVE || code === HOURS_ACTIVE) {
    // Impossible days or hours: judged with the form's other one, as the entry form does.
    const rec = s.values.get(team.id) ?? {};
    const other = (c: string) => (c === code ? p.value : (rec[c] ?? null));
    const act = checkActivity(s.month, other(DAYS_ACTIVE), other(HOURS_ACTIVE), code === DAYS_ACTIVE ? 'days' : 'hours');
    if (act.error?.code === code) return { ...s, error: act.error.message };
  }
  const old = cellValue(s, team.id, code);
  const done = { ...s, editing: false, draft: '', error: null };
  // A blank left blank on a team without a form creates nothing.
  if (old === p.value || (old === undefined && p.value === null)) return done;
  return { ...done, values: withValue(s.values, team.id, code, p.value), commit: { teamId: team.id, code, value: p.value, shown: old ?? null } };
}

export function gridReducer(state: GridState, a: GridAction): GridState {
  const s = state.commit ? { ...state, commit: null } : state;
  switch (a.type) {
    case 'load':
      return scrolled({
        ...s,
        month: a.month,
        teams: a.teams,
        values: a.values,
        loaded: true,
        row: clamp(s.row, 0, Math.max(0, a.teams.length - 1)),
        editing: false,
        draft: '',
        error: null,
      });
    case 'loadMonth':
      return { ...s, month: a.month, values: a.values, editing: false, draft: '', error: null };
    case 'view':
      return scrolled({ ...s, viewRows: a.rows, viewCols: a.cols });
    case 'move': {
      const c = commitEdit(s);
      if (c.error) return c;
      return scrolled({
        ...c,
        row: clamp(c.row + a.dr, 0, Math.max(0, c.teams.length - 1)),
        col: clamp(c.col + a.dc, 0, Math.max(0, c.codes.length - 1)),
      });
    }
    case 'type': {
      if (!s.loaded || s.teams.length === 0) return s;
      const draft = ((s.editing ? s.draft : '') + a.text).slice(0, 12);
      const p = parseValue(draft);
      return { ...s, editing: true, draft, error: p.ok ? null : p.error };
    }
    case 'erase': {
      if (!s.loaded || s.teams.length === 0) return s;
      const team = s.teams[s.row]!;
      const base = s.editing ? s.draft : String(cellValue(s, team.id, s.codes[s.col]!) ?? '');
      const draft = base.slice(0, -1);
      const p = parseValue(draft);
      return { ...s, editing: true, draft, error: p.ok ? null : p.error };
    }
    case 'cancel':
      return { ...s, editing: false, draft: '', error: null };
    case 'set':
      return { ...s, values: withValue(s.values, a.teamId, a.code, a.value) };
  }
}

/** How many teams of the list have no form for the month. */
export function missingCount(s: Pick<GridState, 'teams' | 'values'>): number {
  let n = 0;
  for (const t of s.teams) if (!s.values.has(t.id)) n++;
  return n;
}
