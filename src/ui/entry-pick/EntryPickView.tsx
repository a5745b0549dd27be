// The entry picker on screen: the month, the search, and the teams marked with or without a form.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { TeamRow } from '../../db/teams.js';
import { type Month, monthLabel } from '../../domain/period.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { keyName, keyNames } from '../keys/hint.js';
import { STATUS_COLORS, tint } from '../theme.js';
import type { PickState } from './reducer.js';

export const HAS_FORM = '✓';
export const NO_FORM = '?';

export interface EntryPickViewProps {
  state: PickState;
  month: Month;
  teams: TeamRow[] | null;
  rows: TeamRow[];
  withForm: ReadonlySet<number>;
  selected: number;
  error: string | null;
  bodyRows: number;
  columns: number;
}

export function EntryPickView(p: EntryPickViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.teams) return <Text dimColor>Đang đọc danh sách tổ…</Text>;
  const received = p.teams.filter((t) => p.withForm.has(t.id)).length;
  const listRows = Math.max(1, p.bodyRows - 4);
  const codeWidth = 14;
  const nameWidth = Math.max(16, p.columns - 2 - 2 - codeWidth - 16);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        Tháng: <Text bold>◂ {monthLabel(p.month)} ▸</Text> ({keyNames('prevMonth', 'nextMonth')} đổi tháng) · Đã có phiếu {received}/{p.teams.length} tổ
      </Text>
      <Text color={p.state.error ? tint('error') : undefined} dimColor={!p.state.error} wrap="truncate-end">
        {p.state.error ? `✗ ${p.state.error}` : `${HAS_FORM} đã có phiếu · ${NO_FORM} chưa có phiếu · con trỏ tự đứng ở tổ tiếp theo chưa có phiếu`}
      </Text>
      <Text wrap="truncate-end">
        Tìm tổ: <Text inverse>{p.state.query}▏</Text> <Text dimColor>(gõ tên hoặc mã, không cần dấu · {keyName('open')} mở phiếu)</Text>
      </Text>
      <SelectableList
        items={p.rows}
        selected={p.selected}
        rows={listRows}
        keyOf={(t) => t.id}
        render={(t) => {
          const has = p.withForm.has(t.id);
          return (
            <>
              <Text color={has ? undefined : tint(STATUS_COLORS.chua_bao_cao)}>{has ? HAS_FORM : NO_FORM}</Text>{' '}
              {padCell(truncate(t.name, nameWidth), nameWidth)} {padCell(truncate(t.code, codeWidth), codeWidth)} {has ? 'đã có phiếu' : 'chưa có phiếu'}
            </>
          );
        }}
      />
      {p.rows.length === 0 ? <Text dimColor>Không có tổ nào khớp "{p.state.query}".</Text> : null}
    </Box>
  );
}
