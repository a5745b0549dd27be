// What a screen shows until its data is read, or why it could not be: its keys stay live, so
// Esc/q go back and `?` shows the help even while loading or after a failed load.
import { Text } from './Text.js';
import type { ScreenName } from '../keys/table.js';
import { useKeys } from '../keys/useKeys.js';
import { tint } from '../theme.js';

export function Waiting({ screen, error, text = 'Đang tải…' }: { screen: ScreenName; error?: string | null; text?: string }) {
  useKeys(screen, {});
  return error ? (
    <Text color={tint('error')}>
      ✗ {error}
    </Text>
  ) : (
    <Text dimColor>{text}</Text>
  );
}
