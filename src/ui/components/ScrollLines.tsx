// A page of one-row lines that scrolls (↑/↓/PgUp/PgDn): for screens taller than 80×24 allows.
// Each line must be a single row (wrap="truncate-end"); the last visible row says how much is left.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { ReactNode } from 'react';
import { type Month, monthLabel } from '../../domain/period.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';

/** The largest useful offset: the last page shows the last lines. */
export function maxOffset(lineCount: number, rows: number): number {
  return Math.max(0, lineCount - rows);
}

export function ScrollLines({ lines, offset, rows }: { lines: readonly ReactNode[]; offset: number; rows: number }) {
  const start = Math.max(0, Math.min(offset, maxOffset(lines.length, rows)));
  const more = lines.length - (start + rows);
  const shown = more > 0 ? lines.slice(start, start + rows - 1) : lines.slice(start, start + rows);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        <Box key={start + i}>{l}</Box>
      ))}
      {more > 0 ? (
        <Text dimColor wrap="truncate-end">
          ↓ còn {more + 1} dòng ({keyName('scrollDown')} hoặc {keyName('scrollPageDown')} để xem tiếp)
        </Text>
      ) : null}
    </Box>
  );
}

/**
 * The scrolled lines of a model computed for an as-of month: its error, "Đang tính…" before the
 * first model, and while another month is computed its first line says so (the rest stay).
 * `lines` are the model's, built once by the screen (which also needs their count to scroll).
 */
export function AsOfLines(p: {
  model: { asOf: Month } | null;
  asOf: Month;
  error: string | null;
  lines: readonly ReactNode[];
  offset: number;
  rows: number;
}) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.model) return <Text dimColor>Đang tính…</Text>;
  const lines = p.model.asOf === p.asOf ? p.lines : [<Text dimColor>Đang tính tháng {monthLabel(p.asOf)}…</Text>, ...p.lines.slice(1)];
  return <ScrollLines lines={lines} offset={p.offset} rows={p.rows} />;
}
