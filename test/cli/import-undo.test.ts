// `tonghop import --undo-last` as a real process (#10 item 14): the last figures import undone
// as a whole (exit 0, what it undid); nothing left to undo, or arguments with it, refused
// (exit 1 / 2) with a Vietnamese reason and no stack.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFrom, runCliProcess, tempDir } from '../support/datadir.js';

const STACK = /\n\s+at .+:\d+/u;
const TODAY = { TONGHOP_TODAY: '2026-11-23' };

describe('tonghop import --undo-last (real process)', { timeout: 180_000 }, () => {
  it('undoes the last figures import as a whole, then has nothing left to undo', async () => {
    const data = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'so-lieu.csv');
    fs.writeFileSync(file, 'ma_to,thang,luot_ho_tro\nTDP01,2026-10,99\nTDP02,2026-11,7\n');
    const status = await runCliProcess(['status', '--as-of', '2026-11', '--json', '--data-dir', data], TODAY);
    let r = await runCliProcess(['import', 'figures', file, '--data-dir', data], TODAY);
    expect(r.code, r.stderr).toBe(0);
    r = await runCliProcess(['import', '--undo-last', '--data-dir', data], TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Đã hoàn tác lần nhập tệp số liệu gần nhất: bỏ 1 phiếu do tệp tạo, trả lại 1 giá trị cũ.\n');
    expect((await runCliProcess(['status', '--as-of', '2026-11', '--json', '--data-dir', data], TODAY)).stdout).toBe(status.stdout);
    r = await runCliProcess(['import', '--undo-last', '--data-dir', data], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã được hoàn tác rồi');
    expect(r.stderr).not.toMatch(STACK);
    r = await runCliProcess(['import', 'figures', file, '--undo-last', '--data-dir', data], TODAY);
    expect(r.code).toBe(2);
  });
});
