// tonghop restore FILE: check the backup, build a new database from it, swap it in; the replaced
// database is kept aside (pgdata.replaced-<time>), never deleted. Works with no database at all
// (a new laptop) and with one that no longer opens (after a power cut). On a server the backup's
// rows replace the server's in one transaction, after a backup of what they replace.
import type { Command } from 'commander';
import path from 'node:path';
import { describeCounts, formatDateTime } from '../../io/backup/describe.js';
import { restoreBackup } from '../../store/restore.js';
import { restoreOnServer } from '../../store/server-restore.js';
import { type CommonOptions, placeOf, withDatabase } from '../context.js';
import { newCommand } from '../program.js';
import { asRefusal } from './backup.js';

export function restoreCommand(): Command {
  return newCommand('restore', 'khôi phục toàn bộ dữ liệu từ một bản sao lưu (giữ lại dữ liệu đang có)')
    .usage('TỆP [tùy chọn]')
    .argument('<TỆP>', 'tệp sao lưu (.backup.gz)')
    .action(async (file: string, _own: CommonOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<CommonOptions>();
      const place = placeOf(opts);
      let r;
      try {
        // On a server (a new, empty one too: it is migrated first) the rows are replaced in one transaction.
        r = place.url
          ? await withDatabase(opts, 'tonghop restore', (db) => restoreOnServer(db, path.resolve(file)).then((s) => ({ header: s.header, replaced: null, kept: s.kept })), { create: true })
          : { ...(await restoreBackup(place.dataDir, path.resolve(file))), kept: null };
      } catch (e) {
        throw asRefusal(e);
      }
      const unit = r.header.unit ? ` của ${r.header.unit}` : '';
      const kept = r.replaced ? ` Dữ liệu trước đó được giữ nguyên ở ${r.replaced}.` : r.kept ? ` Dữ liệu trước đó đã được sao lưu vào ${r.kept}.` : '';
      process.stdout.write(
        `Đã khôi phục dữ liệu${unit} từ bản sao lưu lúc ${formatDateTime(new Date(r.header.created))} (${describeCounts(r.header)}).${kept}\n`,
      );
    });
}
