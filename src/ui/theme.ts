// The UI's colours by role, honouring NO_COLOR (https://no-color.org): any non-empty value
// turns colour off. Meaning never rests on colour alone: statuses also carry a symbol, messages
// a mark.
import type { Status } from '../domain/targets.js';

/** What a colour means on screen → the colour Ink draws it in. */
export const THEME = {
  /** Titles, the focused field, key hints. */
  accent: 'cyan',
  ok: 'green',
  warn: 'yellow',
  error: 'red',
  /** "Chưa báo cáo": a form that has not come in. */
  missing: 'magenta',
  /** A dissolved team. */
  muted: 'gray',
} as const;
export type ThemeRole = keyof typeof THEME;

export const STATUS_COLORS: Record<Status, ThemeRole> = {
  dat: 'ok',
  cham: 'warn',
  cham_nhieu: 'error',
  chua_bao_cao: 'missing',
};

export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

const enabled = colorEnabled();

/** The colour of a role for Ink's <Text color>, or undefined when colour is off. */
export function tint(role: ThemeRole | undefined): string | undefined {
  return enabled && role ? THEME[role] : undefined;
}
