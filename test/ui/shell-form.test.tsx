// The form engine shared by the team, member and training forms: pure.
import { describe, expect, it } from 'vitest';
import { badDates, type FieldDef, formReducer, initialForm, isDirty, onLastField, shownErrors, visibleFields } from '../../src/ui/components/form.js';
import { visibleTail } from '../../src/ui/components/TextField.js';
import { checkMember } from '../../src/ui/member-form/fields.js';
import { checkMove, candidates, initialMove, moveReducer, movableTeams } from '../../src/ui/move-member/reducer.js';
import { TEAM_FIELDS, checkTeam } from '../../src/ui/team-form/fields.js';
import type { TeamRow } from '../../src/db/teams.js';

const DEFS: FieldDef[] = [
  { key: 'name', label: 'Tên', kind: 'text' },
  { key: 'kind', label: 'Loại', kind: 'choice', options: ['a', 'b', 'c'] },
  { key: 'n', label: 'Số', kind: 'digits', when: (v) => v.kind !== 'c' },
  { key: 'on', label: 'Ngày', kind: 'date' },
];

describe('form engine', () => {
  const reduce = formReducer(DEFS);
  it('types into the focused field, refuses letters in numbers, moves and cycles choices', () => {
    let s = initialForm(DEFS, { kind: 'a' });
    s = reduce(s, { type: 'type', text: 'Hoa\u0300' });
    expect(s.values.name).toBe('Hoà');
    expect(isDirty(s)).toBe(true);
    s = reduce(s, { type: 'move', delta: 1 });
    expect(s.touched.name).toBe(true);
    s = reduce(s, { type: 'choose', delta: -1 });
    expect(s.values.kind).toBe('c');
    // "Số" is hidden for kind c: the next field is the date.
    expect(visibleFields(DEFS, s.values).map((d) => d.key)).toEqual(['name', 'kind', 'on']);
    s = reduce(s, { type: 'move', delta: 1 });
    expect(s.focus).toBe('on');
    expect(onLastField(DEFS, s)).toBe(true);
    s = reduce(reduce(s, { type: 'focus', key: 'kind' }), { type: 'choose', delta: 1 });
    s = reduce(reduce(s, { type: 'move', delta: 1 }), { type: 'type', text: 'x' });
    expect(s.keyError).toBe('Số: chỉ gõ chữ số');
    expect(shownErrors(s, {})).toEqual({ n: 'Số: chỉ gõ chữ số' });
    s = reduce(s, { type: 'type', text: '12' });
    expect(s.values.n).toBe('12');
    expect(s.keyError).toBeNull();
  });

  it('shows a message only once its field was left, or after saving was tried', () => {
    let s = initialForm(DEFS, {});
    const errors = { name: 'Tên: bắt buộc', on: 'Ngày: sai' };
    expect(shownErrors(s, errors)).toEqual({});
    s = reduce(s, { type: 'move', delta: 1 });
    expect(shownErrors(s, errors)).toEqual({ name: 'Tên: bắt buộc' });
    s = reduce(s, { type: 'submitted' });
    expect(shownErrors(s, errors)).toEqual(errors);
    s = reduce(s, { type: 'saved' });
    expect(isDirty(s)).toBe(false);
    expect(shownErrors(s, errors)).toEqual({});
  });

  it('refuses a date that is not one, in Vietnamese', () => {
    expect(badDates(DEFS, { on: '31/02/2026' })).toEqual({ on: 'Ngày: ngày không hợp lệ (dd/mm/yyyy)' });
    expect(badDates(DEFS, { on: '28/02/2026' })).toEqual({});
    expect(badDates(DEFS, { on: '' })).toEqual({});
  });

  it('shows the end of a value longer than its field', () => {
    expect(visibleTail('Tổ dân phố Đông Sơn', 10)).toBe('… Đông Sơn');
    expect(visibleTail('ngắn', 10)).toBe('ngắn');
  });
});

