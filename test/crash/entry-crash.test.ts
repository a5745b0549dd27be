// Crash safety of entry: a real child process types figures through the entry form's save path
// into a real data folder; it is SIGKILLed right after a field was left (its commit acknowledged),
// the folder is reopened, and every acknowledged value must be there — blanks as blanks.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { getForm } from '../../src/db/forms.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function child(...args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', './test/crash/register.mjs', 'test/crash/typist.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
  });
}

function exited(p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((res) => p.on('exit', (code, signal) => res({ code, signal, stderr })));
}

interface Saved {
  teamId: number;
  month: string;
  field: string;
  value: number | null;
}

/** Let the child type until `after` commits were acknowledged, then SIGKILL it at once. */
async function typeAndKill(dataDir: string, month: string, seed: number, after: number): Promise<Saved[]> {
  const p = child('type', dataDir, month, String(seed));
  const done = exited(p);
  const saved: Saved[] = [];
  let buf = '';
  p.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0 && saved.length < after) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const m = /^saved (\d+) (\S+) (\S+) (\S+)$/u.exec(line);
      if (!m) continue;
      saved.push({ teamId: Number(m[1]), month: m[2]!, field: m[3]!, value: m[4] === '-' ? null : Number(m[4]) });
      if (saved.length === after) p.kill('SIGKILL');
    }
  });
  const r = await done;
  if (r.signal !== 'SIGKILL') throw new Error(`the typist ended on its own (code ${r.code}): ${r.stderr}`);
  return saved;
}

describe('crash safety of entry', () => {
  it('a process killed right after a field is left loses nothing it committed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-crash-'));
    dirs.push(dataDir);
    // The demo commune in a real data folder (from the test template: no initdb).
    await (await openPglite(pgDir(dataDir), { fromTar: inject('templates').demo })).close();

    // Two kills at different points, each in an empty month of its own.
    const rounds: [string, number, number][] = [
      ['2026-11', 1, 23],
      ['2025-12', 2, 131],
    ];
    for (const [month, seed, after] of rounds) {
      const saved = await typeAndKill(dataDir, month, seed, after);
      expect(saved).toHaveLength(after);
      const db = await openDatabase({ dataDir, command: 'crash-check' });
      try {
        const last = new Map(saved.map((s) => [`${s.teamId}|${s.field}`, s]));
        for (const s of last.values()) {
          const form = await getForm(db.db, s.teamId, month);
          expect(form, `${month} team ${s.teamId}`).not.toBeNull();
          expect(form!.values[s.field] ?? null, `${month} team ${s.teamId} ${s.field}`).toBe(s.value);
          expect(form!.receivedOn).toBe('2026-11-23');
        }
      } finally {
        await db.close();
      }
    }
  }, 90_000);
});
