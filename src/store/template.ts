// A migrated empty database as a tar, built once at install time (`npm ci` runs it), so that
// creating a commune's database takes ~0.5 s instead of initdb's ~4 s.
// initdb also makes template0 and template1, the sources of CREATE DATABASE, which PGlite never
// runs (it opens "postgres" alone; PostgreSQL's documentation: they have no other special
// status, and may be dropped). They were 600 of the folder's 1,068 files, and a new folder
// (init, every restore) pays per file: writing it out of the tar and then its fsync. Without
// them the folder is 468 files and the tar 26 MB instead of 41.
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '../db/engines/pglite.js';
import { migrate } from '../db/migrate.js';
import { writeFileAtomic } from '../io/file-write.js';
import { templatePath } from './data-folder.js';

/** Databases initdb makes that a tonghop folder never opens. */
const UNUSED_DATABASES = ['template1', 'template0'] as const;

export async function buildTemplate(target: string = templatePath()): Promise<string> {
  const pg = await openPglite();
  try {
    await migrate(pg.db);
    for (const name of UNUSED_DATABASES) {
      await pg.db.exec(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
      await pg.db.exec(`DROP DATABASE ${name}`);
    }
    const tar = await pg.dumpTar();
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, tar);
  } finally {
    await pg.close();
  }
  return target;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const t0 = Date.now();
  const file = await buildTemplate();
  process.stdout.write(`tonghop: mẫu dữ liệu trống ${path.relative(process.cwd(), file)} (${Date.now() - t0} ms)\n`);
}