describe('team and member checks', () => {
  it('turns the typed team into TeamInput; a commune-level team has no area', () => {
    const v = { code: 'cap-xa', name: ' Tổ  cấp xã ', level: 'commune', areaName: 'bỏ qua', decisionNo: '', decisionDate: '' };
    expect(checkTeam(v, '2026-11-23')).toEqual({
      ok: true,
      value: { code: 'CAP-XA', name: 'Tổ cấp xã', level: 'commune', decisionNo: null, decisionDate: null, area: null },
    });
    const bad = checkTeam({ ...v, level: 'area', areaName: '', households: '' }, '2026-11-23');
    expect(bad).toEqual({ ok: false, errors: { areaName: 'Tên địa bàn không được để trống' } });
    expect(TEAM_FIELDS.map((f) => f.key)).toContain('adults');
  });

  it('checks a member by memberSchema and refuses leaving after today', () => {
    const v = { fullName: 'Lê Thị Hoa', role: 'to_pho', organisation: '', birthYear: '1990', phone: '', joinedOn: '01/02/2026', leftOn: '' };
    expect(checkMember(v, '2026-11-23')).toMatchObject({ ok: true, value: { birthYear: 1990, joinedOn: '2026-02-01', leftOn: null, phone: null } });
    expect(checkMember({ ...v, birthYear: '1899' }, '2026-11-23')).toEqual({ ok: false, errors: { birthYear: 'Năm sinh phải từ 1900' } });
    expect(checkMember({ ...v, leftOn: '01/12/2026' }, '2026-11-23')).toEqual({ ok: false, errors: { leftOn: 'Ngày rời tổ không được sau hôm nay' } });
    expect(checkMember({ ...v, joinedOn: '1/13/2026' }, '2026-11-23')).toEqual({ ok: false, errors: { joinedOn: 'Ngày tham gia: ngày không hợp lệ (dd/mm/yyyy)' } });
  });
});

describe('moving a member', () => {
  const teams = [
    { id: 1, code: 'TDP01', name: 'Tổ CNSCĐ TDP Đông Sơn', areaName: null, dissolvedOn: null },
    { id: 2, code: 'THON-YENLAC', name: 'Tổ CNSCĐ thôn Yên Lạc', areaName: null, dissolvedOn: null },
    { id: 3, code: 'LANG-HAVU', name: 'Tổ CNSCĐ làng Hạ Vũ', areaName: null, dissolvedOn: '2026-10-31' },
  ] as TeamRow[];

  it('offers active teams other than the member\'s own, found by part of the name', () => {
    expect(candidates(movableTeams(teams, 1), '').map((t) => t.id)).toEqual([2]);
    expect(candidates(movableTeams(teams, 2), 'dong son').map((t) => t.id)).toEqual([1]);
    expect(candidates(movableTeams(teams, 2), 'ha vu')).toEqual([]);
  });

  it('needs a team and a date within the membership', () => {
    let s = initialMove('2026-11-23');
    s = moveReducer(s, { type: 'type', text: 'yen' });
    const list = candidates(movableTeams(teams, 1), s.query);
    expect(checkMove(s, list, { joinedOn: '2025-09-01' }, '2026-11-23')).toMatchObject({ to: { id: 2 }, on: '2026-11-23', errors: {} });
    s = moveReducer(s, { type: 'focus', field: 'date' });
    s = moveReducer(s, { type: 'type', text: 'x' }); // not a date character: ignored
    expect(s.date).toBe('23/11/2026');
    for (let i = 0; i < 10; i++) s = moveReducer(s, { type: 'erase' });
    s = moveReducer(s, { type: 'type', text: '01/08/2025' });
    expect(checkMove(s, list, { joinedOn: '2025-09-01' }, '2026-11-23').errors).toEqual({ date: 'Ngày chuyển phải từ ngày tham gia 01/09/2025' });
    expect(checkMove({ ...s, query: 'zzz' }, [], { joinedOn: null }, '2026-11-23').errors.team).toBe('Không có tổ nào khớp "zzz"');
  });
});
