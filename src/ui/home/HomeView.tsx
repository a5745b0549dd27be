import { Box, Text } from 'ink';
import { describeTarget, worstTarget } from '../../domain/describe.js';
import { STATUS_LABELS } from '../../domain/labels.js';
import { type Month, monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import type { StatusReport, TeamStatus } from '../../domain/status.js';
import { formatPercent } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { Bar } from '../components/Bar.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { tint } from '../theme.js';
import type { StatusFilter } from './reducer.js';

export interface HomeViewProps {
  asOf: Month;
  report: StatusReport | null;
  rows: TeamStatus[];
  selectedIndex: number;
  statusFilter: StatusFilter;
  query: string;
  filtering: boolean;
  error: string | null;
  bodyRows: number;
  columns: number;
  indicators: Indicator[];
}

export function HomeView(p: HomeViewProps) {
  if (p.error) return <Text color={tint('red')}>{p.error}</Text>;
  if (!p.report) return <Text dimColor>Đang tính…</Text>;
  const { due, received } = p.report.completeness;
  const share = due ? received / due : 1;
  const listRows = Math.max(1, p.bodyRows - 4);
  const start = Math.max(0, Math.min(p.selectedIndex - Math.floor(listRows / 2), p.rows.length - listRows));
  const visible = p.rows.slice(start, start + listRows);
  const inds = new Map(p.indicators.map((i) => [i.code, i]));
  const nameWidth = 26;
  return (
    <Box flexDirection="column">
      <Text>
        Tính đến tháng <Text bold>{monthLabel(p.asOf)}</Text> (←/→ đổi tháng) · Phiếu đã nhận {received}/{due}{' '}
        <Bar ratio={share} width={20} color="green" /> {formatPercent(share)}
      </Text>
      <Text dimColor>
        Lọc: {p.statusFilter === 'all' ? 'tất cả' : STATUS_LABELS[p.statusFilter]}
        {p.filtering || p.query ? ` · tìm: ${p.query}${p.filtering ? '▏' : ''}` : ''} · {p.rows.length} tổ
      </Text>
      <Text bold>
        {'  '}
        {padCell('Tổ', nameWidth)} {padCell('Trạng thái', 14)} Cần chú ý
      </Text>
      {visible.map((t, i) => {
        const sel = start + i === p.selectedIndex;
        const w = worstTarget(t.targets);
        return (
          <Text key={t.teamId} inverse={sel} wrap="truncate-end">
            {sel ? '› ' : '  '}
            {padCell(truncate(t.ten_to, nameWidth), nameWidth)} <StatusBadge status={t.status} width={14} />{' '}
            {w ? describeTarget(w, inds) : ''}
          </Text>
        );
      })}
      {p.rows.length === 0 ? <Text dimColor>Không có tổ nào phù hợp.</Text> : null}
    </Box>
  );
}
