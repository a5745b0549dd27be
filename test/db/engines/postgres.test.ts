// The server adapter hands the repositories the very values the PGlite adapter does (the same
// query run on both, compared), whatever the process's time zone; COPY FROM STDIN carries any text.
import { describe, expect, it } from 'vitest';
import { pgliteFromTemplate } from '../../support/db.js';
import type { Db } from '../../../src/db/database.js';
import { openPostgres } from '../../../src/db/engines/postgres.js';
import { ON_SERVER, freshDatabase, openServerDb } from '../../support/server.js';

const PROBE = `SELECT '2026-03-01'::date AS d, ARRAY['2026-01-02'::date, NULL] AS ds, count(*) AS n, 12345678901::int8 AS big,
  ARRAY[1::int8, NULL] AS bigs, 1.25::numeric AS num, ARRAY[1.5, 2]::numeric[] AS nums, '{"a":[1]}'::jsonb AS jb, '[true]'::json AS j,
  '2026-03-01T10:00:00Z'::timestamptz AS at, true AS ok, 7::int2 AS small, 2.5::float8 AS f, ARRAY[1, 2] AS ints, ARRAY['a', NULL] AS texts,
  NULL::date AS nd, 'Đông Sơn'::text AS t
  FROM (VALUES (1), (2)) v(x)`;

