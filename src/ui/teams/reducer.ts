// Team list state: the selected row, the `/` filter, whether dissolved teams show. Pure.
import type { TeamRow } from '../../db/teams.js';
import type { TeamWarning } from '../../domain/warnings.js';
import { matchesQuery } from '../../domain/text.js';

export interface TeamListRow {
  team: TeamRow;
  /** Members in the team today. */
  members: number;
  warnings: TeamWarning[];
  /** Code, name and area joined once, so filtering does not rebuild it per key. */
  haystack: string;
}

export interface TeamsState {
  selected: number;
  query: string;
  filtering: boolean;
  showDissolved: boolean;
}

export type TeamsAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'startFilter' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'endFilter'; clear: boolean }
  | { type: 'toggleDissolved' }
  | { type: 'select'; index: number };

export const initialTeams: TeamsState = { selected: 0, query: '', filtering: false, showDissolved: false };

export function teamsReducer(s: TeamsState, a: TeamsAction): TeamsState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'startFilter':
      return { ...s, filtering: true };
    case 'type':
      return { ...s, query: s.query + a.text, selected: 0 };
    case 'erase':
      return { ...s, query: Array.from(s.query).slice(0, -1).join(''), selected: 0 };
    case 'endFilter':
      return { ...s, filtering: false, query: a.clear ? '' : s.query, selected: a.clear ? 0 : s.selected };
    case 'toggleDissolved':
      return { ...s, showDissolved: !s.showDissolved, selected: 0 };
    case 'select':
      return { ...s, selected: Math.max(0, a.index) };
  }
}

/** The rows shown: active teams (and dissolved ones when asked) matching the query, in list order. */
export function visibleTeams(rows: readonly TeamListRow[], s: Pick<TeamsState, 'query' | 'showDissolved'>): TeamListRow[] {
  return rows.filter((r) => (s.showDissolved || !r.team.dissolvedOn) && matchesQuery(s.query, r.haystack));
}
