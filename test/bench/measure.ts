// One measurement in its own process (so its peak RSS is its own): `node measure.js NAME ARGS…`.
// Prints one JSON line: { samples…, rssMb }.
process.env.NODE_ENV = 'production'; // what the shipped bundle runs
import fs from 'node:fs';
import path from 'node:path';
import { type PgliteHandle, openPglite } from '../../src/db/engines/pglite.js';
import { migrate } from '../../src/db/migrate.js';
import { type Database, createEngine, openDatabase } from '../../src/store/open.js';
import { buildProvince } from './fixtures.js';
import { keepWasmOnBaseline } from '../../src/store/wasm-tiering.js';
import { exportThroughput, importOnDisk, saveLatency } from './measures/data.js';

const [name, ...args] = process.argv.slice(2);

/** A kept fixture made by an older program is brought to today's schema, as opening a folder does. */
async function fromTar(file: string): Promise<PgliteHandle> {
  const h = await openPglite(undefined, { fromTar: file });
  await migrate(h.db);
  return h;
}

async function onDisk<T>(dataDir: string, fn: (db: Database) => Promise<T>, create = false): Promise<T> {
  const db = await openDatabase({ dataDir, command: 'bench', create });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A data folder (dir/pgdata) holding a dumped database, made in a temp folder renamed into place. */
async function dataFolderFromTar(tar: string, dir: string): Promise<void> {
  const tmp = `${dir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true }); // PGlite makes pgdata itself, but not its parent
  const pg = await openPglite(path.join(tmp, 'pgdata'), { fromTar: tar });
  await pg.db.exec('CHECKPOINT');
  await pg.close();
  fs.renameSync(tmp, dir);
}

async function dumpTo(pg: PgliteHandle, file: string): Promise<void> {
  fs.writeFileSync(file, await pg.dumpTar());
}

async function main(): Promise<Record<string, unknown>> {
  switch (name) {
    case 'fixtures': {
      // root/province: 2,000 teams × 11 months on disk; province12.tar: × 12 months; teams.tar: no forms.
      const root = args[0]!;
      const t0 = performance.now();
      await onDisk(path.join(root, 'province'), (db) => buildProvince(db.db, { teams: 2000, from: '2026-01', to: '2026-11' }), true);
      const teamsOnly = await createEngine();
      await buildProvince(teamsOnly.db, { teams: 2000, from: '2026-01', to: '2025-12' });
      await teamsOnly.db.exec('CHECKPOINT');
      await dumpTo(teamsOnly, path.join(root, 'teams.tar'));
      await teamsOnly.close();
      const year = await createEngine();
      const made = await buildProvince(year.db, { teams: 2000, from: '2026-01', to: '2026-12' });
      await year.db.exec('CHECKPOINT');
      await dumpTo(year, path.join(root, 'province12.tar'));
      await year.close();
      return { ms: performance.now() - t0, ...made };
    }
    case 'save':
      return { samples: await onDisk(args[0]!, (db) => saveLatency(db)) };
    case 'files': {
      // The year exported (wide, long); its wide file written to args[1] and the teams-only
      // database laid out as a data folder on disk at args[3], for the import (import-disk.ts).
      const year = (await fromTar(args[0]!)).db;
      const exp = await exportThroughput(year);
      fs.writeFileSync(args[1]!, exp.csv);
      if (!fs.existsSync(args[3]!)) await dataFolderFromTar(args[2]!, args[3]!);
      return { exportWide: exp.wide, exportLong: exp.long };
    }
    case 'import-disk':
      keepWasmOnBaseline(); // as every process of the program does (cli/main.ts), before PGlite compiles
      return await importOnDisk(args[0]!, args[1]!);
    default:
      throw new Error(`unknown measure ${name}`);
  }
}

const result = await main();
process.stdout.write(`\n${JSON.stringify({ ...result, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(0);
