// tonghop restore FILE: check the backup, build a new database from it, swap it in; the replaced
// database is kept aside (pgdata.replaced-<time>), never deleted. Works with no database at all
// (a new laptop) and with one that no longer opens (after a power cut).
import type { Command } from 'commander';
import path from 'node:path';
import { describeCounts, formatDateTime } from '../../io/backup/describe.js';
import { restoreBackup } from '../../store/restore.js';
import { resolveDataDir } from '../../paths.js';
import type { CommonOptions } from '../context.js';
import { newCommand } from '../program.js';
import { asRefusal } from './backup.js';

export function restoreCommand(): Command {
  return newCommand('restore', 'khôi phục toàn bộ dữ liệu từ một bản sao lưu (giữ lại dữ liệu đang có)')
    .usage('TỆP [tùy chọn]')
    .argument('<TỆP>', 'tệp sao lưu (.backup.gz)')
    .action(async (file: string, _own: CommonOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const dataDir = resolveDataDir(cmd.optsWithGlobals<CommonOptions>().dataDir);
      let r;
      try {
        r = await restoreBackup(dataDir, path.resolve(file));
      } catch (e) {
        throw asRefusal(e);
      }
      const unit = r.header.unit ? ` của ${r.header.unit}` : '';
      const kept = r.replaced ? ` Dữ liệu trước đó được giữ nguyên ở ${r.replaced}.` : '';
      process.stdout.write(
        `Đã khôi phục dữ liệu${unit} từ bản sao lưu lúc ${formatDateTime(new Date(r.header.created))} (${describeCounts(r.header)}).${kept}\n`,
      );
    });
}
