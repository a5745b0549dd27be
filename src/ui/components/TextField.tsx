// One labelled field: its value, a cursor when focused, and the message right next to it.
import { Box, Text } from 'ink';
import { padCell } from '../../io/text-table.js';
import { tint } from '../theme.js';

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
}

export function TextField({ label, value, focused, labelWidth = 24, placeholder, error, warning, aside, width = 12 }: TextFieldProps) {
  const shown = value === '' && !focused && placeholder ? placeholder : value;
  return (
    <Box>
      <Text color={focused ? tint('cyan') : undefined} bold={focused} wrap="truncate-end">
        {focused ? '› ' : '  '}
        {padCell(label, labelWidth)}
      </Text>
      <Text inverse={focused} dimColor={value === '' && !focused}>
        {padCell(shown + (focused ? '▏' : ''), width)}
      </Text>
      {aside ? <Text dimColor> {aside}</Text> : null}
      {error ? (
        <Text color={tint('red')} wrap="truncate-end">
          {' '}✗ {error}
        </Text>
      ) : warning ? (
        <Text color={tint('yellow')} wrap="truncate-end">
          {' '}! {warning}
        </Text>
      ) : null}
    </Box>
  );
}

/** Editing a field's text at its end: what the keys do, as pure functions. */
export const edit = {
  type: (value: string, text: string, max = 200) => (value + text).normalize('NFC').slice(0, max),
  backspace: (value: string) => Array.from(value).slice(0, -1).join(''),
};
