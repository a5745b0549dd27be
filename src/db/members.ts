// Members and their trainings. A member belongs to one team at a time: moving closes the old
// membership (left date) and opens a new one, so each team's history keeps who was there.
import { type Member, type Role, type Training, memberSchema, trainingSchema } from '../domain/schemas.js';
import { sortVi } from '../domain/text.js';
import type { Db } from './database.js';
import { packedRows } from './packed.js';

export interface MemberRow {
  id: number;
  teamId: number;
  fullName: string;
  role: Role;
  organisation: string | null;
  birthYear: number | null;
  phone: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  trainings: { id: number; heldOn: string; topic: string }[];
}

const MEMBER_FIELDS = `m.id, m.team_id AS "teamId", m.full_name AS "fullName", m.role, m.organisation, m.birth_year AS "birthYear",
         m.phone, m.joined_on AS "joinedOn", m.left_on AS "leftOn"`;
const TRAININGS_JSON = `json_agg(json_build_object('id', t.id, 'heldOn', t.held_on, 'topic', t.topic) ORDER BY t.held_on, t.id)`;
const MEMBER_SELECT = `
  SELECT ${MEMBER_FIELDS},
         COALESCE((SELECT ${TRAININGS_JSON} FROM training t WHERE t.member_id = m.id), '[]'::json) AS trainings
  FROM member m`;
/** The same rows for every member at once: the trainings grouped in one pass, not looked up per member. */
const ALL_MEMBERS_SELECT = `
  SELECT ${MEMBER_FIELDS}, COALESCE(g.trainings, '[]'::json) AS trainings
  FROM member m LEFT JOIN (SELECT t.member_id, ${TRAININGS_JSON} AS trainings FROM training t GROUP BY t.member_id) g ON g.member_id = m.id`;

/** Training dates packed (packed.ts) as "memberId date": `SELECT ${PACKED_TRAININGS.sql()} FROM training tr`. */
export const PACKED_TRAININGS = packedRows([
  ['tr.member_id', 'int'],
  ['tr.held_on', 'text'],
]);

const ROLE_ORDER: Record<Role, number> = { to_truong: 0, to_pho: 1, thanh_vien: 2 };

/** A team's members: leaders first, then Vietnamese name order; former members last. */
export async function listMembers(q: Db, teamId: number): Promise<MemberRow[]> {
  const r = await q.query<MemberRow>(MEMBER_SELECT + ' WHERE m.team_id = $1', [teamId]);
  const byName = sortVi(r.rows, (m) => lastNameFirst(m.fullName));
  return byName.sort((a, b) => Number(!!a.leftOn) - Number(!!b.leftOn) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

/**
 * Every team's members, former ones too (by team, then id), for checks over a whole database: one
 * row holding them as JSON, the same fields and values as MEMBER_SELECT's rows (dates as
 * 'YYYY-MM-DD'). PGlite pays per row returned: 18,000 rows took ~0.9 s of a restore at 2,000 teams.
 */
export async function listAllMembers(q: Db): Promise<MemberRow[]> {
  const r = await q.query<{ members: string | null }>(`SELECT json_agg(x ORDER BY x."teamId", x.id)::text AS members FROM (${ALL_MEMBERS_SELECT}) x`);
  const text = r.rows[0]?.members;
  return text ? (JSON.parse(text) as MemberRow[]) : [];
}

export async function getMember(q: Db, id: number): Promise<MemberRow | null> {
  const r = await q.query<MemberRow>(MEMBER_SELECT + ' WHERE m.id = $1', [id]);
  return r.rows[0] ?? null;
}

/** Vietnamese names sort by given name (the last word), then the rest. */
export function lastNameFirst(fullName: string): string {
  const parts = fullName.trim().split(/\s+/u);
  const given = parts.pop() ?? '';
  return `${given} ${parts.join(' ')}`;
}

export async function addMember(q: Db, teamId: number, input: Member): Promise<number> {
  const m = memberSchema.parse(input);
  const r = await q.query<{ id: number }>(
    `INSERT INTO member (team_id, full_name, role, organisation, birth_year, phone, joined_on, left_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [teamId, m.fullName, m.role, m.organisation, m.birthYear, m.phone, m.joinedOn, m.leftOn],
  );
  return r.rows[0]!.id;
}

export async function updateMember(q: Db, id: number, input: Member): Promise<void> {
  const m = memberSchema.parse(input);
  await q.query(
    `UPDATE member SET full_name = $2, role = $3, organisation = $4, birth_year = $5, phone = $6, joined_on = $7, left_on = $8
     WHERE id = $1`,
    [id, m.fullName, m.role, m.organisation, m.birthYear, m.phone, m.joinedOn, m.leftOn],
  );
}

/** Move to another team on a date: the old membership ends, a new one starts with the same trainings. */
export async function moveMember(q: Db, id: number, toTeamId: number, on: string): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO member (team_id, full_name, role, organisation, birth_year, phone, joined_on, moved_from)
     SELECT $2, full_name, 'thanh_vien', organisation, birth_year, phone, $3, id FROM member WHERE id = $1
     RETURNING id`,
    [id, toTeamId, on],
  );
  const newId = r.rows[0]!.id;
  await q.query('INSERT INTO training (member_id, held_on, topic) SELECT $2, held_on, topic FROM training WHERE member_id = $1', [
    id,
    newId,
  ]);
  await q.query('UPDATE member SET left_on = $2 WHERE id = $1', [id, on]);
  return newId;
}

/** One joining date (null: "since before anything we track") for several members, in the caller's
 * transaction. A date after a member's leaving day would break that membership: refused by the caller. */
export async function setJoinedOn(q: Db, memberIds: readonly number[], joinedOn: string | null): Promise<number> {
  const r = await q.query<{ id: number }>('UPDATE member SET joined_on = $2 WHERE id = ANY($1::int[]) RETURNING id', [memberIds, joinedOn]);
  return r.rows.length;
}

/** Record one training for several members at once. */
export async function addTraining(q: Db, memberIds: readonly number[], input: Training): Promise<void> {
  const t = trainingSchema.parse(input);
  for (const id of memberIds) {
    await q.query('INSERT INTO training (member_id, held_on, topic) VALUES ($1, $2, $3)', [id, t.heldOn, t.topic]);
  }
}

export interface MemberBrief {
  id: number;
  teamId: number;
  fullName: string;
  role: Role;
  birthYear: number | null;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Every member of every team, without trainings: enough for the team list's counts and warnings. */
export async function listMemberBriefs(q: Db): Promise<MemberBrief[]> {
  const r = await q.query<MemberBrief>(
    `SELECT id, team_id AS "teamId", full_name AS "fullName", role, birth_year AS "birthYear", joined_on AS "joinedOn", left_on AS "leftOn"
     FROM member ORDER BY id`,
  );
  return r.rows;
}

/** Training topics used so far (suggestions when recording a new one), in Vietnamese order. */
export async function listTrainingTopics(q: Db): Promise<string[]> {
  const r = await q.query<{ topic: string }>('SELECT DISTINCT topic FROM training');
  return sortVi(
    r.rows.map((x) => x.topic),
    (t) => t,
  );
}
