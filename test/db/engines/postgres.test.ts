// The server adapter hands the repositories the very values the PGlite adapter does (the same
// query run on both, compared), whatever the process's time zone; COPY FROM STDIN carries any text.
import { describe, expect, it } from 'vitest';
import { pgliteFromTemplate } from '../../support/db.js';
import { ON_SERVER, openServerDb } from '../../support/server.js';

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
});
