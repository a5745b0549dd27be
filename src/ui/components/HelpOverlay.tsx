// The `?` help: every binding of the screen from the key table, with why one is unavailable.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { padCell, wrapText } from '../../io/text-table.js';
import { keyName } from '../keys/hint.js';
import { keysLabel } from '../keys/keymap.js';
import { type ScreenName, bindingsFor } from '../keys/table.js';
import type { ActiveKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';

export function helpLines(screen: ScreenName, active: ActiveKeys | null): { keys: string; text: string; off?: string }[] {
  const ids = new Set(active?.screen === screen ? active.ids : []);
  const disabled = active?.screen === screen ? active.disabled : {};
  return bindingsFor(screen)
    .filter((b) => ids.has(b.id) || b.id in disabled)
    .map((b) => ({ keys: keysLabel(b.keys), text: b.description, off: disabled[b.id] }));
}

/** The help as display lines: keys in a column, descriptions wrapped beside them. */
export function helpText(screen: ScreenName, active: ActiveKeys | null, columns: number): { text: string; keys: string; off: boolean }[] {
  const lines = helpLines(screen, active);
  const keyWidth = Math.max(...lines.map((l) => stringWidth(l.keys)), 4);
  const textWidth = Math.max(20, columns - keyWidth - 5); // border, padding, gap
  return lines.flatMap((l) =>
    wrapText(l.off ? `${l.text} — không dùng được: ${l.off}` : l.text, textWidth).map((text, i) => ({
      keys: padCell(i === 0 ? l.keys : '', keyWidth),
      text,
      off: !!l.off,
    })),
  );
}

export function HelpOverlay({ screen, active, rows, columns = 80, offset = 0 }: { screen: ScreenName; active: ActiveKeys | null; rows: number; columns?: number; offset?: number }) {
  const lines = helpText(screen, active, columns);
  const room = Math.max(1, rows - 3);
  const start = Math.min(offset, Math.max(0, lines.length - room));
  const more = lines.length > room;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tint('accent')} paddingX={1}>
      <Text bold wrap="truncate-end">
        Phím tắt của màn hình này ({keyName('help')} hoặc Esc để đóng{more ? ', ↑/↓ để cuộn' : ''})
      </Text>
      {lines.slice(start, start + room).map((l, i) => (
        <Text key={i} wrap="truncate-end" dimColor={l.off}>
          <Text color={tint('accent')}>{l.keys}</Text> {l.text}
        </Text>
      ))}
    </Box>
  );
}
