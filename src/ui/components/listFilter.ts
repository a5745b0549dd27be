// A list with a `/` name filter (dashboard, team list, ranking): the selected row, the query, and
// whether the query is being typed. Pure. Each screen's reducer adds its own extras around it.
import type { UseKeysOptions } from '../keys/useKeys.js';

type Fn = () => void;
type MoveKeys = { up: Fn; down: Fn; pageUp?: Fn; pageDown?: Fn };

export interface ListFilterState {
  selected: number;
  query: string;
  /** `/` was pressed: printable keys type into the query until Enter (keep) or Esc (clear). */
  filtering: boolean;
}

export type ListFilterAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'startFilter' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'endFilter'; clear: boolean };

export const initialListFilter: ListFilterState = { selected: 0, query: '', filtering: false };

/** The list part of a screen's state; a changed query goes back to the first row. */
export function listFilterReducer<S extends ListFilterState>(s: S, a: ListFilterAction): S {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'startFilter':
      return { ...s, filtering: true };
    case 'type':
      // A paste may arrive decomposed (NFD): the query is compared and shown as NFC.
      return { ...s, query: (s.query + a.text).normalize('NFC'), selected: 0 };
    case 'erase':
      return { ...s, query: Array.from(s.query).slice(0, -1).join(''), selected: 0 };
    case 'endFilter':
      return { ...s, filtering: false, query: a.clear ? '' : s.query, selected: a.clear ? 0 : s.selected };
  }
}

/** ↑/↓ (and PgUp/PgDn when `page` is given) over `count` rows. */
export function moveHandlers(dispatch: (a: ListFilterAction) => void, count: number, page?: number): MoveKeys {
  const move = (delta: number) => () => dispatch({ type: 'move', delta, count });
  return page === undefined
    ? { up: move(-1), down: move(1) }
    : { up: move(-1), down: move(1), pageUp: move(-page), pageDown: move(page) };
}

/** The keys while the query is typed: Esc clears it, Enter keeps it, the arrows still move. */
export function filterHandlers(dispatch: (a: ListFilterAction) => void, count: number, page?: number): MoveKeys & { back: Fn; open: Fn } {
  return {
    back: () => dispatch({ type: 'endFilter', clear: true }),
    open: () => dispatch({ type: 'endFilter', clear: false }),
    ...moveHandlers(dispatch, count, page),
  };
}

/** useKeys options that route printable keys into the query while it is typed. */
export function filterTyping(s: ListFilterState, dispatch: (a: ListFilterAction) => void): UseKeysOptions {
  return {
    typing: s.filtering ? 'text' : false,
    onText: (text: string) => dispatch({ type: 'type', text }),
    onBackspace: () => dispatch({ type: 'erase' }),
  };
}
