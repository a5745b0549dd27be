// Impossible and unlikely figures (#10 item 4): the pure rules the entry form and imports share.
import { describe, expect, it } from 'vitest';
import { checkActivity, plausibilityWarning } from '../../src/domain/validation.js';

describe('days and hours active (#10 item 4)', () => {
  it('refuses days above the month, hours above 24 × its days or 24 × the days active; warns above 12 h/day', () => {
    expect(checkActivity('2026-02', 29, null).error).toEqual({ code: 'ngay_hoat_dong', message: 'Tháng 02/2026 chỉ có 28 ngày' });
    expect(checkActivity('2028-02', 29, null).error).toBeNull();
    expect(checkActivity('2026-11', null, 721).error?.code).toBe('gio_hoat_dong');
    expect(checkActivity('2026-11', null, 720).error).toBeNull();
    expect(checkActivity('2026-11', 5, 121).error?.code).toBe('gio_hoat_dong');
    expect(checkActivity('2026-11', 5, 121, 'days').error?.code).toBe('ngay_hoat_dong');
    expect(checkActivity('2026-11', 0, 1).error).not.toBeNull();
    expect(checkActivity('2026-11', 5, 120)).toEqual({ error: null, warning: 'Trung bình hơn 12 giờ mỗi ngày hoạt động (120 giờ trong 5 ngày)' });
    expect(checkActivity('2026-11', 5, 60)).toEqual({ error: null, warning: null });
  });

  it('"far above usual" from one earlier month', () => {
    const ctx = { unit: 'lượt', households: null, adults: null };
    expect(plausibilityWarning(101, { ...ctx, history: [20] })).toContain('Cao bất thường');
    expect(plausibilityWarning(100, { ...ctx, history: [20] })).toBeNull();
    expect(plausibilityWarning(101, { ...ctx, history: [] })).toBeNull();
  });
});
