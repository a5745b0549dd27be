// `tonghop import --undo-last`: the newest import undone as a whole (#10 item 14), in one
// transaction; refused (exit 1, nothing changed) when it cannot be undone without a loss.
import { undoLastImport } from '../../db/import-batches.js';
import { formatInt } from '../../domain/text.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError } from '../errors.js';

/** What an undone import did, in Vietnamese (the Import screen says the same). */
export function undoneImportText(r: { batch: { summary: string }; formsRemoved: number; changesReverted: number }): string {
  return (
    `Đã hoàn tác lần nhập gần nhất (${r.batch.summary.replace(/\.$/u, '')}): ` +
    `bỏ ${formatInt(r.formsRemoved)} phiếu do tệp tạo, trả lại ${formatInt(r.changesReverted)} giá trị cũ.`
  );
}

export async function undoLastImportCommand(opts: CommonOptions): Promise<void> {
  const text = await withDatabase(opts, 'tonghop import --undo-last', async (db) => {
    const r = await db.db.transaction((tx) => undoLastImport(tx));
    if (!r.ok) throw new RefusedError(r.reason);
    await db.checkpoint();
    return undoneImportText(r);
  });
  process.stdout.write(text + '\n');
}
