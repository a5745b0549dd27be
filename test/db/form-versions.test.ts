// Optimistic concurrency (#13): two officers on one form. The second save of a value that changed
// since it was shown is refused (value on screen, value stored, who, when) and writes nothing; a
// save of another field goes through. On the server with two real connections, also while the
// first officer's transaction is still open; on PGlite a stale version takes the same path. The
// second officer saves as the screens do (saveFieldAlone: its own transaction, one message).
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { dumpTables, loadTables } from '../../src/db/dump.js';
import { saveField, saveFieldAlone } from '../../src/db/form-versions.js';
import { FIELD_NOTE, FIELD_RECEIVED, formHistory, getForm } from '../../src/db/forms.js';
import { undoLastImport } from '../../src/db/import-batches.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { runImport } from '../../src/io/csv/import.js';
import { demoDb } from '../support/db.js';
import { ON_SERVER, freshDatabase } from '../support/server.js';
import { TEST_NOW } from '../support/templates.js';

const M = '2026-11';
const DAY = '2026-11-23';
const enc = (s: string) => new TextEncoder().encode(s);

/** Two officers: on the server two programs' own connections to one database; on PGlite the one engine. */
async function twoOfficers(): Promise<[DbRunner, DbRunner, () => Promise<void>]> {
  if (!ON_SERVER) {
    const db = await demoDb();
    return [db, db, async () => undefined];
  }
  const url = await freshDatabase('demo');
  const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
  return [a.db, b.db, async () => void (await Promise.all([a.close(), b.close()]))];
}

async function team(db: DbRunner, code = 'TDP01'): Promise<number> {
  return (await getTeamByCode(db, code))!.id;
}

