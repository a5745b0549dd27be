// The store on a PostgreSQL server (the server project only): no folder, no file lock; the schema
// made or upgraded once under the advisory lock, however many programs start together.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { migrate } from '../../src/db/migrate.js';
import { enterField } from '../../src/db/forms.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { openDatabase } from '../../src/store/open.js';
import { NoServerDatabaseError } from '../../src/store/server.js';
import { tempDir } from '../support/datadir.js';
import { ON_SERVER, freshDatabase } from '../support/server.js';

describe.skipIf(!ON_SERVER)('a database on a server', () => {
  it('four programs opening a blank database at once migrate it once; all of them open it', async () => {
    const url = await freshDatabase('blank');
    const dataDir = tempDir();
    const opened = await Promise.all([1, 2, 3, 4].map((i) => openDatabase({ dataDir, url, command: `test ${i}`, create: true })));
    try {
      const r = await opened[0]!.db.query<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
      expect(r.rows.map((x) => x.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(opened.every((d) => d.server?.startsWith('postgres@127.0.0.1:'))).toBe(true);
    } finally {
      await Promise.all(opened.map((d) => d.close()));
    }
    expect(fs.readdirSync(dataDir)).toEqual([]); // no lock file, no pgdata
  });

  it('an older schema is upgraded under the lock, after the before-upgrade hook; a blank one is not made unless asked', async () => {
    const dataDir = tempDir();
    const blank = await freshDatabase('blank');
    await expect(openDatabase({ dataDir, url: blank, command: 'test' })).rejects.toBeInstanceOf(NoServerDatabaseError);
    const old = await openPostgres(blank);
    await migrate(old.db, 1);
    await old.close();
    const seen: number[] = [];
    const db = await openDatabase({ dataDir, url: blank, command: 'test', beforeUpgrade: async (_db, _dir, found) => void seen.push(found) });
    const v = await db.db.query<{ v: number }>('SELECT max(version) AS v FROM schema_version');
    await db.close();
    expect(seen).toEqual([1]);
    expect(v.rows[0]!.v).toBe(SCHEMA_VERSION);
  });

  it("another program's save is announced to a listener (LISTEN/NOTIFY), its own saves are not", async () => {
    const url = await freshDatabase('demo');
    const dataDir = tempDir();
    const [a, b] = await Promise.all([1, 2].map((i) => openDatabase({ dataDir, url, command: `test ${i}` })));
    try {
      let calls = 0;
      let bSaved = false;
      let beforeB = false;
      let heard!: () => void;
      const next = new Promise<void>((resolve) => (heard = resolve));
      const stop = await a!.onChange!(() => {
        calls++;
        if (!bSaved) beforeB = true; // only A had written: A's own save came through
        heard();
      });
      const team = (await getTeamByCode(a!.db, 'TDP01'))!.id;
      await a!.db.transaction((tx) => enterField(tx, team, '2026-11', 'luot_ho_tro', 3, '2026-11-23')); // A's own: not news
      // Set before B writes: B's notice may be read before its commit's reply is (two sockets), and
      // a notice of A's own save would have been sent at A's commit, before B began.
      bSaved = true;
      await b!.db.transaction((tx) => enterField(tx, team, '2026-11', 'luot_ho_tro', 4, '2026-11-23'));
      await next; // delivered in commit order: had A's own come through, it would have been first
      expect(beforeB).toBe(false);
      expect(calls).toBe(1); // one per transaction, however many tables it changed
      await stop();
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });
});
