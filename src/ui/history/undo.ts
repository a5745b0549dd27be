// `u` on the entry form, the month grid and the history screen: one shared undo through the write
// queue (so it runs after every pending save), limited to the form or month on screen (#10 item
// 14), and a message saying exactly what was undone.
import { type ChangeRow, type UndoOutcome, type UndoScope, undoLast } from '../../db/forms.js';
import type { DbRunner } from '../../db/database.js';
import { getTeam } from '../../db/teams.js';
import { monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { enqueueWrite } from '../saveQueue.js';
import { changeValueText, fieldLabel, formatDateTime } from './describe.js';

export function undoMessage(c: ChangeRow, teamName: string, indicators: readonly Indicator[]): string {
  return (
    `Đã hoàn tác: ${teamName}, tháng ${monthLabel(c.month)}, ${fieldLabel(c.field, indicators, true)}: ` +
    `${changeValueText(c.field, c.newValue)} → ${changeValueText(c.field, c.oldValue)}`
  );
}

/**
 * Undo refused: the field holds something else than what the officer's change wrote (someone
 * changed it since, or removed the form). Says what is there now, who put it there and when.
 */
export function staleUndoMessage(o: Extract<UndoOutcome, { undone: false }>, teamName: string, indicators: readonly Indicator[]): string {
  const c = o.change;
  const where = `${teamName}, tháng ${monthLabel(c.month)}, ${fieldLabel(c.field, indicators, true)}`;
  const s = o.since;
  const person = s ? (s.byOfficer && s.byRole ? `${s.byOfficer} (${s.byRole})` : (s.byOfficer ?? s.byRole ?? 'người khác')) : 'người khác';
  const when = s ? ` lúc ${formatDateTime(s.at)}` : '';
  const what =
    o.formGone
      ? `phiếu không còn (${person} bỏ${when})`
      : `${person} đã sửa thành ${changeValueText(c.field, o.current)}${when}`;
  return `Không hoàn tác: ${where} — ${what}, sau lần bạn sửa ${changeValueText(c.field, c.oldValue)} → ${changeValueText(c.field, c.newValue)}; để nguyên`;
}

export const NOTHING_TO_UNDO = 'Không còn thay đổi gõ tay nào để hoàn tác';

/**
 * Undo the newest typed change within what is on screen (one form, or one month of the grid),
 * never past the newest import or restore, never over a value another officer wrote since.
 * Null when there is nothing to undo; `undone: false` with the refusal's words otherwise.
 */
export async function runUndo(
  db: DbRunner,
  indicators: readonly Indicator[],
  scope: UndoScope,
): Promise<{ undone: boolean; change: ChangeRow; current: string | null; message: string } | null> {
  const outcome = await enqueueWrite(db, () => db.transaction((tx) => undoLast(tx, scope)));
  if (!outcome) return null;
  const change = outcome.change;
  const team = await getTeam(db, change.teamId);
  const name = team?.name ?? `tổ #${change.teamId}`;
  if (!outcome.undone) return { undone: false, change, current: outcome.current, message: staleUndoMessage(outcome, name, indicators) };
  return { undone: true, change, current: change.oldValue, message: undoMessage(change, name, indicators) };
}
