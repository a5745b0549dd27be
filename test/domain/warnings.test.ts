import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../src/io/presets.js';
import { type RosterMember, isActiveOn, isOverAge, joinedAfter, minTeamSize, otherLeader, teamWarnings, trainingsBeforeJoining } from '../../src/domain/warnings.js';

const phuVan = loadPreset('phu-van-2026')!.plan; // team_size 9, ward team 15
const tranLieu = loadPreset('tran-lieu-2025')!.plan; // team_size 5
const ngocHoi = loadPreset('ngoc-hoi-2026')!.plan; // members preferably under 40
const TODAY = '2026-11-23';

const m = (role: RosterMember['role'], extra: Partial<RosterMember> = {}): RosterMember => ({
  role,
  birthYear: 1995,
  joinedOn: '2025-09-01',
  leftOn: null,
  ...extra,
});
const team = (level: 'area' | 'commune' = 'area', dissolvedOn: string | null = null) => ({ level, dissolvedOn });
const full = (n: number) => [m('to_truong'), m('to_pho'), ...Array.from({ length: n - 2 }, () => m('thanh_vien'))];
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('minTeamSize', () => {
  it("reads the plan's team_size target, with the commune team's own minimum", () => {
    expect(minTeamSize(phuVan, 'area')).toBe(9);
    expect(minTeamSize(phuVan, 'commune')).toBe(15);
    expect(minTeamSize(tranLieu, 'commune')).toBe(5);
    expect(minTeamSize(ngocHoi, 'area')).toBeNull();
  });
});

describe('teamWarnings', () => {
  it('says nothing about a complete team', () => {
    expect(teamWarnings(team(), full(9), phuVan, TODAY)).toEqual([]);
    expect(teamWarnings(team(), full(5), tranLieu, TODAY)).toEqual([]);
  });

  it('warns when the team is smaller than the plan asks, counting only members active today', () => {
    const members = [...full(9), m('thanh_vien', { joinedOn: '2026-12-01' })];
    members[3] = m('thanh_vien', { leftOn: '2026-10-01' });
    const ws = teamWarnings(team(), members, phuVan, TODAY);
    expect(codes(ws)).toEqual(['too_small']);
    expect(ws[0]!.message).toBe('Tổ có 8 thành viên, kế hoạch yêu cầu tối thiểu 9');
    expect(ws[0]!.short).toBe('8/9 TV');
    // The ward team needs 15 in Phù Vân.
    expect(codes(teamWarnings(team('commune'), full(12), phuVan, TODAY))).toEqual(['too_small']);
    // No size target in Ngọc Hồi: no size warning.
    expect(teamWarnings(team(), full(3), ngocHoi, TODAY)).toEqual([]);
  });

  it('warns about a missing Tổ trưởng or Tổ phó and a second Tổ trưởng', () => {
    expect(codes(teamWarnings(team(), [m('to_pho'), m('thanh_vien'), m('thanh_vien'), m('thanh_vien'), m('thanh_vien')], tranLieu, TODAY))).toEqual([
      'no_leader',
    ]);
    expect(codes(teamWarnings(team(), [m('to_truong'), ...full(4).slice(2), m('thanh_vien'), m('thanh_vien')], tranLieu, TODAY))).toEqual([
      'no_deputy',
    ]);
    const two = teamWarnings(team(), [m('to_truong'), ...full(5)], tranLieu, TODAY);
    expect(codes(two)).toEqual(['two_leaders']);
    expect(two[0]!.message).toBe('Tổ có 2 Tổ trưởng (thường chỉ một)');
    // A leader who has left does not count.
    expect(codes(teamWarnings(team(), [m('to_truong', { leftOn: '2026-01-01' }), ...full(6).slice(1)], tranLieu, TODAY))).toEqual([
      'no_leader',
    ]);
  });

  it('warns about members over 40 only where the plan prefers younger members', () => {
    const members = [m('to_truong', { birthYear: 1980 }), m('to_pho', { birthYear: 1986 }), m('thanh_vien', { birthYear: 1960 }), m('thanh_vien', { birthYear: null })];
    const ws = teamWarnings(team(), members, ngocHoi, TODAY);
    // 2026 − 1986 = 40 is not over 40; 1980 and 1960 are.
    expect(ws).toEqual([{ code: 'over_age', message: '2 thành viên trên 40 tuổi (kế hoạch ưu tiên dưới 40 tuổi)', short: '2 TV >40t' }]);
    expect(codes(teamWarnings(team(), [...full(9), m('thanh_vien', { birthYear: 1950 })], phuVan, TODAY))).toEqual([]);
    expect(isOverAge({ birthYear: 1985 }, ngocHoi, TODAY)).toBe(true);
    expect(isOverAge({ birthYear: 1985 }, phuVan, TODAY)).toBe(false);
  });

  it('gives a dissolved team no warnings, and an empty team every missing piece', () => {
    expect(teamWarnings(team('area', '2026-06-30'), [], phuVan, TODAY)).toEqual([]);
    expect(codes(teamWarnings(team('area', '2027-01-01'), [], phuVan, TODAY))).toEqual(['too_small', 'no_leader', 'no_deputy']);
  });
});

describe('isActiveOn and otherLeader', () => {
  it('a member is in the team from the day they joined until the day they left', () => {
    expect(isActiveOn({ joinedOn: TODAY, leftOn: null }, TODAY)).toBe(true);
    expect(isActiveOn({ joinedOn: '2026-11-24', leftOn: null }, TODAY)).toBe(false);
    expect(isActiveOn({ joinedOn: null, leftOn: TODAY }, TODAY)).toBe(false);
    expect(isActiveOn({ joinedOn: null, leftOn: '2026-11-24' }, TODAY)).toBe(true);
  });

  it("names the team's other active Tổ trưởng", () => {
    const members = [
      { ...m('to_truong', { leftOn: '2026-01-01' }), id: 1, fullName: 'Lê Văn Cũ' },
      { ...m('to_truong'), id: 2, fullName: 'Trần Thị Mai' },
      { ...m('thanh_vien'), id: 3, fullName: 'Phạm Văn Nam' },
    ];
    expect(otherLeader(members, undefined, TODAY)).toBe('Trần Thị Mai');
    expect(otherLeader(members, 3, TODAY)).toBe('Trần Thị Mai');
    expect(otherLeader(members, 2, TODAY)).toBeNull();
  });
});

describe('a training dated before joining (members\' dates)', () => {
  it('is found by date; a blank joining date has none before it', () => {
    expect(trainingsBeforeJoining('2026-03-01', ['2026-02-28', '2026-03-01', '2026-05-10'])).toEqual(['2026-02-28']);
    expect(trainingsBeforeJoining(null, ['2020-01-01'])).toEqual([]);
  });
  it('names the attendees who joined after the training', () => {
    const ms = [
      { fullName: 'A', joinedOn: null },
      { fullName: 'B', joinedOn: '2026-06-01' },
      { fullName: 'C', joinedOn: '2026-04-01' },
    ];
    expect(joinedAfter(ms, '2026-05-01').map((m) => m.fullName)).toEqual(['B']);
  });
});
