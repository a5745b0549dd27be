// TONGHOP_TODAY pins "today" for every command and the UI; a malformed value is refused.
import { describe, expect, it } from 'vitest';
import { BadTodayError, pinnedToday, systemNow } from '../src/clock.js';

describe('the clock', () => {
  it('is the real one without TONGHOP_TODAY (or with it empty)', () => {
    const before = Date.now();
    expect(systemNow({}).getTime()).toBeGreaterThanOrEqual(before);
    expect(pinnedToday({ TONGHOP_TODAY: '' })).toBeNull();
  });

  it('takes the date from TONGHOP_TODAY and keeps the real time of day', () => {
    const real = new Date();
    const now = systemNow({ TONGHOP_TODAY: '2026-12-01' });
    expect([now.getFullYear(), now.getMonth() + 1, now.getDate()]).toEqual([2026, 12, 1]);
    expect(Math.abs(now.getHours() * 60 + now.getMinutes() - (real.getHours() * 60 + real.getMinutes()))).toBeLessThanOrEqual(1);
  });

  it('refuses a value that is not a real YYYY-MM-DD date, in Vietnamese', () => {
    for (const bad of ['2026-13-01', '2026-02-30', '01/12/2026', '2026-12', 'hôm nay'])
      expect(() => systemNow({ TONGHOP_TODAY: bad })).toThrow(BadTodayError);
    expect(() => pinnedToday({ TONGHOP_TODAY: '2026-02-30' })).toThrow(/TONGHOP_TODAY="2026-02-30" không hợp lệ: dùng dạng YYYY-MM-DD/u);
  });
});
