// `tonghop restore --undo`: bring back the database the last restore replaced (a backup of the
// wrong day, of another commune restored with --force). The restored one is not deleted either:
// it is kept aside as pgdata.replaced-<time>, like anything a restore replaces.
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../io/file-write.js';
import { BackupError } from '../io/backup/format.js';
import { pgDir } from './data-folder.js';
import { forgetSynced } from './durability.js';
import { acquireLock } from './lock.js';
import { LAST_RESTORE_FILE, type LastRestore, keepAside } from './restore.js';

export interface UndoneRestore extends LastRestore {
  /** Where the database the undone restore had put in place is kept. */
  keptAside: string | null;
}

const nothing = (why: string) => new BackupError('missing', `Không có lần khôi phục nào để hoàn tác: ${why}. Không có gì bị thay đổi.`);

function lastRestore(dataDir: string): LastRestore {
  let last: Partial<LastRestore>;
  try {
    last = JSON.parse(fs.readFileSync(path.join(dataDir, LAST_RESTORE_FILE), 'utf8')) as Partial<LastRestore>;
  } catch {
    throw nothing('chưa khôi phục lần nào ở thư mục dữ liệu này, hoặc lần khôi phục cuối đã được hoàn tác');
  }
  if (typeof last.replaced !== 'string' || typeof last.file !== 'string' || typeof last.at !== 'string') throw nothing('thông tin lần khôi phục cuối bị hỏng');
  // Only a folder of ours, beside pgdata: the record cannot send us elsewhere.
  const replaced = path.join(dataDir, path.basename(last.replaced));
  if (!path.basename(replaced).startsWith('pgdata.replaced-') || !fs.existsSync(path.join(replaced, 'PG_VERSION')))
    throw nothing(`không còn thư mục dữ liệu cũ ${replaced}`);
  return { replaced, file: last.file, at: last.at };
}

/** Swap the replaced folder back in (the caller has no database open: the lock is taken here). */
export function undoLastRestore(dataDir: string, now: Date = new Date()): UndoneRestore {
  const lock = acquireLock(dataDir, 'tonghop restore --undo');
  try {
    const last = lastRestore(dataDir);
    const keptAside = keepAside(dataDir, now);
    try {
      fs.renameSync(last.replaced, pgDir(dataDir));
    } catch (e) {
      if (keptAside) fs.renameSync(keptAside, pgDir(dataDir)); // never leave no database
      throw e;
    }
    fs.rmSync(path.join(dataDir, LAST_RESTORE_FILE), { force: true });
    fsyncDir(dataDir);
    forgetSynced(pgDir(dataDir));
    return { ...last, keptAside };
  } finally {
    lock.release();
  }
}
