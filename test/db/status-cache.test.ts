// Stored evaluations (migration 6): what `status` reads from the store is what the full
// evaluation computes, after every kind of write (each of the tables the triggers watch, and the
// fast import that copies with triggers off); a team whose data did not change is not
// evaluated again; a reader writes nothing.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { computeStatus } from '../../src/db/evaluation.js';
import { enterField } from '../../src/db/forms.js';
import { addMember, addTraining } from '../../src/db/members.js';
import { cachedStatus, cachedStatusJson } from '../../src/db/status-cache.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { statusJson } from '../../src/domain/status.js';
import { importFigures } from '../../src/io/csv/import.js';
import { demoDb } from '../support/db.js';

const M = '2026-10';

/** The full evaluation, as `status --json` printed it before stored evaluations. */
async function full(db: DbRunner, asOf = M): Promise<string> {
  return statusJson(await computeStatus(db, asOf));
}

async function stored(db: DbRunner): Promise<{ rows: number; stamps: Map<number, number> }> {
  const r = await db.query<{ team_id: number; stamp: number }>(`SELECT team_id, stamp FROM eval_cache`);
  return { rows: r.rows.length, stamps: new Map(r.rows.map((x) => [x.team_id, Number(x.stamp)])) };
}

describe('stored evaluations', () => {
  it('the stored status equals the full evaluation, first computed, then read back, for --json and the report', async () => {
    const db = await demoDb();
    const want = await full(db);
    expect(await cachedStatusJson(db, M, { store: true })).toBe(want);
    expect((await stored(db)).rows).toBeGreaterThan(0);
    expect(await cachedStatusJson(db, M, { store: true })).toBe(want); // read whole from status_cache
    expect(statusJson((await cachedStatus(db, M, { store: true })).report)).toBe(want);
    // Another month is another key: computed, not the October text.
    expect(await cachedStatusJson(db, '2026-09', { store: true })).toBe(await full(db, '2026-09'));
  });

  it('after each kind of write the stored status follows, and only the changed team is evaluated again', async () => {
    const db = await demoDb();
    await cachedStatusJson(db, M, { store: true });
    const a = (await getTeamByCode(db, 'TDP01'))!;
    const before = await stored(db);
    const writes: [string, () => Promise<unknown>][] = [
      ['a typed value', () => db.transaction((tx) => enterField(tx, a.id, M, 'ho_huong_dan', 977, '2026-10-28'))],
      ['a value cleared', () => db.transaction((tx) => enterField(tx, a.id, M, 'ho_huong_dan', null, '2026-10-28'))],
      ['a form deleted', () => db.query(`DELETE FROM form WHERE team_id = $1 AND month = '2026-09'`, [a.id])],
      ['a member added', () => addMember(db, a.id, { fullName: 'Nguyễn Văn Mới', role: 'thanh_vien', organisation: null, birthYear: 1990, phone: null, joinedOn: '2026-10-01', leftOn: null })],
      ['a member left', () => db.query(`UPDATE member SET left_on = '2026-10-15' WHERE team_id = $1 AND role = 'to_pho'`, [a.id])],
      ['a training', async () => addTraining(db, (await db.query<{ id: number }>(`SELECT id FROM member WHERE team_id = $1`, [a.id])).rows.map((r) => r.id), { heldOn: '2026-10-02', topic: 'Tập huấn' })],
      ['the area’s households', () => db.query(`UPDATE area SET households = households * 3 WHERE id = $1`, [a.areaId])],
      ['the team dissolved', () => db.query(`UPDATE team SET dissolved_on = '2026-10-20' WHERE id = $1`, [a.id])],
    ];
    for (const [what, write] of writes) {
      await write();
      expect(await cachedStatusJson(db, M, { store: true }), what).toBe(await full(db));
    }
    const after = await stored(db);
    for (const [team, stamp] of before.stamps) {
      if (team === a.id) expect(after.stamps.get(team)).not.toBe(stamp);
      else expect(after.stamps.get(team), `team ${team} was not changed`).toBe(stamp);
    }
  });

  it('the fast import (triggers off for its COPY) still makes the stored results stale', async () => {
    const db = await demoDb();
    await cachedStatusJson(db, M, { store: true });
    const r = await importFigures(db, 'ma_to,thang,ho_huong_dan\nTDP01,2026-10,555\nTDP02,2026-10,444\n', { now: new Date(2026, 10, 2) });
    expect(r).toBeTruthy();
    expect(await cachedStatusJson(db, M, { store: true })).toBe(await full(db));
  });

  it('without store (a reader) nothing is written, and the result is the same', async () => {
    const db = await demoDb();
    expect(await cachedStatusJson(db, M)).toBe(await full(db));
    expect(statusJson((await cachedStatus(db, M)).report)).toBe(await full(db));
    expect((await stored(db)).rows).toBe(0);
    expect((await db.query(`SELECT count(*) AS n FROM status_cache`)).rows[0]).toEqual({ n: 0 });
  });

  it('after a change --json is put together from the stored pieces: the other teams are neither parsed nor serialised again', async () => {
    const db = await demoDb();
    await cachedStatusJson(db, M, { store: true });
    const a = (await getTeamByCode(db, 'TDP01'))!;
    const b = (await getTeamByCode(db, 'TDP02'))!;
    // A stored result that no longer parses: the --json path must not read it (only the report does).
    await db.query(`UPDATE eval_cache SET result = 'not json' WHERE team_id = $1`, [b.id]);
    await db.transaction((tx) => enterField(tx, a.id, M, 'ho_huong_dan', 977, '2026-10-28'));
    expect(await cachedStatusJson(db, M, { store: true })).toBe(await full(db));
    // And the stored piece is what is printed: marked, it shows.
    await db.query(`UPDATE eval_cache SET fragment = replace(fragment, '"ma_to":"TDP02"', '"ma_to":"TDP02","marked":1') WHERE team_id = $1`, [b.id]);
    await db.transaction((tx) => enterField(tx, a.id, M, 'ho_huong_dan', 978, '2026-10-28'));
    const marked = await cachedStatusJson(db, M, { store: true });
    expect(marked).toContain('"ma_to":"TDP02","marked":1');
    expect(marked.replace(',"marked":1', '')).toBe(await full(db));
  });

  it('a reader after a change: the changed team computed, the others from their pieces, nothing written', async () => {
    const db = await demoDb();
    await cachedStatusJson(db, M, { store: true });
    const a = (await getTeamByCode(db, 'TDP01'))!;
    await db.query(`DELETE FROM form WHERE team_id = $1 AND month = '2026-09'`, [a.id]);
    const before = await stored(db);
    expect(await cachedStatusJson(db, M)).toBe(await full(db));
    expect(await stored(db)).toEqual(before);
  });
});

