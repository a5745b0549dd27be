// Home's figures from the stored evaluations (db/status-cache.ts): per team only what its list
// shows (eval_cache.home, migration 12: ~200 bytes, not the ~1.4 KB result with every target) and
// the completeness summed by the database from the stored counts. Teams whose data changed since
// (or never stored) are evaluated as always and stored; nothing stored at all: the whole
// evaluation, as status does. So what home shows is the full evaluation's, team by team.
// Home's whole look (the report, who owes forms for the deadline) is kept too (migration 13),
// good while nothing changed: a start with nothing changed reads that one row, not a row per team.
import zlib from 'node:zlib';
import type { Month } from '../domain/period.js';
import { type Plan, planSchema } from '../domain/schemas.js';
import { type HomeReport, type HomeSnapshot, type HomeTeam, fromHomeJson, fromHomeSnapshot, homeSnapshotJson, toHomeReport, toHomeTeam } from '../domain/home-row.js';
import { compareTeams, evaluateTeamIfActive } from '../domain/status.js';
import type { Db } from './database.js';
import { type DeadlineTeams, KNOWN_SQL, type KnownRow, deadlineTeamsFrom, deadlineTeamsText, knownFromRow, loadEvalInput } from './evaluation.js';
import { type CacheOptions, type Computed, KEY, MAY_STORE, cachedStatus, keyParam, store } from './status-cache.js';

interface HomeLookup {
  key: string;
  /** The plan, indicators and thresholds as stored (the plan parsed once per text: the deadline needs it; the rest only to evaluate). */
  known: KnownRow;
  write: boolean;
  stamps: string;
  good: number;
  due: number;
  received: number;
  teams: HomeTeam[];
  stale: { id: number; stamp: number }[];
}

/**
 * One statement (one moment): the key, what evaluating needs (KNOWN_SQL), whether this role may store, the stamps' sum,
 * the good teams' rows and counts, and the teams to evaluate. Throws when this role may not read
 * the stored evaluations (a reader granted before migration 6): the caller then computes.
 */
async function lookupHome(q: Db, asOf: Month): Promise<HomeLookup> {
  const r = await q.query<KnownRow & { key: string; write: boolean | null; stamps: string; good: number; due: number; received: number; rows: string | null; stale: string | null }>(
    `WITH k AS (SELECT ${KEY} AS key),
     s AS (
       SELECT t.id, coalesce(st.stamp, 0) AS stamp, c.home, c.due_n, c.received_n, c.home IS NOT NULL AS good
       FROM team t LEFT JOIN team_stamp st ON st.team_id = t.id
       LEFT JOIN eval_cache c ON c.key = (SELECT key FROM k) AND c.team_id = t.id AND c.stamp = coalesce(st.stamp, 0))
     SELECT (SELECT key FROM k) AS key, ${KNOWN_SQL},
            ${MAY_STORE} AS write,
            (SELECT coalesce(sum(stamp), 0) FROM team_stamp)::text AS stamps,
            (SELECT count(*) FROM s WHERE good)::int AS good,
            (SELECT coalesce(sum(due_n), 0) FROM s WHERE good)::int AS due,
            (SELECT coalesce(sum(received_n), 0) FROM s WHERE good)::int AS received,
            (SELECT '[' || string_agg(id || ',' || home, ',') || ']' FROM s WHERE good AND home <> 'null') AS rows,
            (SELECT string_agg(id || ' ' || stamp, ',') FROM s WHERE NOT good) AS stale`,
    [keyParam(asOf)],
  );
  const row = r.rows[0]!;
  const flat = row.rows ? (JSON.parse(row.rows) as unknown[]) : [];
  const teams: HomeTeam[] = [];
  for (let i = 0; i < flat.length; i += 2) teams.push(fromHomeJson(flat[i] as number, flat[i + 1] as Parameters<typeof fromHomeJson>[1]));
  const stale = (row.stale ?? '').split(',').filter(Boolean).map((p) => {
    const [id, stamp] = p.split(' ');
    return { id: Number(id), stamp: Number(stamp) };
  });
  const known = { preset_id: row.preset_id, definition: row.definition, indicators: row.indicators, thresholds: row.thresholds };
  return { key: row.key, known, write: !!row.write, stamps: row.stamps, good: Number(row.good), due: Number(row.due), received: Number(row.received), teams, stale };
}

/**
 * Home's whole look kept for `asOf` if nothing changed since it was kept (the stamps' sum, as the
 * status text's), with the plan's definition, in one statement that reads no team's row. Null when
 * there is none, or this role may not read it, or it cannot be read: then home looks as without.
 */
async function keptLook(q: Db, asOf: Month): Promise<{ definition: string; snapshot: HomeSnapshot } | null> {
  try {
    const r = await q.query<{ definition: string | null; b64: string | null }>(
      `SELECT (SELECT definition::text FROM plan WHERE id = 1) AS definition,
              (SELECT encode(home_gz, 'base64') FROM status_cache WHERE key = ${KEY} AND home_stamps = (SELECT coalesce(sum(stamp), 0) FROM team_stamp)) AS b64`,
      [keyParam(asOf)],
    );
    const { definition, b64 } = r.rows[0] ?? {};
    const snapshot = b64 ? unpack(b64) : null;
    return definition && snapshot ? { definition, snapshot } : null;
  } catch {
    return null;
  }
}

