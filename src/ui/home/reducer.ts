// Home screen state: the as-of month, the selected row, filters. Pure.
import { type Month, addMonths } from '../../domain/period.js';
import type { Status } from '../../domain/targets.js';
import { type ListFilterAction, type ListFilterState, initialListFilter, listFilterReducer } from '../components/listFilter.js';

export type StatusFilter = Status | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'chua_bao_cao', 'cham_nhieu', 'cham', 'dat'];

export interface HomeState extends ListFilterState {
  asOf: Month;
  statusFilter: StatusFilter;
}

export type HomeAction =
  /** ←/→: stays within [min, max] (max = the last finished month). */
  | { type: 'month'; delta: number; min: Month; max: Month }
  | { type: 'cycleStatus' }
  /** Esc with a filter on: clear both filters (a second Esc leaves). */
  | { type: 'clearFilters' }
  | ListFilterAction;

export function initialHome(asOf: Month): HomeState {
  return { ...initialListFilter, asOf, statusFilter: 'all' };
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
    case 'cycleStatus': {
      const i = STATUS_FILTERS.indexOf(s.statusFilter);
      return { ...s, statusFilter: STATUS_FILTERS[(i + 1) % STATUS_FILTERS.length]!, selected: 0 };
    }
    case 'clearFilters':
      return { ...s, filtering: false, query: '', statusFilter: 'all', selected: 0 };
    default:
      return listFilterReducer(s, a);
  }
}
