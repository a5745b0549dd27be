// The Import screen onto a full disk (#10 item 18): it showed PostgreSQL's English "could not
// extend file …: No space left on device". Now the same Vietnamese reason as `tonghop import`:
// the disk is full, nothing changed, free space and import again — and once there is room the
// same import goes through in the same session. The disk is made full inside this process by the
// preload the process tests use (test/support/full-disk.cjs), over a real data folder.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import { App, loadSettings } from '../../src/ui/App.js';
import { dataDirFrom, snapshot, tempDir } from '../support/datadir.js';
import { renderInTerminal } from '../support/terminal.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS } from '../support/ui.js';

const { install } = createRequire(import.meta.url)('../support/full-disk.cjs') as {
  install(o: { under: string; afterReading?: string; allFiles?: boolean }): () => void;
};

const open: Database[] = [];
let uninstall: (() => void) | null = null;
afterEach(async () => {
  uninstall?.();
  uninstall = null;
  for (const d of open.splice(0)) await d.close();
});

describe('Import screen onto a full disk', () => {
  it('says in Vietnamese that the disk is full, nothing changed, what to do; with room again the import goes through', async () => {
    const dir = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'to.csv');
    // Enough new teams that PostgreSQL must grow its files: the write the full disk refuses.
    const rows = Array.from({ length: 400 }, (_, i) => `X${String(i).padStart(3, '0')},Tổ tự quản số ${i} ${'thôn Đông '.repeat(8)}`);
    fs.writeFileSync(file, ['ma_to,ten_to', ...rows].join('\n') + '\n');
    // The tables' files fill the disk once the file has been read (the database keeps them open: installed first).
    uninstall = install({ under: path.join(pgDir(dir), 'base'), afterReading: file });
    const database = await openDatabase({ dataDir: dir, command: 'test' });
    open.push(database);
    const before = await snapshot(database.db);
    const app = renderInTerminal(
      <App database={database} settings={await loadSettings(database)} initialScreen={{ name: 'import' }} now={() => TEST_NOW} onExit={() => undefined} />,
      { columns: 80, rows: 24 },
    );
    await app.waitFor('Tệp CSV');
    await app.type(file);
    await app.press(KEYS.enter);
    await app.waitFor('Tệp hợp lệ');
    await app.press('y');
    const f = await app.waitFor('Ổ đĩa đã đầy');
    const text = f
      .split('\n')
      .map((r) => r.trim())
      .join(' ');
    expect(text).toContain('Không có gì bị thay đổi');
    expect(text).toContain(`giải phóng chỗ trống trên ổ đĩa chứa thư mục dữ liệu ${dir}`);
    expect(text).toContain('nhập lại tệp');
    expect(f).not.toMatch(/No space left|could not extend|ENOSPC/u);
    expect(f.split('\n').length).toBeLessThanOrEqual(23);
    expect(await snapshot(database.db)).toEqual(before);

    // Space freed: check again and write, in the same session.
    uninstall();
    uninstall = null;
    await app.press(KEYS.escape);
    await app.press(KEYS.enter);
    await app.waitFor('Tệp hợp lệ');
    await app.press('y');
    await app.waitFor('Xong.');
    const teams = await database.db.query<{ n: number }>("SELECT count(*)::int AS n FROM team WHERE code LIKE 'X%'");
    expect(teams.rows[0]!.n).toBe(400);
  }, 120_000);
});
