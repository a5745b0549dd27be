// Key hints generated from the key table: only bindings the screen handles right now.
import { Box } from 'ink';
import { Text } from './Text.js';
import stringWidth from 'string-width';
import { keysLabel } from '../keys/keymap.js';
import { type ScreenName, bindingsFor } from '../keys/table.js';
import { type ActiveKeys, liveKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';

/** On the first screen `q`/Esc quit rather than go back: say so. */
export function footerHints(screen: ScreenName, active: ActiveKeys | null, width: number, atRoot = false): string[] {
  const ids = new Set(active?.screen === screen ? active.ids : ['help', 'back']);
  const disabled = active?.screen === screen ? active.disabled : {};
  const hints = bindingsFor(screen)
    .map((b) => ({ b, keys: liveKeys(b.keys, active?.screen === screen ? active.typing : false) }))
    .filter(({ b, keys }) => b.footer && keys.length && ids.has(b.id) && !(b.id in disabled))
    .sort((x, y) => (x.b.hintRank ?? 0) - (y.b.hintRank ?? 0))
    .map(({ b, keys }) => ({ id: b.id, text: `${keysLabel(b.hintFirstKey ? keys.slice(0, 1) : keys)} ${b.id === 'back' && atRoot ? 'Thoát' : b.label}` }));
  // Fit in one line: drop from the end but keep the help's hint (the way to see the rest).
  const out: string[] = [];
  let used = 0;
  const help = hints.find((h) => h.id === 'help')?.text ?? '';
  const budget = width - stringWidth(help) - 2;
  for (const { id, text: h } of hints) {
    if (id === 'help') continue;
    const w = stringWidth(h) + 2;
    if (used + w > budget) break;
    out.push(h);
    used += w;
  }
  if (help) out.push(help);
  return out;
}

export function Footer({ screen, active, width, atRoot }: { screen: ScreenName; active: ActiveKeys | null; width: number; atRoot?: boolean }) {
  const hints = footerHints(screen, active, width, atRoot);
  return (
    <Box>
      <Text color={tint('accent')} wrap="truncate-end">
        {hints.join('  ')}
      </Text>
    </Box>
  );
}
