// The one input dispatcher of the active screen: Ink key → binding of the key table → handler.
// While a field is being edited, printable keys go to the field instead of the bindings.
import { useInput } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { type KeyEvent, type KeySpec, isBurst, isDigitSpec, isPrintableSpec, matchesSpec, parseKey, splitKeys } from './keymap.js';
import { type Binding, type ScreenName, bindingById, bindingsFor } from './table.js';

export type Handlers = Partial<Record<string, () => void>>;

export interface UseKeysOptions {
  /** 'text': every printable key goes to onText; 'digits': digits do; false: bindings get all. */
  typing?: false | 'text' | 'digits';
  onText?: (text: string) => void;
  onBackspace?: () => void;
  /** Binding id → why it cannot be used now (shown in the help, hidden from the footer). */
  disabled?: Record<string, string>;
  isActive?: boolean;
  /**
   * The screen holds typed input not saved yet: the default `back` (q/Esc) and Ctrl+C then ask
   * "Bỏ dữ liệu chưa lưu? (y/n)" first. A screen that handles `back` itself decides alone.
   */
  unsaved?: boolean;
}

export interface ActiveKeys {
  screen: ScreenName;
  ids: string[];
  disabled: Record<string, string>;
  unsaved?: boolean;
  /** Printable keys go to a field now: the hints leave out the keys that type instead. */
  typing?: UseKeysOptions['typing'];
}

/** The keys of a binding that still act while the screen is typing (q types a q in a text field). */
export function liveKeys(keys: readonly KeySpec[], typing: UseKeysOptions['typing']): KeySpec[] {
  return keys.filter((spec) => !(typing === 'text' && isPrintableSpec(spec)) && !(typing === 'digits' && isDigitSpec(spec)));
}

/** A question the shell asks over the screen: yes/no, or one line of text (e.g. a date). */
export interface PromptSpec {
  question: string;
  /** Present for a text answer: the text it starts with. Absent: a yes/no question. */
  input?: string;
  /** The answer (yes, or the text typed). Return a message to refuse it and keep asking. */
  onAnswer(text: string): void | string | null | Promise<void | string | null>;
  onCancel?(): void;
}

export interface KeyContextValue {
  helpOpen: boolean;
  toggleHelp(): void;
  /** Scroll the open help by so many lines (↑/↓, PgUp/PgDn). */
  scrollHelp?(delta: number): void;
  /** Default for 'back' when the screen has none: go back, or quit on the first screen (asks first when input is unsaved). */
  back(): void;
  quit(): void;
  publish(active: ActiveKeys): void;
  /** The question being asked, if any: the screen's keys are off meanwhile. */
  prompt: PromptSpec | null;
  ask(prompt: PromptSpec): void;
  /** Hand keys to this listener until the returned function is called (see useKeyHub). */
  attach?(listener: KeyListener): () => void;
}

export const KeyContext = createContext<KeyContextValue | null>(null);

/** False for screens kept mounted under the top one: their keys are off. */
export const ScreenActiveContext = createContext(true);

/** Pure dispatch: which binding (if any) a key event triggers on a screen. */
export function resolveBinding(
  screen: ScreenName,
  ev: KeyEvent,
  available: (id: string) => boolean,
  typing: UseKeysOptions['typing'],
): Binding | undefined {
  return bindingsFor(screen).find(
    (b) =>
      available(b.id) &&
      b.keys.some((spec) => {
        if (typing === 'text' && isPrintableSpec(spec)) return false;
        if (typing === 'digits' && isDigitSpec(spec)) return false;
        return matchesSpec(ev, spec);
      }),
  );
}

const GLOBAL = new Set(['help', 'back', 'quit']);
const HELP_KEYS = bindingById('help').keys;

type InkKey = Parameters<Parameters<typeof useInput>[0]>[1];
export type KeyListener = (input: string, key: InkKey) => void;

/** The hub of an outer component (Root), which has listened since the program started. */
export const KeyHubContext = createContext<((listener: KeyListener) => () => void) | null>(null);

/**
 * The one stdin listener: it hands each key to the listeners attached now. Screens attach in a
 * layout effect, i.e. in the same commit that draws them, and the hub itself is mounted once,
 * as early as possible (Root). Ink's useInput subscribes in a passive effect, which after a
 * render caused by loaded data runs a moment after the frame is drawn: a key typed in that
 * moment (a fast typist, a paste, a test) would be lost.
 */