describe.skipIf(!ON_SERVER)('PostgreSQL adapter (server)', () => {
  it('gives exactly the values of the PGlite adapter: dates as text, bigint/numeric as numbers, json parsed', async () => {
    const server = await openServerDb('empty');
    const lite = await pgliteFromTemplate('empty');
    const a = await server.db.query(PROBE);
    const b = await lite.db.query(PROBE);
    expect(a).toEqual(b);
    expect(a.rows[0]).toMatchObject({ d: '2026-03-01', ds: ['2026-01-02', null], n: 2, big: 12345678901, bigs: [1, null], num: 1.25, nd: null });
    expect(a.rows[0]!.at).toEqual(new Date('2026-03-01T10:00:00Z'));
    // The schema's own dates, through a table and COPY.
    for (const db of [server.db, lite.db]) {
      await db.exec(`CREATE TABLE probe (id int, on_day date, note text)`);
      await db.copyRows('probe', ['id', 'on_day', 'note'], [[1, '2026-01-01', 'dòng 1\ndòng\t2 \\N'], [2, null, null]]);
    }
    const rows = async (db: typeof lite.db) => (await db.query('SELECT * FROM probe ORDER BY id')).rows;
    expect(await rows(server.db)).toEqual(await rows(lite.db));
    expect((await rows(server.db))[0]).toEqual({ id: 1, on_day: '2026-01-01', note: 'dòng 1\ndòng\t2 \\N' });
  });

  it('affectedRows as PGlite counts them; a transaction that throws leaves nothing', async () => {
    const { db } = await openServerDb('empty');
    await db.exec(`CREATE TABLE tx_probe (id int PRIMARY KEY)`);
    expect((await db.query('INSERT INTO tx_probe SELECT generate_series(1, 3)')).affectedRows).toBe(3);
    expect((await db.query('SELECT * FROM tx_probe')).affectedRows).toBe(0);
    await expect(
      db.transaction(async (tx) => {
        await tx.copyRows('tx_probe', ['id'], [[4], [5]]);
        await tx.query('INSERT INTO tx_probe VALUES (1)');
      }),
    ).rejects.toThrow(/duplicate key/u);
    expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM tx_probe')).rows[0]!.n).toBe(3);
  });

  it('atomic: one statement as its own transaction, its parameters as literals whatever they hold; a failure leaves nothing', async () => {
    const handle = await openServerDb('empty');
    const { db } = handle;
    try {
      await db.exec(`CREATE TABLE at_probe (id int PRIMARY KEY, note text, ok boolean)`);
      const hostile = `it's \\ "Đông Sơn" '); DROP TABLE at_probe; -- $2`;
      const r = await db.atomic!<{ id: number; note: string | null; ok: boolean }>(
        'INSERT INTO at_probe VALUES ($1, $2, $3) RETURNING *', [1, hostile, true]);
      expect(r).toEqual({ rows: [{ id: 1, note: hostile, ok: true }], affectedRows: 1 });
      await expect(db.atomic!('INSERT INTO at_probe VALUES ($1, $2, $3)', [1, null, null])).rejects.toThrow(/duplicate key/u);
      await expect(db.atomic!('SELECT $1::int', [Number.NaN])).rejects.toThrow(/finite/u);
      // Committed as it returned: another connection sees it; the failed one left nothing, and the
      // connection it used is not left inside its transaction.
      expect((await db.query('SELECT id, note FROM at_probe')).rows).toEqual([{ id: 1, note: hostile }]);
      for (let i = 0; i < 6; i++) await db.atomic!('SELECT 1');
      expect((await db.query<{ s: string }>(`SELECT count(*)::text AS s FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).rows[0]!.s).toBe('0');
    } finally {
      await handle.close();
    }
  });

  it("a write in the program's transaction is announced after its commit, not within it; a rolled-back one never", async () => {
    const url = await freshDatabase('demo');
    const [writer, watcher] = await Promise.all([openPostgres(url), openPostgres(url)]);
    try {
      // What the watcher sees when it hears: the write must be committed by then (PostgreSQL
      // delivers a NOTIFY only after its own transaction commits, so an announcement from within
      // the writer's transaction could not be told apart this way; the note below tells that).
      let heard = 0;
      const seen: string[] = [];
      let first!: () => void;
      const next = new Promise<void>((resolve) => (first = resolve));
      const stop = await watcher.listen(() => {
        heard++;
        void watcher.db
          .query<{ d: string | null }>('SELECT decision_no AS d FROM team WHERE id = (SELECT min(id) FROM team)')
          .then((r) => seen.push(r.rows[0]!.d ?? ''))
          .then(first);
      });
      const touch = `UPDATE team SET decision_no = coalesce(decision_no, '') || 'x' WHERE id = (SELECT min(id) FROM team)`;
      const before = (await writer.db.query<{ d: string | null }>('SELECT decision_no AS d FROM team WHERE id = (SELECT min(id) FROM team)')).rows[0]!.d ?? '';
      const noted = (q: Db) => q.query<{ c: string | null }>(`SELECT current_setting('tonghop.changed', true) AS c`).then((r) => r.rows[0]!.c ?? '');
      await writer.session(async (s) => {
        // Inside: the trigger only notes the channel, so no NOTIFY holds the server's one global
        // NOTIFY lock through this transaction's WAL flush; a rollback undoes the note.
        await expect(s.transaction(async (tx) => {
          await tx.query(touch);
          expect(await noted(tx)).toBe('tonghop_public');
          throw new Error('undo');
        })).rejects.toThrow('undo');
        expect(await noted(s)).toBe('');
        await s.transaction(async (tx) => {
          await tx.query(touch);
          await tx.query(touch); // folded: one announcement per transaction
        });
        expect(await noted(s)).toBe(''); // announced, and the note cleared
      });
      await next;
      expect(seen).toEqual([before + 'xx']); // heard once, the rolled-back write never, the committed one whole
      expect(heard).toBe(1);
      await stop();
    } finally {
      await Promise.all([writer.close(), watcher.close()]);
    }
  });
  it('a failing announcement after the commit does not report the committed write as failed', async () => {
    const handle = await openPostgres(await freshDatabase('demo'));
    try {
      const touch = `UPDATE team SET decision_no = 'đã lưu' WHERE id = (SELECT min(id) FROM team)`;
      await handle.session(async (s) => {
        // Noted channels pg_notify refuses (an empty name, one too long for a name) stand for any failure of the NOTIFY.
        const out = await s.transaction(async (tx) => {
          await tx.query(touch);
          await tx.query(`SELECT set_config('tonghop.changed', ',' || repeat('x', 70), false)`);
          return 'saved';
        });
        expect(out).toBe('saved');
        expect((await s.query<{ c: string | null }>(`SELECT current_setting('tonghop.changed', true) AS c`)).rows[0]!.c ?? '').toBe('');
      });
      expect((await handle.db.query<{ d: string }>('SELECT decision_no AS d FROM team ORDER BY id LIMIT 1')).rows[0]!.d).toBe('đã lưu');
    } finally {
      await handle.close();
    }
  });
});
