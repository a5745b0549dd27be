// Every command takes "today" from TONGHOP_TODAY (real processes): the default as-of month
// follows it, and a malformed value is a wrong way of starting the program (exit 2).
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess } from '../support/datadir.js';

describe('TONGHOP_TODAY', () => {
  it('sets the day the commands count from (status: the month before it)', async () => {
    const dir = await dataDirFrom('demo');
    const dec = await runCliProcess(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-12-01' });
    expect(dec.code).toBe(0);
    expect(dec.stdout).toContain('tình hình đến tháng 11/2026');
    const nov = await runCliProcess(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-11-05' });
    expect(nov.stdout).toContain('tình hình đến tháng 10/2026');
  });

  it('a malformed value: exit 2, a Vietnamese message, no stack trace, nothing opened', async () => {
    const dir = await dataDirFrom('demo');
    const r = await runCliProcess(['status', '--data-dir', dir], { TONGHOP_TODAY: '2026-02-30' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lỗi: Biến môi trường TONGHOP_TODAY="2026-02-30" không hợp lệ: dùng dạng YYYY-MM-DD');
    expect(r.stderr).not.toMatch(/\n\s+at /u);
    expect(r.stdout).toBe('');
  });
});
