// A commune's period as bundle content, read from its database (the commune's side), and the
// content written into a received commune's schema (the province's side, through a scoped handle).
import type { BundleContent, BundleForm } from '../domain/bundle.js';
import { type Month, quarterStart } from '../domain/period.js';
import { thresholdsSchema } from '../domain/schemas.js';
import type { Db } from './database.js';
import { NotInitialisedError, getPlan, getSetting } from './unit.js';

/**
 * Everything a bundle carries, no personal data; null when the commune has no unit code yet. The
 * forms: from the first month of the span's first quarter (a quarter's target reads its whole
 * quarter) up to `to`. Run it in a transaction: one snapshot.
 */
export async function readBundleContent(q: Db, to: Month): Promise<BundleContent | null> {
  const unitRows = await q.query<{ name: string; kind: 'xa' | 'phuong'; province: string | null; agency: string; unit_code: string | null }>(
    `SELECT name, kind, province, agency, unit_code FROM unit WHERE id = 1`,
  );
  const u = unitRows.rows[0];
  const planRow = await getPlan(q);
  if (!u || !planRow) throw new NotInitialisedError();
  if (!u.unit_code) return null;
  const from = quarterStart(planRow.plan.span_start);
  const raw = await getSetting(q, 'thresholds');
  let thresholds: BundleContent['thresholds'] = null;
  if (raw) {
    try {
      const t = thresholdsSchema.safeParse(JSON.parse(raw));
      thresholds = t.success ? t.data : null;
    } catch {
      thresholds = null; // unreadable: the commune itself uses the defaults, and so will the province
    }
  }
  const indicators = await q.query<BundleContent['indicators'][number]>('SELECT code, label, unit, aggregation, position FROM indicator ORDER BY code');
  const areas = await q.query<BundleContent['areas'][number]>('SELECT id, name, kind, urban, households, adults FROM area ORDER BY id');
  const teams = await q.query<BundleContent['teams'][number]>(
    'SELECT id, code, name, area_id, level, decision_no, decision_date, dissolved_on FROM team ORDER BY id',
  );
  // The member's role and dates only: never full_name, phone, birth_year, organisation.
  const members = await q.query<BundleContent['members'][number]>(
    `SELECT m.id, m.team_id, m.role, m.joined_on, m.left_on,
            COALESCE((SELECT json_agg(to_char(t.held_on, 'YYYY-MM-DD') ORDER BY t.held_on, t.id) FROM training t WHERE t.member_id = m.id), '[]'::json) AS trainings
     FROM member m ORDER BY m.id`,
  );
  const forms = await q.query<BundleForm>(
    `SELECT f.team_id, f.month, f.received_on, f.source,
            COALESCE((SELECT json_object_agg(v.indicator, v.value ORDER BY v.indicator) FROM form_value v WHERE v.form_id = f.id), '{}'::json) AS values
     FROM form f WHERE f.month BETWEEN $1 AND $2 ORDER BY f.team_id, f.month`,
    [from, to],
  );
  return {
    unit: { name: u.name, kind: u.kind, province: u.province, agency: u.agency, unit_code: u.unit_code },
    presetId: planRow.presetId,
    plan: planRow.plan,
    thresholds,
    indicators: indicators.rows,
    areas: areas.rows,
    teams: teams.rows,
    members: members.rows,
    forms: forms.rows,
  };
}

/** The forms a received commune holds, keyed `ma_to|month` (to say what a bundle adds or changes). */
export async function heldForms(q: Db): Promise<Map<string, Pick<BundleForm, 'received_on' | 'values'> & { month: Month; code: string }>> {
  const r = await q.query<{ code: string; month: Month; received_on: string | null; values: Record<string, number> }>(
    `SELECT t.code, f.month, f.received_on,
            COALESCE((SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id), '{}'::json) AS values
     FROM form f JOIN team t ON t.id = f.team_id`,
  );
  return new Map(r.rows.map((f) => [`${f.code}|${f.month}`, f]));
}

