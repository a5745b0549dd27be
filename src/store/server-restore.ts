// Restore on a server: the backup is checked and built beside, exactly as for a data folder
// (restore.ts: a PGlite in a temp folder, an older schema migrated up), then its rows replace the
// server's in one transaction. Other officers keep reading the old rows until it commits; other
// writers wait for it. What it replaces is first written to a backup file (the server's
// "kept aside"), so nothing is lost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, DbRunner } from '../db/database.js';
import { dumpTables, loadTables } from '../db/dump.js';
import { openPglite } from '../db/engines/pglite.js';
import { lockWriters } from '../db/locks.js';
import { getMachineSettings, replaceMachineSettings } from '../db/unit.js';
import type { BackupHeader } from '../io/backup/format.js';
import { BACKUP_SUFFIX, backupDirOf, freshBackupPath } from './backup-folder.js';
import { writeBackupFile } from './backup.js';
import type { Database } from './open.js';
import { prepareRestore } from './restore.js';

export interface ServerRestoreResult {
  header: BackupHeader;
  /** The backup of what was on the server just before. */
  kept: string;
}

/** A runner whose transactions are the one already open (a backup written from inside it). */
const within = (tx: Db): DbRunner => ({ ...tx, transaction: (fn) => fn(tx) });

export async function restoreOnServer(database: Database, file: string, now: Date = new Date()): Promise<ServerRestoreResult> {
  const beside = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-khoi-phuc-'));
  try {
    const prepared = await prepareRestore(beside, file);
    const built = await openPglite(prepared.folder);
    const dump = await dumpTables(built.db).finally(() => built.close());
    const sections = dump.tables.map((t) => ({ table: t.table, columns: t.columns, rows: t.rows ? t.rows.split('\n') : [] }));
    return await database.db.transaction(async (tx) => {
      await lockWriters(tx);
      const { dir } = await backupDirOf(tx, database.dataDir);
      const kept = freshBackupPath(dir, now).replace(BACKUP_SUFFIX, `-truoc-khoi-phuc${BACKUP_SUFFIX}`);
      await writeBackupFile(within(tx), kept, { now });
      // The folders of this server's settings (backup_dir…) stay this server's, as on a data folder.
      const machine = await getMachineSettings(tx);
      await loadTables(tx, sections, dump.schema);
      await replaceMachineSettings(tx, machine);
      return { header: prepared.header, kept };
    });
  } finally {
    fs.rmSync(beside, { recursive: true, force: true });
  }
}
