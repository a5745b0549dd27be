// The month grid on screen: only the rows and columns in view are built. A team without a form is
// marked `?` (and its cells `·`); a blank cell of a form is `—`, never confused with 0.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { memo, useMemo } from 'react';
import { shortLabel } from '../../domain/indicators.js';
import { monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { formatInt } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { displayName } from '../components/teamName.js';
import { keyName } from '../keys/hint.js';
import { STATUS_COLORS, tint } from '../theme.js';
import { type GridState, type GridTeam, missingCount } from './reducer.js';
import { CELL_WIDTH } from './useGrid.js';
import { selectionMark } from '../components/SelectableList.js';

export const MISSING_MARK = '?';
export const NO_FORM_CELL = '·';
export const BLANK_CELL = '—';

export interface GridViewProps {
  state: GridState;
  layout: { nameWidth: number; cols: number; rows: number };
  indicators: readonly Indicator[];
  loadError: string | null;
}

function cellText(v: number | null | undefined): string {
  if (v === undefined) return NO_FORM_CELL;
  if (v === null) return BLANK_CELL;
  const s = formatInt(v);
  return s.length > CELL_WIDTH ? String(v) : s;
}

interface RowProps {
  team: GridTeam;
  values: Readonly<Record<string, number>> | undefined;
  codes: readonly string[];
  nameWidth: number;
  selected: boolean;
  /** Column of the cursor in this row (-1 when the row is not selected). */
  cursorCol: number;
  editText: string | null;
}

// A row re-renders only when its own values or the cursor in it change.
const GridRow = memo(function GridRow({ team, values, codes, nameWidth, selected, cursorCol, editText }: RowProps) {
  const missing = values === undefined;
  const parts = codes.map((code, k) => {
    const text = k === cursorCol && editText !== null ? editText + '▏' : cellText(missing ? undefined : (values[code] ?? null));
    return padCell(truncate(text, CELL_WIDTH), CELL_WIDTH, 'right');
  });
  const before = cursorCol >= 0 ? parts.slice(0, cursorCol).join(' ') : parts.join(' ');
  const name = padCell(truncate(displayName(team.name), nameWidth), nameWidth);
  // Most rows have a form, no cursor and no colour: one string, the same characters as the row
  // below (a page down re-renders 24 rows: one text node each instead of a tree of five).
  if (cursorCol < 0 && !missing && !selected) return <Text wrap="truncate-end">{`${selectionMark(false, 1)}  ${name} ${before}`}</Text>;
  return (
    <Text wrap="truncate-end" bold={selected}>
      {selectionMark(selected, 1)}
      <Text color={missing ? tint(STATUS_COLORS.chua_bao_cao) : undefined}>{missing ? MISSING_MARK : ' '}</Text>{' '}
      {name}
      {cursorCol >= 0 ? (
        <>
          {before ? ' ' + before : ''} <Text inverse>{parts[cursorCol]}</Text>
          {cursorCol < parts.length - 1 ? ' ' + parts.slice(cursorCol + 1).join(' ') : ''}
        </>
      ) : (
        ' ' + before
      )}
    </Text>
  );
});

export function GridView({ state: s, layout, indicators, loadError }: GridViewProps) {
  const codes = useMemo(() => s.codes.slice(s.left, s.left + layout.cols), [s.codes, s.left, layout.cols]);
  // Counted again only when the teams or the values change (a save), not on every cursor move:
  // a walk over 2,000 teams per key.
  const missing = useMemo(() => missingCount({ teams: s.teams, values: s.values }), [s.teams, s.values]);
  if (loadError) return <Text color={tint('error')}>{loadError}</Text>;
  if (!s.loaded) return <Text dimColor>Đang đọc bảng tháng…</Text>;
  const visible = s.teams.slice(s.top, s.top + layout.rows);
  const team = s.teams[s.row];
  const ind = indicators.find((i) => i.code === s.codes[s.col]);
  const more = `${s.left > 0 ? '◂' : ' '}${s.left + layout.cols < s.codes.length ? '▸' : ' '}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>Tháng {monthLabel(s.month)}</Text> ({keyName('gridPrevMonth')}/{keyName('gridNextMonth')} đổi tháng) · {s.teams.length} tổ · chưa có phiếu: {missing} · dòng{' '}
        {s.teams.length ? s.row + 1 : 0}/{s.teams.length} · cột {s.col + 1}/{s.codes.length} {more}
      </Text>
      <Text bold wrap="truncate-end">
        {'   '}
        {padCell('Tổ', layout.nameWidth)}
        {codes.map((c) => ' ' + padCell(truncate(shortLabel({ code: c }), CELL_WIDTH), CELL_WIDTH, 'right')).join('')}
      </Text>
      {visible.map((t, k) => {
        const selected = s.top + k === s.row;
        return (
          <GridRow
            key={t.id}
            team={t}
            values={s.values.get(t.id)}
            codes={codes}
            nameWidth={layout.nameWidth}
            selected={selected}
            cursorCol={selected ? s.col - s.left : -1}
            editText={selected && s.editing ? s.draft : null}
          />
        );
      })}
      {s.teams.length === 0 ? <Text dimColor>Chưa có tổ nào đang hoạt động.</Text> : null}
      <Text color={s.error ? tint('error') : undefined} wrap="truncate-end">
        {s.error
          ? `✗ ${s.error}`
          : // "đang sửa" first: at 80 columns the indicator's long label is what gets cut.
            `${s.editing ? `đang sửa, ${keyName('cellCommit')} để lưu · ` : ''}${team ? `${displayName(team.name)} (${team.code})` : ''} · ${ind ? `${ind.label} (${ind.unit})` : ''}`}
      </Text>
      <Text dimColor wrap="truncate-end">
        {MISSING_MARK} = tổ chưa có phiếu ({NO_FORM_CELL}) · {BLANK_CELL} = ô trống, chưa báo cáo (khác 0) · gõ số để sửa ô
      </Text>
    </Box>
  );
}
