import { describe, expect, it } from 'vitest';
import {
  PLAN_KEYS,
  checkPlanForm,
  communeKey,
  deadlineWords,
  parseCount,
  parsePercent,
  percentText,
  planFormValues,
  shareBaseWords,
  spanMonths,
  targetKey,
} from '../../src/domain/plan-edit.js';
import { DEFAULT_THRESHOLDS, type Plan } from '../../src/domain/schemas.js';
import { listPresets, loadPreset } from '../../src/io/presets.js';

const phuVan = (): Plan => loadPreset('phu-van-2026')!.plan;

function check(plan: Plan, changes: Record<string, string>) {
  return checkPlanForm(plan, { ...planFormValues(plan, DEFAULT_THRESHOLDS), ...changes });
}

describe('percent text', () => {
  it('shows a share as the officer types it', () => {
    expect(percentText(0.8)).toBe('80');
    expect(percentText(0.7)).toBe('70');
    expect(percentText(1)).toBe('100');
    expect(percentText(0.705)).toBe('70,5');
    expect(percentText(0.85)).toBe('85');
  });

  it('reads "80", "72,5", "72.5", "80%" exactly', () => {
    expect(parsePercent('80')).toEqual({ ok: true, value: 0.8 });
    expect(parsePercent('70')).toEqual({ ok: true, value: 0.7 });
    expect(parsePercent('72,5')).toEqual({ ok: true, value: 0.725 });
    expect(parsePercent(' 72.5 ')).toEqual({ ok: true, value: 0.725 });
    expect(parsePercent('80%')).toEqual({ ok: true, value: 0.8 });
    expect(parsePercent('33,33')).toEqual({ ok: true, value: 0.3333 });
    for (const bad of ['', 'abc', '8a', '1,234', '-5', '80,', ',5'])
      expect(parsePercent(bad)).toEqual({ ok: false, message: 'Gõ số phần trăm, ví dụ 80 hoặc 72,5' });
  });

  it('round-trips every preset share', () => {
    for (const p of listPresets())
      for (const t of p.plan.targets) if (t.kind === 'share' || t.kind === 'trained') expect(parsePercent(percentText(t.value))).toEqual({ ok: true, value: t.value });
  });
});

describe('counts', () => {
  it('are whole numbers from 0 to 1.000.000', () => {
    expect(parseCount('40')).toEqual({ ok: true, value: 40 });
    expect(parseCount('0')).toEqual({ ok: true, value: 0 });
    expect(parseCount('1000001').ok).toBe(false);
    expect(parseCount('4,5')).toEqual({ ok: false, message: 'Gõ số nguyên từ 0 đến 1.000.000' });
    expect(parseCount('').ok).toBe(false);
  });
});

