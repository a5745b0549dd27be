// `export bundle` (a commune's period as one file for upward e-mail) and `import bundle` (merged
// into a province database). They share the export/import verbs with the other kinds; run.ts
// sends `export bundle …` and `import bundle …` here.
import { Argument, type Command } from 'commander';
import { systemNow } from '../../clock.js';
import { isProvince } from '../../db/unit-level.js';
import { parsePeriod } from '../../domain/period.js';
import { BundleExportRefused, exportBundle } from '../../io/bundle/export.js';
import { importBundleFiles } from '../../io/bundle/files.js';
import { NOT_A_PROVINCE, summaryLines } from '../../io/bundle/import.js';
import { type CommonOptions, refuseReader, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { newCommand } from '../program.js';

interface ExportBundleOptions extends CommonOptions {
  period?: string;
  out?: string;
}

interface ImportBundleOptions extends CommonOptions {
  dryRun?: boolean;
  force?: boolean;
}

/** `tonghop export bundle …` or `tonghop import bundle …` (options may come before the kind). */
export function bundleVerb(argv: readonly string[]): 'export' | 'import' | null {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (['--data-dir', '--database-url', '--period', '--out', '--format', '--delimiter', '--encoding', '--sheet'].includes(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words[1] === 'bundle' && (words[0] === 'export' || words[0] === 'import') ? words[0] : null;
}

export function exportBundleCommand(): Command {
  return newCommand('export', 'xuất tệp tổng hợp của một kỳ (gửi lên tỉnh qua thư điện tử)')
    .usage('bundle --period P [--out DIR]')
    .addArgument(new Argument('<loại>', 'bundle (tệp tổng hợp gửi tỉnh)').choices(['bundle']))
    .option('--period <P>', 'kỳ: tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY')
    .option('--out <DIR>', 'thư mục ghi tệp (tạo nếu chưa có; mặc định: exports/)')
    .action(async (_kind: string, _o: ExportBundleOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ExportBundleOptions>();
      if (!opts.period) throw new UsageError('Thiếu --period: ví dụ --period 2026-Q3.');
      const period = parsePeriod(opts.period);
      if (!period) throw new UsageError(`Kỳ "${opts.period}" không hợp lệ: dùng YYYY-MM (2026-10), YYYY-Qn (2026-Q3) hoặc YYYY (2026).`);
      await withDatabase(opts, 'tonghop export', async (db) => {
        if (await isProvince(db.db)) throw new RefusedError('Dữ liệu này là của một tỉnh: tệp tổng hợp do xã/phường xuất để gửi lên tỉnh.');
        try {
          const done = await exportBundle(db.db, period, { outDir: opts.out, now: systemNow() });
          process.stdout.write(`Đã ghi ${done.path}\n`);
        } catch (e) {
          if (e instanceof BundleExportRefused) throw new RefusedError(e.message);
          throw e;
        }
      });
    });
}

export function importBundleCommand(): Command {
  return newCommand('import', 'nhập tệp tổng hợp của các xã/phường vào dữ liệu của tỉnh')
    .usage('bundle TỆP… [--dry-run] [--force]')
    .addArgument(new Argument('<loại>', 'bundle (tệp tổng hợp của xã/phường)').choices(['bundle']))
    .argument('<tệp...>', 'một hoặc nhiều tệp .bundle.gz')
    .option('--dry-run', 'chỉ kiểm tra và cho biết sẽ làm gì, không ghi gì')
    .option('--force', 'nhận cả tệp cũ hơn tệp đang giữ của xã đó')
    .action(async (_kind: string, files: string[], _o: ImportBundleOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ImportBundleOptions>();
      const refused: string[] = [];
      if (!opts.dryRun) await refuseReader(opts, 'tonghop import', 'nhập tệp tổng hợp'); // before any file is read
      await withDatabase(opts, 'tonghop import', async (db) => {
        if (!(await isProvince(db.db))) throw new RefusedError(NOT_A_PROVINCE);
        // Each file all or nothing: the good ones land, the refused ones are named.
        const { wrote } = await importBundleFiles(db.db, files, {
          dryRun: !!opts.dryRun,
          force: !!opts.force,
          now: systemNow(),
          onOutcome: (o) => {
            if (o.summary) return void process.stdout.write(summaryLines(o.summary).join('\n') + '\n');
            refused.push(o.file);
            process.stderr.write(o.refused + '\n');
          },
        });
        if (wrote) await db.checkpoint();
      });
      if (opts.dryRun) process.stdout.write('Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.\n');
      if (refused.length)
        throw new RefusedError(`${refused.length}/${files.length} tệp bị từ chối: ${refused.join(', ')}.${refused.length < files.length ? ' Các tệp còn lại đã được nhận.' : ''}`);
    });
}
