// `tonghop import --undo-last`: the newest import undone as a whole (#10 item 14), in one
// transaction; refused (exit 1, nothing changed) when it cannot be undone without a loss.
import { undoLastImport, undoneImportMessage } from '../../db/import-batches.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError } from '../errors.js';

export async function undoLastImportCommand(opts: CommonOptions): Promise<void> {
  const text = await withDatabase(opts, 'tonghop import --undo-last', async (db) => {
    const r = await db.db.transaction((tx) => undoLastImport(tx));
    if (!r.ok) throw new RefusedError(r.reason);
    await db.checkpoint();
    return undoneImportMessage(r);
  }, { communeOnly: 'tonghop import --undo-last' });
  process.stdout.write(text + '\n');
}