describe('checkPlanForm', () => {
  it('gives back every preset unchanged when nothing was edited', () => {
    for (const p of listPresets()) {
      const r = checkPlanForm(p.plan, planFormValues(p.plan, DEFAULT_THRESHOLDS));
      expect(r).toEqual({ ok: true, value: { plan: p.plan, thresholds: DEFAULT_THRESHOLDS } });
    }
  });

  it('applies the typed numbers, span, deadline, name and thresholds', () => {
    const r = check(phuVan(), {
      [targetKey('per_quarter_luot_ho_tro')]: '40',
      [targetKey('share_ho_dung_nen_tang')]: '75,5',
      [targetKey('team_size')]: '7',
      [communeKey('team_size')]: '12',
      [PLAN_KEYS.name]: '  Kế hoạch   sửa  ',
      [PLAN_KEYS.spanStart]: '2026-02',
      [PLAN_KEYS.spanEnd]: '11/2026',
      [PLAN_KEYS.deadlineDay]: '',
      [PLAN_KEYS.onTrack]: '90',
      [PLAN_KEYS.behind]: '60',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { plan, thresholds } = r.value;
    const byId = new Map(plan.targets.map((t) => [t.id, t]));
    expect(byId.get('per_quarter_luot_ho_tro')!.value).toBe(40);
    expect(byId.get('share_ho_dung_nen_tang')!.value).toBe(0.755);
    expect(byId.get('team_size')).toMatchObject({ value: 7, commune_value: 12 });
    expect(plan).toMatchObject({ name: 'Kế hoạch sửa', span_start: '2026-02', span_end: '2026-11', deadline_day: null, id: 'phu-van-2026' });
    expect(plan.targets.map((t) => t.id)).toEqual(phuVan().targets.map((t) => t.id));
    expect(thresholds).toEqual({ onTrack: 0.9, behind: 0.6 });
  });

  it('a blank commune-level number removes it (the commune team then has the same minimum)', () => {
    const r = check(phuVan(), { [communeKey('team_size')]: '' });
    if (!r.ok) throw new Error('refused');
    const t = r.value.plan.targets.find((x) => x.id === 'team_size')!;
    expect('commune_value' in t).toBe(false);
    expect(t.value).toBe(9);
  });

  it('refuses bad values with a Vietnamese message by field', () => {
    const r = check(phuVan(), {
      [PLAN_KEYS.name]: '   ',
      [PLAN_KEYS.spanStart]: '2026-13',
      [PLAN_KEYS.deadlineDay]: '32',
      [PLAN_KEYS.onTrack]: '0',
      [targetKey('per_quarter_luot_ho_tro')]: 'abc',
      [targetKey('share_ho_dung_nen_tang')]: '150',
      [communeKey('team_size')]: '1,5',
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        [PLAN_KEYS.name]: 'Tên kế hoạch không được để trống',
        [PLAN_KEYS.spanStart]: 'Gõ tháng dạng YYYY-MM, ví dụ 2026-01',
        [PLAN_KEYS.deadlineDay]: 'Ngày từ 1 đến 31 (để trống: ngày cuối quý)',
        [PLAN_KEYS.onTrack]: 'Ngưỡng đạt phải trên 0 và tối đa 200%',
        [targetKey('per_quarter_luot_ho_tro')]: 'Gõ số nguyên từ 0 đến 1.000.000',
        [targetKey('share_ho_dung_nen_tang')]: 'Tỉ lệ phải từ 0 đến 100%',
        [communeKey('team_size')]: 'Gõ số nguyên từ 0 đến 1.000.000',
      },
    });
  });

  it('refuses a span that ends before it starts, and "chậm" above "đạt"', () => {
    expect(check(phuVan(), { [PLAN_KEYS.spanStart]: '2026-06', [PLAN_KEYS.spanEnd]: '2026-05' })).toEqual({
      ok: false,
      errors: { [PLAN_KEYS.spanEnd]: 'Tháng cuối không được trước tháng đầu' },
    });
    expect(check(phuVan(), { [PLAN_KEYS.onTrack]: '80', [PLAN_KEYS.behind]: '85' })).toEqual({
      ok: false,
      errors: { [PLAN_KEYS.behind]: 'Ngưỡng chậm không được lớn hơn ngưỡng đạt' },
    });
    // Equal thresholds are allowed (no "chậm" band at all).
    expect(check(phuVan(), { [PLAN_KEYS.onTrack]: '80', [PLAN_KEYS.behind]: '80' }).ok).toBe(true);
  });

  it('keeps the targets it has no field for (leadership) as they are', () => {
    const plan = loadPreset('ngoc-hoi-2026')!.plan;
    const values = planFormValues(plan, DEFAULT_THRESHOLDS);
    expect(Object.keys(values)).not.toContain(targetKey('leadership'));
    const r = checkPlanForm(plan, { ...values, [targetKey('share_nguoi_co_tk_thanh_toan')]: '60' });
    if (!r.ok) throw new Error('refused');
    expect(r.value.plan.targets.find((t) => t.id === 'leadership')).toEqual(plan.targets.find((t) => t.id === 'leadership'));
    expect(r.value.plan.targets.find((t) => t.id === 'share_nguoi_co_tk_thanh_toan')).toMatchObject({ value: 0.6, base: 'adults', area_filter: 'urban' });
  });
});

describe('words', () => {
  it('say the span, the deadline and a share\'s base', () => {
    expect(spanMonths('2025-09', '2025-12')).toBe(4);
    expect(spanMonths('2026-12', '2026-01')).toBeNull();
    expect(spanMonths('2026-1', 'x')).toBeNull();
    expect(deadlineWords(21)).toBe('trước ngày 21 tháng cuối quý');
    expect(deadlineWords(null)).toBe('ngày cuối quý');
    expect(shareBaseWords({ base: 'households' })).toBe('trên số hộ');
    expect(shareBaseWords({ base: 'adults', area_filter: 'urban' })).toBe('trên số người trưởng thành · chỉ địa bàn thành thị');
    expect(shareBaseWords({ base: 'households', area_filter: 'rural' })).toBe('trên số hộ · chỉ địa bàn nông thôn');
  });
});

describe('values left as shown', () => {
  it('keep their stored value exactly, even one with more decimals than the screen shows', () => {
    const plan = phuVan();
    const odd: Plan = { ...plan, targets: plan.targets.map((t) => (t.id === 'share_ho_dung_nen_tang' ? { ...t, value: 0.12345 } : t)) };
    const stored = { onTrack: 0.98765, behind: 0.5 };
    const values = planFormValues(odd, stored);
    expect(values[targetKey('share_ho_dung_nen_tang')]).toBe('12,35');
    expect(values[PLAN_KEYS.onTrack]).toBe('98,77');
    expect(checkPlanForm(odd, values, stored)).toEqual({ ok: true, value: { plan: odd, thresholds: stored } });
    // Typed again, it is what was typed.
    const r = checkPlanForm(odd, { ...values, [targetKey('share_ho_dung_nen_tang')]: '12,3' }, stored);
    expect(r.ok && r.value.plan.targets.find((t) => t.id === 'share_ho_dung_nen_tang')!.value).toBe(0.123);
  });
});
