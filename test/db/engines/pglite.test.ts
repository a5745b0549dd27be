// The PGlite adapter: plain values out (no driver quirk reaches a repository), any text in
// through copyRows, transactions that roll back.
import { describe, expect, it } from 'vitest';
import { emptyDb } from '../../support/db.js';

describe('PGlite adapter', () => {
  it('dates as YYYY-MM-DD text, bigint and numeric as numbers, json parsed, timestamptz as Date', async () => {
    const db = await emptyDb();
    const r = await db.query<Record<string, unknown>>(
      `SELECT '2026-03-01'::date AS d, ARRAY['2026-01-02'::date, NULL] AS ds, count(*) AS n, 12345678901::int8 AS big,
              1.25::numeric AS num, ARRAY[1.5, 2]::numeric[] AS nums, '{"a":[1]}'::jsonb AS jb, '[true]'::json AS j,
              '2026-03-01T10:00:00Z'::timestamptz AS at FROM (VALUES (1), (2)) v(x)`,
    );
    const row = r.rows[0]!;
    expect(row).toMatchObject({ d: '2026-03-01', ds: ['2026-01-02', null], n: 2, big: 12345678901, num: 1.25, nums: [1.5, 2], jb: { a: [1] }, j: [true] });
    expect(row.at).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(r.affectedRows).toBe(0);
  });

  it('copyRows carries tabs, newlines, backslashes, NULL and Vietnamese text unchanged', async () => {
    const db = await emptyDb();
    await db.exec(`CREATE TABLE copy_probe (id int, note text, on_day date, ok boolean)`);
    const notes = ['Tổ Đông Sơn\tghi chú', 'dòng 1\ndòng 2\r\n', 'C:\\Tài liệu\\N', '\\N', null, 'ổ đĩa — “ngoặc”, ạ ư ơ'];
    const n = await db.copyRows('copy_probe', ['id', 'note', 'on_day', 'ok'], notes.map((note, i) => [i, note, i % 2 ? null : '2026-11-23', i % 2 === 0]));
    expect(n).toBe(notes.length);
    const back = await db.query<{ id: number; note: string | null; on_day: string | null; ok: boolean }>('SELECT id, note, on_day, ok FROM copy_probe ORDER BY id');
    expect(back.rows.map((r) => r.note)).toEqual(notes);
    expect(back.rows.map((r) => r.on_day)).toEqual(notes.map((_, i) => (i % 2 ? null : '2026-11-23')));
    expect(back.rows.map((r) => r.ok)).toEqual(notes.map((_, i) => i % 2 === 0));
    expect(await db.copyRows('copy_probe', ['id'], [])).toBe(0);
  });

  it('affectedRows counts what a statement changed; a transaction that throws leaves nothing', async () => {
    const db = await emptyDb();
    await db.exec(`CREATE TABLE tx_probe (id int PRIMARY KEY)`);
    expect((await db.query('INSERT INTO tx_probe SELECT generate_series(1, 3)')).affectedRows).toBe(3);
    await expect(
      db.transaction(async (tx) => {
        await tx.copyRows('tx_probe', ['id'], [[4], [5]]);
        await tx.query('INSERT INTO tx_probe VALUES (1)'); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/u);
    expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM tx_probe')).rows[0]!.n).toBe(3);
  });
});
