// A small horizontal bar (completeness, actual vs expected). Plain characters: works everywhere.
import { Text } from './Text.js';
import { type ThemeRole, tint } from '../theme.js';

export function barString(ratio: number, width: number): string {
  const r = Math.max(0, Math.min(1, Number.isFinite(ratio) ? ratio : 0));
  const full = Math.round(r * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export function Bar({ ratio, width, color }: { ratio: number; width: number; color?: ThemeRole }) {
  return <Text color={tint(color)}>{barString(ratio, width)}</Text>;
}
