// The paper form on screen: one line per field (label, value, last month's value), the message of
// the focused field right under it. Blank shows `—`, zero shows `0`: never confused.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useMemo } from 'react';
import { type Month, addMonths, monthLabel } from '../../domain/period.js';
import { formatInt } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { visibleTail } from '../components/TextField.js';
import { listWindow } from '../components/listWindow.js';
import { tint } from '../theme.js';
import type { EntryData, SaveState } from './useEntry.js';
import { type EntryField, type EntryState, displayText, fieldWarning } from './reducer.js';
import { selectionMark } from '../components/SelectableList.js';

export const BLANK = '—';
const VALUE_WIDTH = 11;
const LAST_WIDTH = 12;

export interface EntryViewProps {
  state: EntryState;
  data: EntryData | null;
  month: Month;
  saveState: SaveState;
  bodyRows: number;
  columns: number;
}

function shownValue(field: EntryField, text: string): string {
  if (text === '') return BLANK;
  return field.kind === 'value' && /^\d+$/u.test(text) ? formatInt(Number(text)) : text;
}

export const SAVE_TEXT: Record<SaveState, string> = {
  idle: 'mỗi ô được lưu khi rời ô',
  saving: 'đang lưu…',
  saved: 'đã lưu mọi ô đã rời',
};

export function EntryView({ state: s, data, month, saveState, bodyRows, columns }: EntryViewProps) {
  const labelWidth = Math.max(16, columns - 2 - 1 - VALUE_WIDTH - 2 - LAST_WIDTH - 1);
  // Labels are cut and padded once per width, not on every key.
  const labels = useMemo(() => s.fields.map((f) => padCell(truncate(f.label, labelWidth), labelWidth)), [s.fields, labelWidth]);
  if (!s.loaded || !data) return <Text dimColor>Đang mở phiếu…</Text>;
  const team = data.team;
  const noteWidth = Math.max(10, columns - 2 - labelWidth - 2);
  const focused = s.fields[s.focus];
  const message = s.error ?? (focused ? fieldWarning(focused, s.draft, data.warnings, s) : null);
  // header (3) + the focused field's full label (+ its message line when there is one)
  const win = listWindow(s.focus, s.fields.length, Math.max(3, bodyRows - 4 - (message ? 1 : 0)));
  const area = team?.areaName ? ` · ${team.areaName}` : '';
  const households = team?.households ? ` · ${formatInt(team.households)} hộ` : '';
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {team ? `${team.name} (${team.code})` : 'Tổ không còn trong dữ liệu'}
        {area}
        {households} · Tháng {monthLabel(month)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {s.exists ? 'Phiếu đã có' : 'Phiếu mới'} · {SAVE_TEXT[saveState]} · ô trống {BLANK} = chưa báo cáo (khác 0)
      </Text>
      <Text bold wrap="truncate-end">
        {'  '}
        {padCell('Chỉ số', labelWidth)} {padCell('Số liệu', VALUE_WIDTH)}  Th.{monthLabel(addMonths(month, -1))}
      </Text>
      {s.fields.slice(win.start, win.end).map((f, k) => {
        const i = win.start + k;
        const isFocus = i === s.focus;
        const text = isFocus ? s.draft : displayText(s, f);
        const warn = !isFocus && fieldWarning(f, text, data.warnings, s);
        const last = f.kind === 'value' ? (data.lastMonth ? shownValue(f, String(data.lastMonth[f.key] ?? '')) : '') : '';
        const width = f.kind === 'note' ? noteWidth : VALUE_WIDTH;
        // The field being typed shows its end (where the cursor is), measured in columns: a wide
        // character (emoji, CJK) takes two.
        const cell = isFocus ? visibleTail(text, width - 1) + '▏' : truncate(shownValue(f, text), width);
        return (
          <Box key={f.key} flexDirection="column">
            <Text wrap="truncate-end">
              <Text color={isFocus ? tint('accent') : undefined} bold={isFocus}>
                {selectionMark(isFocus)}
                {labels[i]}
              </Text>{' '}
              <Text inverse={isFocus} dimColor={!isFocus && text === ''}>
                {padCell(cell, width)}
              </Text>
              {f.kind === 'note' ? null : (
                <Text dimColor>
                  {'  '}
                  {last}
                </Text>
              )}
              {warn ? <Text color={tint('warn')}> !</Text> : null}
            </Text>
            {isFocus && message ? (
              <Text color={tint(s.error ? 'error' : 'warn')} wrap="truncate-end">
                {'    '}
                {s.error ? '✗' : '!'} {message}
              </Text>
            ) : null}
          </Box>
        );
      })}
      {focused ? (
        <Text dimColor wrap="truncate-end">
          {focused.label}
          {focused.unit ? ` (${focused.unit})` : ''}
          {focused.kind === 'date' ? ' — dd/mm/yyyy' : ''}
          {!data.lastMonth ? ` · tháng ${monthLabel(addMonths(month, -1))} chưa có phiếu` : ''}
        </Text>
      ) : null}
    </Box>
  );
}
