// Real data folders for the durability tests (lock, backup, restore, migrations): a temp folder
// holding pgdata loaded from the test templates (no initdb), removed after each test. Spawned
// processes run the program as it ships (`npm run build` first): the bundle, dist/bundle/main.js,
// which also starts faster than the ~900 modules of dist/src.
import { DERIVED_TABLES } from '../../src/db/catalog.js';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, inject } from 'vitest';
import { openPglite } from '../../src/db/engines/pglite.js';
import { pgDir } from '../../src/store/data-folder.js';
import type { Db } from '../../src/db/database.js';
import { RESTORE_FLOOR } from '../../src/db/forms.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { ON_SERVER, freshDatabase, onEngine, serverUrlFor, standFor } from './server.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The program as it ships: what runCliProcess runs. */
export const PROGRAM = path.join(ROOT, 'dist/bundle/main.js');
/** The same program unbundled, one file per module (for a test that looks at which modules load). */
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');
export const DIST_OPEN = path.join(ROOT, 'dist/src/store/open.js');
export const DIST_LOCK = path.join(ROOT, 'dist/src/store/lock.js');

const made: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of made.splice(0)) {
    try {
      fs.chmodSync(d, 0o755);
    } catch {
      // gone
    }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

export function tempDir(prefix = 'tonghop-dur-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/**
 * A data folder holding the demo commune (or an empty migrated database): a copy of the run's
 * template folder (global-setup); in the server project, a server database standing for the folder.
 */
export async function dataDirFrom(kind: 'demo' | 'empty' = 'demo'): Promise<string> {
  const dir = tempDir();
  if (ON_SERVER) {
    // The folder's database is a copy of the server's template; the folder keeps only backups.
    standFor(dir, await freshDatabase(kind));
    return dir;
  }
  fs.cpSync(pgDir(inject('folders')[kind]), pgDir(dir), { recursive: true, preserveTimestamps: true });
  return dir;
}

/** Every table's rows as sorted JSON, independent of the backup code (to compare databases). */
export async function snapshot(q: Db): Promise<Record<string, unknown[]>> {
  const tables = await q.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY 1`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    if (DERIVED_TABLES.includes(name)) continue; // stored evaluations: rebuilt, not restored
    // A restore adds its undo floor (undo never reaches back past a restore; tested on its own in
    // test/store/restore-checks.test.ts): every other row must come back as it was.
    const where = name === 'setting' ? ` WHERE key <> '${RESTORE_FLOOR}'` : '';
    // A form's row version is not data (migration 7): a restore gives every form a new one.
    const row = name === 'form' ? `(to_jsonb(x) - 'version')` : 'to_jsonb(x)';
    const r = await q.query<{ rows: unknown[] | null }>(`SELECT json_agg(${row} ORDER BY ${row}::text) AS rows FROM "${name}" x${where}`);
    out[name] = r.rows[0]?.rows ?? [];
  }
  return out;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * TONGHOP_TEST_SPAWN_LOG=FILE (a measurement, never in CI): each program run under GNU time, one
 * line appended to FILE per process: user s, system s, wall s, test file, command. The CPU of
 * children is what survives a shared machine's load (the worker's own rusage leaves it out).
 */
function measured(argv: string[]): [string, string[]] {
  const log = process.env.TONGHOP_TEST_SPAWN_LOG;
  if (!log) return [process.execPath, [PROGRAM, ...argv]];
  const what = `${path.basename(String(expect.getState().testPath))} ${argv.slice(0, 2).join(' ')}`.replace(/%/gu, '%%');
  return ['/usr/bin/time', ['-a', '-o', log, '-f', `%U %S %e ${what}`, process.execPath, PROGRAM, ...argv]];
}

/** Run the built CLI as a real process (in the server project, on the server: server.ts, onEngine). */
export async function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const argv = await onEngine(args, { ...process.env, ...env });
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(PROGRAM)) reject(new Error(`Thiếu ${PROGRAM}: hãy chạy "npm run build" trước.`));
    const [command, args] = measured(argv);
    const c = spawn(command, args, { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(c);
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    c.on('error', reject);
    c.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A real process that opens the database (as the UI would: lock, PGlite, migrations) and holds
 * it until its stdin closes or it is killed. Resolves once the database is open.
 */
export function holdDatabase(dataDir: string, command = 'tonghop (giao diện)'): Promise<ChildProcess> {
  const script = `
    import { openDatabase } from ${JSON.stringify(DIST_OPEN)};
    const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, command: ${JSON.stringify(command)} });
    process.stdout.write('ready\\n');
    process.stdin.resume();
    process.stdin.on('end', async () => { await db.close(); process.exit(0); });`;
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(c);
    let err = '';
    c.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
    c.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(c));
    c.on('exit', (code) => reject(new Error(`tiến trình giữ dữ liệu thoát (${code}): ${err}`)));
  });
}

export function waitExit(c: ChildProcess): Promise<void> {
  return new Promise((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The database of a test's data folder opened raw (no lock, no migrations), on the run's engine; fn, then closed. */
export async function withRawDb<T>(dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const h = ON_SERVER ? await openPostgres(await serverUrlFor(dataDir)) : await openPglite(pgDir(dataDir));
  try {
    const out = await fn(h.db);
    await h.flush();
    return out;
  } finally {
    await h.close();
  }
}
