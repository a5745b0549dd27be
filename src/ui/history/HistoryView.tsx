// A form's changes, newest first: when, which field, old → new, where from.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { ChangeRow } from '../../db/forms.js';
import type { TeamRow } from '../../db/teams.js';
import { type Month, monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { tint } from '../theme.js';
import { SOURCE_LABELS, changeValueText, fieldLabel, formatDateTime } from './describe.js';
import type { HistoryState } from './reducer.js';

export interface HistoryViewProps {
  state: HistoryState;
  rows: ChangeRow[] | null;
  team: TeamRow | null;
  month: Month;
  error: string | null;
  bodyRows: number;
  columns: number;
  indicators: readonly Indicator[];
}

const TIME_W = 16;
const FIELD_W = 15;
const SOURCE_W = 9;

export function HistoryView(p: HistoryViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.rows) return <Text dimColor>Đang đọc lịch sử…</Text>;
  const changeW = Math.max(12, p.columns - 2 - TIME_W - FIELD_W - SOURCE_W - 4 - 1);
  const listRows = Math.max(1, p.bodyRows - 5);
  const sel = Math.min(p.state.selected, Math.max(0, p.rows.length - 1));
  const current = p.rows[sel];
  return (
    <Box flexDirection="column">
      {/* Two lines: at 80 columns one line cut the legend off (#10 item 22). */}
      <Text bold wrap="truncate-end">
        {p.team ? `${p.team.name} (${p.team.code})` : 'Tổ'} · phiếu tháng {monthLabel(p.month)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {p.rows.length} thay đổi, mới nhất trước · ↶ = đã hoàn tác
      </Text>
      <Text bold wrap="truncate-end">
        {'  '}
        {padCell('Thời gian', TIME_W)} {padCell('Ô', FIELD_W)} {padCell('Cũ → mới', changeW)} Nguồn
      </Text>
      <SelectableList
        items={p.rows}
        selected={sel}
        rows={listRows}
        keyOf={(c) => c.id}
        dim={(c) => c.undone}
        render={(c) => {
          const change = `${c.undone ? '↶ ' : ''}${changeValueText(c.field, c.oldValue)} → ${changeValueText(c.field, c.newValue)}`;
          return (
            <>
              {padCell(formatDateTime(c.at), TIME_W)} {padCell(truncate(fieldLabel(c.field, p.indicators, true), FIELD_W), FIELD_W)}{' '}
              {padCell(truncate(change, changeW), changeW)} {SOURCE_LABELS[c.source] ?? c.source}
            </>
          );
        }}
      />
      {p.rows.length === 0 ? <Text dimColor>Phiếu này chưa có thay đổi nào.</Text> : null}
      {current ? (
        <Text dimColor wrap="truncate-end">
          {fieldLabel(current.field, p.indicators)}: {changeValueText(current.field, current.oldValue)} →{' '}
          {changeValueText(current.field, current.newValue)}
        </Text>
      ) : null}
    </Box>
  );
}
