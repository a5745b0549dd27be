// Import batches (migration 003, #10 item 14): every import is one batch. The last one can be
// undone as a whole; and no batch — nor a restore — is ever crossed by per-value undo (`u`),
// which reaches only changes typed after the newest of them (undoFloor).
import type { Db } from './database.js';
import { FIELD_FORM, RESTORE_FLOOR, UNDO_FLOOR_SQL } from './forms.js';
import { revertBatch } from './import-revert.js';
import { setSetting } from './unit.js';
import { formatInt, formatTimeDate } from '../domain/text.js';
import { type RosterUndone, undoRosterBatch } from './roster-undo.js';

export type BatchKind = 'teams' | 'members' | 'figures';

export interface ImportBatch {
  id: number;
  at: Date;
  kind: BatchKind;
  summary: string;
  undone: boolean;
}

/** Open a batch inside the import's transaction; its id goes on every change the import logs. */
export async function beginImportBatch(tx: Db, kind: BatchKind): Promise<number> {
  const r = await tx.query<{ id: number }>('INSERT INTO import_batch (kind) VALUES ($1) RETURNING id', [kind]);
  return Number(r.rows[0]!.id);
}

/** Close it: what it did (for the undo's message), and the wall per-value undo stops at. */
export async function closeImportBatch(tx: Db, id: number, summary: string): Promise<void> {
  await tx.query(
    `UPDATE import_batch SET summary = $2, last_change = (SELECT coalesce(max(id), 0) FROM value_change) WHERE id = $1`,
    [id, summary],
  );
}

/**
 * What a restore calls once the restored database is in place (inside its transaction, or right
 * after): the restored history stays readable but `u` can no longer reach into it.
 */
export async function cutUndoHistory(q: Db): Promise<void> {
  const r = await q.query<{ n: string }>('SELECT coalesce(max(id), 0)::text AS n FROM value_change');
  await setSetting(q, RESTORE_FLOOR, r.rows[0]!.n);
}

/** Changes with an id up to this one are before the newest import or restore: `u` never undoes them. */
export async function undoFloor(q: Db): Promise<number> {
  const r = await q.query<{ n: string }>(`SELECT ${UNDO_FLOOR_SQL}::text AS n`);
  return Number(r.rows[0]!.n);
}

const BATCH_SELECT = 'SELECT id::int AS id, at, kind, summary, undone FROM import_batch';

/** The newest import, undone or not (null: none yet). */
export async function lastImport(q: Db): Promise<ImportBatch | null> {
  const r = await q.query<ImportBatch>(`${BATCH_SELECT} ORDER BY id DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

export type UndoImportResult =
  | { ok: true; batch: ImportBatch; formsRemoved: number; changesReverted: number; roster: RosterUndone | null }
  | { ok: false; reason: string };

/**
 * Undo the newest import as a whole: its new forms removed, every value, received date and note it
 * changed put back (each logged as 'undo'); a roster import's rows put back (roster-undo.ts).
 * Refused when there is none, it is already undone, or a change made after it would be lost.
 */
export async function undoLastImport(tx: Db): Promise<UndoImportResult> {
  const batch = await lastImport(tx);
  if (!batch) return { ok: false, reason: 'Chưa có lần nhập tệp nào để hoàn tác.' };
  if (batch.undone) return { ok: false, reason: `Lần nhập gần nhất (${batch.summary || 'không rõ'}) đã được hoàn tác rồi.` };
  if (batch.kind !== 'figures') {
    const r = await undoRosterBatch(tx, batch.id);
    return r.ok ? { ok: true, batch: { ...batch, undone: true }, formsRemoved: 0, changesReverted: 0, roster: r.undone } : r;
  }
  const later = await tx.query<{ n: number }>(
    `SELECT count(DISTINCT (c.team_id, c.month))::int AS n FROM value_change c
     WHERE c.id > (SELECT last_change FROM import_batch WHERE id = $1)
       AND (c.team_id, c.month) IN (SELECT team_id, month FROM value_change WHERE batch_id = $1)`,
    [batch.id],
  );
  if (later.rows[0]!.n > 0)
    return {
      ok: false,
      reason: `Sau lần nhập gần nhất đã có thay đổi ở ${later.rows[0]!.n} phiếu do tệp đó ghi; hoàn tác cả lần nhập sẽ làm mất các thay đổi ấy, nên không hoàn tác. Hãy sửa từng ô (xem lịch sử phiếu).`,
    };
  const counts = await tx.query<{ forms: number; others: number }>(
    `SELECT count(*) FILTER (WHERE field = $2)::int AS forms, count(*) FILTER (WHERE field <> $2)::int AS others
     FROM value_change WHERE batch_id = $1`,
    [batch.id, FIELD_FORM],
  );
  await revertBatch(tx, batch.id);
  const formsRemoved = counts.rows[0]!.forms;
  const changesReverted = counts.rows[0]!.others;
  await tx.query('UPDATE value_change SET undone = true WHERE batch_id = $1', [batch.id]);
  // The undo's own log lines are behind the wall too: `u` does not redo the import piecemeal.
  await tx.query(`UPDATE import_batch SET undone = true, last_change = (SELECT coalesce(max(id), 0) FROM value_change) WHERE id = $1`, [batch.id]);
  return { ok: true, batch: { ...batch, undone: true }, formsRemoved, changesReverted, roster: null };
}

/** What an undone import did, in Vietnamese: the command line and the Import screen say the same. */
export function undoneImportMessage(r: { batch: ImportBatch; formsRemoved: number; changesReverted: number; roster: RosterUndone | null }): string {
  const u = r.roster;
  if (!u) return `Đã hoàn tác lần nhập tệp số liệu gần nhất: bỏ ${formatInt(r.formsRemoved)} phiếu do tệp tạo, trả lại ${formatInt(r.changesReverted)} giá trị cũ.`;
  const at = formatTimeDate(new Date(r.batch.at));
  if (r.batch.kind === 'members') {
    const trainings = u.added.training ? ` (cùng ${formatInt(u.added.training)} lần tập huấn)` : '';
    return `Đã hoàn tác lần nhập thành viên lúc ${at}: bỏ ${formatInt(u.added.member)} thành viên thêm mới${trainings}.`;
  }
  const parts = [`bỏ ${formatInt(u.added.team)} tổ thêm mới`, `trả lại ${formatInt(u.restored.team)} tổ đã sửa`];
  if (u.added.area) parts.push(`bỏ ${formatInt(u.added.area)} địa bàn thêm mới`);
  if (u.restored.area) parts.push(`trả lại ${formatInt(u.restored.area)} địa bàn đã sửa`);
  return `Đã hoàn tác lần nhập danh sách tổ lúc ${at}: ${parts.join(', ')}.`;
}
