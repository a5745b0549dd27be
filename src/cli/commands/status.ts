import type { Command } from 'commander';
import { systemNow } from '../../clock.js';
import { type CacheOptions, cachedStatus, cachedStatusJsonBytes } from '../../db/status-cache.js';
import { describeTarget, worstTarget } from '../../domain/describe.js';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import { type Month, currentMonth, isMonth, lastFinishedMonth, monthLabel } from '../../domain/period.js';
import type { Db } from '../../db/database.js';
import { formatPercent, printable } from '../../domain/text.js';
import { type CommonOptions, withDatabase } from '../context.js';
import { RefusedError, UsageError } from '../errors.js';
import { newCommand } from '../program.js';
import { provinceStatusText } from './province-status.js';
import { keepWasmOnBaseline } from '../../store/wasm-tiering.js';

const NEWLINE = Buffer.from('\n');

interface StatusOptions extends CommonOptions {
  asOf?: string;
  json?: boolean;
  unit?: string;
}

export function statusCommand(): Command {
  return newCommand('status', 'tổ nào chậm so với kế hoạch, xếp tổ chậm nhất lên đầu')
    .option('--as-of <YYYY-MM>', 'tính đến tháng (mặc định: tháng vừa kết thúc)')
    .option('--json', 'in kết quả dạng JSON')
    .option('--unit <CODE>', 'dữ liệu của tỉnh: tình hình các tổ của một xã/phường (mã 5 chữ số)')
    .action(async (_local: StatusOptions, cmd: Command) => {
      const opts = cmd.optsWithGlobals<StatusOptions>();
      const now = systemNow();
      const asOf = opts.asOf === undefined ? lastFinishedMonth(now) : opts.asOf.trim();
      if (!isMonth(asOf))
        throw new UsageError(`Tháng "${opts.asOf}" không hợp lệ: dùng dạng YYYY-MM, ví dụ 2026-11.`);
      if (asOf > currentMonth(now))
        throw new RefusedError(
          `Tháng ${monthLabel(asOf)} chưa tới (nay là tháng ${monthLabel(currentMonth(now))}): --as-of nhận tháng này hoặc một tháng trước đó.`,
        );
      // A look is over in a second or two: PGlite's WebAssembly stays on V8's baseline compiler (wasm-tiering.ts).
      keepWasmOnBaseline();
      // Printed before the database closes (closing may run the daily backup).
      await withDatabase(opts, 'tonghop status', async (db) => {
        const province = await provinceStatusText(db.db, { asOf, explicitAsOf: opts.asOf !== undefined, json: !!opts.json, unit: opts.unit });
        // The evaluation is stored for the next look only when this role may write (a reader computes it).
        process.stdout.write(province ?? (await statusText(db.db, asOf, !!opts.json, { store: !db.readOnly })));
      });
    });
}

/**
 * A commune's status (its own database, or a received one through its scoped handle). The JSON
 * comes as UTF-8 bytes, printed as they are (the output guard checks bytes without decoding them).
 */
export async function statusText(db: Db, asOf: Month, json: boolean, opts: CacheOptions = {}): Promise<string | Buffer> {
  if (json) return Buffer.concat([await cachedStatusJsonBytes(db, asOf, opts), NEWLINE]);
  const { report, plan, indicators: list } = await cachedStatus(db, asOf, opts);
  const indicators = new Map(list.map((i) => [i.code, i]));
  const { due, received } = report.completeness;
  const head = [
    `${printable(plan.name)} — tình hình đến tháng ${monthLabel(asOf)}`,
    `Phiếu đã nhận: ${received}/${due}${due ? ` (${formatPercent(received / due)})` : ''}`,
    '',
  ];
  const rows = report.teams.map((t) => {
    const w = worstTarget(t.targets);
    // One line per team whatever a name holds (untrusted text: a break or a control would break the table).
    return [t.ma_to, printable(t.ten_to), `${STATUS_SYMBOLS[t.status]} ${STATUS_LABELS[t.status]}`, w ? printable(describeTarget(w, indicators)) : ''];
  });
  const { renderTable } = await import('../../io/text-table.js'); // string-width: only for a table, not for --json
  const table = renderTable([{ title: 'Mã tổ' }, { title: 'Tên tổ', max: 32 }, { title: 'Trạng thái' }, { title: 'Cần chú ý' }], rows);
  return [...head, ...table].join('\n') + '\n';
}
