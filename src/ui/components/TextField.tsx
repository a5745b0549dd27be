// One labelled field: its value, a cursor when focused, and the message right next to it.
import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import { padCell, truncate } from '../../io/text-table.js';
import { tint } from '../theme.js';
import { selectionMark } from './SelectableList.js';

export interface TextFieldProps {
  label: string;
  value: string;
  focused: boolean;
  labelWidth?: number;
  placeholder?: string;
  error?: string | null;
  warning?: string | null;
  /** Shown dimmed after the value (e.g. last month's figure). */
  aside?: string;
  width?: number;
  /** The line's width: a message that does not fit beside the field goes on the next line. */
  columns?: number;
}

/** What fits in `width` columns of a value being typed: its end (where the cursor is). */
export function visibleTail(value: string, width: number): string {
  if (stringWidth(value) <= width) return value;
  const chars = Array.from(value);
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    if (stringWidth('…' + chars[i] + out) > width) break;
    out = chars[i] + out;
  }
  return '…' + out;
}

export function TextField({ label, value, focused, labelWidth = 24, placeholder, error, warning, aside, width = 12, columns }: TextFieldProps) {
  const placeholderShown = value === '' && !focused && !!placeholder;
  const cell = placeholderShown ? truncate(placeholder, width) : focused ? visibleTail(value, width - 1) + '▏' : visibleTail(value, width);
  const message = error ? (
    <Text color={tint('error')} wrap="truncate-end">
      {' '}✗ {error}
    </Text>
  ) : warning ? (
    <Text color={tint('warn')} wrap="truncate-end">
      {' '}! {warning}
    </Text>
  ) : null;
  const used = 2 + labelWidth + width + (aside ? 1 + stringWidth(aside) : 0);
  const below = !!message && columns !== undefined && used + 3 + stringWidth(error ?? warning ?? '') > columns;
  const line = (
    <Box>
      <Text color={focused ? tint('accent') : undefined} bold={focused} wrap="truncate-end">
        {selectionMark(focused)}
        {padCell(label, labelWidth)}
      </Text>
      <Text inverse={focused} dimColor={value === '' && !focused}>
        {padCell(cell, width)}
      </Text>
      {aside ? <Text dimColor> {aside}</Text> : null}
      {below ? null : message}
    </Box>
  );
  if (!below) return line;
  return (
    <Box flexDirection="column">
      {line}
      <Box paddingLeft={Math.min(2 + labelWidth, Math.max(0, (columns ?? 80) - 40))}>{message}</Box>
    </Box>
  );
}

/** Editing a field's text at its end: what the keys do, as pure functions. */
export const edit = {
  type: (value: string, text: string, max = 200) => (value + text).normalize('NFC').slice(0, max),
  backspace: (value: string) => Array.from(value).slice(0, -1).join(''),
};
