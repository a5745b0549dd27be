// `u` on the entry form, the month grid and the history screen: one shared undo through the write
// queue (so it runs after every pending save), limited to the form or month on screen (#10 item
// 14), and a message saying exactly what was undone.
import { type ChangeRow, type UndoScope, undoLast } from '../../db/forms.js';
import type { DbRunner } from '../../db/database.js';
import { getTeam } from '../../db/teams.js';
import { monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { enqueueWrite } from '../saveQueue.js';
import { changeValueText, fieldLabel } from './describe.js';

export function undoMessage(c: ChangeRow, teamName: string, indicators: readonly Indicator[]): string {
  return (
    `Đã hoàn tác: ${teamName}, tháng ${monthLabel(c.month)}, ${fieldLabel(c.field, indicators, true)}: ` +
    `${changeValueText(c.field, c.newValue)} → ${changeValueText(c.field, c.oldValue)}`
  );
}

export const NOTHING_TO_UNDO = 'Không còn thay đổi gõ tay nào để hoàn tác';

/**
 * Undo the newest typed change within what is on screen (one form, or one month of the grid),
 * never past the newest import or restore. Null when there is none.
 */
export async function runUndo(
  db: DbRunner,
  indicators: readonly Indicator[],
  scope: UndoScope,
): Promise<{ change: ChangeRow; message: string } | null> {
  const change = await enqueueWrite(db, () => db.transaction((tx) => undoLast(tx, scope)));
  if (!change) return null;
  const team = await getTeam(db, change.teamId);
  return { change, message: undoMessage(change, team?.name ?? `tổ #${change.teamId}`, indicators) };
}
