// The commendation ranking, drawn from props only: the rule in words, then teams best first.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { type Month, monthLabel } from '../../domain/period.js';
import type { RankRow } from '../../domain/ranking.js';
import { formatPercent } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { SelectableList } from '../components/SelectableList.js';
import { displayName } from '../components/teamName.js';
import { tint } from '../theme.js';

export interface RankingViewProps {
  asOf: Month;
  /** The plan's last month: before it, the ranking is provisional. */
  spanEnd: Month;
  rows: readonly RankRow[] | null;
  /** The rows after the name filter (ranks unchanged). */
  shown: readonly RankRow[];
  selectedIndex: number;
  query: string;
  filtering: boolean;
  error: string | null;
  bodyRows: number;
  columns: number;
}

export function RankingView(p: RankingViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.rows) return <Text dimColor>Đang tính…</Text>;
  const fixed = 5; // title, rule (2), filter, column titles
  const listRows = Math.max(1, p.bodyRows - fixed);
  const nameWidth = Math.max(16, Math.min(30, p.columns - 56));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        Xét Tổ CNSCĐ tiêu biểu năm {p.asOf.slice(0, 4)}, tính đến tháng <Text bold>{monthLabel(p.asOf)}</Text>
        {p.asOf < p.spanEnd ? ' (kỳ kế hoạch chưa hết)' : ''}
      </Text>
      <Text dimColor wrap="truncate-end">
        Điểm = trung bình tỉ lệ đạt các chỉ tiêu, mỗi chỉ tiêu tính tối đa 100%
      </Text>
      <Text dimColor wrap="truncate-end">
        (chỉ tiêu chưa có số liệu tính 0); bằng điểm thì xét tỉ lệ nộp phiếu, rồi tên.
      </Text>
      <Text dimColor wrap="truncate-end">
        {p.filtering || p.query ? `Tìm: ${p.query}${p.filtering ? '▏' : ''} · ${p.shown.length}/${p.rows.length} tổ` : `${p.rows.length} tổ`}
      </Text>
      <Text bold wrap="truncate-end">
        {padCell('Hạng', 6)}
        {padCell('Tổ CNSCĐ', nameWidth)} {padCell('Điểm', 7, 'right')} {padCell('Đạt CT', 7, 'right')} {padCell('Phiếu', 13, 'right')}{' '}
        Trạng thái hiện tại
      </Text>
      <SelectableList
        items={p.shown}
        selected={p.selectedIndex}
        rows={listRows}
        markWidth={1}
        keyOf={(r) => r.teamId}
        render={(r) => (
          <>
            {padCell(String(r.rank), 4, 'right')}{' '}
            {padCell(truncate(displayName(r.ten_to), nameWidth), nameWidth)} {padCell(formatPercent(r.score), 7, 'right')}{' '}
            {padCell(`${r.met}/${r.targets}`, 7, 'right')} {padCell(`${r.received}/${r.due} ${formatPercent(r.completeness, 0)}`, 13, 'right')}{' '}
            <StatusBadge status={r.status} />
          </>
        )}
      />
      {p.shown.length === 0 ? <Text dimColor>Không có tổ nào phù hợp.</Text> : null}
    </Box>
  );
}
