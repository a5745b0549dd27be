// The Backup screen over a real data folder (opened as the app opens it, so restore can swap the
// folder): list with age and size, b backs up now, r restores after a yes/no, d chooses the folder.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { getForm, setValue } from '../../src/db/forms.js';
import { type Database, openDatabase } from '../../src/store/open.js';
import { getSetting, getUnit, saveUnit } from '../../src/db/unit.js';
import { App, loadSettings } from '../../src/ui/App.js';
import type { Screen } from '../../src/ui/context.js';
import { freshBackupPath } from '../../src/store/backup-folder.js';
import { writeBackupFile } from '../../src/store/backup.js';
import { demoDb } from '../support/db.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const open: Database[] = [];
const mounted: { unmount(): void }[] = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) m.unmount();
  for (const d of open.splice(0)) await d.close();
});

async function renderBackup(dataDir: string, screen: Screen = { name: 'backup' }) {
  const database = await openDatabase({ dataDir, command: 'test' });
  open.push(database);
  const r = render(<App database={database} settings={await loadSettings(database)} initialScreen={screen} now={() => TEST_NOW} onExit={() => undefined} />);
  mounted.push(r);
  const frame = () => r.lastFrame() ?? '';
  return {
    database,
    frame,
    async press(...keys: string[]) {
      for (const k of keys) {
        r.stdin.write(k);
        await new Promise((res) => setImmediate(res));
      }
    },
    async waitFor(match: string | RegExp | ((f: string) => boolean), ms = WAIT_CEILING_MS) {
      const test = typeof match === 'string' ? (f: string) => f.includes(match) : typeof match === 'function' ? match : (f: string) => match.test(f);
      try {
        return await waitUntil(() => (test(frame()) ? frame() : null), ms);
      } catch {
        throw new Error(`Không thấy ${String(match)}:\n${frame()}`);
      }
    },
  };
}

describe('Backup screen', () => {
  it('backs up now, lists it with age and size, restores it after y (the current database kept aside)', async () => {
    const dir = await dataDirFrom('demo');
    const app = await renderBackup(dir);
    let f = await app.waitFor('Chưa có bản sao lưu nào');
    expect(f).toContain(`Thư mục sao lưu: ${path.join(dir, 'backups')} (mặc định)`);
    expect(f).toMatch(/b Sao lưu ngay/u);

    await app.press('b');
    await app.waitFor('Đã sao lưu và đọc lại kiểm tra: tonghop-2026-11-23_090000.backup.gz');
    f = await app.waitFor(/23\/11\/2026 09:00 +vừa xong +[\d,]+ KB +thủ công/u);

    // Work after the backup, then restore it: the work is undone, nothing deleted.
    await app.database.db.transaction((tx) => setValue(tx, 1, '2026-11', 'luot_ho_tro', 77));
    await app.press('r');
    await app.waitFor('? Khôi phục bản lúc 23/11/2026 09:00? Dữ liệu hiện tại vẫn được giữ lại. (y/n)');
    await app.press('n');
    await app.waitFor((s: string) => !s.includes('Khôi phục bản lúc'));
    expect((await getForm(app.database.db, 1, '2026-11'))?.values.luot_ho_tro).toBe(77);
    await app.press('r');
    await app.waitFor('(y/n)');
    await app.press('y');
    f = await app.waitFor('Đã khôi phục bản 23/11/2026 09:00 (15 tổ, 146 phiếu); bản cũ vẫn được giữ');
    expect(await getForm(app.database.db, 1, '2026-11')).toBeNull();
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('pgdata.replaced-'))).toHaveLength(1);
  }, 180_000);

  it("another commune's backup: asks naming both communes; n changes nothing, y restores (item 11)", async () => {
    const dir = await dataDirFrom('demo');
    const other = await demoDb();
    const unit = (await getUnit(other))!;
    await saveUnit(other, { ...unit, name: 'xã Ngọc Liên' });
    await writeBackupFile(other, freshBackupPath(path.join(dir, 'backups'), TEST_NOW), { now: TEST_NOW });
    const app = await renderBackup(dir);
    const mine = (await getUnit(app.database.db))!.name;
    await app.waitFor('thủ công');
    await app.press('r');
    await app.waitFor('(y/n)');
    await app.press('y');
    await app.waitFor(`Bản sao lưu này là của xã Ngọc Liên, dữ liệu đang mở là của ${mine}.`);
    await app.press('n');
    await app.waitFor((s: string) => !s.includes('Bản sao lưu này là của'));
    expect((await getUnit(app.database.db))!.name).toBe(mine);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('pgdata'))).toEqual(['pgdata']); // nothing left behind
    await app.press('r');
    await app.waitFor('(y/n)');
    await app.press('y');
    await app.waitFor('Bản sao lưu này là của xã Ngọc Liên');
    await app.press('y');
    await app.waitFor('Đã khôi phục bản');
    expect((await getUnit(app.database.db))!.name).toBe('xã Ngọc Liên');
  }, 120_000);

  it('d chooses another folder (a USB stick); a folder that cannot be written is refused', async () => {
    const dir = await dataDirFrom('demo');
    const app = await renderBackup(dir);
    await app.waitFor('(mặc định)');
    const file = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    await app.press('d');
    await app.waitFor('Thư mục sao lưu (trống = mặc định):');
    for (const ch of path.join(file, 'x')) await app.press(ch);
    await app.press(KEYS.enter);
    await app.waitFor('✗'); // refused, still asking (the reason is cut at 100 columns here)
    expect(await getSetting(app.database.db, 'backup_dir')).toBeNull();
    await app.press(KEYS.escape);
    await app.waitFor((s: string) => !s.includes('trống = mặc định'));
    const stick = path.join(tempDir(), 'USB');
    await app.press('d');
    await app.waitFor('trống = mặc định');
    for (const ch of stick) await app.press(ch);
    await app.press(KEYS.enter);
    await app.waitFor(`Thư mục sao lưu: ${stick}`);
    await app.waitFor(`Từ nay sao lưu vào ${stick}`);
    await app.press('b');
    await app.waitFor(/vừa xong/u);
    expect(fs.readdirSync(stick)).toHaveLength(1);
  }, 180_000);

  it('the home screen shows the age of the newest backup (and warns when there is none)', async () => {
    const dir = await dataDirFrom('demo');
    const home = await renderBackup(dir, { name: 'home' });
    await home.waitFor('! Chưa có bản sao lưu nào (b: sao lưu)');
    mounted.splice(0).forEach((m) => m.unmount());
    await open.splice(0)[0]!.close();
    const at = new Date(TEST_NOW.getTime() - 3 * 3600_000);
    await writeBackupFile(await demoDb(), freshBackupPath(path.join(dir, 'backups'), at, 'auto'), { now: at });
    const again = await renderBackup(dir, { name: 'home' });
    await again.waitFor('Sao lưu gần nhất: 3 giờ trước');
  }, 180_000);

  it('the home screen drops its warning once a backup was made on the backup screen', async () => {
    const dir = await dataDirFrom('demo');
    const app = await renderBackup(dir, { name: 'home' });
    await app.waitFor('! Chưa có bản sao lưu nào');
    await app.press('b');
    await app.waitFor('Lúc tạo');
    await app.press('b');
    await app.waitFor('Đã sao lưu và đọc lại kiểm tra');
    await app.press(KEYS.escape);
    // At once, not only at the second look 10 seconds after opening: wait less than that look.
    const home = await app.waitFor('Sao lưu gần nhất: vừa xong', 9000);
    expect(home).not.toContain('Chưa có bản sao lưu');
  }, 180_000);
});
