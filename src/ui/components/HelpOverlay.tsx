// The `?` help: every binding of the screen from the key table, with why one is unavailable.
import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import { padCell, wrapText } from '../../io/text-table.js';
import { useContext } from 'react';
import { keyName, keyNames } from '../keys/hint.js';
import { keysLabel } from '../keys/keymap.js';
import { type ScreenName, bindingsFor } from '../keys/table.js';
import { type ActiveKeys, KeyContext, useKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';
import { ScrollLines, maxOffset } from './ScrollLines.js';

export function helpLines(screen: ScreenName, active: ActiveKeys | null): { keys: string; text: string; off?: string | undefined }[] {
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

/**
 * The help over a screen. Its own keys are the key table's screen 'help' (close, scroll); the
 * screen's keys are off meanwhile.
 */
export function HelpOverlay({ screen, active, rows, columns = 80, offset = 0 }: { screen: ScreenName; active: ActiveKeys | null; rows: number; columns?: number; offset?: number }) {
  const ctx = useContext(KeyContext);
  const lines = helpText(screen, active, columns);
  const room = Math.max(1, rows - 3);
  const max = maxOffset(lines.length, room);
  const scroll = (delta: number) => () => ctx?.scrollHelp?.(delta, max);
  const page = Math.max(1, room - 1);
  useKeys('help', {
    back: () => ctx?.toggleHelp(),
    scrollUp: scroll(-1),
    scrollDown: scroll(1),
    scrollPageUp: scroll(-page),
    scrollPageDown: scroll(page),
  });
  const more = lines.length > room;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={tint('accent')} paddingX={1}>
      <Text bold wrap="truncate-end">
        Phím tắt của màn hình này ({keyName('help')} hoặc {keyName('back')} để đóng{more ? `, ${keyNames('scrollUp', 'scrollDown')} để cuộn` : ''})
      </Text>
      <ScrollLines
        offset={offset}
        rows={room}
        lines={lines.map((l) => (
          <Text wrap="truncate-end" dimColor={l.off}>
            <Text color={tint('accent')}>{l.keys}</Text> {l.text}
          </Text>
        ))}
      />
    </Box>
  );
}
