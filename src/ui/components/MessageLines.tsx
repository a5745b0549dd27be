// The message line above the footer. A long message (a restore's, an import's refusal, a full
// disk's "what to do") is wrapped over as many rows as it needs, up to a cap, instead of being
// cut at the terminal's edge (#10 item 22): the App gives the screen above that many rows less.
// Lines are wrapped here, not by Ink, so the App knows their count before it lays out the body.
import { Box } from 'ink';
import stringWidth from 'string-width';
import { truncate, wrapText } from '../../io/text-table.js';
import { Text } from './Text.js';

/** A word wider than the row (a long path) is broken, not cut: the whole of it stays readable. */
function breakLongWords(paragraph: string, width: number): string {
  return paragraph
    .split(/(\s+)/u)
    .map((word) => {
      if (stringWidth(word) <= width) return word;
      const pieces: string[] = [];
      let piece = '';
      for (const ch of word) {
        if (piece && stringWidth(piece + ch) > width) (pieces.push(piece), (piece = ''));
        piece += ch;
      }
      return [...pieces, piece].join(' ');
    })
    .join('');
}

/**
 * The rows a message takes at `columns`: the mark ("✗ ") starts the first, the others are indented
 * under the text; line breaks in the message are kept. More than `maxRows`: the last row ends in "…".
 */
export function messageRows(mark: string, text: string, columns: number, maxRows: number): string[] {
  const indent = ' '.repeat(stringWidth(mark));
  const room = Math.max(1, columns - indent.length);
  const lines = text
    .split(/\r?\n/u)
    .flatMap((p) => wrapText(breakLongWords(p, room), room))
    .map((l, i) => (i === 0 ? mark : indent) + l);
  if (lines.length <= maxRows) return lines;
  const kept = lines.slice(0, Math.max(1, maxRows));
  kept[kept.length - 1] = truncate(kept[kept.length - 1]! + ' …', columns);
  return kept;
}

/** The message's rows, each exactly one terminal row (already wrapped to fit). */
export function MessageLines({ rows, color }: { rows: readonly string[]; color: string | undefined }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {rows.map((r, i) => (
        <Text key={i} color={color} wrap="truncate-end">
          {r || ' '}
        </Text>
      ))}
    </Box>
  );
}
