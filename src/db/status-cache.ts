// Stored evaluations (migration 6): `status` and the dashboard read what changed since the last
// look, not every value of the plan window. Each team's result is stored with the stamp its data
// had (the writers' triggers give a team a new stamp on every change), the whole `status --json`
// text with the sum of all stamps; both under a key of the as-of month, the plan, the indicators'
// aggregation, the thresholds and the arithmetic itself. A stale or missing team is evaluated as
// always (loadEvalInput + evaluateTeam), so every number is the one the full evaluation gives.
// Stored only when the role may write (a reader computes what is stale and writes nothing).
// The plan's reader (its schema, zod) and the evaluation's loaders are imported when something
// must be evaluated: the look that finds nothing changed loads neither.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { Month } from '../domain/period.js';
import type { Indicator, Plan, Thresholds } from '../domain/schemas.js';
import { type StatusReport, type TeamStatus, STATUS_JSON_TAIL, assembleReport, evaluateTeam, evaluateTeamIfActive, statusJson, statusJsonHead, teamJson } from '../domain/status.js';
import { STATUS_RANK, evaluateTarget, type EvalPlan } from '../domain/targets.js';
import type { Db } from './database.js';
import type { KnownRow } from './evaluation.js';
import { fromHomeSnapshot, homeJson, homeSnapshotJson } from '../domain/home-row.js';

export interface StatusWithPlan {
  report: StatusReport;
  plan: Plan;
  indicators: Indicator[];
  evalPlan: EvalPlan;
  thresholds: Thresholds;
}

export interface CacheOptions {
  /** Store what was computed (only when the role may write: a reader never writes). */
  store?: boolean;
}

// The arithmetic is part of the key: a program whose evaluation code differs never reads another's results.
const ARITHMETIC = createHash('sha256').update(`${evaluateTeam}\n${evaluateTarget}\n${statusJson}\n${statusJsonHead}\n${teamJson}\n${homeJson}\n${homeSnapshotJson}\n${fromHomeSnapshot}`).digest('hex').slice(0, 16);

/** Whether this role may store evaluations (a scalar subquery: home's lookup asks it in its own statement). */
export const MAY_STORE = `(SELECT bool_and(has_table_privilege(c, 'INSERT') AND has_table_privilege(c, 'UPDATE') AND has_table_privilege(c, 'DELETE'))
  FROM unnest(ARRAY[to_regclass('eval_cache'), to_regclass('status_cache')]) AS c)`;

/** Stored evaluations are read and written only when this role may (a reader granted before migration 6 computes). */
async function access(q: Db): Promise<{ read: boolean; write: boolean }> {
  const r = await q.query<{ read: boolean | null; write: boolean | null }>(
    `SELECT bool_and(has_table_privilege(c, 'SELECT')) AS read, ${MAY_STORE} AS write
     FROM unnest(ARRAY[to_regclass('team_stamp'), to_regclass('eval_cache'), to_regclass('status_cache')]) AS c`,
  );
  const row = r.rows[0];
  return { read: !!row?.read, write: !!row?.read && !!row?.write };
}

/**
 * The key, computed by the database from what the evaluation depends on as stored (the plan's
 * definition, the indicators' aggregation, the thresholds' setting), so the look that finds
 * nothing changed needs no plan parsed: $1 is the arithmetic's hash and the as-of month.
 */
export const KEY = `md5(concat_ws('|', $1::text, (SELECT definition::text FROM plan WHERE id = 1),
  (SELECT string_agg(code || ' ' || aggregation, ',' ORDER BY code) FROM indicator),
  (SELECT value FROM setting WHERE key = 'thresholds')))`;
export const keyParam = (asOf: Month) => `${ARITHMETIC}|${asOf}`;

/** The plan, indicators, thresholds and key in one statement (one moment): what evaluating needs. */
export async function header(q: Db, asOf: Month) {
  const { KNOWN_SQL, knownFromRow } = await import('./evaluation.js');
  const row = (await q.query<KnownRow & { key: string }>(`SELECT ${KNOWN_SQL}, ${KEY} AS key`, [keyParam(asOf)])).rows[0]!;
  return { ...(await knownFromRow(row)), key: row.key };
}

/**
 * The stored `status --json` text, if nothing has changed since it was stored: one statement,
 * nothing else read (kept gzipped: the database moves a tenth of the bytes). It travels as base64
 * text, not as bytea: PGlite hands bytea over as hex text parsed in JavaScript, several times
 * slower for these ~200 KB than decoding base64. Null when there is none, or this role may not
 * read it (a reader granted before migration 6): then it is computed.
 */
