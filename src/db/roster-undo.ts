// Undo of a whole teams or members import (#10 item 14, migration 008): every row it added is
// deleted (a member's trainings with it), every row it changed gets its `before` back — or
// nothing at all, when a row no longer equals what the import left (changed by hand since) or an
// added row has since been built on (a team's members or forms, an area's teams, a member's
// trainings or move); undoing then would lose that work.
import type { Db } from './database.js';
import { lockWriters } from './locks.js';

export type RosterTable = 'area' | 'team' | 'member' | 'training';
const TABLES: readonly RosterTable[] = ['area', 'team', 'member', 'training'];

/** Per table, how many rows the undo deleted (added by the import) and put back (changed by it). */
export interface RosterUndone {
  added: Record<RosterTable, number>;
  restored: Record<RosterTable, number>;
}

const IN_BATCH = (table: RosterTable, added?: boolean) =>
  `SELECT row_id FROM roster_change WHERE batch_id = $1 AND table_name = '${table}'${added === undefined ? '' : added ? ' AND before IS NULL' : ' AND before IS NOT NULL'}`;

/** Rows an undo would overwrite or delete that are not as the import left them. */
async function changedSince(tx: Db, batchId: number): Promise<number> {
  let n = 0;
  for (const t of TABLES) {
    const r = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM roster_change c LEFT JOIN ${t} x ON x.id = c.row_id
       WHERE c.batch_id = $1 AND c.table_name = '${t}' AND to_jsonb(x) IS DISTINCT FROM c.after`,
      [batchId],
    );
    n += r.rows[0]!.n;
  }
  return n;
}

/** Added rows something outside the import now hangs on, in words (empty: none). */
async function builtOn(tx: Db, batchId: number): Promise<string[]> {
  const teams = await tx.query<{ code: string }>(
    `SELECT t.code FROM team t WHERE t.id IN (${IN_BATCH('team', true)})
       AND (EXISTS (SELECT 1 FROM member m WHERE m.team_id = t.id) OR EXISTS (SELECT 1 FROM form f WHERE f.team_id = t.id)
            OR EXISTS (SELECT 1 FROM value_change v WHERE v.team_id = t.id))
     ORDER BY t.code`,
    [batchId],
  );
  const areas = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM area a WHERE a.id IN (${IN_BATCH('area', true)})
       AND EXISTS (SELECT 1 FROM team t WHERE t.area_id = a.id AND t.id NOT IN (${IN_BATCH('team')}))`,
    [batchId],
  );
  const members = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM member m WHERE m.id IN (${IN_BATCH('member', true)})
       AND (EXISTS (SELECT 1 FROM training r WHERE r.member_id = m.id AND r.id NOT IN (${IN_BATCH('training')}))
            OR EXISTS (SELECT 1 FROM member o WHERE o.moved_from = m.id))`,
    [batchId],
  );
  const why: string[] = [];
  // Codes are checked by the schema (A-Z, 0-9, _ . -): safe to print as they are.
  if (teams.rows.length) why.push(`tổ ${teams.rows.map((t) => t.code).join(', ')} do tệp thêm nay đã có thành viên hoặc phiếu`);
  if (areas.rows[0]!.n) why.push(`${areas.rows[0]!.n} địa bàn do tệp thêm nay đã có tổ khác`);
  if (members.rows[0]!.n) why.push(`${members.rows[0]!.n} thành viên do tệp thêm nay đã có tập huấn hoặc đã chuyển tổ`);
  return why;
}

async function counts(tx: Db, batchId: number): Promise<RosterUndone> {
  const r = await tx.query<{ table_name: RosterTable; added: number; restored: number }>(
    `SELECT table_name, count(*) FILTER (WHERE before IS NULL)::int AS added, count(*) FILTER (WHERE before IS NOT NULL)::int AS restored
     FROM roster_change WHERE batch_id = $1 GROUP BY table_name`,
    [batchId],
  );
  const zero = () => ({ area: 0, team: 0, member: 0, training: 0 });
  const u: RosterUndone = { added: zero(), restored: zero() };
  for (const row of r.rows) (u.added[row.table_name] = row.added), (u.restored[row.table_name] = row.restored);
  return u;
}

/** Undo roster batch `batchId` inside `tx`: what it undid, or why not (then nothing changed). */
export async function undoRosterBatch(tx: Db, batchId: number): Promise<{ ok: true; undone: RosterUndone } | { ok: false; reason: string }> {
  await lockWriters(tx); // on a server: not while another officer's import or undo is writing
  const logged = await tx.query<{ rows_logged: boolean }>('SELECT rows_logged FROM import_batch WHERE id = $1', [batchId]);
  if (!logged.rows[0]?.rows_logged)
    return { ok: false, reason: 'Lần nhập gần nhất được làm bằng phiên bản cũ, không ghi lại từng dòng nên không hoàn tác được. Hãy sửa tổ, thành viên trên màn hình.' };
  const changed = await changedSince(tx, batchId);
  if (changed)
    return {
      ok: false,
      reason: `Sau lần nhập gần nhất đã có ${changed} dòng do tệp đó ghi được sửa hoặc xoá trên màn hình; hoàn tác cả lần nhập sẽ làm mất các thay đổi ấy, nên không hoàn tác gì.`,
    };
  const why = await builtOn(tx, batchId);
  if (why.length) return { ok: false, reason: `Không hoàn tác lần nhập gần nhất: ${why.join('; ')}. Hoàn tác sẽ làm mất chúng, nên không thay đổi gì.` };

  const undone = await counts(tx, batchId);
  await tx.query(`DELETE FROM training WHERE id IN (${IN_BATCH('training', true)})`, [batchId]);
  await tx.query(`DELETE FROM member WHERE id IN (${IN_BATCH('member', true)})`, [batchId]);
  // Changed teams first: one may have been moved onto an area the import added.
  await tx.query(
    `UPDATE team t SET name = r.name, area_id = r.area_id, level = r.level, decision_no = r.decision_no,
       decision_date = r.decision_date, dissolved_on = r.dissolved_on
     FROM roster_change c CROSS JOIN LATERAL jsonb_populate_record(NULL::team, c.before) r
     WHERE c.batch_id = $1 AND c.table_name = 'team' AND c.before IS NOT NULL AND t.id = c.row_id`,
    [batchId],
  );
  await tx.query(`DELETE FROM team WHERE id IN (${IN_BATCH('team', true)})`, [batchId]);
  await tx.query(
    `UPDATE area a SET kind = r.kind, urban = r.urban, households = r.households, adults = r.adults
     FROM roster_change c CROSS JOIN LATERAL jsonb_populate_record(NULL::area, c.before) r
     WHERE c.batch_id = $1 AND c.table_name = 'area' AND c.before IS NOT NULL AND a.id = c.row_id`,
    [batchId],
  );
  await tx.query(`DELETE FROM area WHERE id IN (${IN_BATCH('area', true)})`, [batchId]);
  await tx.query('UPDATE import_batch SET undone = true WHERE id = $1', [batchId]);
  return { ok: true, undone };
}
