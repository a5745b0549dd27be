// Write a backup: dump, gzip, temp name + fsync + rename, then read the file back from disk and
// check it (checksum, every table's row count) before saying it is done.
import fs from 'node:fs';
import path from 'node:path';
import type { DbRunner } from '../db/database.js';
import { dumpTables } from '../db/dump.js';
import { BackupError, type BackupHeader, buildBackup, corrupt, encodeBackup } from '../io/backup/format.js';
import { readBackup } from '../io/backup/read.js';
import { FileWriteError, asFileWriteError, writeFileAtomic } from '../io/file-write.js';

export interface BackupResult {
  file: string;
  bytes: number;
  header: BackupHeader;
  ms: number;
}

/** Total rows of a header (for messages). */
export function totalRows(header: BackupHeader): number {
  return Object.values(header.counts).reduce((a, b) => a + b, 0);
}

export async function writeBackupFile(db: DbRunner, target: string, opts: { now?: Date } = {}): Promise<BackupResult> {
  const t0 = Date.now();
  const { header, body } = buildBackup(await dumpTables(db), opts.now ?? new Date());
  const bytes = await encodeBackup(header, body);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (e) {
    throw asFileWriteError(e, target);
  }
  writeFileAtomic(target, bytes);
  // Verify what is really on disk, not what we meant to write.
  try {
    const back = await readBackup(target);
    const same =
      back.header.sha256 === header.sha256 &&
      Object.keys(header.counts).every((t) => back.header.counts[t] === header.counts[t]) &&
      back.sections.every((s) => s.rows.length === header.counts[s.table]);
    if (!same) throw corrupt(target, 'đọc lại không khớp với dữ liệu vừa ghi');
  } catch (e) {
    fs.rmSync(target, { force: true });
    if (e instanceof FileWriteError) throw e;
    throw new BackupError('corrupt', `Bản sao lưu vừa ghi không đọc lại được nên đã bị xoá: ${(e as Error).message}. Hãy thử sao lưu vào ổ khác.`);
  }
  return { file: target, bytes: bytes.length, header, ms: Date.now() - t0 };
}
