// The province's communes: status, completeness, teams behind, the bundle held. Renders props only.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import stringWidth from 'string-width';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import { type Month, monthLabel } from '../../domain/period.js';
import type { UnitStatus } from '../../domain/province.js';
import { formatDate, formatPercent, todayIso } from '../../domain/text.js';
import { SelectableList } from '../components/SelectableList.js';
import { teamsBehind } from './model.js';
import { keyName } from '../keys/hint.js';

const pad = (s: string, w: number) => {
  let out = s;
  while (stringWidth(out) > w) out = out.slice(0, -1);
  return out + ' '.repeat(Math.max(0, w - stringWidth(out)));
};

export function statusCell(u: UnitStatus): string {
  return u.sent ? `${STATUS_SYMBOLS[u.status]} ${STATUS_LABELS[u.status]}` : '… chưa gửi';
}

export function ProvinceView(p: { asOf: Month; rows: UnitStatus[] | null; selected: number; bodyRows: number; error: string | null }) {
  if (p.error) return <Text>{p.error}</Text>;
  if (!p.rows) return <Text>Đang tính tình hình các xã/phường…</Text>;
  if (p.rows.length === 0)
    return (
      <Box flexDirection="column">
        <Text>Chưa nhận tệp tổng hợp nào của xã/phường.</Text>
        <Text dimColor>Nhận tệp các xã gửi lên: phím {keyName('goBundleImport')} (mọi tệp trong một thư mục) hoặc lệnh tonghop import bundle TỆP…</Text>
      </Box>
    );
  const head = `  ${pad('Mã', 6)}${pad('Xã/phường', 24)}${pad('Trạng thái', 16)}${pad('Phiếu đã nhận', 17)}${pad('Tổ chậm', 9)}Tệp đã nhận`;
  return (
    <Box flexDirection="column">
      <Text>Tình hình đến hết tháng {monthLabel(p.asOf)} — {p.rows.length} xã/phường</Text>
      <Text bold>{head}</Text>
      <SelectableList
        items={p.rows}
        selected={p.selected}
        rows={Math.max(1, p.bodyRows - 2)}
        keyOf={(u) => u.unit_code}
        render={(u) => {
          const { due, received } = u.completeness;
          const done = `${received}/${due}${due ? ` (${formatPercent(received / due)})` : ''}`;
          const sent = `${u.received.period} ${formatDate(todayIso(new Date(u.received.created)))}`;
          return `${pad(u.unit_code, 6)}${pad(u.unit, 24)}${pad(statusCell(u), 16)}${pad(done, 17)}${pad(String(teamsBehind(u)), 9)}${sent}`;
        }}
      />
    </Box>
  );
}