export function useKeyHub(): (listener: KeyListener) => () => void {
  const parent = useContext(KeyHubContext);
  const listeners = useRef(new Set<KeyListener>());
  const onInput = useCallback<KeyListener>((input, key) => {
    for (const l of [...listeners.current]) l(input, key);
  }, []);
  useInput(onInput, { isActive: !parent });
  const own = useCallback((l: KeyListener) => {
    listeners.current.add(l);
    return () => {
      listeners.current.delete(l);
    };
  }, []);
  return parent ?? own;
}

export function useKeys(screen: ScreenName, handlers: Handlers, opts: UseKeysOptions = {}): void {
  const ctx = useContext(KeyContext);
  const screenActive = useContext(ScreenActiveContext);
  const latest = useRef({ handlers, opts, ctx });
  latest.current = { handlers, opts, ctx };

  const ids = Object.keys(handlers).filter((id) => handlers[id]);
  const disabled = opts.disabled ?? {};
  const unsaved = !!opts.unsaved;
  const typing = opts.typing ?? false;
  const signature = `${screen}|${ids.join(',')}|${Object.keys(disabled).join(',')}|${unsaved}|${typing}`;
  useLayoutEffect(() => {
    if (!screenActive) return;
    ctx?.publish({ screen, ids: [...new Set([...ids, 'help', 'back', 'quit'])], disabled, unsaved, typing });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, screenActive]);

  // Several keys in one chunk are dispatched one per render, so each handler sees the state the
  // previous key left (a filter typed, then Enter opens what the filter selected).
  const queue = useRef<[string, InkKey][]>([]);
  const drain = useCallback(() => {
    const next = queue.current.shift();
    if (!next) return;
    dispatch(next[0], next[1]);
    if (queue.current.length) setImmediate(drain);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKey = useCallback<KeyListener>((input, key) => {
    const pending = queue.current.length > 0;
    if (isBurst(input)) {
      const none = { ...key, return: false, tab: false, delete: false, backspace: false };
      for (const p of splitKeys(input)) {
        if (p.kind === 'text') queue.current.push([p.text, none]);
        else
          queue.current.push([
            p.kind === 'enter' ? '\r' : p.kind === 'tab' ? '\t' : '\x7f',
            { ...none, return: p.kind === 'enter', tab: p.kind === 'tab', delete: p.kind === 'backspace' },
          ]);
      }
    } else queue.current.push([input, key]);
    if (!pending) drain();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const dispatch = useCallback<KeyListener>(
    (input, key) => {
      const { handlers: h, opts: o, ctx: c } = latest.current;
      const ev = parseKey(input, key);
      if (c?.helpOpen) {
        if (HELP_KEYS.some((spec) => matchesSpec(ev, spec)) || ev.name === 'escape' || ev.text === 'q') c.toggleHelp();
        else if (ev.name === 'up' || ev.name === 'down') c.scrollHelp?.(ev.name === 'up' ? -1 : 1);
        else if (ev.name === 'pageUp' || ev.name === 'pageDown') c.scrollHelp?.(ev.name === 'pageUp' ? -10 : 10);
        else if (ev.ctrl && ev.text === 'c') c.quit();
        return;
      }
      const available = (id: string) => (!!h[id] && !(o.disabled && id in o.disabled)) || (GLOBAL.has(id) && !!c);
      const b = resolveBinding(screen, ev, available, o.typing ?? false);
      if (b) {
        const fn = h[b.id];
        if (fn) fn();
        else if (b.id === 'help') c?.toggleHelp();
        else if (b.id === 'back') c?.back();
        else if (b.id === 'quit') c?.quit();
        return;
      }
      if (ev.name === 'backspace') o.onBackspace?.();
      else if (ev.text && !ev.ctrl && o.typing) {
        const text = o.typing === 'digits' ? ev.text : ev.text.replace(/[\r\n\t]/gu, ' ');
        o.onText?.(text);
      }
    },
    [screen],
  );

  // While the shell asks a question, only the question's own keys (screen 'confirm') are live.
  const active = screenActive && (opts.isActive ?? true) && (!ctx?.prompt || screen === 'confirm');
  const attach = ctx?.attach;
  useLayoutEffect(() => (active && attach ? attach(onKey) : undefined), [active, attach, onKey]);
  // Outside a shell (a component rendered alone), listen directly.
  useInput(onKey, { isActive: active && !attach });
}