/** Forms after `month` (kept when an older bundle is forced in), with their team's code. */
async function formsAfter(q: Db, month: Month): Promise<(Omit<BundleForm, 'team_id'> & { code: string })[]> {
  const r = await q.query<Omit<BundleForm, 'team_id'> & { code: string }>(
    `SELECT t.code, f.month, f.received_on, f.source,
            COALESCE((SELECT json_object_agg(v.indicator, v.value) FROM form_value v WHERE v.form_id = f.id), '{}'::json) AS values
     FROM form f JOIN team t ON t.id = f.team_id WHERE f.month > $1`,
    [month],
  );
  return r.rows;
}

const MEMBER_NAME = '(không gửi họ tên)';

/**
 * Make the (scoped) commune database hold `c`: the bundle replaces everything up to its period's
 * end; forms after it (from a newer bundle, when an older one is forced in) are kept.
 */
export async function replaceCommune(q: Db, c: BundleContent, periodEnd: Month): Promise<void> {
  const later = await formsAfter(q, periodEnd);
  // Every table of a commune database, children with it (CASCADE): later migrations' tables too.
  await q.exec('TRUNCATE unit, plan, indicator, setting, area, team, member, training, form, form_value, value_change RESTART IDENTITY CASCADE');
  const u = c.unit;
  await q.query(`INSERT INTO unit (id, name, kind, province, agency, unit_code, level) VALUES (1, $1, $2, $3, $4, $5, 'commune')`, [
    u.name,
    u.kind,
    u.province,
    u.agency,
    u.unit_code,
  ]);
  await q.query('INSERT INTO plan (id, preset_id, definition) VALUES (1, $1, $2)', [c.presetId, JSON.stringify(c.plan)]);
  if (c.thresholds) await q.query(`INSERT INTO setting (key, value) VALUES ('thresholds', $1)`, [JSON.stringify(c.thresholds)]);
  await q.copyRows('indicator', ['code', 'label', 'unit', 'aggregation', 'position'], c.indicators.map((i) => [i.code, i.label, i.unit, i.aggregation, i.position]));
  await q.copyRows('area', ['id', 'name', 'kind', 'urban', 'households', 'adults'], c.areas.map((a) => [a.id, a.name, a.kind, a.urban, a.households, a.adults]));
  await q.copyRows(
    'team',
    ['id', 'code', 'name', 'area_id', 'level', 'decision_no', 'decision_date', 'dissolved_on'],
    c.teams.map((t) => [t.id, t.code, t.name, t.area_id, t.level, t.decision_no, t.decision_date, t.dissolved_on]),
  );
  await q.copyRows('member', ['id', 'team_id', 'full_name', 'role', 'joined_on', 'left_on'], c.members.map((m) => [m.id, m.team_id, MEMBER_NAME, m.role, m.joined_on, m.left_on]));
  await q.copyRows('training', ['member_id', 'held_on', 'topic'], c.members.flatMap((m) => m.trainings.map((d) => [m.id, d, ''])));
  const teamId = new Map(c.teams.map((t) => [t.code, t.id]));
  const forms: BundleForm[] = [...c.forms];
  for (const f of later) {
    const id = teamId.get(f.code);
    if (id !== undefined) forms.push({ team_id: id, month: f.month, received_on: f.received_on, source: f.source, values: f.values });
  }
  await q.copyRows('form', ['id', 'team_id', 'month', 'received_on', 'source'], forms.map((f, i) => [i + 1, f.team_id, f.month, f.received_on, f.source]));
  await q.copyRows('form_value', ['form_id', 'indicator', 'value'], forms.flatMap((f, i) => Object.entries(f.values).map(([code, v]) => [i + 1, code, v])));
  // The serial counters past the rows given their ids (the schema stays a commune database).
  for (const t of ['area', 'team', 'member', 'form'])
    await q.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(id) FROM ${t}), 1))`, [t]);
}
