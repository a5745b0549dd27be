// The five presets: valid by the domain schemas and carrying the numbers of the plan texts.
import { describe, expect, it } from 'vitest';
import { planIndicators } from '../../src/domain/indicators.js';
import { PRESET_IDS, listPresets, loadPreset } from '../../src/io/presets.js';

const target = (id: string, tid: string) => loadPreset(id)!.plan.targets.find((t) => t.id === tid);

describe('plan presets', () => {
  it('all five load and validate', () => {
    expect(listPresets().map((p) => p.plan.id)).toEqual([...PRESET_IDS]);
  });
  it('every preset uses every standard indicator plus its own', () => {
    expect(planIndicators(loadPreset('ngoc-lien-2026')!.plan).map((i) => i.code)).toContain('ho_dung_dvc');
    expect(planIndicators(loadPreset('phu-van-2026')!.plan)).toHaveLength(13);
  });
  it('Phù Vân 2026: spans the year, deadline day 21, the plan numbers', () => {
    const p = loadPreset('phu-van-2026')!.plan;
    expect([p.span_start, p.span_end, p.deadline_day]).toEqual(['2026-01', '2026-12', 21]);
    expect(target('phu-van-2026', 'per_member_ho_huong_dan')).toMatchObject({ value: 10 });
    expect(target('phu-van-2026', 'per_quarter_luot_ho_tro')).toMatchObject({ value: 50 });
    expect(target('phu-van-2026', 'monthly_min_ngay_hoat_dong')).toMatchObject({ value: 8 });
    expect(target('phu-van-2026', 'monthly_min_gio_hoat_dong')).toMatchObject({ value: 32 });
    expect(target('phu-van-2026', 'share_ho_dung_nen_tang')).toMatchObject({ value: 0.8, base: 'households' });
    expect(target('phu-van-2026', 'share_ho_tuyen_truyen')).toMatchObject({ value: 1, base: 'households' });
    expect(target('phu-van-2026', 'team_size')).toMatchObject({ value: 9, commune_value: 15 });
    expect(target('phu-van-2026', 'trained')).toMatchObject({ value: 1 });
  });
  it('Trần Liễu 2025, Ngọc Liên, Ngọc Hồi, Trung Thành', () => {
    const tl = loadPreset('tran-lieu-2025')!.plan;
    expect([tl.span_start, tl.span_end, tl.deadline_day]).toEqual(['2025-09', '2025-12', 16]);
    expect(target('tran-lieu-2025', 'share_ho_huong_dan')).toMatchObject({ value: 0.8, base: 'households' });
    expect(target('tran-lieu-2025', 'team_size')).toMatchObject({ value: 5 });
    expect(target('ngoc-lien-2026', 'share_ho_dung_dvc')).toMatchObject({ value: 0.7 });
    expect(target('ngoc-lien-2026', 'share_nguoi_dinh_danh_muc2')).toMatchObject({ value: 1, base: 'adults' });
    expect(target('ngoc-hoi-2026', 'share_nguoi_co_tk_thanh_toan')).toMatchObject({ value: 0.5, base: 'adults', area_filter: 'urban' });
    expect(target('ngoc-hoi-2026', 'share_nguoi_co_smartphone')).toMatchObject({ value: 0.85 });
    expect(loadPreset('ngoc-hoi-2026')!.plan.member_max_age).toBe(40);
    const tt = loadPreset('trung-thanh-2026')!.plan;
    expect([tt.span_start, tt.span_end, tt.deadline_day]).toEqual(['2026-06', '2026-12', null]);
    expect(target('trung-thanh-2026', 'share_nguoi_pho_cap')).toMatchObject({ value: 0.9, base: 'adults' });
  });
});
