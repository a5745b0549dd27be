// The `/` filter shared by the dashboard, the team list and the ranking: state and key handlers.
import { describe, expect, it } from 'vitest';
import {
  type ListFilterAction,
  filterHandlers,
  filterTyping,
  initialListFilter,
  listFilterReducer,
  moveHandlers,
} from '../../src/ui/components/listFilter.js';

describe('listFilterReducer', () => {
  it('moves within the rows', () => {
    let s = listFilterReducer(initialListFilter, { type: 'move', delta: 5, count: 3 });
    expect(s.selected).toBe(2);
    s = listFilterReducer(s, { type: 'move', delta: -9, count: 3 });
    expect(s.selected).toBe(0);
    expect(listFilterReducer(s, { type: 'move', delta: 1, count: 0 }).selected).toBe(0);
  });

  it('typing goes back to the first row and keeps NFC; erase drops one character', () => {
    let s = listFilterReducer({ ...initialListFilter, selected: 4 }, { type: 'startFilter' });
    expect(s.filtering).toBe(true);
    s = listFilterReducer(s, { type: 'type', text: 'Đo\u0302ng' });
    expect(s).toMatchObject({ query: 'Đông', selected: 0 });
    s = listFilterReducer({ ...s, selected: 3 }, { type: 'erase' });
    expect(s).toMatchObject({ query: 'Đôn', selected: 0 });
  });

  it('Enter keeps the query and the row, Esc clears both', () => {
    const typed = { selected: 2, query: 'dong', filtering: true };
    expect(listFilterReducer(typed, { type: 'endFilter', clear: false })).toEqual({ selected: 2, query: 'dong', filtering: false });
    expect(listFilterReducer(typed, { type: 'endFilter', clear: true })).toEqual({ selected: 0, query: '', filtering: false });
  });

  it("keeps a screen's own fields", () => {
    const s = listFilterReducer({ ...initialListFilter, showDissolved: true }, { type: 'type', text: 'a' });
    expect(s).toEqual({ selected: 0, query: 'a', filtering: false, showDissolved: true });
  });
});

describe('filter key handlers', () => {
  const record = () => {
    const sent: ListFilterAction[] = [];
    return { sent, dispatch: (a: ListFilterAction) => void sent.push(a) };
  };

  it('while typing: Esc clears, Enter keeps, the arrows move', () => {
    const { sent, dispatch } = record();
    const h = filterHandlers(dispatch, 7);
    expect(Object.keys(h).sort()).toEqual(['back', 'down', 'open', 'up']);
    h.back!();
    h.open!();
    h.down!();
    expect(sent).toEqual([
      { type: 'endFilter', clear: true },
      { type: 'endFilter', clear: false },
      { type: 'move', delta: 1, count: 7 },
    ]);
  });

  it('PgUp/PgDn only when a page size is given', () => {
    const { sent, dispatch } = record();
    expect(Object.keys(moveHandlers(dispatch, 3)).sort()).toEqual(['down', 'up']);
    const h = filterHandlers(dispatch, 30, 10);
    h.pageUp!();
    h.pageDown!();
    expect(sent).toEqual([
      { type: 'move', delta: -10, count: 30 },
      { type: 'move', delta: 10, count: 30 },
    ]);
  });

  it('printable keys type into the query only while filtering', () => {
    const { sent, dispatch } = record();
    expect(filterTyping(initialListFilter, dispatch).typing).toBe(false);
    const o = filterTyping({ ...initialListFilter, filtering: true }, dispatch);
    expect(o.typing).toBe('text');
    o.onText!('x');
    o.onBackspace!();
    expect(sent).toEqual([{ type: 'type', text: 'x' }, { type: 'erase' }]);
  });
});
