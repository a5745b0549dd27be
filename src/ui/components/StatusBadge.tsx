// A status as symbol + word + colour: readable with NO_COLOR too.
import { Text } from './Text.js';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import type { Status } from '../../domain/targets.js';
import { padCell } from '../../io/text-table.js';
import { STATUS_COLORS, tint } from '../theme.js';

export function StatusBadge({ status, width }: { status: Status; width?: number }) {
  const text = `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[status]}`;
  return <Text color={tint(STATUS_COLORS[status])}>{width ? padCell(text, width) : text}</Text>;
}
