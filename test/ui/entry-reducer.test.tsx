// The entry, picker and grid reducers alone (pure): what a key does, what gets committed.
import { describe, expect, it } from 'vitest';
import { FIELD_NOTE, FIELD_RECEIVED } from '../../src/db/forms.js';
import { STANDARD_INDICATORS } from '../../src/domain/indicators.js';
import { type EntryState, backRequest, entryFields, entryReducer, initialEntry, nextTeamWithoutForm } from '../../src/ui/entry/reducer.js';
import { filterTeams, initialPick, pickReducer, selectedIndex, withSearch } from '../../src/ui/entry-pick/reducer.js';
import { type GridState, gridReducer, initialGrid, missingCount } from '../../src/ui/grid/reducer.js';

const NOW = new Date(2026, 10, 23, 9, 0);
const fields = entryFields(STANDARD_INDICATORS);

function loaded(stored: Record<string, string> = {}, exists = false): EntryState {
  return entryReducer(initialEntry(fields, '2026-10', NOW), { type: 'load', stored, exists });
}
const run = (s: EntryState, ...actions: Parameters<typeof entryReducer>[1][]) => actions.reduce(entryReducer, s);

describe('entry reducer', () => {
  it('fields: the indicators in order, then the received date and the note', () => {
    expect(fields.map((f) => f.key)).toEqual([...STANDARD_INDICATORS.map((i) => i.code), FIELD_RECEIVED, FIELD_NOTE]);
  });

  it('typing replaces the shown value; leaving commits only a change; a new form gets today as received date', () => {
    let s = run(loaded({ ho_huong_dan: '12' }, true), { type: 'type', text: '3' });
    expect(s.draft).toBe('3');
    s = run(s, { type: 'move', delta: 1 });
    expect(s.commit).toEqual({ key: 'ho_huong_dan', kind: 'value', value: 3, shown: 12 });
    expect(s.focus).toBe(1);
    s = run(s, { type: 'move', delta: -1 });
    expect(s.commit).toBeNull();
    // Backspace edits the shown value instead of replacing it.
    s = run(s, { type: 'erase' }, { type: 'type', text: '0' });
    expect(s.draft).toBe('0');

    const n = run(loaded(), { type: 'type', text: '0' }, { type: 'move', delta: 1 });
    expect(n.commit?.value).toBe(0);
    expect(n.stored[FIELD_RECEIVED]).toBe('2026-11-23');
    expect(n.exists).toBe(true);
  });

  it('a blank left blank is no commit; a refused value keeps the cursor and says why', () => {
    expect(run(loaded(), { type: 'move', delta: 1 }).commit).toBeNull();
    const bad = run(loaded(), { type: 'type', text: '-' }, { type: 'type', text: '5' });
    expect(bad.error).toBe('Giá trị không được âm');
    const stay = run(bad, { type: 'move', delta: 1 });
    expect(stay.focus).toBe(0);
    expect(stay.commit).toBeNull();
  });

  it('the last field forward finishes the form; back with a refused value asks for a second Esc', () => {
    let s = run(loaded(), { type: 'focus', index: fields.length - 1 }, { type: 'type', text: 'ok' }, { type: 'move', delta: 1 });
    expect(s.finished).toBe(true);
    expect(s.commit).toEqual({ key: FIELD_NOTE, kind: 'note', value: 'ok', shown: null });
    s = run(loaded(), { type: 'type', text: 'x' });
    const first = backRequest(s);
    expect(first.leave).toBe(false);
    expect(first.state.error).toContain('Esc lần nữa');
    expect(backRequest(first.state).leave).toBe(true);
  });

  it('received date: validated when left, not while typed', () => {
    const at = fields.findIndex((f) => f.key === FIELD_RECEIVED);
    let s = run(loaded(), { type: 'focus', index: at });
    expect(s.draft).toBe('23/11/2026');
    s = run(s, { type: 'type', text: '3' });
    expect(s.error).toBeNull();
    s = run(s, { type: 'type', text: '0/09/2026' }, { type: 'move', delta: 1 });
    expect(s.error).toContain('trước tháng 10/2026');
  });

  it('next team without a form: after the current one in list order, wrapping, skipping forms', () => {
    const teams = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
    expect(nextTeamWithoutForm(teams, new Set([2]), 1)).toBe(3);
    expect(nextTeamWithoutForm(teams, new Set([2, 3, 4]), 3)).toBe(1);
    expect(nextTeamWithoutForm(teams, new Set([1, 2, 3, 4]), 2)).toBeNull();
    expect(nextTeamWithoutForm(teams, new Set(), null)).toBe(1);
  });
});

describe('entry picker reducer', () => {
  const teams = [
    { id: 1, code: 'TDP01', name: 'Tổ TDP Đông Sơn' },
    { id: 2, code: 'TDP02', name: 'Tổ TDP Bắc Hà' },
    { id: 3, code: 'THON-DONG', name: 'Tổ thôn Đồng Văn' },
  ];
  it('filters ignoring diacritics and case; the default row is the first without a form', () => {
    expect(filterTeams(withSearch(teams), 'DONG').map((t) => t.id)).toEqual([1, 3]);
    expect(filterTeams(withSearch(teams), 'tdp02').map((t) => t.id)).toEqual([2]);
    expect(selectedIndex(initialPick('2026-10'), teams, new Set([1]))).toBe(1);
  });
  it('refuses a month after the current one', () => {
    const s = pickReducer(initialPick('2026-11'), { type: 'month', delta: 1, now: NOW });
    expect(s.month).toBe('2026-11');
    expect(s.error).toContain('chưa đến');
  });
});

describe('grid reducer', () => {
  function grid(): GridState {
    const s = initialGrid('2026-10', ['a', 'b', 'c']);
    const teams = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, code: `T${i}`, name: `Tổ ${i}` }));
    const values = new Map<number, Record<string, number>>(teams.slice(0, 40).map((t) => [t.id, { a: t.id }]));
    return gridReducer(gridReducer(s, { type: 'load', month: '2026-10', teams, values }), { type: 'view', rows: 10, cols: 2 });
  }

  it('Enter commits the edited cell and moves down; the value changes locally; scrolls to keep the cursor in view', () => {
    let s = gridReducer(grid(), { type: 'type', text: '7' });
    s = gridReducer(s, { type: 'move', dr: 1, dc: 0 });
    expect(s.commit).toEqual({ teamId: 1, code: 'a', value: 7, shown: 1 });
    expect(s.values.get(1)).toEqual({ a: 7 });
    expect(s.row).toBe(1);
    for (let i = 0; i < 15; i++) s = gridReducer(s, { type: 'move', dr: 1, dc: 0 });
    expect([s.row, s.top]).toEqual([16, 7]);
    s = gridReducer(s, { type: 'move', dr: 0, dc: 2 });
    expect([s.col, s.left]).toEqual([2, 1]);
  });

  it('Backspace edits the stored value; emptied = blank; a missing form stays missing for a blank', () => {
    let s = gridReducer(grid(), { type: 'erase' });
    expect(s.draft).toBe('');
    s = gridReducer(s, { type: 'move', dr: 1, dc: 0 });
    expect(s.commit).toEqual({ teamId: 1, code: 'a', value: null, shown: 1 });
    expect(s.values.get(1)).toEqual({});
    expect(missingCount(s)).toBe(10);
    let m = gridReducer(grid(), { type: 'move', dr: 45, dc: 0 });
    m = gridReducer(gridReducer(m, { type: 'erase' }), { type: 'move', dr: 0, dc: 1 });
    expect(m.commit).toBeNull();
    expect(m.values.has(46)).toBe(false);
  });
});
