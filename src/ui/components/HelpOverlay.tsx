// The `?` help: every binding of the screen from the key table, with why one is unavailable.
import { Box, Text } from 'ink';
import { padCell } from '../../io/text-table.js';
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

export function HelpOverlay({ screen, active, rows }: { screen: ScreenName; active: ActiveKeys | null; rows: number }) {
  const lines = helpLines(screen, active);
  const width = Math.max(...lines.map((l) => l.keys.length), 4);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tint('cyan')} paddingX={1}>
      <Text bold>Phím tắt của màn hình này (? hoặc Esc để đóng)</Text>
      {lines.slice(0, Math.max(1, rows - 3)).map((l) => (
        <Text key={l.keys + l.text} wrap="truncate-end" dimColor={!!l.off}>
          <Text color={tint('cyan')}>{padCell(l.keys, width)}</Text> {l.text}
          {l.off ? ` — không dùng được: ${l.off}` : ''}
        </Text>
      ))}
    </Box>
  );
}
