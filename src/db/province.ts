// A province database: its own unit row (level province), and the communes it has received, each
// in a schema of its own (unit_<code>) read through a scoped handle (scoped.ts).
import type { Month } from '../domain/period.js';
import { type UnitStatus, unitStatus } from '../domain/province.js';
import type { ProvinceKind } from '../domain/unit-code.js';
import { unitSchemaName } from '../domain/unit-code.js';
import type { Db, DbRunner } from './database.js';
import type { CommuneForms } from '../domain/province-totals.js';
import { computeStatus, loadForms } from './evaluation.js';
import { migrate, schemaVersion } from './migrate.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { nestedRunner, scopedDb, scopedTx } from './scoped.js';
import { AlreadyInitialisedError } from './setup.js';
import { getPlan, getUnit, listIndicators } from './unit.js';

/** Make this (empty) database a province's: its unit row, no plan (each commune brings its own). */
export async function setupProvince(db: DbRunner, p: { name: string; kind: ProvinceKind; agency: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await getUnit(tx);
    if (existing) throw new AlreadyInitialisedError(existing.name);
    await tx.query(`INSERT INTO unit (id, name, kind, province, agency, level) VALUES (1, $1, $2, $1, $3, 'province')`, [p.name, p.kind, p.agency]);
  });
}

export interface ReceivedUnit {
  code: string;
  name: string;
  planId: string;
  period: string;
  periodEnd: string;
  /** The bundle's creation time (ISO). */
  bundleCreated: string;
  sha256: string;
  receivedAt: string;
}

interface ReceivedRow {
  unit_code: string;
  name: string;
  plan_id: string;
  period: string;
  period_end: string;
  bundle_created: Date;
  sha256: string;
  received_at: Date;
}

const toReceived = (r: ReceivedRow): ReceivedUnit => ({
  code: r.unit_code,
  name: r.name,
  planId: r.plan_id,
  period: r.period,
  periodEnd: r.period_end,
  bundleCreated: r.bundle_created.toISOString(),
  sha256: r.sha256,
  receivedAt: r.received_at.toISOString(),
});

const RECEIVED = 'SELECT unit_code, name, plan_id, period, period_end, bundle_created, sha256, received_at FROM received_unit';

export async function listReceived(q: Db): Promise<ReceivedUnit[]> {
  const r = await q.query<ReceivedRow>(`${RECEIVED} ORDER BY unit_code`);
  return r.rows.map(toReceived);
}

export async function getReceived(q: Db, code: string): Promise<ReceivedUnit | null> {
  const r = await q.query<ReceivedRow>(`${RECEIVED} WHERE unit_code = $1`, [code]);
  return r.rows[0] ? toReceived(r.rows[0]) : null;
}

export async function saveReceived(q: Db, u: Omit<ReceivedUnit, 'receivedAt'>, receivedAt: Date): Promise<void> {
  await q.query(
    `INSERT INTO received_unit (unit_code, name, plan_id, period, period_end, bundle_created, sha256, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (unit_code) DO UPDATE SET name = $2, plan_id = $3, period = $4, period_end = $5, bundle_created = $6, sha256 = $7, received_at = $8`,
    [u.code, u.name, u.planId, u.period, u.periodEnd, u.bundleCreated, u.sha256, receivedAt.toISOString()],
  );
}

/**
 * A received commune's database: the same tables as a commune's own, in its schema, read by the
 * very code the commune runs. Its schema is brought up to this program's version first (a newer
 * program may have added a migration since the bundle came in); nothing is written when current.
 */
export async function openUnitDb(db: DbRunner, code: string, opts: { readOnly?: boolean } = {}): Promise<DbRunner> {
  const scoped = scopedDb(db, unitSchemaName(code));
  if ((await schemaVersion(scoped)) < SCHEMA_VERSION) await migrate(scoped);
  return opts.readOnly ? scopedDb(db, unitSchemaName(code), { readOnly: true }) : scoped;
}

/** Create the schema of a commune (inside the import's transaction) and its tables, by the same migrations. */
export async function ensureUnitSchema(tx: Db, code: string): Promise<void> {
  const schema = unitSchemaName(code);
  await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await migrate(nestedRunner(scopedTx(tx, schema)));
}

/** Every received commune evaluated as of `asOf`, through its scoped handle (the commune's own code). */
export async function provinceStatus(db: DbRunner, asOf: Month): Promise<UnitStatus[]> {
  const out: UnitStatus[] = [];
  for (const r of await listReceived(db)) {
    const report = await computeStatus(await openUnitDb(db, r.code), asOf);
    out.push(unitStatus({ code: r.code, name: r.name, period: r.period, periodEnd: r.periodEnd, created: r.bundleCreated }, report));
  }
  return out;
}

export interface ReceivedForms extends CommuneForms {
  code: string;
  name: string;
  /** The last month of the bundle held. */
  periodEnd: Month;
  /** The first month of the commune's plan. */
  spanStart: Month | null;
}

/** Every received commune's indicators and its teams' forms from `from` to `to` (its own tables, through its scoped handle). */
export async function provinceForms(db: DbRunner, from: Month, to: Month): Promise<ReceivedForms[]> {
  const out: ReceivedForms[] = [];
  for (const r of await listReceived(db)) {
    const q = await openUnitDb(db, r.code);
    const indicators = await listIndicators(q);
    const spanStart = (await getPlan(q))?.plan.span_start ?? null;
    out.push({ code: r.code, name: r.name, periodEnd: r.periodEnd, spanStart, indicators, forms: [...(await loadForms(q, from, to)).values()] });
  }
  return out;
}