function unpack(b64: string): HomeSnapshot | null {
  try {
    return fromHomeSnapshot(zlib.gunzipSync(Buffer.from(b64, 'base64')).toString('utf8'));
  } catch {
    return null;
  }
}

/** The last plan parsed, by its stored text: a reload with the same plan parses nothing. */
let lastPlan: { text: string; plan: Plan } | null = null;
function parsePlan(text: string): Plan {
  if (lastPlan?.text !== text) lastPlan = { text, plan: planSchema.parse(JSON.parse(text)) };
  return lastPlan.plan;
}

/** The whole evaluation (nothing stored, or this role may not read it), stored as status stores it. */
async function evaluated(q: Db, asOf: Month, opts: CacheOptions): Promise<{ report: HomeReport; plan: Plan }> {
  const s = await cachedStatus(q, asOf, opts);
  return { report: toHomeReport(s.report), plan: s.plan };
}

/** What home shows for `asOf`: the report, the plan it is of, and who owes forms for the deadline's months that are due. */
export interface HomeLook {
  report: HomeReport;
  plan: Plan;
  owing: DeadlineTeams;
}

/**
 * Home's look for `asOf` (the same teams, order and counts as cachedStatus's) and who owes forms
 * for `monthsDue(plan)` (the deadline follows today, not the as-of month). Kept whole for the next
 * look when this role may store and no team had to be evaluated (withOwing).
 */
export async function cachedHome(q: Db, asOf: Month, monthsDue: (plan: Plan) => readonly Month[], opts: CacheOptions = {}): Promise<HomeLook> {
  const kept = await keptLook(q, asOf);
  if (kept) {
    const plan = parsePlan(kept.definition);
    const months = monthsDue(plan);
    // Kept with other due months (a day has passed since): looked at again below, and kept anew.
    if (sameMonths(kept.snapshot.months, months)) {
      const report = { as_of: asOf, plan: plan.id, completeness: kept.snapshot.completeness, teams: kept.snapshot.teams };
      return { report, plan, owing: deadlineTeamsFrom(kept.snapshot.owing ?? '[]') };
    }
  }
  const found = await lookupHome(q, asOf).catch(() => null);
  if (!found || found.good === 0 || found.known.definition === null) {
    const { report, plan } = await evaluated(q, asOf, opts);
    return withOwing(q, found, report, plan, monthsDue(plan), [], opts);
  }
  let computed: Computed[] = [];
  const plan = parsePlan(found.known.definition);
  if (found.stale.length) {
    // Something changed: what evaluating needs was read by the lookup, in the same moment as the key.
    const h = await knownFromRow(found.known, plan);
    const input = await loadEvalInput(q, asOf, { teamIds: found.stale.map((s) => s.id), known: h });
    const stampOf = new Map(found.stale.map((s) => [s.id, s.stamp]));
    computed = input.teams.map((t) => ({ id: t.id, stamp: stampOf.get(t.id) ?? 0, result: evaluateTeamIfActive(t, h.evalPlan, asOf, h.thresholds) }));
  }
  const teams = found.teams;
  let { due, received } = found;
  for (const c of computed) {
    if (!c.result) continue;
    teams.push(toHomeTeam(c.result));
    due += c.result.due.length;
    received += c.result.due.length - c.result.missing.length;
  }
  teams.sort(compareTeams);
  const report = { as_of: asOf, plan: plan.id, completeness: { due, received }, teams };
  return withOwing(q, found, report, plan, monthsDue(plan), computed, opts);
}

const sameMonths = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((m, i) => m === b[i]);

/**
 * Who owes forms for `months`, then (when this role may) store the evaluated teams, or when there
 * were none the whole look, under the stamps' sum of the lookup: a change committed since makes
 * the sum differ, so a look kept from a later moment is never read as an earlier one. A look right
 * after a change keeps only its teams: the officer is typing, and keeping the whole look after
 * every saved value cost each reload ~16 ms at 2,000 teams; the next look that finds nothing to
 * evaluate keeps it.
 */
async function withOwing(q: Db, found: HomeLookup | null, report: HomeReport, plan: Plan, months: readonly Month[], computed: Computed[], opts: CacheOptions): Promise<HomeLook> {
  const owing = months.length ? await deadlineTeamsText(q, months) : null;
  if (opts.store && found?.write) {
    const stamped = new Set(found.stale.map((s) => s.id)); // a team added since the lookup has no stamp to store
    try {
      const look = computed.length ? null : homeSnapshotJson(report, months, owing);
      await store(q, found.key, found.stamps, computed.filter((c) => stamped.has(c.id)), null, look);
    } catch {
      // Storing is an optimisation: a role refused it (or a race on a server) leaves the look as computed.
    }
  }
  return { report, plan, owing: deadlineTeamsFrom(owing ?? '[]') };
}
