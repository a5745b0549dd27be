// An import's new forms, log lines and values written with the per-row foreign-key triggers off
// (src/db/bulk-keys.ts): taken where allowed even with the status stamps' triggers on the tables
// (until this, their presence sent every import through the row-by-row checks, ~6× slower),
// every key still checked (a miss rolls everything back), and the triggers of ours still fire.
import { describe, expect, it } from 'vitest';
import type { Db, DbRunner } from '../../src/db/database.js';
import { type FiguresShape, type StagedForm, openFiguresWriter, writeFigures } from '../../src/db/figures-import.js';
import { demoDb } from '../support/db.js';

const SHAPE: FiguresShape = { setReceived: false, setNote: false, columns: null };
const MONTH = '2026-12';

/** Two teams of the demo commune without a form in MONTH, and two indicators. */
async function targets(pg: Db): Promise<{ teams: number[]; codes: string[] }> {
  const t = await pg.query<{ id: number }>(`SELECT id FROM team t WHERE NOT EXISTS (SELECT 1 FROM form f WHERE f.team_id = t.id AND f.month = $1) ORDER BY id LIMIT 2`, [MONTH]);
  const c = await pg.query<{ code: string }>(`SELECT code FROM indicator ORDER BY code LIMIT 2`);
  return { teams: t.rows.map((r) => r.id), codes: c.rows.map((r) => r.code) };
}

const newForm = (teamId: number, codes: string[], values: number[]): StagedForm => ({ teamId, month: MONTH, receivedOn: null, note: null, codes, values, formId: null });

async function superuser(pg: Db): Promise<boolean> {
  return (await pg.query<{ su: string }>(`SELECT current_setting('is_superuser') AS su`)).rows[0]!.su === 'on';
}

