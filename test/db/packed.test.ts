// The packed-rows codec: the SQL aggregate and the scan agree, NULLs survive, a malformed
// string is refused rather than misread; and the database refuses the values it could not carry.
import { describe, expect, it } from 'vitest';
import { packedRows } from '../../src/db/packed.js';
import { emptyDb } from '../support/db.js';

const ROWS = packedRows([
  ['x.id', 'int'],
  ['x.code', 'text'],
  ['x.n', 'int?'],
  ['x.day', 'text?'],
]);

const scanned = (s: string | null) => {
  const out: unknown[][] = [];
  ROWS.each(s, (row) => void out.push([...row]));
  return out;
};

describe('packed rows', () => {
  it('what the SQL packs, the scan reads back (NULLs, negatives, order)', async () => {
    const db = await emptyDb();
    const r = await db.query<{ p: string | null }>(
      `SELECT ${ROWS.sql('x.id DESC')} AS p FROM (VALUES (1, 'luot_ho_tro', 57, '2026-11-23'::date), (2, 'so_ho', NULL, NULL), (30, 'a_1', -4, '2026-01-02'::date)) AS x(id, code, n, day)`,
    );
    expect(scanned(r.rows[0]!.p)).toEqual([
      [30, 'a_1', -4, '2026-01-02'],
      [2, 'so_ho', null, null],
      [1, 'luot_ho_tro', 57, '2026-11-23'],
    ]);
    const none = await db.query<{ p: string | null }>(`SELECT ${ROWS.sql()} AS p FROM (SELECT 1 AS id, 'a' AS code, 1 AS n, NULL::date AS day WHERE false) x`);
    expect(none.rows[0]!.p).toBeNull();
    expect(scanned(null)).toEqual([]);
    expect(scanned('')).toEqual([]);
  });

  it('shares one string per distinct text value', () => {
    const codes: string[] = [];
    ROWS.each('1 abc 2 ,2 abc 3 ', ([, code]) => void codes.push(code));
    expect(codes).toEqual(['abc', 'abc']);
  });

  it('refuses a malformed string instead of misreading it', () => {
    expect(() => scanned('1 abc')).toThrow(/sai dạng/u); // fields missing
    expect(() => scanned('x abc 1 ')).toThrow(/sai dạng/u); // not an integer
    expect(() => scanned(' abc 1 ')).toThrow(/sai dạng/u); // an empty non-null field
    expect(() => scanned('1  1 ')).toThrow(/sai dạng/u); // an empty non-null text
  });
});
