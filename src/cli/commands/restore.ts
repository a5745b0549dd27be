// tonghop restore FILE: check the backup, build a new database from it, swap it in; the replaced
// database is kept aside (pgdata.replaced-<time>), never deleted. Works with no database at all
// (a new laptop) and with one that no longer opens (after a power cut). On a server the backup's
// rows replace the server's in one transaction, after a backup of what they replace.
import type { Command } from 'commander';
import path from 'node:path';
import { describeCounts, formatDateTime } from '../../io/backup/describe.js';
import { restoreBackup } from '../../store/restore.js';
import { undoLastRestore } from '../../store/restore-undo.js';
import { printable } from '../../domain/text.js';
import { UsageError } from '../errors.js';
import { restoreOnServer } from '../../store/server-restore.js';
import { type CommonOptions, placeOf, withDatabase } from '../context.js';
import { newCommand } from '../program.js';
import { asRefusal } from './backup.js';

interface RestoreOptions extends CommonOptions {
  force?: boolean;
  undo?: boolean;
}

export function restoreCommand(): Command {
  return newCommand('restore', 'khôi phục toàn bộ dữ liệu từ một bản sao lưu (giữ lại dữ liệu đang có)')
    .usage('TỆP [--force] | --undo [tùy chọn]')
    .argument('[TỆP]', 'tệp sao lưu (.backup.gz)')
    .option('--force', 'khôi phục cả khi bản sao lưu là của xã/phường khác')
    .option('--undo', 'hoàn tác lần khôi phục cuối: đưa lại dữ liệu mà lần đó đã thay')
    .action(async (file: string | undefined, _own: RestoreOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<RestoreOptions>();
      if (opts.undo ? file !== undefined || opts.force : file === undefined)
        throw new UsageError(opts.undo ? '--undo không đi cùng TỆP hay --force.' : "thiếu tham số bắt buộc 'TỆP' (hoặc dùng --undo).");
      const place = placeOf(opts);
      if (opts.undo) {
        if (place.url) throw new UsageError('--undo chỉ dùng cho dữ liệu trên máy này; trên máy chủ, hãy khôi phục bản sao lưu đã được ghi trước lần khôi phục đó (tên có "-truoc-khoi-phuc").');
        let u;
        try {
          u = undoLastRestore(place.dataDir);
        } catch (e) {
          throw asRefusal(e);
        }
        const kept = u.keptAside ? ` Dữ liệu của lần khôi phục đó vẫn được giữ ở ${u.keptAside}.` : '';
        process.stdout.write(`Đã hoàn tác lần khôi phục lúc ${formatDateTime(new Date(u.at))} (từ ${u.file}): dữ liệu trước lần đó đã trở lại.${kept}\n`);
        return;
      }
      const backup = path.resolve(file!);
      let r;
      try {
        // On a server (a new, empty one too: it is migrated first) the rows are replaced in one transaction.
        r = place.url
          ? await withDatabase(opts, 'tonghop restore', (db) => restoreOnServer(db, backup).then((s) => ({ header: s.header, replaced: null, kept: s.kept })), { create: true, writes: 'khôi phục bản sao lưu' })
          : { ...(await restoreBackup(place.dataDir, backup, { force: opts.force })), kept: null };
      } catch (e) {
        throw asRefusal(e);
      }
      const unit = r.header.unit ? ` của ${printable(r.header.unit)}` : '';
      const kept = r.replaced
        ? ` Dữ liệu trước đó được giữ nguyên ở ${r.replaced} (đưa lại bằng: tonghop restore --undo).`
        : r.kept
          ? ` Dữ liệu trước đó đã được sao lưu vào ${r.kept}.`
          : '';
      process.stdout.write(
        `Đã khôi phục dữ liệu${unit} từ bản sao lưu lúc ${formatDateTime(new Date(r.header.created))} (${describeCounts(r.header)}).${kept}\n`,
      );
    });
}