async function snapshot(pg: DbRunner) {
  const n = async (t: string) => (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n;
  return { form: await n('form'), form_value: await n('form_value'), value_change: await n('value_change'), stamps: (await pg.query<{ s: string }>('SELECT sum(stamp)::text AS s FROM team_stamp')).rows[0]!.s };
}

describe("an import's key checks", () => {
  it('skips the row triggers where allowed although the stamps and the refresh triggers are on the tables', async () => {
    const pg = await demoDb();
    const su = await superuser(pg);
    const { teams, codes } = await targets(pg);
    const before = await snapshot(pg);
    const channel = await pg.transaction(async (tx) => {
      // As the server adapter runs a transaction: the announcement is noted, then sent after the commit.
      await tx.query(`SELECT set_config('tonghop.announce', 'after_commit', true)`);
      const w = await openFiguresWriter(tx, SHAPE);
      expect(w.keys).toBe(su ? 'after-copy' : 'triggers');
      await w.write([newForm(teams[0]!, codes, [3, 4]), newForm(teams[1]!, codes.slice(0, 1), [5])]);
      await w.finish();
      return (await tx.query<{ c: string | null }>(`SELECT current_setting('tonghop.changed', true) AS c`)).rows[0]!.c;
    });
    // The refresh announcement (an ordinary statement trigger, skipped in replica mode) was made.
    expect(channel ?? '').toMatch(/tonghop_/);
    const after = await snapshot(pg);
    expect([after.form - before.form, after.form_value - before.form_value, after.value_change - before.value_change]).toEqual([2, 3, 2]);
    // The status stamps (ENABLE ALWAYS) moved for both teams.
    expect(BigInt(after.stamps) > BigInt(before.stamps)).toBe(true);
    const moved = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM team_stamp WHERE team_id = ANY($1::int[]) AND stamp > (SELECT max(stamp) FROM team_stamp WHERE NOT (team_id = ANY($1::int[])))`, [teams]);
    expect(moved.rows[0]!.n).toBe(2);
    const log = await pg.query<{ by_officer: string | null }>(`SELECT by_officer FROM value_change WHERE month = $1 AND team_id = ANY($2::int[])`, [MONTH, teams]);
    const officer = (await pg.query<{ o: string | null }>('SELECT officer AS o FROM unit WHERE id = 1')).rows[0]!.o;
    expect(log.rows.map((r) => r.by_officer)).toEqual([officer, officer]);
  });

  for (const keys of ['after-copy', 'triggers'] as const)
    it(`refuses a value whose indicator or form does not exist, and a form of no team, writing nothing (${keys})`, async () => {
      const pg = await demoDb();
      const { teams, codes } = await targets(pg);
      const before = await snapshot(pg);
      const refusal = keys === 'after-copy' && (await superuser(pg)) ? /toàn vẹn/ : /foreign key|khóa ngoại|violates/i;
      const bad: StagedForm[][] = [
        [newForm(teams[0]!, [codes[0]!, 'khong_co_chi_so'], [1, 2])],
        [newForm(teams[0]!, codes, [1, 2]), newForm(987_654, codes, [1, 2])],
      ];
      for (const forms of bad) {
        await expect(pg.transaction((tx) => writeFigures(tx, { ...SHAPE, forms }, { keys }))).rejects.toThrow(refusal);
        expect(await snapshot(pg)).toEqual(before);
      }
    });

  it("checks this import's rows only, not the whole tables: rows without their keys from before it do not refuse it", async () => {
    const pg = await demoDb();
    // Only a superuser can leave such rows (the key triggers off), and only its fast path checks afterwards.
    if (!(await superuser(pg))) return;
    const { teams, codes } = await targets(pg);
    const old = (await pg.query<{ id: number }>('SELECT min(id) AS id FROM form')).rows[0]!.id;
    await pg.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      await tx.query(`INSERT INTO form_value (form_id, indicator, value) VALUES ($1, 'khong_co_chi_so', 1)`, [old]);
      await tx.query(`INSERT INTO form (team_id, month, source) VALUES (987654, '2026-01', 'csv')`);
    });
    const before = await snapshot(pg);
    await pg.transaction((tx) => writeFigures(tx, { ...SHAPE, forms: [newForm(teams[0]!, codes, [3, 4])] }));
    const after = await snapshot(pg);
    expect([after.form - before.form, after.form_value - before.form_value]).toEqual([1, 2]);
    // Its own rows are still checked: a value of no indicator refuses it.
    await expect(pg.transaction((tx) => writeFigures(tx, { ...SHAPE, forms: [newForm(teams[1]!, [codes[0]!, 'khong_co_chi_so'], [1, 2])] }))).rejects.toThrow(/toàn vẹn/);
    expect(await snapshot(pg)).toEqual(after);
  });

  it('a row trigger of our own on the values sends the import through the triggers, and it fires for every value', async () => {
    const pg = await demoDb();
    const { teams, codes } = await targets(pg);
    await pg.exec(`
      CREATE TABLE seen_value (form_id int, indicator text);
      CREATE FUNCTION note_value() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO seen_value VALUES (NEW.form_id, NEW.indicator); RETURN NULL; END $$;
      CREATE TRIGGER note_value AFTER INSERT ON form_value FOR EACH ROW EXECUTE FUNCTION note_value();`);
    await pg.transaction(async (tx) => {
      const w = await openFiguresWriter(tx, SHAPE);
      expect(w.keys).toBe('triggers');
      await w.write([newForm(teams[0]!, codes, [3, 4])]);
      await w.finish();
    });
    expect((await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM seen_value')).rows[0]!.n).toBe(2);
  });

  it('an ordinary statement trigger of our own on the forms still fires on the fast path', async () => {
    const pg = await demoDb();
    const { teams, codes } = await targets(pg);
    await pg.exec(`
      CREATE TABLE form_statements (n int);
      CREATE FUNCTION note_forms() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO form_statements VALUES ((SELECT count(*) FROM form)); RETURN NULL; END $$;
      CREATE TRIGGER note_forms AFTER INSERT ON form FOR EACH STATEMENT EXECUTE FUNCTION note_forms();`);
    const forms = (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM form')).rows[0]!.n;
    await pg.transaction(async (tx) => {
      const w = await openFiguresWriter(tx, SHAPE);
      expect(w.keys).toBe((await superuser(tx)) ? 'after-copy' : 'triggers');
      await w.write([newForm(teams[0]!, codes, [3, 4])]);
      await w.finish();
    });
    // It saw the table with the new form in it.
    const seen = await pg.query<{ n: number }>('SELECT max(n)::int AS n FROM form_statements');
    expect(seen.rows[0]!.n).toBe(forms + 1);
  });
});
