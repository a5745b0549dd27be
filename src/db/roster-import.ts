// Writing a checked teams or members file, set-based (one statement per table), inside the
// import's transaction; and what checking a members file looks up.
import type { TeamLevel } from '../domain/schemas.js';
import type { Db } from './database.js';
import type { MemberRow } from './members.js';

export interface StagedArea {
  name: string;
  kind: string | null;
  urban: boolean;
  households: number | null;
  adults: number | null;
}

export interface StagedTeam {
  code: string;
  name: string;
  level: TeamLevel;
  areaName: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  exists: boolean;
}

/**
 * A team whose code exists is updated, a new one added; an area is found by name or added. Every
 * row added or changed is logged in roster_change under the import's batch (before: NULL when
 * added), each upsert and its log one statement: the `before` CTE reads the table as it was.
 */
export async function writeTeams(tx: Db, w: { areas: readonly StagedArea[]; teams: readonly StagedTeam[] }, batchId: number): Promise<void> {
  const a = w.areas;
  if (a.length) {
    await tx.query(
      `WITH before AS (SELECT id, to_jsonb(area) AS row FROM area WHERE name = ANY($1::text[])),
       up AS (
         INSERT INTO area (name, kind, urban, households, adults)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::int[], $5::int[])
         ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, urban = EXCLUDED.urban,
           households = EXCLUDED.households, adults = EXCLUDED.adults
         RETURNING id, to_jsonb(area) AS row)
       ${LOG_CHANGED('area')}`,
      [a.map((x) => x.name), a.map((x) => x.kind), a.map((x) => x.urban), a.map((x) => x.households), a.map((x) => x.adults), batchId],
    );
  }
  const t = w.teams;
  if (!t.length) return;
  await tx.query(
    `WITH before AS (SELECT id, to_jsonb(team) AS row FROM team WHERE code = ANY($1::text[])),
     up AS (
       INSERT INTO team (code, name, area_id, level, decision_no, decision_date)
       SELECT u.code, u.name, ar.id, u.level, u.decision_no, u.decision_date
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[])
            AS u (code, name, area_name, level, decision_no, decision_date)
       LEFT JOIN area ar ON ar.name = u.area_name
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, area_id = EXCLUDED.area_id, level = EXCLUDED.level,
         decision_no = EXCLUDED.decision_no, decision_date = EXCLUDED.decision_date
       RETURNING id, to_jsonb(team) AS row)
     ${LOG_CHANGED('team')}`,
    [t.map((x) => x.code), t.map((x) => x.name), t.map((x) => x.areaName), t.map((x) => x.level), t.map((x) => x.decisionNo), t.map((x) => x.decisionDate), batchId],
  );
}

/** The log of an upsert (CTEs `before` and `up`, batch id the last parameter); a row rewritten unchanged is not a change. */
const LOG_CHANGED = (table: 'area' | 'team') => `
  INSERT INTO roster_change (batch_id, table_name, row_id, before, after)
  SELECT ${table === 'area' ? '$6' : '$7'}, '${table}', up.id, before.row, up.row
  FROM up LEFT JOIN before ON before.id = up.id
  WHERE before.row IS DISTINCT FROM up.row`;

/** A member row to insert: a new member has no id nor left date yet; trainings are ISO dates. */
export interface StagedMember extends Omit<MemberRow, 'id' | 'leftOn' | 'trainings'> {
  trainings: string[];
}

/** Every member is new; each training date becomes a training on `topic`. All logged as added. */
export async function writeMembers(tx: Db, m: readonly StagedMember[], topic: string, batchId: number): Promise<void> {
  if (!m.length) return;
  // Take the ids first so trainings can point at them without one round trip per member.
  const ids = (
    await tx.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('member', 'id')) AS id FROM generate_series(1, $1) ORDER BY 1", [m.length])
  ).rows.map((r) => r.id);
  await tx.query(
    `WITH up AS (
       INSERT INTO member (id, team_id, full_name, role, organisation, birth_year, phone, joined_on)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::date[])
       RETURNING id, to_jsonb(member) AS row)
     INSERT INTO roster_change (batch_id, table_name, row_id, after) SELECT $9, 'member', id, row FROM up`,
    [ids, m.map((x) => x.teamId), m.map((x) => x.fullName), m.map((x) => x.role), m.map((x) => x.organisation), m.map((x) => x.birthYear), m.map((x) => x.phone), m.map((x) => x.joinedOn), batchId],
  );
  const tm: number[] = [];
  const td: string[] = [];
  m.forEach((x, i) => x.trainings.forEach((d) => (tm.push(ids[i]!), td.push(d))));
  if (tm.length)
    await tx.query(
      `WITH up AS (
         INSERT INTO training (member_id, held_on, topic) SELECT u.m, u.d, $3 FROM unnest($1::int[], $2::date[]) AS u (m, d)
         RETURNING id, to_jsonb(training) AS row)
       INSERT INTO roster_change (batch_id, table_name, row_id, after) SELECT $4, 'training', id, row FROM up`,
      [tm, td, topic, batchId],
    );
}

/** Team code → id, every team (dissolved ones too). */
export async function teamIdsByCode(q: Db): Promise<Map<string, number>> {
  const r = await q.query<{ id: number; code: string }>('SELECT id, code FROM team');
  return new Map(r.rows.map((t) => [t.code, t.id]));
}

/** Team id → the name of its current Tổ trưởng (the first, if it already has two). */
export async function currentLeaders(q: Db): Promise<Map<number, string>> {
  const r = await q.query<{ team_id: number; full_name: string }>("SELECT team_id, full_name FROM member WHERE role = 'to_truong' AND left_on IS NULL ORDER BY id");
  const leaders = new Map<number, string>();
  for (const row of r.rows) if (!leaders.has(row.team_id)) leaders.set(row.team_id, row.full_name);
  return leaders;
}
