// Crash safety through the real UI: `tonghop`'s terminal UI runs under a pseudo-terminal
// (`script`), the officer's keys go in — open entry, type three figures, Enter after each —
// and the UI process is SIGKILLed as soon as the screen says the fields left are saved.
// Reopening the folder must show all three values.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getForm, teamsWithForm } from '../../src/db/forms.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import { listTeams } from '../../src/db/teams.js';
import { lastFinishedMonth } from '../../src/domain/period.js';
import { SAVE_TEXT } from '../../src/ui/entry/EntryView.js';
import { nextTeamWithoutForm } from '../../src/ui/entry/reducer.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/gu, '').replace(/\x1b[()][A-Z0-9]/gu, '');

describe.skipIf(!hasScript)('crash safety of the entry form (real UI, pseudo-terminal)', () => {
  it('a SIGKILL just after a field is left loses none of the fields left', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-uicrash-'));
    dirs.push(dataDir);
    const pg = await openPglite(pgDir(dataDir), { fromTar: inject('templates').demo });
    // The UI runs on the real clock: it opens the last finished month, on the first team without a form.
    const month = lastFinishedMonth(new Date());
    const teams = await listTeams(pg.db);
    const teamId = nextTeamWithoutForm(teams, await teamsWithForm(pg.db, month), null)!;
    const team = teams.find((t) => t.id === teamId)!;
    await pg.close();

    const pidFile = path.join(dataDir, 'ui.pid');
    const cmd = `exec node test/crash/ui-child.mjs '${dataDir}'`;
    const p: ChildProcess = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd: ROOT,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', PID_FILE: pidFile },
    });
    const ended = new Promise<void>((res) => p.on('exit', () => res()));
    let out = '';
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (pred: (screen: string) => boolean, what: string, ms = 60_000) => {
      const start = Date.now();
      while (!pred(plain(out))) {
        if (Date.now() - start > ms) throw new Error(`UI never showed ${what}:\n${plain(out).slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const key = (k: string) => p.stdin!.write(k);
    try {
      await until((s) => s.includes('Tháng làm việc:'), 'the app');
      key('n');
      await until((s) => s.includes('Tìm tổ:'), 'the entry picker');
      key('\r');
      await until((s) => s.includes(`${team.name} (${team.code})`) && s.includes('Ngày nhận phiếu'), 'the form');
      const mark = out.length;
      for (const k of ['1', '2', '\r', '0', '\r', '3', '4', '5', '\r']) {
        key(k);
        await new Promise((r) => setTimeout(r, 15));
      }
      // The third field has been left once the fourth is focused on screen; the kill comes the
      // moment the screen says the fields left are saved (its status line tells the truth).
      await until(() => /› Số hộ được tuyên truyền/u.test(plain(out.slice(mark))), 'the fourth field focused');
      await until(() => {
        const after = plain(out.slice(mark));
        return after.lastIndexOf(SAVE_TEXT.saved) > after.lastIndexOf(SAVE_TEXT.saving);
      }, `"${SAVE_TEXT.saved}"`);
    } finally {
      // The UI process itself (not only `script`, whose session it left): no chance to clean up.
      const uiPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : null;
      if (uiPid) process.kill(uiPid, 'SIGKILL');
      process.kill(-p.pid!, 'SIGKILL');
      await ended;
      // Until it is reaped, a killed process still shows in /proc (and would look like the lock's holder).
      for (let i = 0; uiPid && i < 250 && fs.existsSync(`/proc/${uiPid}`); i++) await new Promise((r) => setTimeout(r, 20));
    }

    const db = await openDatabase({ dataDir, command: 'crash-check' });
    try {
      const form = await getForm(db.db, teamId, month);
      expect(form?.values).toEqual({ ho_huong_dan: 12, luot_ho_tro: 0, ho_dung_nen_tang: 345 });
    } finally {
      await db.close();
    }
  }, 180_000);
});
