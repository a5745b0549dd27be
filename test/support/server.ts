// Which engine the tests of this run use, and, on the server, a database of its own for each
// test (a copy of a template of server-setup.ts, dropped after the test). The server project
// sets TONGHOP_TEST_ENGINE=server; the same test files then run against a real PostgreSQL.
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, expect, inject } from 'vitest';
import { type PostgresHandle, openPostgres } from '../../src/db/engines/postgres.js';

export const ON_SERVER = process.env.TONGHOP_TEST_ENGINE === 'server';
export const ENGINE = ON_SERVER ? 'server' : 'pglite';

/** 'blank': a database with nothing in it (what an administrator hands over: CREATE DATABASE). */
export type ServerKind = 'blank' | 'empty' | 'demo';

let admin: pg.Pool | null = null;
/** Made inside a test: dropped after it. Made in beforeAll: dropped after the file. */
const made = { test: [] as string[], file: [] as string[] };
const handles = { test: [] as PostgresHandle[], file: [] as PostgresHandle[] };
const scope = () => (expect.getState().currentTestName ? 'test' : 'file');

function server() {
  const s = inject('server');
  if (!s) throw new Error('No test server: this test runs in the "server" project only.');
  return s;
}

export function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: server().url, max: 2 });
  return admin;
}

export function urlOf(database: string, credentials?: { user: string; password: string }): string {
  const u = new URL(server().url);
  u.pathname = `/${database}`;
  if (credentials) {
    u.username = credentials.user;
    u.password = credentials.password;
  }
  return u.toString();
}

/** A new database on the test server (dropped after the test); its URL. */
export async function freshDatabase(kind: ServerKind = 'empty'): Promise<string> {
  const s = server();
  const name = `${s.prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const template = kind === 'blank' ? 'template0' : s.templates[kind];
  await adminPool().query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  made[scope()].push(name);
  return urlOf(name);
}

/** A database of the test server, opened through the program's adapter, closed after the test. */
export async function openServerDb(kind: ServerKind = 'empty'): Promise<PostgresHandle> {
  const h = await openPostgres(await freshDatabase(kind));
  handles[scope()].push(h);
  return h;
}

async function drop(which: 'test' | 'file') {
  await Promise.all(handles[which].splice(0).map((h) => h.close().catch(() => undefined)));
  for (const n of made[which].splice(0)) await adminPool().query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`).catch(() => undefined);
}
afterEach(() => drop('test'));
afterAll(() => drop('file'));

process.on('beforeExit', () => void admin?.end().catch(() => undefined));

// ---- the command line on the server: a database standing for each data folder a test names ----
const places = { test: new Map<string, string>(), file: new Map<string, string>() };
afterEach(() => places.test.clear());
afterAll(() => places.file.clear());

/** This data folder's database on the server is the one at url (dataDirFrom's demo copy). */
export function standFor(dataDir: string, url: string): void {
  places[scope()].set(path.resolve(dataDir), url);
}

/** The server database standing for a data folder: a blank one the first time the folder is named. */
export async function serverUrlFor(dataDir: string): Promise<string> {
  const key = path.resolve(dataDir);
  const known = places.test.get(key) ?? places.file.get(key);
  if (known) return known;
  const url = await freshDatabase('blank');
  places[scope()].set(key, url);
  return url;
}

/**
 * On the server: the arguments with --database-url added for the data folder they name (or
 * TONGHOP_DATA_DIR's), so a test written for data folders runs the real program on the server.
 * The folder itself then only receives backups (as for an officer using a server).
 */
export async function onEngine(args: readonly string[], env: Record<string, string | undefined> = process.env): Promise<string[]> {
  if (!ON_SERVER || args.some((a) => a.startsWith('--database-url'))) return [...args];
  const i = args.indexOf('--data-dir');
  const eq = args.find((a) => a.startsWith('--data-dir='));
  const dir = i >= 0 ? args[i + 1] : (eq?.slice('--data-dir='.length) ?? env.TONGHOP_DATA_DIR);
  if (!dir) return [...args];
  return [...args, '--database-url', await serverUrlFor(dir)];
}

/** Where a test's data folder's database is, for openDatabase / withDatabase called directly. */
export async function placeFor(dataDir: string): Promise<{ dataDir: string; url?: string; databaseUrl?: string }> {
  if (!ON_SERVER) return { dataDir };
  const url = await serverUrlFor(dataDir);
  return { dataDir, url, databaseUrl: url };
}
