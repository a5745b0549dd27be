import type { Command } from 'commander';
import { systemNow } from '../../clock.js';
import { computeStatus } from '../../db/evaluation.js';
import { describeTarget, worstTarget } from '../../domain/describe.js';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import { type Month, isMonth, lastFinishedMonth, monthLabel } from '../../domain/period.js';
import type { Database } from '../../store/open.js';
import { statusJson } from '../../domain/status.js';
import { formatPercent, printable } from '../../domain/text.js';
import { renderTable } from '../../io/text-table.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { UsageError } from '../errors.js';
import { newCommand } from '../program.js';

interface StatusOptions extends CommonOptions {
  asOf?: string;
  json?: boolean;
}

export function statusCommand(): Command {
  return newCommand('status', 'tổ nào chậm so với kế hoạch, xếp tổ chậm nhất lên đầu')
    .option('--as-of <YYYY-MM>', 'tính đến tháng (mặc định: tháng vừa kết thúc)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (_local: StatusOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<StatusOptions>();
      const asOf = opts.asOf === undefined ? lastFinishedMonth(systemNow()) : opts.asOf.trim();
      if (!isMonth(asOf))
        throw new UsageError(`Tháng "${opts.asOf}" không hợp lệ: dùng dạng YYYY-MM, ví dụ 2026-11.`);
      // Printed before the database closes (closing may run the daily backup).
      await withDatabase(opts, 'tonghop status', async (db) => {
        process.stdout.write(await statusText(db, asOf, !!opts.json));
      });
    });
}

async function statusText(db: Database, asOf: Month, json: boolean): Promise<string> {
  const report = await computeStatus(db.db, asOf);
  if (json) return statusJson(report) + '\n';
  const indicators = new Map(report.input.indicators.map((i) => [i.code, i]));
  const { due, received } = report.completeness;
  const head = [
    `${printable(report.input.plan.name)} — tình hình đến tháng ${monthLabel(asOf)}`,
    `Phiếu đã nhận: ${received}/${due}${due ? ` (${formatPercent(received / due)})` : ''}`,
    '',
  ];
  const rows = report.teams.map((t) => {
    const w = worstTarget(t.targets);
    // One line per team whatever a name holds (untrusted text: a break or a control would break the table).
    return [t.ma_to, printable(t.ten_to), `${STATUS_SYMBOLS[t.status]} ${STATUS_LABELS[t.status]}`, w ? printable(describeTarget(w, indicators)) : ''];
  });
  const table = renderTable([{ title: 'Mã tổ' }, { title: 'Tên tổ', max: 32 }, { title: 'Trạng thái' }, { title: 'Cần chú ý' }], rows);
  return [...head, ...table].join('\n') + '\n';
}