async function storedJson(q: Db, asOf: Month): Promise<Buffer | null> {
  try {
    const r = await q.query<{ b64: string | null }>(
      `SELECT encode(json_gz, 'base64') AS b64 FROM status_cache WHERE key = ${KEY} AND stamps = (SELECT coalesce(sum(stamp), 0) FROM team_stamp)`,
      [keyParam(asOf)],
    );
    const b64 = r.rows[0]?.b64;
    // Kept as bytes: decoding 2.7 MB of UTF-8 into a string (and encoding it again to print it)
    // costs more than the look itself; the output guard checks the bytes as they are.
    return b64 ? zlib.gunzipSync(Buffer.from(b64, 'base64')) : null;
  } catch {
    return null;
  }
}

interface Lookup {
  /** The stamps' sum at the lookup (before anything was evaluated: a later change makes it stale). */
  stamps: string;
  fresh: (TeamStatus | null)[];
  /** Teams whose stored result is missing or stale, with their stamp at the lookup. */
  stale: { id: number; stamp: number }[];
}

/** In one statement (one moment): the stamps' sum, the good stored results, and the teams to evaluate. */
async function lookup(q: Db, key: string): Promise<Lookup> {
  const r = await q.query<{ stamps: string; fresh: string | null; stale: string | null }>(
    `WITH s AS (
       SELECT t.id, coalesce(st.stamp, 0) AS stamp, c.result
       FROM team t LEFT JOIN team_stamp st ON st.team_id = t.id
       LEFT JOIN eval_cache c ON c.key = $1 AND c.team_id = t.id AND c.stamp = coalesce(st.stamp, 0))
     SELECT (SELECT coalesce(sum(stamp), 0) FROM team_stamp)::text AS stamps,
            (SELECT '[' || string_agg(result, ',') || ']' FROM s WHERE result IS NOT NULL) AS fresh,
            (SELECT string_agg(id || ' ' || stamp, ',') FROM s WHERE result IS NULL) AS stale`,
    [key],
  );
  const row = r.rows[0]!;
  const stale = (row.stale ?? '')
    .split(',')
    .filter(Boolean)
    .map((p) => {
      const [id, stamp] = p.split(' ');
      return { id: Number(id), stamp: Number(stamp) };
    });
  return { stamps: row.stamps, fresh: row.fresh ? (JSON.parse(row.fresh) as (TeamStatus | null)[]) : [], stale };
}

export type Computed = { id: number; stamp: number; result: TeamStatus | null };

/** Each computed team's columns: its result, its piece of the --json text and its sort keys. */
function columns(computed: readonly Computed[]) {
  const r = computed.map((c) => c.result);
  return {
    ids: computed.map((c) => c.id),
    stamps: computed.map((c) => c.stamp),
    results: r.map((t) => JSON.stringify(t)),
    fragments: r.map((t) => (t ? teamJson(t) : null)),
    ranks: r.map((t) => (t ? STATUS_RANK[t.status] : null)),
    lowest: r.map((t) => t?.lowestRatio ?? null),
    codes: r.map((t) => t?.ma_to ?? null),
    due: r.map((t) => t?.due.length ?? 0),
    received: r.map((t) => (t ? t.due.length - t.missing.length : 0)),
    home: r.map((t) => (t ? homeJson(t) : 'null')),
  };
}

/**
 * The teams' results and the key's row (with the --json text, or only its use; with home's whole
 * look, db/home-cache.ts) in one statement: PGlite pays per statement.
 */
export async function store(q: Db, key: string, stamps: string, computed: Computed[], json: Buffer | string | null, home: string | null = null): Promise<void> {
  const c = columns(computed);
  const r = await q.query<{ added: boolean }>(
    `WITH teams AS (
       INSERT INTO eval_cache (key, team_id, stamp, result, fragment, rank, lowest, sort_code, due_n, received_n, home)
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::smallint[], $7::float8[], $8::text[], $9::int[], $10::int[], $11::text[])
       ON CONFLICT (key, team_id) DO UPDATE SET stamp = EXCLUDED.stamp, result = EXCLUDED.result, fragment = EXCLUDED.fragment, rank = EXCLUDED.rank,
         lowest = EXCLUDED.lowest, sort_code = EXCLUDED.sort_code, due_n = EXCLUDED.due_n, received_n = EXCLUDED.received_n, home = EXCLUDED.home)
     INSERT INTO status_cache (key, stamps, json_gz, home_stamps, home_gz) VALUES ($1, $12::numeric, decode($13, 'base64'), $14::numeric, decode($15, 'base64'))
     ON CONFLICT (key) DO UPDATE SET used_at = now(),
       stamps = CASE WHEN EXCLUDED.json_gz IS NULL THEN status_cache.stamps ELSE EXCLUDED.stamps END,
       json_gz = coalesce(EXCLUDED.json_gz, status_cache.json_gz),
       home_stamps = CASE WHEN EXCLUDED.home_gz IS NULL THEN status_cache.home_stamps ELSE EXCLUDED.home_stamps END,
       home_gz = coalesce(EXCLUDED.home_gz, status_cache.home_gz)
     RETURNING (xmax = 0) AS added`,
    [key, c.ids, c.stamps, c.results, c.fragments, c.ranks, c.lowest, c.codes, c.due, c.received, c.home,
      json === null ? null : stamps, json === null ? null : gz(json), home === null ? null : stamps, home === null ? null : gz(home)],
  );
  // A new key (another month, a changed plan): keep the four last used, drop the others' results.
  if (r.rows[0]?.added) {
    await q.query(`DELETE FROM status_cache WHERE key NOT IN (SELECT key FROM status_cache ORDER BY used_at DESC, key LIMIT 4)`);
    await q.query(`DELETE FROM eval_cache WHERE key NOT IN (SELECT key FROM status_cache)`);
  }
  if (json !== null || home !== null) await touchStored(q, key, json !== null, home !== null);
}

