// tonghop backup [FILE]: a whole-database backup, checked after writing. Also lists the backups
// folder and chooses it (e.g. a USB stick) for the automatic daily backups.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { FileWriteError } from '../../io/file-write.js';
import { formatAge, formatBytes, formatDateTime, describeCounts } from '../../io/backup/describe.js';
import { BackupError } from '../../io/backup/format.js';
import { backupDirOf, freshBackupPath, listBackups, setBackupDir, untakenPath } from '../../store/backup-folder.js';
import { writeBackupFile } from '../../store/backup.js';
import { renderTable } from '../../io/text-table.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { folderArgument, newCommand } from '../program.js';

interface BackupOptions extends CommonOptions {
  list?: boolean;
  setDir?: string;
  defaultDir?: boolean;
}

const KIND_LABEL = { auto: 'tự động', manual: 'thủ công', 'pre-upgrade': 'trước nâng cấp' } as const;

/** Refusals of the backup module (bad file, full disk) → exit 1 with their Vietnamese message. */
export function asRefusal(e: unknown): unknown {
  return e instanceof BackupError || e instanceof FileWriteError ? new RefusedError((e as Error).message) : e;
}

export function backupCommand(): Command {
  return newCommand('backup', 'sao lưu toàn bộ dữ liệu vào một tệp (kiểm tra lại sau khi ghi)')
    .usage('[TỆP] [tùy chọn]')
    .argument('[TỆP]', 'tệp hoặc thư mục đích (mặc định: thư mục sao lưu, xem --list)')
    .option('--list', 'liệt kê các bản sao lưu trong thư mục sao lưu')
    .option('--set-dir <DIR>', 'chọn thư mục sao lưu tự động hằng ngày (ví dụ ổ USB)', folderArgument)
    .option('--default-dir', 'dùng lại thư mục sao lưu mặc định (trong thư mục dữ liệu)')
    .action(async (file: string | undefined, _own: BackupOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<BackupOptions>();
      if ([file !== undefined, !!opts.list, opts.setDir !== undefined, !!opts.defaultDir].filter(Boolean).length > 1)
        throw new UsageError('chỉ dùng một trong: TỆP, --list, --set-dir, --default-dir.');
      const choosing = opts.setDir !== undefined || !!opts.defaultDir;
      const out = await withDatabase(opts, 'tonghop backup', async (database) => {
        if (opts.setDir !== undefined || opts.defaultDir) {
          try {
            await database.db.transaction((tx) => setBackupDir(tx, opts.defaultDir ? null : opts.setDir!));
          } catch (e) {
            throw asRefusal(e);
          }
          const { dir } = await backupDirOf(database.db, database.dataDir);
          return `Thư mục sao lưu tự động: ${dir}\n`;
        }
        const { dir } = await backupDirOf(database.db, database.dataDir);
        if (opts.list) {
          const now = new Date();
          const rows = listBackups(dir).map((e) => [e.name, formatDateTime(e.created), formatAge(e.created, now), formatBytes(e.bytes), KIND_LABEL[e.kind]]);
          if (!rows.length) return `Chưa có bản sao lưu nào trong ${dir}.\n`;
          const table = renderTable(
            [{ title: 'Tệp' }, { title: 'Lúc tạo' }, { title: 'Cách đây' }, { title: 'Dung lượng', align: 'right' }, { title: 'Loại' }],
            rows,
          );
          return `Thư mục sao lưu: ${dir}\n${table.join('\n')}\n`;
        }
        const target = file === undefined ? freshBackupPath(dir, new Date()) : resolveTarget(file);
        try {
          const r = await writeBackupFile(database.db, target);
          return `Đã sao lưu vào ${r.file} (${formatBytes(r.bytes)}; ${describeCounts(r.header)}; đã đọc lại và kiểm tra).\n`;
        } catch (e) {
          throw asRefusal(e);
        }
      }, { writes: choosing ? 'chọn thư mục sao lưu' : undefined });
      process.stdout.write(out);
    });
}

/**
 * A folder (existing, or named with a trailing slash: `backup newdir/`) gets a dated file name
 * inside it; a file name that is taken gets -2, -3… (never replaced).
 */
export function resolveTarget(file: string, now: Date = new Date()): string {
  const abs = path.resolve(file);
  if (/[\\/]$/u.test(file)) return freshBackupPath(abs, now);
  try {
    if (fs.statSync(abs).isDirectory()) return freshBackupPath(abs, now);
  } catch {
    // not there yet (or not reachable: writing says why)
  }
  return untakenPath(abs);
}
