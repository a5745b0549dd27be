// The install-time template (dist/template, built by `npm ci`, and by the run's global setup when
// the migrations or src/store/template.ts changed): the migrated "postgres" database alone,
// without initdb's template0 and template1 (600 files of 1,068 that every new folder wrote and
// flushed). A folder made from it works like any other, through the program's own open, and
// stays so after it is closed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { pgDir, templatePath } from '../../src/store/data-folder.js';
import { openDatabase } from '../../src/store/open.js';
import { tempDir } from '../support/datadir.js';

describe('the database template', () => {
  it('holds the one database the program opens, and a folder made from it opens, writes and reopens', async () => {
    expect(fs.existsSync(templatePath())).toBe(true);
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir, command: 'test', create: true }); // a new folder: from the template
    try {
      const dbs = await first.db.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY 1');
      expect(dbs.rows.map((r) => r.datname)).toEqual(['postgres']); // no template0, template1
      const v = await first.db.query<{ v: number }>('SELECT max(version)::int AS v FROM schema_version');
      expect(v.rows[0]!.v).toBe(SCHEMA_VERSION);
      await first.db.exec('CREATE TABLE scratch (n int); INSERT INTO scratch SELECT generate_series(1, 1000)');
      for (const sql of ['VACUUM FREEZE scratch', 'CHECKPOINT']) await first.db.exec(sql); // each outside a transaction
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(pgDir(dir), 'base', '1'))).toBe(false);
    expect(fs.readdirSync(pgDir(dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length).toBeLessThan(600);
    const again = await openDatabase({ dataDir: dir, command: 'test' });
    try {
      expect((await again.db.query<{ n: number }>('SELECT count(*)::int AS n FROM scratch')).rows[0]!.n).toBe(1000);
    } finally {
      await again.close();
    }
  }, 120_000);
});
