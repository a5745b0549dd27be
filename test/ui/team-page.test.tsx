// The team page's pure parts: months reported, trainings held, marks.
import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../src/db/members.js';
import { initialTeamPage, monthsReported, teamPageReducer, trainedCount, trainingsHeld } from '../../src/ui/team/reducer.js';

const member = (id: number, trainings: [string, string][], extra: Partial<MemberRow> = {}): MemberRow => ({
  id,
  teamId: 1,
  fullName: `Người ${id}`,
  role: 'thanh_vien',
  organisation: null,
  birthYear: null,
  phone: null,
  joinedOn: '2025-09-01',
  leftOn: null,
  trainings: trainings.map(([heldOn, topic], i) => ({ id: id * 10 + i, heldOn, topic })),
  ...extra,
});

describe('monthsReported', () => {
  it('marks each month of the span: reported, missing (due), or not due yet', () => {
    const marks = monthsReported('2026-01', '2026-12', ['2025-12', '2026-01', '2026-03', '2026-11'], '2026-10');
    expect(marks.map((m) => `${m.label}${m.state[0]}`).join(' ')).toBe('01r 02m 03r 04m 05m 06m 07m 08m 09m 10m 11r 12f');
  });

  it('labels months with the year when the span crosses one', () => {
    expect(monthsReported('2025-11', '2026-02', [], '2026-03').map((m) => m.label)).toEqual(['11/25', '12/25', '01/26', '02/26']);
  });
});

describe('trainings', () => {
  it('groups the members\' trainings by date and topic, latest first, with how many attended', () => {
    const ms = [member(1, [['2026-01-10', 'VNeID'], ['2026-03-05', 'Chữ ký số']]), member(2, [['2026-01-10', 'VNeID']]), member(3, [])];
    expect(trainingsHeld(ms)).toEqual([
      { heldOn: '2026-03-05', topic: 'Chữ ký số', attended: 1 },
      { heldOn: '2026-01-10', topic: 'VNeID', attended: 2 },
    ]);
  });

  it('counts active members trained within the plan, up to today', () => {
    const ms = [
      member(1, [['2026-01-10', 'VNeID']]),
      member(2, [['2025-10-10', 'VNeID']]), // before the plan
      member(3, [['2026-02-01', 'VNeID']], { leftOn: '2026-06-01' }), // left
      member(4, []),
    ];
    expect(trainedCount(ms, '2026-01-01', '2026-11-23')).toEqual({ trained: 1, active: 3 });
  });
});

describe('teamPageReducer', () => {
  it('Space marks and moves down; marking again unmarks; a save clears the marks', () => {
    let s = teamPageReducer(initialTeamPage, { type: 'toggleMark', id: 7, count: 3 });
    s = teamPageReducer(s, { type: 'toggleMark', id: 8, count: 3 });
    expect(s).toEqual({ selected: 2, marked: [7, 8] });
    s = teamPageReducer(s, { type: 'toggleMark', id: 9, count: 3 });
    expect(s.selected).toBe(2); // stays on the last row
    s = teamPageReducer({ ...s, selected: 0 }, { type: 'toggleMark', id: 7, count: 3 });
    expect(s.marked).toEqual([8, 9]);
    expect(teamPageReducer(s, { type: 'clearMarks' }).marked).toEqual([]);
  });
});