const gz = (text: Buffer | string) => zlib.gzipSync(text, { level: 1 }).toString('base64');

/**
 * Read the stored text back as the next look will (same rows, same pages), now that it is
 * committed: the first reader of a new row marks it as committed on its page (hint bits), and
 * with data checksums on, PostgreSQL logs a whole-page image for that. Done here, it goes out
 * with this command's own closing checkpoint; otherwise the next status — which stores
 * nothing — would log it and have to checkpoint and fsync the data folder on its way out.
 */
async function touchStored(q: Db, key: string, json: boolean, home: boolean): Promise<void> {
  // Only what was written: the other text's pages were marked by the look that stored it.
  const read = [json && 'md5(json_gz)', home && 'md5(home_gz)'].filter(Boolean).join(', ');
  await q.query(`SELECT ${read} FROM status_cache WHERE key = $1`, [key]);
}

type Access = Awaited<ReturnType<typeof access>>;

async function evaluate(q: Db, asOf: Month, h: Awaited<ReturnType<typeof header>>, { read, write }: Access, opts: CacheOptions, withJson: boolean) {
  const found: Lookup = read ? await lookup(q, h.key) : { stamps: '0', fresh: [], stale: [] };
  let computed: Computed[] = [];
  let all: (TeamStatus | null)[] = found.fresh;
  if (!read || found.stale.length) {
    const everyTeam = !read || found.fresh.length === 0;
    const { loadEvalInput } = await import('./evaluation.js');
    const input = await loadEvalInput(q, asOf, everyTeam ? { known: h } : { teamIds: found.stale.map((s) => s.id), known: h });
    const stampOf = new Map(found.stale.map((s) => [s.id, s.stamp]));
    computed = input.teams.map((t) => ({ id: t.id, stamp: stampOf.get(t.id) ?? 0, result: evaluateTeamIfActive(t, h.evalPlan, asOf, h.thresholds) }));
    all = [...found.fresh, ...computed.map((c) => c.result)];
  }
  const report = assembleReport(all, h.plan.id, asOf);
  const json = withJson ? statusJson(report) : null;
  if (opts.store && write && (computed.length || json !== null)) {
    const stamped = new Set(found.stale.map((s) => s.id)); // a team added since the lookup has no stamp to store
    try {
      await store(q, h.key, found.stamps, computed.filter((c) => stamped.has(c.id)), json);
    } catch {
      // Storing is an optimisation: a role refused it (or a race on a server) leaves the results as computed.
    }
  }
  return { report, json };
}

/** The status report (the same as computeStatus's), from what is stored where nothing changed. */
export async function cachedStatus(q: Db, asOf: Month, opts: CacheOptions = {}): Promise<StatusWithPlan> {
  const h = await header(q, asOf);
  const { report } = await evaluate(q, asOf, h, await access(q), opts, false);
  return { report, plan: h.plan, indicators: h.indicators, evalPlan: h.evalPlan, thresholds: h.thresholds };
}

/**
 * Which stored results are good (only counted, not read) and which teams to evaluate, in one
 * statement: the --json path after a change reads no result, the database puts the text together.
 */
async function lookupStale(q: Db, key: string): Promise<{ stamps: string; good: number; stale: { id: number; stamp: number }[] }> {
  const r = await q.query<{ stamps: string; good: number; stale: string | null }>(
    `WITH s AS (
       SELECT t.id, coalesce(st.stamp, 0) AS stamp, c.team_id IS NOT NULL AS good
       FROM team t LEFT JOIN team_stamp st ON st.team_id = t.id
       LEFT JOIN eval_cache c ON c.key = $1 AND c.team_id = t.id AND c.stamp = coalesce(st.stamp, 0))
     SELECT (SELECT coalesce(sum(stamp), 0) FROM team_stamp)::text AS stamps,
            (SELECT count(*) FROM s WHERE good)::int AS good,
            (SELECT string_agg(id || ' ' || stamp, ',') FROM s WHERE NOT good) AS stale`,
    [key],
  );
  const row = r.rows[0]!;
  const stale = (row.stale ?? '').split(',').filter(Boolean).map((p) => {
    const [id, stamp] = p.split(' ');
    return { id: Number(id), stamp: Number(stamp) };
  });
  return { stamps: row.stamps, good: Number(row.good), stale };
}

