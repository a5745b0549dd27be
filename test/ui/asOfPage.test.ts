// The as-of month keys shared by the dashboard, the commune view and the team drill-down.
import { describe, expect, it } from 'vitest';
import { asOfBounds, monthStepKeys } from '../../src/ui/components/asOfPage.js';

describe('as-of month keys', () => {
  it('bounds: the plan start to the last finished month, never a start after it', () => {
    expect(asOfBounds('2026-01', new Date(2026, 10, 23))).toEqual({ min: '2026-01', max: '2026-10' });
    expect(asOfBounds('2027-01', new Date(2026, 10, 23))).toEqual({ min: '2026-10', max: '2026-10' });
  });

  it('←/→ step inside the bounds and say why they are off at an end', () => {
    const steps: number[] = [];
    const b = { min: '2026-01', max: '2026-10' };
    const mid = monthStepKeys('2026-05', b, (d) => steps.push(d));
    expect(typeof mid.prevMonth).toBe('function');
    (mid.prevMonth as () => void)();
    (mid.nextMonth as () => void)();
    expect(steps).toEqual([-1, 1]);
    const first = monthStepKeys('2026-01', b, () => undefined);
    expect(first.prevMonth).toEqual({ off: 'đã ở tháng đầu kỳ kế hoạch' });
    expect(typeof first.nextMonth).toBe('function');
    const last = monthStepKeys('2026-10', b, () => undefined);
    expect(last.nextMonth).toEqual({ off: 'chưa hết tháng sau, chưa tính được' });
  });
});
