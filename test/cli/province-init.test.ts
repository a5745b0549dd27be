// init --unit-code and init --province, as real processes on real data folders.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { getUnitIdentity } from '../../src/db/unit-level.js';
import { openDatabase } from '../../src/store/open.js';
import { runCliProcess, tempDir } from '../support/datadir.js';
import { placeFor } from '../support/server.js';

/** Read back on the run's engine (in the server project a server database stands for the folder). */
async function identity(dataDir: string) {
  const database = await openDatabase({ ...(await placeFor(dataDir)), command: 'test' });
  try {
    return await getUnitIdentity(database.db);
  } finally {
    await database.close();
  }
}

// Several real processes each: 3 minutes, as the other multi-command tests (a loaded machine, never timing).
describe('tonghop init with unit codes and provinces', { timeout: 180_000 }, () => {
  it('stores the commune code; a malformed one is refused and leaves no database', async () => {
    const dir = path.join(tempDir(), 'data');
    let r = await runCliProcess(['init', '--plan', 'tran-lieu-2025', '--unit', 'phường Trần Liễu', '--unit-code', '123a5', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gồm đúng 5 chữ số');
    r = await runCliProcess(['status', '--data-dir', dir]);
    expect(r.code).toBe(1);
    r = await runCliProcess(['init', '--plan', 'tran-lieu-2025', '--unit', 'phường Trần Liễu', '--unit-code', '10723', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await identity(dir)).toEqual({ level: 'commune', name: 'phường Trần Liễu', code: '10723' });
  });

  it('makes a province database, and refuses --province with a plan', async () => {
    const dir = path.join(tempDir(), 'data');
    let r = await runCliProcess(['init', '--province', 'tỉnh Phú Thọ', '--plan', 'phu-van-2026', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--plan');
    r = await runCliProcess(['init', '--province', 'tỉnh Phú Thọ', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tỉnh Phú Thọ');
    expect(await identity(dir)).toEqual({ level: 'province', name: 'tỉnh Phú Thọ', code: null });
    r = await runCliProcess(['init', '--province', 'tỉnh Phú Thọ', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã được khởi tạo');
  });
});
