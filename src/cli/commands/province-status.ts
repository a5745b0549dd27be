// `status` on a province database: its communes worst first, or with --unit one commune's teams
// (through the scoped handle: exactly what the commune prints). On a commune database, --unit
// must name the commune itself.
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import type { DbRunner } from '../../db/database.js';
import { getUnitIdentity } from '../../db/unit-level.js';
import { type Month, minMonth, monthLabel } from '../../domain/period.js';
import { compareUnitsForScreen, provinceJson } from '../../domain/province.js';
import { formatDate, formatPercent, todayIso } from '../../domain/text.js';
import { checkUnitCode } from '../../domain/unit-code.js';
import { RefusedError } from '../errors.js';
import { statusText } from './status.js';

interface Ask {
  asOf: Month;
  explicitAsOf: boolean;
  json: boolean;
  unit?: string;
}

/** The text to print, or null when this is a commune's own status (status.ts prints it). */
export async function provinceStatusText(db: DbRunner, ask: Ask): Promise<string | Buffer | null> {
  const me = await getUnitIdentity(db);
  const code = ask.unit === undefined ? null : checkUnitCode(ask.unit);
  if (code && !code.ok) throw new RefusedError(code.message);
  if (me?.level !== 'province') {
    if (code && code.code !== me?.code)
      throw new RefusedError(`Dữ liệu này là của ${me?.name ?? 'một xã/phường'}${me?.code ? ` (mã ${me.code})` : ' (chưa có mã)'}, không phải đơn vị mã ${code.code}.`);
    return null;
  }
  // The province's own code (received communes, scoped handles) loads only on a province database.
  const { getReceived, openUnitDb, provinceStatus } = await import('../../db/province.js');
  if (code) {
    const held = await getReceived(db, code.code);
    if (!held) throw new RefusedError(`Tỉnh chưa nhận tệp tổng hợp nào của đơn vị mã ${code.code}.`);
    if (ask.explicitAsOf && ask.asOf > held.periodEnd)
      throw new RefusedError(`Tệp đang giữ của ${held.name} chỉ đến hết tháng ${monthLabel(held.periodEnd)} (kỳ ${held.period}): hãy chọn --as-of đến ${held.periodEnd}.`);
    return statusText(await openUnitDb(db, code.code), minMonth(ask.asOf, held.periodEnd), ask.json);
  }
  const units = await provinceStatus(db, ask.asOf);
  if (ask.json) return provinceJson(ask.asOf, me.name, units) + '\n';
  if (units.length === 0) return `${me.name}: chưa nhận tệp tổng hợp nào. Nhập bằng "tonghop import bundle TỆP…".\n`;
  const rows = [...units].sort(compareUnitsForScreen).map((u) => {
    const { due, received } = u.completeness;
    const behind = u.teams.cham + u.teams.cham_nhieu + u.teams.chua_bao_cao;
    return [
      u.unit_code,
      u.unit,
      u.sent ? `${STATUS_SYMBOLS[u.status]} ${STATUS_LABELS[u.status]}` : 'chưa gửi',
      `${received}/${due}${due ? ` (${formatPercent(received / due)})` : ''}`,
      String(behind),
      `${u.received.period} (${formatDate(todayIso(new Date(u.received.created)))})`,
    ];
  });
  const head = [`${me.name} — tình hình các xã/phường đến tháng ${monthLabel(ask.asOf)}`, ''];
  const { renderTable } = await import('../../io/text-table.js'); // string-width: only for a table, not for --json
  const table = renderTable(
    [{ title: 'Mã' }, { title: 'Xã/phường', max: 28 }, { title: 'Trạng thái' }, { title: 'Phiếu đã nhận' }, { title: 'Tổ chậm' }, { title: 'Tệp đã nhận' }],
    rows,
  );
  return [...head, ...table].join('\n') + '\n';
}
