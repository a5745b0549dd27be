// Picking the month and the team of the next paper form. Pure. The cursor follows "the next team
// still without a form" until the officer moves it by hand.
import { type Month, addMonths } from '../../domain/period.js';
import { fold, matchesFolded } from '../../domain/text.js';
import { checkFormMonth } from '../../domain/validation.js';

export interface PickTeam {
  id: number;
  code: string;
  name: string;
}

export interface PickState {
  month: Month;
  query: string;
  /** Row chosen by hand (↑/↓), or null: the first team without a form. */
  cursor: number | null;
  error: string | null;
}

export type PickAction =
  | { type: 'month'; delta: number; now: Date }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'clear' }
  | { type: 'move'; delta: number; count: number; from: number }
  | { type: 'reset' };

export function initialPick(month: Month): PickState {
  return { month, query: '', cursor: null, error: null };
}

export function pickReducer(s: PickState, a: PickAction): PickState {
  switch (a.type) {
    case 'month': {
      const next = addMonths(s.month, a.delta);
      const ok = checkFormMonth(next, a.now);
      return ok.ok ? { ...s, month: next, cursor: null, error: null } : { ...s, error: ok.error };
    }
    case 'type':
      return { ...s, query: (s.query + a.text).normalize('NFC').slice(0, 60), cursor: null, error: null };
    case 'erase':
      return { ...s, query: Array.from(s.query).slice(0, -1).join(''), cursor: null, error: null };
    case 'clear':
      return { ...s, query: '', cursor: null, error: null };
    case 'move':
      return a.count === 0 ? s : { ...s, cursor: Math.max(0, Math.min(a.count - 1, a.from + a.delta)), error: null };
    case 'reset':
      return { ...s, cursor: null };
  }
}

/** The teams with their name and code folded once per load (not once per key and row). */
export function withSearch<T extends PickTeam>(teams: readonly T[]): (T & { search: string })[] {
  return teams.map((t) => ({ ...t, search: fold(`${t.name} ${t.code}`) }));
}

/** Teams matching the query by name or code, diacritics and case ignored (`dong` finds `Đông`). */
export function filterTeams<T extends { search: string }>(teams: readonly T[], query: string): T[] {
  return query.trim() === '' ? [...teams] : teams.filter((t) => matchesFolded(t.search, query));
}

/** The selected row: the hand-picked one, else the first team without a form, else the first. */
export function selectedIndex(s: PickState, rows: readonly PickTeam[], withForm: ReadonlySet<number>): number {
  if (rows.length === 0) return -1;
  if (s.cursor !== null) return Math.min(s.cursor, rows.length - 1);
  const i = rows.findIndex((t) => !withForm.has(t.id));
  return i < 0 ? 0 : i;
}