/**
 * The --json text from the good teams' stored pieces and the computed teams' new ones, in the
 * report's order (compareTeams: status rank, lowest ratio with none first, then ma_to, which the
 * schema keeps ASCII, so "C" order is JavaScript's) and with its completeness, by the database in
 * one statement. Null when the good teams are not those the lookup counted (a writer in between,
 * on a server): the caller evaluates as before.
 */
async function textFromPieces(q: Db, key: string, asOf: Month, planId: string, good: number, computed: readonly Computed[]): Promise<string | null> {
  const c = columns(computed);
  const r = await q.query<{ good: number; due: number; received: number; teams: string }>(
    `WITH g AS (
       SELECT c.fragment, c.rank, c.lowest, c.sort_code, c.due_n, c.received_n
       FROM team t LEFT JOIN team_stamp st ON st.team_id = t.id
       JOIN eval_cache c ON c.key = $1 AND c.team_id = t.id AND c.stamp = coalesce(st.stamp, 0)
       WHERE t.id <> ALL($2::int[])),
     a AS (SELECT * FROM g UNION ALL
           SELECT * FROM unnest($3::text[], $4::smallint[], $5::float8[], $6::text[], $7::int[], $8::int[]))
     SELECT (SELECT count(*) FROM g)::int AS good, coalesce(sum(due_n), 0)::int AS due, coalesce(sum(received_n), 0)::int AS received,
            coalesce(string_agg(fragment, ',' ORDER BY rank, lowest NULLS FIRST, sort_code COLLATE "C") FILTER (WHERE fragment IS NOT NULL), '') AS teams
     FROM a`,
    [key, c.ids, c.fragments, c.ranks, c.lowest, c.codes, c.due, c.received],
  );
  const row = r.rows[0]!;
  if (Number(row.good) !== good) return null;
  return statusJsonHead(asOf, planId, { due: Number(row.due), received: Number(row.received) }) + row.teams + STATUS_JSON_TAIL;
}

/** After a change: evaluate only the stale teams, the text from the pieces (null: see textFromPieces). */
async function jsonAfterChange(q: Db, asOf: Month, h: Awaited<ReturnType<typeof header>>, { write }: Access, opts: CacheOptions): Promise<string | null> {
  const found = await lookupStale(q, h.key);
  if (found.good === 0) return null; // nothing stored: the whole evaluation, as before
  let computed: Computed[] = [];
  if (found.stale.length) {
    const { loadEvalInput } = await import('./evaluation.js');
    const input = await loadEvalInput(q, asOf, { teamIds: found.stale.map((s) => s.id), known: h });
    const stampOf = new Map(found.stale.map((s) => [s.id, s.stamp]));
    computed = input.teams.map((t) => ({ id: t.id, stamp: stampOf.get(t.id) ?? 0, result: evaluateTeamIfActive(t, h.evalPlan, asOf, h.thresholds) }));
  }
  // Putting the text together is an optimisation, like storing: if it fails, the whole
  // evaluation gives the same text, never an error.
  const json = await textFromPieces(q, h.key, asOf, h.plan.id, found.good, computed).catch(() => null);
  if (json !== null && opts.store && write) {
    const stamped = new Set(found.stale.map((s) => s.id));
    try {
      await store(q, h.key, found.stamps, computed.filter((c) => stamped.has(c.id)), json);
    } catch {
      // Storing is an optimisation (see evaluate).
    }
  }
  return json;
}

/** `tonghop status --json`'s text as UTF-8 bytes: read whole when nothing changed since it was stored. */
export async function cachedStatusJsonBytes(q: Db, asOf: Month, opts: CacheOptions = {}): Promise<Buffer> {
  const stored = await storedJson(q, asOf);
  if (stored !== null) return stored;
  const h = await header(q, asOf);
  const acc = await access(q);
  const json = (acc.read ? await jsonAfterChange(q, asOf, h, acc, opts) : null) ?? (await evaluate(q, asOf, h, acc, opts, true)).json!;
  return Buffer.from(json, 'utf8');
}

/** `tonghop status --json`'s text. */
export async function cachedStatusJson(q: Db, asOf: Month, opts: CacheOptions = {}): Promise<string> {
  return (await cachedStatusJsonBytes(q, asOf, opts)).toString('utf8');
}
