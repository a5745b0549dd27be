// `tonghop settings`: the unit's settings a script may set; today the report's recipient
// ("Kính gửi:" of the report, setting report_recipient). Without an option it prints them.
import type { Command } from 'commander';
import { getSetting, setSetting } from '../../db/unit.js';
import { checkRecipient } from '../../domain/recipient.js';
import { RECIPIENT_SETTING } from '../../io/report/model.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { newCommand } from '../program.js';

interface SettingsOptions extends CommonOptions {
  /** A string to set, false for --no-recipient (clear), undefined to leave it. */
  recipient?: string | false;
}

export function settingsCommand(): Command {
  return newCommand('settings', 'xem hoặc đặt các thiết lập của đơn vị (nơi nhận báo cáo "Kính gửi:")')
    .usage('[--recipient "NƠI NHẬN" | --no-recipient]')
    .option('--recipient <TEXT>', 'nơi nhận báo cáo, ví dụ "Sở Khoa học và Công nghệ tỉnh Ninh Bình"')
    .option('--no-recipient', 'bỏ nơi nhận (báo cáo để dòng chấm sau "Kính gửi:")')
    .action(async (_o: SettingsOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<SettingsOptions>();
      const raw = cmd.getOptionValueSource('recipient') === 'cli' ? opts.recipient : undefined;
      if (raw === '') throw new UsageError('--recipient cần một nơi nhận; để bỏ nơi nhận, dùng --no-recipient.');
      // Checked before the database opens: a refused value changes nothing.
      let value: string | null | undefined;
      if (raw === false) value = null;
      else if (raw !== undefined) {
        const c = checkRecipient(raw);
        if (!c.ok) throw new RefusedError(`${c.error}.`);
        value = c.value;
      }
      const now = await withDatabase(opts, 'tonghop settings', async (db) => {
        if (value !== undefined) {
          await db.db.transaction((tx) => setSetting(tx, RECIPIENT_SETTING, value));
          await db.checkpoint();
        }
        return getSetting(db.db, RECIPIENT_SETTING);
      }, { writes: value === undefined ? undefined : 'đặt nơi nhận báo cáo' });
      const line = `Nơi nhận báo cáo (Kính gửi): ${now ?? '(chưa đặt: báo cáo để dòng chấm)'}`;
      process.stdout.write((value !== undefined ? `Đã lưu. ${line}` : line) + '\n');
    });
}
