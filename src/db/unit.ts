// The commune, its plan in force and the settings: one row each. The schemas (zod) are imported
// where a value is checked, not with this module: a setting read on the way out of a command
// (the daily backup's folder) or a `status` that finds nothing changed does not load them.
const schemas = () => import('../domain/schemas.js');
import { planIndicators } from '../domain/indicators.js';
import type { Indicator, Plan, Thresholds, Unit } from '../domain/schemas.js';
import type { Db } from './database.js';

/** The database exists but no commune was set up in it (an interrupted first run). */
export class NotInitialisedError extends Error {
  constructor() {
    super('Dữ liệu chưa được khởi tạo (chưa có xã/phường hoặc kế hoạch). Hãy chạy "tonghop init --plan <mã> --unit "<tên>"" hoặc mở "tonghop" để khởi tạo.');
  }
}

export interface UnitRow extends Unit {
  createdAt: string;
}

export async function getUnit(q: Db): Promise<Unit | null> {
  const r = await q.query<Unit>('SELECT name, kind, province, agency, officer FROM unit WHERE id = 1');
  return r.rows[0] ?? null;
}

export async function saveUnit(q: Db, input: Unit): Promise<Unit> {
  const u = (await schemas()).unitSchema.parse(input);
  await q.query(
    `INSERT INTO unit (id, name, kind, province, agency, officer) VALUES (1, $1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = $1, kind = $2, province = $3, agency = $4, officer = $5`,
    [u.name, u.kind, u.province, u.agency, u.officer],
  );
  return u;
}

export interface PlanRow {
  presetId: string;
  plan: Plan;
}

export async function getPlan(q: Db): Promise<PlanRow | null> {
  const r = await q.query<{ preset_id: string; definition: unknown }>('SELECT preset_id, definition FROM plan WHERE id = 1');
  const row = r.rows[0];
  if (!row) return null;
  return { presetId: row.preset_id, plan: (await schemas()).planSchema.parse(row.definition) };
}

/** Store the plan and make sure every indicator it uses exists (never removes one: history keeps its figures). */
export async function savePlan(q: Db, presetId: string, input: Plan): Promise<Plan> {
  const plan = (await schemas()).planSchema.parse(input);
  await q.query(
    `INSERT INTO plan (id, preset_id, definition, updated_at) VALUES (1, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET preset_id = $1, definition = $2, updated_at = now()`,
    [presetId, JSON.stringify(plan)],
  );
  const inds = planIndicators(plan);
  for (const [i, ind] of inds.entries()) {
    await q.query(
      `INSERT INTO indicator (code, label, unit, aggregation, position) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET label = $2, unit = $3, aggregation = $4, position = $5`,
      [ind.code, ind.label, ind.unit, ind.aggregation, i],
    );
  }
  return plan;
}

/** Indicators in the paper form's fixed order. */
export async function listIndicators(q: Db): Promise<Indicator[]> {
  const r = await q.query<Indicator>('SELECT code, label, unit, aggregation FROM indicator ORDER BY position, code');
  return r.rows;
}

export async function getSetting(q: Db, key: string): Promise<string | null> {
  const r = await q.query<{ value: string }>('SELECT value FROM setting WHERE key = $1', [key]);
  return r.rows[0]?.value ?? null;
}

export async function setSetting(q: Db, key: string, value: string | null): Promise<void> {
  if (value === null) await q.query('DELETE FROM setting WHERE key = $1', [key]);
  else
    await q.query('INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = $2', [key, value]);
}

/**
 * Settings naming a folder of this computer (keys ending in `_dir`: where backups go, where
 * exports go). They belong to the machine, not to the data: a restore never takes them from a
 * backup, and keeps this computer's.
 */
export async function getMachineSettings(q: Db): Promise<Record<string, string>> {
  const r = await q.query<{ key: string; value: string }>(`SELECT key, value FROM setting WHERE key LIKE '%\\_dir' ESCAPE '\\'`);
  return Object.fromEntries(r.rows.map((x) => [x.key, x.value]));
}

/** Replace every machine setting (see getMachineSettings) with these. */
export async function replaceMachineSettings(q: Db, values: Record<string, string>): Promise<void> {
  await q.query(`DELETE FROM setting WHERE key LIKE '%\\_dir' ESCAPE '\\'`);
  for (const [key, value] of Object.entries(values)) await setSetting(q, key, value);
}

export async function getThresholds(q: Db): Promise<Thresholds> {
  return parseThresholds(await getSetting(q, 'thresholds'));
}

/** The thresholds from their stored setting (a reader that asks for it in its own statement). */
export async function parseThresholds(raw: string | null): Promise<Thresholds> {
  const { DEFAULT_THRESHOLDS, thresholdsSchema } = await schemas();
  if (!raw) return DEFAULT_THRESHOLDS;
  const parsed = thresholdsSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_THRESHOLDS;
}

export async function setThresholds(q: Db, t: Thresholds): Promise<void> {
  await setSetting(q, 'thresholds', JSON.stringify((await schemas()).thresholdsSchema.parse(t)));
}
