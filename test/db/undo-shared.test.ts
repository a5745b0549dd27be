// `u` on a shared database (#13): an officer undoes only their own changes (the database role
// they sign in as), and never a value somebody wrote after theirs — then the undo is refused,
// naming what is there now and who put it there, and nothing is written.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { formHistory, getForm, setValue, undoLast } from '../../src/db/forms.js';
import { saveField } from '../../src/db/form-versions.js';
import { openPostgres } from '../../src/db/engines/postgres.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { staleUndoMessage } from '../../src/ui/history/undo.js';
import { demoDb } from '../support/db.js';
import { ON_SERVER, adminPool, freshDatabase, urlOf } from '../support/server.js';

const M = '2026-11';
const DAY = '2026-11-23';
const roles: string[] = [];

/** A login role that may read and write the tables (an officer of their own on the server). */
async function officerRole(url: string): Promise<string> {
  const name = `tonghop_cb_${crypto.randomBytes(4).toString('hex')}`;
  const password = crypto.randomBytes(9).toString('hex');
  roles.push(name);
  await adminPool().query(`CREATE ROLE "${name}" LOGIN PASSWORD '${password}'`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`GRANT USAGE ON SCHEMA public TO "${name}"; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${name}";
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${name}"`);
  await c.end();
  return urlOf(new URL(url).pathname.slice(1), { user: name, password });
}

afterAll(async () => {
  if (!ON_SERVER) return;
  for (const r of roles) await adminPool().query(`DROP OWNED BY "${r}" CASCADE; DROP ROLE IF EXISTS "${r}"`).catch(() => undefined);
});

async function typed(db: DbRunner, teamId: number, value: number) {
  const form = await getForm(db, teamId, M);
  const shown = { version: form?.version ?? null, value: form?.values.luot_ho_tro ?? null };
  const r = await db.transaction((tx) => saveField(tx, teamId, M, 'luot_ho_tro', value, DAY, shown));
  expect(r.ok).toBe(true);
}

describe('undo on a shared database', () => {
  it('refuses to undo a change whose field now holds a later value, writing nothing', async () => {
    const db = await demoDb();
    const t = (await getTeamByCode(db, 'TDP01'))!.id;
    await typed(db, t, 10);
    await typed(db, t, 15);
    // A value written since by something else than typing on this screen (another program).
    await db.transaction((tx) => setValue(tx, t, M, 'luot_ho_tro', 20, 'csv'));
    const logged = (await formHistory(db, t, M)).length;

    const r = await db.transaction((tx) => undoLast(tx, { teamId: t, month: M }));
    expect(r).toMatchObject({ undone: false, current: '20', formGone: false, change: { oldValue: '10', newValue: '15' } });
    expect((await getForm(db, t, M))!.values.luot_ho_tro).toBe(20);
    expect(await formHistory(db, t, M)).toHaveLength(logged);
    if (r && !r.undone) {
      const words = staleUndoMessage(r, 'Tổ 1', []);
      expect(words).toContain('Không hoàn tác');
      expect(words).toContain('20');
      expect(words).toContain('10 → 15');
    }
  });

  it.runIf(ON_SERVER)("an officer's `u` never undoes another officer's change (roles of their own)", async () => {
    const url = await freshDatabase('demo');
    const [urlA, urlB] = [await officerRole(url), await officerRole(url)];
    const [a, b] = await Promise.all([openPostgres(urlA), openPostgres(urlB)]);
    try {
      const t = (await getTeamByCode(a.db, 'TDP01'))!.id;
      await typed(a.db, t, 10); // officer A's
      await typed(b.db, t, 15); // officer B's, later, over A's
      // A's newest own change is 10, but the field holds B's 15: refused, named, nothing written.
      const ra = await a.db.transaction((tx) => undoLast(tx, { month: M }));
      expect(ra).toMatchObject({ undone: false, current: '15', change: { newValue: '10' }, since: { newValue: '15', byRole: new URL(urlB).username } });
      expect((await getForm(a.db, t, M))!.values.luot_ho_tro).toBe(15);
      // B undoes their own.
      const rb = await b.db.transaction((tx) => undoLast(tx, { month: M }));
      expect(rb).toMatchObject({ undone: true, change: { newValue: '15', oldValue: '10' } });
      // Nothing of B's is left for B; A's change holds again and is A's to undo.
      expect(await b.db.transaction((tx) => undoLast(tx, { month: M }))).toBeNull();
      expect(await a.db.transaction((tx) => undoLast(tx, { month: M }))).toMatchObject({ undone: true, change: { newValue: '10' } });
      expect((await getForm(a.db, t, M))!.values.luot_ho_tro).toBeUndefined();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
