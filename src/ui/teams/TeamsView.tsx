import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { formatDate, formatInt } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import type { TeamListRow, TeamsState } from './reducer.js';

export interface TeamsViewProps {
  state: TeamsState;
  rows: TeamListRow[] | null;
  shown: TeamListRow[];
  selectedIndex: number;
  error: string | null;
  dissolvedCount: number;
  bodyRows: number;
  columns: number;
}

/** Column widths for a terminal width: names up to 34 wide, the area only when there is room, warnings get the rest. */
export function teamColumns(columns: number) {
  const code = 14;
  const households = 6;
  const members = 3;
  const fixed = 2 + code + 1 + 2 + 1 + households + 1 + members + 1;
  const area = columns >= 120 ? 24 : 0;
  const name = Math.max(12, Math.min(34, columns - fixed - (area ? area + 1 : 0) - 17));
  const warn = Math.max(8, columns - fixed - name - 1 - (area ? area + 1 : 0) - 1);
  return { code, households, members, area, warn, name };
}

export function TeamsView(p: TeamsViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.rows) return <Text dimColor>Đang tải…</Text>;
  const w = teamColumns(p.columns);
  const active = p.rows.length - p.dissolvedCount;
  const listRows = Math.max(1, p.bodyRows - 3);
  const sel = p.shown[p.selectedIndex];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {active} tổ đang hoạt động
        {p.dissolvedCount ? ` · ${p.dissolvedCount} đã giải thể (${p.state.showDissolved ? 'đang hiện' : `${keyName('showDissolved')} để hiện`})` : ''}
        {p.state.filtering || p.state.query ? ` · tìm: ${p.state.query}${p.state.filtering ? '▏' : ''} (${p.shown.length} tổ)` : ` · ${keyName('filter')} để tìm`}
      </Text>
      <Text bold wrap="truncate-end">
        {'  '}
        {padCell('Mã tổ', w.code)} {'  '}
        {padCell('Tên tổ', w.name)} {w.area ? padCell('Địa bàn', w.area) + ' ' : ''}
        {padCell('Số hộ', w.households, 'right')} {padCell('TV', w.members, 'right')} Lưu ý
      </Text>
      <SelectableList
        items={p.shown}
        selected={p.selectedIndex}
        rows={listRows}
        keyOf={(r) => r.team.id}
        dim={(r) => !!r.team.dissolvedOn}
        render={(r) => {
          const t = r.team;
          const gone = !!t.dissolvedOn;
          const warn = gone ? `giải thể ${formatDate(t.dissolvedOn)}` : r.warnings.length ? `⚠ ${r.warnings.map((x) => x.short).join('; ')}` : '';
          return (
            <>
              {padCell(truncate(t.code, w.code), w.code)} <Text color={tint(gone ? 'muted' : 'ok')}>{gone ? '✗' : '●'}</Text>{' '}
              {padCell(truncate(t.name, w.name), w.name)} {w.area ? padCell(truncate(t.areaName ?? '—', w.area), w.area) + ' ' : ''}
              {padCell(t.households === null ? '—' : formatInt(t.households), w.households, 'right')} {padCell(String(r.members), w.members, 'right')}{' '}
              <Text color={tint(gone ? undefined : 'warn')}>{truncate(warn, w.warn)}</Text>
            </>
          );
        }}
      />
      {p.shown.length === 0 ? <Text dimColor>{p.rows.length ? 'Không có tổ nào phù hợp.' : `Chưa có tổ nào. Bấm ${keyName('addTeam')} để thêm tổ.`}</Text> : null}
      {sel && sel.warnings.length ? (
        <Text color={tint('warn')} wrap="truncate-end">
          ⚠ {sel.warnings.map((x) => x.message).join(' · ')}
        </Text>
      ) : sel ? (
        <Text dimColor wrap="truncate-end">
          {sel.team.areaName ? `Địa bàn: ${sel.team.areaName}` : 'Tổ cấp xã/phường'} · ● đang hoạt động, ✗ đã giải thể
        </Text>
      ) : null}
    </Box>
  );
}
