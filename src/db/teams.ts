// Teams and the areas they serve. Teams are never deleted: a dissolved team keeps its history.
import { type Area, type Team, areaSchema, teamSchema } from '../domain/schemas.js';
import { sortVi } from '../domain/text.js';
import type { Db } from './database.js';

export interface TeamRow {
  id: number;
  code: string;
  name: string;
  level: 'area' | 'commune';
  decisionNo: string | null;
  decisionDate: string | null;
  dissolvedOn: string | null;
  areaId: number | null;
  areaName: string | null;
  areaKind: string | null;
  urban: boolean | null;
  households: number | null;
  adults: number | null;
}

const TEAM_SELECT = `
  SELECT t.id, t.code, t.name, t.level, t.decision_no AS "decisionNo", t.decision_date AS "decisionDate",
         t.dissolved_on AS "dissolvedOn", t.area_id AS "areaId", a.name AS "areaName", a.kind AS "areaKind",
         a.urban, a.households, a.adults
  FROM team t LEFT JOIN area a ON a.id = t.area_id`;

/** All teams in Vietnamese order of name (dissolved ones too unless asked). */
export async function listTeams(q: Db, opts: { includeDissolved?: boolean } = {}): Promise<TeamRow[]> {
  const where = opts.includeDissolved ? '' : ' WHERE t.dissolved_on IS NULL';
  const r = await q.query<TeamRow>(TEAM_SELECT + where);
  return sortVi(r.rows, (t) => t.name);
}

export async function getTeamByCode(q: Db, code: string): Promise<TeamRow | null> {
  const r = await q.query<TeamRow>(TEAM_SELECT + ' WHERE t.code = $1', [code.trim().toUpperCase()]);
  return r.rows[0] ?? null;
}

export async function getTeam(q: Db, id: number): Promise<TeamRow | null> {
  const r = await q.query<TeamRow>(TEAM_SELECT + ' WHERE t.id = $1', [id]);
  return r.rows[0] ?? null;
}

export interface AreaRow extends Area {
  id: number;
}

export async function listAreas(q: Db): Promise<AreaRow[]> {
  const r = await q.query<AreaRow>('SELECT id, name, kind, urban, households, adults FROM area');
  return sortVi(r.rows, (a) => a.name);
}

/** Find the area by name (case and spacing as stored) or create it; update its figures. */
export async function upsertArea(q: Db, input: Area): Promise<number> {
  const a = areaSchema.parse(input);
  const r = await q.query<{ id: number }>(
    `INSERT INTO area (name, kind, urban, households, adults) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO UPDATE SET kind = $2, urban = $3, households = $4, adults = $5
     RETURNING id`,
    [a.name, a.kind, a.urban, a.households, a.adults],
  );
  return r.rows[0]!.id;
}

export interface TeamInput extends Team {
  area: Area | null; // null for a commune-level team
}

/** Insert or update (by code) a team and its area. Returns the team id. */
export async function saveTeam(q: Db, input: TeamInput): Promise<number> {
  const t = teamSchema.parse(input);
  const areaId = input.area ? await upsertArea(q, input.area) : null;
  const r = await q.query<{ id: number }>(
    `INSERT INTO team (code, name, area_id, level, decision_no, decision_date) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = $2, area_id = $3, level = $4, decision_no = $5, decision_date = $6
     RETURNING id`,
    [t.code, t.name, areaId, t.level, t.decisionNo, t.decisionDate],
  );
  return r.rows[0]!.id;
}

export async function dissolveTeam(q: Db, id: number, on: string): Promise<void> {
  await q.query('UPDATE team SET dissolved_on = $2 WHERE id = $1', [id, on]);
}

export async function reactivateTeam(q: Db, id: number): Promise<void> {
  await q.query('UPDATE team SET dissolved_on = NULL WHERE id = $1', [id]);
}

export class DuplicateTeamCodeError extends Error {
  constructor(public readonly existing: Pick<TeamRow, 'id' | 'code' | 'name'>) {
    super(`Mã tổ ${existing.code} đã có (${existing.name})`);
  }
}

/** Add a new team; a code already in use is refused (saveTeam would overwrite that team). */
export async function createTeam(q: Db, input: TeamInput): Promise<number> {
  const t = teamSchema.parse(input);
  const existing = await getTeamByCode(q, t.code);
  if (existing) throw new DuplicateTeamCodeError(existing);
  return saveTeam(q, input);
}

/**
 * Edit a team, its code included. Its area is edited in place when no other team shares it
 * (so a typo in the area's name is fixed, not copied); otherwise it is found or created by name.
 */
export async function updateTeam(q: Db, id: number, input: TeamInput): Promise<void> {
  const t = teamSchema.parse(input);
  const current = await getTeam(q, id);
  if (!current) throw new Error(`Không tìm thấy tổ (id ${id})`);
  const clash = await getTeamByCode(q, t.code);
  if (clash && clash.id !== id) throw new DuplicateTeamCodeError(clash);
  let areaId: number | null = null;
  if (input.area) {
    const a = areaSchema.parse(input.area);
    const shared = current.areaId === null ? 0 : (await q.query<{ n: number }>('SELECT count(*) AS n FROM team WHERE area_id = $1 AND id <> $2', [current.areaId, id])).rows[0]!.n;
    const sameName = (await q.query<{ id: number }>('SELECT id FROM area WHERE name = $1', [a.name])).rows[0];
    if (current.areaId !== null && shared === 0 && (!sameName || sameName.id === current.areaId)) {
      await q.query('UPDATE area SET name = $2, kind = $3, urban = $4, households = $5, adults = $6 WHERE id = $1', [
        current.areaId,
        a.name,
        a.kind,
        a.urban,
        a.households,
        a.adults,
      ]);
      areaId = current.areaId;
    } else {
      areaId = await upsertArea(q, a);
    }
  }
  await q.query('UPDATE team SET code = $2, name = $3, area_id = $4, level = $5, decision_no = $6, decision_date = $7 WHERE id = $1', [
    id,
    t.code,
    t.name,
    areaId,
    t.level,
    t.decisionNo,
    t.decisionDate,
  ]);
}

/** The months (YYYY-MM, ascending) for which the team has a form. */
export async function teamFormMonths(q: Db, teamId: number): Promise<string[]> {
  const r = await q.query<{ month: string }>('SELECT month FROM form WHERE team_id = $1 ORDER BY month', [teamId]);
  return r.rows.map((x) => x.month);
}
