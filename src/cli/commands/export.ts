import type { Command } from 'commander';
import { Argument, Option } from 'commander';
import { systemNow } from '../../clock.js';
import { currentMonth, monthLabel, parsePeriod, periodAsOf, periodLabel } from '../../domain/period.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind, formatFits, runExport } from '../../io/export/run.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { newCommand } from '../program.js';

interface ExportOptions extends CommonOptions {
  period?: string;
  format?: string;
  delimiter: ',' | ';';
  out?: string;
}

export function exportCommand(): Command {
  return newCommand('export', 'xuất số liệu (CSV hoặc Excel), báo cáo (văn bản hoặc Word), danh sách tổ hoặc thành viên (mặc định vào Documents/tonghop hoặc thư mục chọn lần trước)')
    .usage('figures|report|teams|members [--period P] [tùy chọn]')
    .addArgument(
      new Argument('<loại>', 'figures (số liệu), report (báo cáo), teams (danh sách tổ), members (thành viên)').choices(EXPORT_KINDS),
    )
    .option('--period <P>', 'kỳ: tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY (bắt buộc với figures và report)')
    .addOption(
      new Option(
        '--format <F>',
        'figures: wide (CSV ngang, mặc định), long (CSV dọc) hoặc xlsx (sổ Excel, mẫu ngang); report: txt (mặc định) hoặc docx (Word); teams, members: csv (mặc định) hoặc xlsx',
      ).choices([...new Set(Object.values(EXPORT_FORMATS).flat())]),
    )
    .addOption(new Option('--delimiter <D>', 'dấu phân cách CSV: , hoặc ; (Excel đặt dấu phân cách kiểu Việt Nam)').choices([',', ';']).default(','))
    .option('--out <DIR>', 'thư mục ghi tệp (tạo nếu chưa có; mặc định: thư mục chọn lần trước trên màn hình Xuất, nếu không thì Documents/tonghop)')
    .addHelpText('after', '\nTệp tổng hợp gửi tỉnh: tonghop export bundle --period P [--out DIR] (xem "tonghop export bundle --help").')
    .action(async (kind: ExportKind, _o: ExportOptions, cmd: Command) => {
      // --data-dir after the command name is taken by the program's option: read both.
      const opts = cmd.optsWithGlobals<ExportOptions>();
      const needsPeriod = kind === 'figures' || kind === 'report';
      const period = opts.period ? parsePeriod(opts.period) : null;
      if (opts.period && !period)
        throw new UsageError(`Kỳ "${opts.period}" không hợp lệ: dùng YYYY-MM (2026-10), YYYY-Qn (2026-Q3) hoặc YYYY (2026).`);
      if (needsPeriod && !period) throw new UsageError('Thiếu --period: ví dụ --period 2026-Q3.');
      const format = opts.format ?? EXPORT_FORMATS[kind][0];
      if (!formatFits(kind, format)) throw new UsageError(`${kind} không xuất được dạng ${format}: chọn --format ${EXPORT_FORMATS[kind].join(' hoặc ')}.`);
      const now = systemNow();
      if (period && !periodAsOf(period, currentMonth(now)))
        throw new RefusedError(`${periodLabel(period)} chưa bắt đầu (nay là tháng ${monthLabel(currentMonth(now))}): chỉ xuất được kỳ đã bắt đầu.`);
      // Said before the database closes (closing may run the daily backup).
      await withDatabase(opts, 'tonghop export', async (db) => {
        const done = await runExport(db.db, { kind, period: period ?? undefined, format: format as ExportFormat, delimiter: opts.delimiter, outDir: opts.out, now });
        process.stdout.write(`Đã ghi ${done.path}\n`);
      }, kind === 'report' ? {} : { communeOnly: `tonghop export ${kind}` }); // a province has its own report
    });
}
