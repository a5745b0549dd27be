// A data folder that cannot be used is a refusal in Vietnamese (exit 1), not a crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';

describe('--data-dir that cannot be used', () => {
  it('a file instead of a folder: exit 1, says why, no stack trace', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-')), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await runCliInProcess(['status', '--data-dir', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không dùng được thư mục dữ liệu');
    expect(r.stderr).toContain('đó là một tệp, không phải thư mục');
    expect(r.stderr).not.toContain('at ');
  });

  it('a folder without a database: exit 1 and how to create one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-dd-'));
    const r = await runCliInProcess(['status', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tonghop init');
  });
});
