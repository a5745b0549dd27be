// Hostile import files through the real program (#10 items 15, 16): a NUL byte used to pass the
// dry run and crash the real import (exit 70, stack trace); a 10 MB cell was echoed whole; a
// control character in a path or cell reached the terminal. Exit 1, `dòng N, cột X`, no stack,
// nothing a terminal would act on, nothing changed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess, tempDir } from '../support/datadir.js';
import { NO_ESCAPES } from '../support/hostile.js';

const STACK = /\n\s+at .+:\d+/u;

// A process opens the database (and the 10 MB file is parsed): slow on a loaded machine, never timed.
describe('tonghop import of a hostile file (real process)', { timeout: 120_000 }, () => {
  for (const dry of [true, false]) {
    it(`a NUL byte in a cell: refused with line and column by the ${dry ? 'dry run' : 'real run'}, exit 1, no stack`, async () => {
      const data = await dataDirFrom('demo');
      const file = path.join(tempDir(), 'so-lieu.csv');
      fs.writeFileSync(file, 'ma_to,thang,luot_ho_tro,ghi_chu\nTDP01,2026-10,5,ổn\nTDP02,2026-10,6,a\0b\n');
      const r = await runCliProcess(['import', 'figures', file, ...(dry ? ['--dry-run'] : []), '--data-dir', data], { TONGHOP_TODAY: '2026-11-23' });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('dòng 3, cột ghi_chu: ô có ký tự điều khiển NUL (U+0000)');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    });
  }

  it('a 10 MB cell: the message is short and says the cell was cut', async () => {
    const data = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'so-lieu.csv');
    fs.writeFileSync(file, `ma_to,thang,luot_ho_tro\nTDP01,2026-10,${'7'.repeat(10 * 1024 * 1024)}x\n`);
    const r = await runCliProcess(['import', 'figures', file, '--data-dir', data], { TONGHOP_TODAY: '2026-11-23' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 2, cột luot_ho_tro');
    expect(r.stderr).toContain('đã cắt, dài 10.485.761 ký tự');
    expect(r.stderr.length).toBeLessThan(500);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('escape sequences in a path and in cells never reach the output', async () => {
    const data = await dataDirFrom('demo');
    const dir = tempDir();
    const missing = path.join(dir, 'x\x1b]0;hacked\x07\u009b2J\u202e.csv');
    let r = await runCliProcess(['import', 'figures', missing, '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không đọc được tệp');
    expect(r.stderr).toMatch(NO_ESCAPES);
    expect(r.stderr).not.toMatch(/[\x07\u202e]/u);

    const file = path.join(dir, 'to.csv');
    fs.writeFileSync(file, 'ma_to,ten_to\nA1,Tổ \x1b]8;;http://x\x1b\\bấm\x1b]8;;\x1b\\\n');
    r = await runCliProcess(['import', 'teams', file, '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 2, cột ten_to');
    expect(r.stderr).toMatch(NO_ESCAPES);
  });
});
