// Home screen state: the as-of month, the selected row, filters. Pure.
import { type Month, addMonths } from '../../domain/period.js';
import type { Status } from '../../domain/targets.js';

export type StatusFilter = Status | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'chua_bao_cao', 'cham_nhieu', 'cham', 'dat'];

export interface HomeState {
  asOf: Month;
  selected: number;
  statusFilter: StatusFilter;
  query: string;
  filtering: boolean;
}

export type HomeAction =
  /** ←/→: stays within [min, max] (max = the last finished month). */
  | { type: 'month'; delta: number; min: Month; max: Month }
  | { type: 'move'; delta: number; count: number }
  | { type: 'cycleStatus' }
  | { type: 'startFilter' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'endFilter'; clear: boolean }
  /** Esc with a filter on: clear both filters (a second Esc leaves). */
  | { type: 'clearFilters' };

export function initialHome(asOf: Month): HomeState {
  return { asOf, selected: 0, statusFilter: 'all', query: '', filtering: false };
}

export function hasFilter(s: HomeState): boolean {
  return s.statusFilter !== 'all' || s.query !== '';
}

export function homeReducer(s: HomeState, a: HomeAction): HomeState {
  switch (a.type) {
    case 'month': {
      const next = addMonths(s.asOf, a.delta);
      return next > a.max || next < a.min ? s : { ...s, asOf: next };
    }
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'cycleStatus': {
      const i = STATUS_FILTERS.indexOf(s.statusFilter);
      return { ...s, statusFilter: STATUS_FILTERS[(i + 1) % STATUS_FILTERS.length]!, selected: 0 };
    }
    case 'startFilter':
      return { ...s, filtering: true };
    case 'type':
      return { ...s, query: (s.query + a.text).normalize('NFC'), selected: 0 };
    case 'erase':
      return { ...s, query: Array.from(s.query).slice(0, -1).join(''), selected: 0 };
    case 'endFilter':
      return { ...s, filtering: false, query: a.clear ? '' : s.query, selected: a.clear ? 0 : s.selected };
    case 'clearFilters':
      return { ...s, filtering: false, query: '', statusFilter: 'all', selected: 0 };
  }
}