describe('saving a field against the version shown', () => {
  it('refuses the second save of a value changed since it was shown, naming both values, who and when; writes nothing', async () => {
    const [a, b, close] = await twoOfficers();
    try {
      const t = await team(a);
      await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 10, DAY, { version: null, value: null }));
      // Both officers' screens show the form with 10.
      const shown = (await getForm(b, t, M))!;
      expect(shown.values.luot_ho_tro).toBe(10);
      await a.query(`UPDATE unit SET officer = 'Trần Văn Bình'`); // the officer named in A's settings
      const first = await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 15, DAY, { version: shown.version, value: 10 }));
      expect(first).toMatchObject({ ok: true, changed: true, before: shown.version });
      const logged = (await formHistory(a, t, M)).length;
      await a.query(`UPDATE unit SET officer = 'Nguyễn Thị Lan'`);

      const second = await saveFieldAlone(b, t, M, 'luot_ho_tro', 12, DAY, { version: shown.version, value: 10 });
      expect(second.ok).toBe(false);
      if (second.ok) return;
      const { rows } = await b.query<{ r: string }>('SELECT current_user AS r');
      expect(second.conflict).toMatchObject({ field: 'luot_ho_tro', shown: 10, stored: 15, attempted: 12, byOfficer: 'Trần Văn Bình', byRole: rows[0]!.r, source: 'typed' });
      expect(second.conflict.at).toBeInstanceOf(Date);
      expect((await getForm(b, t, M))!.values.luot_ho_tro).toBe(15); // not last-write-wins
      expect(await formHistory(b, t, M)).toHaveLength(logged); // nothing logged either
    } finally {
      await close();
    }
  });

  it("another officer's save to another field of the form does not refuse this one; the same value twice is no conflict", async () => {
    const [a, b, close] = await twoOfficers();
    try {
      const t = await team(a);
      await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 10, DAY, { version: null, value: null }));
      const shown = (await getForm(b, t, M))!;
      await a.transaction((tx) => saveField(tx, t, M, FIELD_NOTE, 'Họp tổ', DAY, { version: shown.version, value: null }));
      const r = await saveFieldAlone(b, t, M, 'ho_huong_dan', 7, DAY, { version: shown.version, value: null });
      expect(r).toMatchObject({ ok: true, changed: true });
      // Both typed 15 where 10 was: the second one overwrites nothing it has not seen.
      await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 15, DAY, { version: shown.version, value: 10 }));
      expect(await saveFieldAlone(b, t, M, 'luot_ho_tro', 15, DAY, { version: shown.version, value: 10 })).toMatchObject({ ok: true, changed: false });
      expect(await getForm(a, t, M)).toMatchObject({ note: 'Họp tổ', values: { luot_ho_tro: 15, ho_huong_dan: 7 } });
    } finally {
      await close();
    }
  });

  it('two officers on a form neither had: the first makes it, the second is refused on the same field only', async () => {
    const [a, b, close] = await twoOfficers();
    try {
      const t = await team(a, 'TDP02');
      const none = { version: null, value: null };
      expect(await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 4, DAY, none))).toMatchObject({ ok: true, before: null });
      const same = await b.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 5, DAY, none));
      expect(same).toMatchObject({ ok: false, conflict: { shown: null, stored: 4, attempted: 5 } });
      expect(await b.transaction((tx) => saveField(tx, t, M, FIELD_RECEIVED, '2026-11-20', DAY, { version: null, value: DAY }))).toMatchObject({ ok: true });
      expect(await getForm(a, t, M)).toMatchObject({ receivedOn: '2026-11-20', values: { luot_ho_tro: 4 } });
    } finally {
      await close();
    }
  });

  it('every write gives the form a new version: typed saves, imports, their undo and restores', async () => {
    const db = await demoDb();
    const t = await team(db, 'TDP03');
    const versions = new Set<number>();
    const version = async () => (await getForm(db, t, '2026-08'))?.version ?? null;
    const see = async () => {
      const v = await version();
      expect(v === null || !versions.has(v)).toBe(true);
      if (v !== null) versions.add(v);
      return v;
    };
    await runImport(db, 'figures', enc('ma_to,thang,ho_huong_dan\nTDP03,2026-08,5\n'), { now: TEST_NOW });
    const shown = (await see())!;
    await runImport(db, 'figures', enc('ma_to,thang,ho_huong_dan\nTDP03,2026-08,6\n'), { now: TEST_NOW });
    await see();
    // The screen that showed 5 before the import is refused: the import is a writer like any other.
    const r = await db.transaction((tx) => saveField(tx, t, '2026-08', 'ho_huong_dan', 9, DAY, { version: shown, value: 5 }));
    expect(r).toMatchObject({ ok: false, conflict: { stored: 6, source: 'csv' } });
    const now = (await version())!;
    await db.transaction((tx) => saveField(tx, t, '2026-08', 'ho_huong_dan', 9, DAY, { version: now, value: 6 }));
    await see();
    const restoredFrom = await dumpTables(db);
    expect(restoredFrom.tables.find((x) => x.table === 'form')!.columns).not.toContain('version'); // not data
    const before = (await version())!;
    await db.transaction((tx) => loadTables(tx, restoredFrom.tables.map((x) => ({ table: x.table, columns: x.columns, rows: x.rows ? x.rows.split('\n') : [] })), restoredFrom.schema));
    expect(await see()).not.toBe(before);
    expect((await getForm(db, t, '2026-08'))!.values.ho_huong_dan).toBe(9);
    // A form an undone import removes: a screen that still shows it cannot put a value back unseen.
    const missing = await db.query<{ id: number; code: string }>(
      `SELECT id, code FROM team t WHERE NOT EXISTS (SELECT 1 FROM form f WHERE f.team_id = t.id AND f.month = $1) ORDER BY code LIMIT 1`,
      [M],
    );
    const { id: u, code } = missing.rows[0]!;
    await runImport(db, 'figures', enc(`ma_to,thang,ho_huong_dan\n${code},${M},3\n`), { now: TEST_NOW });
    const made = (await getForm(db, u, M))!;
    expect(await db.transaction((tx) => undoLastImport(tx))).toMatchObject({ ok: true, formsRemoved: 1 });
    const gone = await db.transaction((tx) => saveField(tx, u, M, 'ho_huong_dan', 8, DAY, { version: made.version, value: 3 }));
    expect(gone).toMatchObject({ ok: false, conflict: { shown: 3, stored: null, source: 'undo' } });
    expect(await getForm(db, u, M)).toBeNull();
  });
});

describe.skipIf(!ON_SERVER)('two connections at the same moment', () => {
  it("the second save waits for the first's transaction and is refused once it commits", async () => {
    const [a, b, close] = await twoOfficers();
    try {
      const t = await team(a);
      await a.transaction((tx) => saveField(tx, t, M, 'luot_ho_tro', 10, DAY, { version: null, value: null }));
      const shown = (await getForm(b, t, M))!;
      let second!: ReturnType<typeof saveField>;
      await a.transaction(async (tx) => {
        expect(await saveField(tx, t, M, 'luot_ho_tro', 15, DAY, { version: shown.version, value: 10 })).toMatchObject({ ok: true });
        second = saveFieldAlone(b, t, M, 'luot_ho_tro', 12, DAY, { version: shown.version, value: 10 });
        // Commit A only once B is waiting for A's row lock (polled, not timed).
        for (;;) {
          const w = await a.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (w.rows[0]!.n > 0) break;
          await new Promise((r) => setImmediate(r));
        }
      });
      expect(await second).toMatchObject({ ok: false, conflict: { shown: 10, stored: 15, attempted: 12 } });
      expect((await getForm(a, t, M))!.values.luot_ho_tro).toBe(15);
    } finally {
      await close();
    }
  });
});
