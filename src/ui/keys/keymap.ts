// Pure key handling: Ink's (input, key) pair → a named key event, and matching it against the
// key specs of the key table. Tested apart from any screen (Ink quirks live here only).
import type { Key } from 'ink';
import { dropUnsafe } from '../../domain/text.js';

export type KeyName =
  | 'enter'
  | 'escape'
  | 'tab'
  | 'shiftTab'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'backspace'
  | 'space';

export interface KeyEvent {
  name: KeyName | null;
  /** The printable text typed (one character, or a pasted string). */
  text: string;
  ctrl: boolean;
}

/**
 * Ink 6 quirks: Backspace (\x7f) arrives as `key.delete`; Esc also sets `key.meta`;
 * Shift+Tab is `tab` with `shift`. A paste arrives as one multi-character `input`.
 */
export function parseKey(input: string, key: Key): KeyEvent {
  const ev = (name: KeyName | null, text = ''): KeyEvent => ({ name, text, ctrl: key.ctrl });
  if (key.escape) return ev('escape');
  if (key.return) return ev('enter');
  if (key.tab) return ev(key.shift ? 'shiftTab' : 'tab');
  if (key.upArrow) return ev('up');
  if (key.downArrow) return ev('down');
  if (key.leftArrow) return ev('left');
  if (key.rightArrow) return ev('right');
  if (key.pageUp) return ev('pageUp');
  if (key.pageDown) return ev('pageDown');
  if (key.home) return ev('home');
  if (key.end) return ev('end');
  if (key.backspace || key.delete) return ev('backspace');
  if (input === ' ') return { name: 'space', text: ' ', ctrl: key.ctrl };
  // Some terminals send CR/LF or a tab inside `input` without the flags.
  if (input === '\r' || input === '\n') return ev('enter');
  // Typed or pasted text never carries a control or bidi character into any field (domain.md,
  // "Untrusted text"): this is the one place every field's text comes from.
  return { name: null, text: key.ctrl ? input.toLowerCase() : dropUnsafe(input.normalize('NFC')), ctrl: key.ctrl };
}

export interface KeySpec {
  name?: KeyName;
  char?: string;
  ctrl?: boolean;
}

export function matchesSpec(ev: KeyEvent, spec: KeySpec): boolean {
  if (!!spec.ctrl !== ev.ctrl) return false;
  if (spec.name) return ev.name === spec.name;
  if (spec.char) return ev.text === spec.char;
  return false;
}

const NAME_LABELS: Record<KeyName, string> = {
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  shiftTab: 'Shift+Tab',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'Home',
  end: 'End',
  backspace: 'Backspace',
  space: 'Space',
};

export function specLabel(spec: KeySpec): string {
  const base = spec.name ? NAME_LABELS[spec.name] : (spec.char ?? '');
  return spec.ctrl ? `Ctrl+${base.toUpperCase()}` : base;
}

/** "↑/↓", "q/Esc": how the footer and help write a binding's keys. */
export function keysLabel(keys: readonly KeySpec[]): string {
  return keys.map(specLabel).join('/');
}

/** Printable single characters (not Ctrl): these go to a text field while one is being edited. */
export function isPrintableSpec(spec: KeySpec): boolean {
  return !spec.ctrl && (!!spec.char || spec.name === 'space');
}

export function isDigitSpec(spec: KeySpec): boolean {
  return !!spec.char && /^[0-9]$/u.test(spec.char);
}

export type KeyPiece = { kind: 'text'; text: string } | { kind: 'enter' } | { kind: 'tab' } | { kind: 'backspace' };

/**
 * Keys that arrive in one chunk: Ink splits its input only at escape sequences, so a fast typist
 * (or a moment when the app was busy) delivers "12\r34\r" as ONE input. Taken apart here, every
 * Enter, Tab and Backspace in it still counts; a run of text (a paste) stays together.
 */
export function splitKeys(input: string): KeyPiece[] {
  const out: KeyPiece[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') {
      flush();
      out.push({ kind: 'enter' });
    } else if (ch === '\t') {
      flush();
      out.push({ kind: 'tab' });
    } else if (ch === '\x7f' || ch === '\b') {
      flush();
      out.push({ kind: 'backspace' });
    } else text += ch;
  }
  flush();
  return out;
}

/** True when a multi-character input holds keys that must be dispatched one by one. */
export function isBurst(input: string): boolean {
  return input.length > 1 && /[\r\n\t\x7f\b]/u.test(input);
}
