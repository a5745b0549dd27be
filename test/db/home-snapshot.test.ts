// Home's whole look kept (migration 13, db/home-cache.ts): a look with nothing changed since is
// one statement and the same look as the full evaluation's; the kept look is what is read; any
// write (a value, a team's row, a form taken away) makes it stale; another due month reads who
// owes forms again; a kept look the program cannot read is computed again; a reader keeps nothing.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Db, DbRunner } from '../../src/db/database.js';
import { computeStatus, loadDeadlineTeams } from '../../src/db/evaluation.js';
import { enterField } from '../../src/db/forms.js';
import { cachedHome } from '../../src/db/home-cache.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { toHomeReport } from '../../src/domain/home-row.js';
import { demoDb } from '../support/db.js';

const M = '2026-10';
const DUE = ['2026-10'];

/** The look as the full evaluation gives it, and who owes forms as read on their own. */
async function independent(db: DbRunner, months = DUE) {
  const { input, ...report } = await computeStatus(db, M);
  return { report: toHomeReport(report), plan: input.plan, owing: await loadDeadlineTeams(db, months) };
}

function counted(db: DbRunner): { q: Db; sql: string[] } {
  const sql: string[] = [];
  const q: Db = { query: (s, p) => (sql.push(s), db.query(s, p)), exec: (s) => (sql.push(s), db.exec(s)), copyRows: (t, c, r) => db.copyRows(t, c, r) };
  return { q, sql };
}

const look = (q: Db, months = DUE, store = true) => cachedHome(q, M, () => months, { store });

async function keptText(db: DbRunner): Promise<string> {
  const r = await db.query<{ b64: string }>(`SELECT encode(home_gz, 'base64') AS b64 FROM status_cache WHERE home_gz IS NOT NULL`);
  expect(r.rows).toHaveLength(1);
  return zlib.gunzipSync(Buffer.from(r.rows[0]!.b64, 'base64')).toString('utf8');
}

const keep = (db: DbRunner, bytes: Buffer) => db.query(`UPDATE status_cache SET home_gz = decode($1, 'base64') WHERE home_gz IS NOT NULL`, [bytes.toString('base64')]);

describe('home’s whole look, kept', () => {
  it('with nothing changed the next look is one statement and the full evaluation’s look', async () => {
    const db = await demoDb();
    const want = await independent(db);
    expect(await look(db)).toEqual(want);
    const c = counted(db);
    expect(await look(c.q)).toEqual(want);
    expect(c.sql).toHaveLength(1);
  });

  it('the kept look is what is read, and any write makes it stale: a value, a team’s row, a form taken away', async () => {
    const db = await demoDb();
    const first = await look(db);
    const name = first.report.teams[0]!.ten_to;
    // Only a read of the kept look can show this name: the team's row and its stored result keep the real one.
    await keep(db, zlib.gzipSync((await keptText(db)).replace(JSON.stringify(name), JSON.stringify('Tổ đã giữ'))));
    expect((await look(db)).report.teams[0]!.ten_to).toBe('Tổ đã giữ');

    const t = (await getTeamByCode(db, 'TDP01'))!;
    await db.transaction((tx) => enterField(tx, t.id, M, 'ho_huong_dan', 977, '2026-10-28'));
    expect(await look(db)).toEqual(await independent(db));
    await db.query(`UPDATE team SET dissolved_on = '2026-10-20' WHERE id = $1`, [t.id]);
    expect(await look(db)).toEqual(await independent(db));
    const u = (await getTeamByCode(db, 'TDP04'))!;
    await db.query(`DELETE FROM form_value WHERE form_id IN (SELECT id FROM form WHERE team_id = $1 AND month = '2026-10')`, [u.id]);
    await db.query(`DELETE FROM form WHERE team_id = $1 AND month = '2026-10'`, [u.id]);
    const after = await look(db);
    expect(after).toEqual(await independent(db));
    expect(after.owing.teams.map((x) => x.code)).toContain('TDP04');
  });

  it('another due month (a new day): the report stands, who owes forms is read again and kept', async () => {
    const db = await demoDb();
    await look(db);
    const months = ['2026-10', '2026-11'];
    expect(await look(db, months)).toEqual(await independent(db, months));
    const c = counted(db);
    expect(await look(c.q, months)).toEqual(await independent(db, months));
    expect(c.sql).toHaveLength(1);
    expect(await look(db, [])).toEqual({ ...(await independent(db)), owing: { teams: [], present: new Map() } });
  });

  it('a kept look the program cannot read (not gzip, not JSON, another shape) is computed again and kept anew', async () => {
    const db = await demoDb();
    const want = await independent(db);
    await look(db);
    for (const bad of [Buffer.from('00', 'hex'), zlib.gzipSync('{not json'), zlib.gzipSync('{"due":1,"received":1,"months":[],"owing":null,"teams":[[1]]}')]) {
      await keep(db, bad);
      expect(await look(db)).toEqual(want);
      const c = counted(db);
      expect(await look(c.q)).toEqual(want);
      expect(c.sql).toHaveLength(1);
    }
  });

  it('a look that may not store keeps nothing', async () => {
    const db = await demoDb();
    expect(await look(db, DUE, false)).toEqual(await independent(db));
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM status_cache WHERE home_gz IS NOT NULL`);
    expect(Number(r.rows[0]!.n)).toBe(0);
  });
});
