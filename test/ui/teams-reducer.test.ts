// The team list's pure parts: filtering (same answers as matchesQuery, faster), the reducer.
import { describe, expect, it } from 'vitest';
import type { TeamRow } from '../../src/db/teams.js';
import { matchesQuery } from '../../src/domain/text.js';
import { type TeamListRow, initialTeams, teamHaystack, teamsReducer, visibleTeams } from '../../src/ui/teams/reducer.js';

const team = (id: number, code: string, name: string, areaName: string | null, dissolvedOn: string | null = null) =>
  ({ id, code, name, areaName, dissolvedOn }) as TeamRow;
const row = (t: TeamRow): TeamListRow => ({ team: t, members: 0, warnings: [], haystack: teamHaystack(t) });

const ROWS = [
  row(team(1, 'TDP01', 'Tổ CNSCĐ TDP Đông Sơn', 'Tổ dân phố Đông Sơn')),
  row(team(2, 'THON-DONG', 'Tổ CNSCĐ thôn Đồng Văn', 'Thôn Đồng Văn')),
  row(team(3, 'TDP02', 'Tổ CNSCĐ TDP Bắc Hà', 'Tổ dân phố Bắc Hà', '2026-06-30')),
  row(team(4, 'CAP-XA', 'Tổ CNSCĐ cấp phường', null)),
];

describe('visibleTeams', () => {
  it('answers like matchesQuery over code, name and area', () => {
    for (const q of ['', 'dong', 'ĐÔNG', 'đồng văn', 'tdp', 'bac ha', 'thon-dong', 'son dong', 'xyz', '  tổ   dân ']) {
      const expected = ROWS.filter((r) => matchesQuery(q, r.team.code, r.team.name, r.team.areaName)).map((r) => r.team.id);
      expect(visibleTeams(ROWS, { query: q, showDissolved: true }).map((r) => r.team.id), q).toEqual(expected);
    }
  });

  it('hides dissolved teams unless asked', () => {
    expect(visibleTeams(ROWS, { query: '', showDissolved: false }).map((r) => r.team.id)).toEqual([1, 2, 4]);
    expect(visibleTeams(ROWS, { query: 'bac', showDissolved: true }).map((r) => r.team.id)).toEqual([3]);
  });
});

describe('teamsReducer', () => {
  it('types a filter, keeps it after Enter, clears it with Esc', () => {
    let s = teamsReducer(initialTeams, { type: 'startFilter' });
    s = teamsReducer(s, { type: 'type', text: 'do' });
    s = teamsReducer(s, { type: 'type', text: 'ng' });
    s = teamsReducer(s, { type: 'erase' });
    expect(s.query).toBe('don');
    s = teamsReducer(s, { type: 'move', delta: 5, count: 3 });
    expect(s.selected).toBe(2);
    s = teamsReducer(s, { type: 'endFilter', clear: false });
    expect(s).toMatchObject({ filtering: false, query: 'don', selected: 2 });
    s = teamsReducer(s, { type: 'endFilter', clear: true });
    expect(s).toMatchObject({ query: '', selected: 0 });
    expect(teamsReducer(s, { type: 'toggleDissolved' }).showDissolved).toBe(true);
  });
});
