// The home screen reads the stored evaluation (db/status-cache.ts), as `tonghop status` does:
// its model is exactly the one the full evaluation (computeStatus) gives, at the first look, when
// nothing changed and after a change; the rendered App stores what it evaluated for the next look,
// and a reader's App stores nothing.
import { describe, expect, it } from 'vitest';
import type { Db, DbRunner } from '../../src/db/database.js';
import { computeStatus, loadDeadlineTeams, loadFormMonths } from '../../src/db/evaluation.js';
import { enterField } from '../../src/db/forms.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { listIndicators } from '../../src/db/unit.js';
import { nextDeadline } from '../../src/domain/deadline.js';
import { toHomeReport } from '../../src/domain/home-row.js';
import { todayIso } from '../../src/domain/text.js';
import { type HomeModel, buildHomeModel, loadHomeModel } from '../../src/ui/home/model.js';
import { asDatabase, demoDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';
import { renderApp, waitUntil } from '../support/ui.js';

const M = '2026-10';

/** The home model from the full evaluation of every team (what home computed before stored evaluations). */
async function independent(db: DbRunner): Promise<HomeModel> {
  const full = await computeStatus(db, M);
  const { input, ...report } = full;
  const today = todayIso(TEST_NOW);
  const d = nextDeadline(input.plan, today)!;
  const present = await loadFormMonths(db, d.quarter[0]!, d.quarter[2]!);
  return buildHomeModel(toHomeReport(report), input.plan, input.teams, input.indicators, today, (id, m) => present.get(id)?.has(m) ?? false);
}

/** The database with every statement it is sent written down. */
function counted(db: DbRunner): { q: Db; sql: string[] } {
  const sql: string[] = [];
  const q: Db = { query: (s, p) => (sql.push(s), db.query(s, p)), exec: (s) => (sql.push(s), db.exec(s)), copyRows: (t, c, r) => db.copyRows(t, c, r) };
  return { q, sql };
}

/** No whole look kept (migration 13): the next look reads the teams' rows. */
const forgetLooks = (db: DbRunner) => db.query('UPDATE status_cache SET home_gz = NULL, home_stamps = NULL');

const storedRows = async (db: DbRunner) => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM eval_cache')).rows[0]!.n);

describe('home on the stored evaluation', () => {
  it('the model equals the full evaluation’s: first look, nothing changed, after a value and after a dissolution', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    const load = () => loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    expect(await load()).toEqual(await independent(db));
    expect(await storedRows(db)).toBeGreaterThan(0);
    expect(await load()).toEqual(await independent(db)); // read back
    const t = (await getTeamByCode(db, 'TDP01'))!;
    await db.transaction((tx) => enterField(tx, t.id, M, 'ho_huong_dan', 977, '2026-10-28'));
    expect(await load()).toEqual(await independent(db));
    await db.query(`UPDATE team SET dissolved_on = '2026-10-20' WHERE id = $1`, [t.id]);
    expect(await load()).toEqual(await independent(db));
  });

  it('what is stored is what home shows: a stored row is read, not computed again', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    const first = await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    const t = first.report.teams[0]!;
    // Only a read of the stored row can show this name: the team's own row still has the real one.
    await db.query(`UPDATE eval_cache SET home = replace(home, $1, 'Tổ đã lưu') WHERE team_id = $2`, [JSON.stringify(t.ten_to).slice(1, -1), t.teamId]);
    await forgetLooks(db); // else the whole look kept (migration 13) is read, not the teams' rows
    const again = await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    expect(again.rows.find((r) => r.teamId === t.teamId)?.name).toBe('Tổ đã lưu');
  });

  it('home reads each team’s row, not its whole result (migration 12): results it cannot parse change nothing', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    await db.query(`UPDATE eval_cache SET result = '{not json'`);
    expect(await loadHomeModel(db, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db));
    const t = (await getTeamByCode(db, 'TDP02'))!;
    await db.transaction((tx) => enterField(tx, t.id, M, 'ho_huong_dan', 311, '2026-10-28'));
    expect(await loadHomeModel(db, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db)); // only TDP02 evaluated
    const kept = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM eval_cache WHERE result = '{not json'`);
    expect(Number(kept.rows[0]!.n)).toBe((await storedRows(db)) - 1);
  });

  it('rows stored before migration 12 (no home row) are evaluated again and given one', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    await db.query(`UPDATE eval_cache SET home = NULL WHERE team_id IN (SELECT id FROM team ORDER BY id LIMIT 3)`);
    await forgetLooks(db);
    expect(await loadHomeModel(db, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db));
    const missing = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM eval_cache WHERE home IS NULL`);
    expect(Number(missing.rows[0]!.n)).toBe(0);
  });

  it('a reload after a saved value is 7 statements: the plan, indicators and thresholds read with the key; one store; the same model', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    const t = (await getTeamByCode(db, 'TDP03'))!;
    await db.transaction((tx) => enterField(tx, t.id, M, 'ho_huong_dan', 412, '2026-10-28'));
    const c = counted(db);
    expect(await loadHomeModel(c.q, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db));
    // The whole look kept (stale now; with the plan's text), the lookup (key, plan, indicators,
    // thresholds, stored rows), the changed team's input (3), the deadline's teams, storing the
    // team: no other read of the plan, indicators or setting, and no whole look kept yet.
    expect(c.sql.length).toBe(7);
    expect(c.sql.filter((s) => /FROM (plan|indicator|setting)\b/.test(s))).toHaveLength(2);
    // The next look has nothing to evaluate: the lookup, the deadline's teams, keeping the whole
    // look and reading it back (its hint bits: db/status-cache.ts touchStored).
    const settled = counted(db);
    expect(await loadHomeModel(settled.q, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db));
    expect(settled.sql.length).toBe(5);
    const again = counted(db);
    expect(await loadHomeModel(again.q, M, TEST_NOW, inds, { store: true })).toEqual(await independent(db));
    expect(again.sql.length).toBe(1); // nothing changed: the lookup finds the whole look kept
  });

  it('who owes forms: only the teams lacking a due month’s form are read, and the list is the full one’s', async () => {
    const db = await demoDb();
    const inds = await listIndicators(db);
    const t = (await getTeamByCode(db, 'TDP04'))!;
    await db.query(`DELETE FROM form_value WHERE form_id IN (SELECT id FROM form WHERE team_id = $1 AND month = '2026-10')`, [t.id]);
    await db.query(`DELETE FROM form WHERE team_id = $1 AND month = '2026-10'`, [t.id]);
    const model = await loadHomeModel(db, M, TEST_NOW, inds, { store: true });
    expect(model).toEqual(await independent(db));
    expect(model.missing.teams.map((m) => m.code)).toContain('TDP04');
    const present = await loadFormMonths(db, '2026-10', '2026-10');
    const owing = (await db.query<{ id: number }>('SELECT id FROM team ORDER BY id')).rows.map((r) => r.id).filter((id) => !present.get(id)?.has('2026-10'));
    expect((await loadDeadlineTeams(db, ['2026-10'])).teams.map((r) => r.id)).toEqual(owing);
    expect(owing.length).toBeLessThan(Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM team')).rows[0]!.n));
  });

  it('the App’s home stores the evaluation for the next look; a reader’s App stores nothing', async () => {
    const db = await demoDb();
    const app = await renderApp(db);
    await app.waitFor('Phiếu đã nhận');
    const teams = (await computeStatus(db, M)).teams.length;
    expect(await waitUntil(async () => (await storedRows(db)) >= teams || null)).toBe(true);

    const reader = await demoDb();
    const seen = await renderApp(reader, { database: { ...asDatabase(reader), readOnly: true } });
    const f = await seen.waitFor('Phiếu đã nhận');
    expect(f).toContain('Phiếu đã nhận 146/150');
    expect(await storedRows(reader)).toBe(0);
  });
});
