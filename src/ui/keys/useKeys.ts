// The one input dispatcher of the active screen: Ink key → binding of the key table → handler.
// While a field is being edited, printable keys go to the field instead of the bindings. A
// binding can be off for a reason (`off('…')`): pressing it says why on the message line.
import { useInput } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef } from 'react';
import { type AttachKeys, type KeyListener, splitInput } from './hub.js';
import { type KeyEvent, type KeySpec, isDigitSpec, isPrintableSpec, keysLabel, matchesSpec, parseKey } from './keymap.js';
import { type Binding, type BindingId, type BindingOn, type ScreenName, bindingById, bindingsFor } from './table.js';

/** A binding that cannot be used now, and why (shown in the help; said when it is pressed). */
export interface Off {
  off: string;
}

export const off = (reason: string): Off => ({ off: reason });

/** What a binding does on a screen: a handler, off with a reason, or nothing (not handled now). */
export type Handler = (() => void) | Off | undefined;

/** Handlers for some bindings (a helper's share of a screen's keys). */
export type HandlersOf<K extends BindingId> = { [P in K]?: Handler };

/** The handlers of a screen: only ids of bindings the key table gives that screen. */
export type Handlers<S extends ScreenName> = HandlersOf<BindingOn<S>>;

type AllKeys<H> = H extends unknown ? keyof H : never;

/**
 * H as given, with every key that is not a binding of screen S (in any branch of a `cond ? {…} :
 * {…}`, spread helpers included) turned into `never`: a mistyped id, or one the table does not
 * bind on S, fails the type check instead of being ignored.
 */
export type OnlyBindings<H, S extends ScreenName> = H & { [K in Exclude<AllKeys<H>, BindingOn<S>>]?: never };

const isOff = (h: Handler): h is Off => typeof h === 'object' && h !== null;

export interface UseKeysOptions {
  /** 'text': every printable key goes to onText; 'digits': digits do; false: bindings get all. */
  typing?: false | 'text' | 'digits';
  onText?: (text: string) => void;
  onBackspace?: () => void;
  isActive?: boolean;
  /**
   * The screen holds typed input not saved yet: the default `back` (q/Esc) and Ctrl+C then ask
   * "Bỏ dữ liệu chưa lưu? (y/n)" first. A screen that handles `back` itself decides alone.
   */
  unsaved?: boolean;
}

export interface ActiveKeys {
  screen: ScreenName;
  ids: BindingId[];
  /** Bindings off now, and why (in the help, not in the footer). */
  disabled: Partial<Record<BindingId, string>>;
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
  /** Present for a text answer: the text it starts with. Absent: a yes/no question (its keys are added from the key table). */
  input?: string;
  /** The answer (yes, or the text typed). Return a message to refuse it and keep asking. */
  onAnswer(text: string): void | string | null | Promise<void | string | null>;
  onCancel?(): void;
}

/** What the shell does for a screen's keys: the same object for the whole run. */
export interface KeyContextValue {
  toggleHelp(): void;
  /** Scroll the open help by so many lines, within [0, max]. */
  scrollHelp?(delta: number, max: number): void;
  /** Say why a key cannot be used now (the message line). */
  refuse?(reason: string): void;
  /** Default for 'back' when the screen has none: go back, or quit on the first screen (asks first when input is unsaved). */
  back(): void;
  quit(): void;
  publish(active: ActiveKeys): void;
  ask(prompt: PromptSpec): void;
  /** Hand keys to this listener until the returned function is called (see keys/hub.tsx). */
  attach?: AttachKeys;
}

export const KeyContext = createContext<KeyContextValue | null>(null);

/**
 * What is drawn over the screen now: the help, or a question. The screen's keys are off
 * meanwhile. Apart from KeyContext so that opening the help re-renders the top screen only (the
 * ones under it get IDLE_MODE: their keys are off anyway).
 */
export interface KeyMode {
  helpOpen: boolean;
  asking: boolean;
}
export const IDLE_MODE: KeyMode = { helpOpen: false, asking: false };
export const KeyModeContext = createContext<KeyMode>(IDLE_MODE);

/**
 * Why nothing may be written (a role that may only read), or null: every binding the key table
 * marks `writes` is then off for that reason, on every screen, whatever the screen passes.
 */
export const ReadOnlyContext = createContext<string | null>(null);

/** False for screens kept mounted under the top one: their keys are off. */
export const ScreenActiveContext = createContext(true);

/** Pure dispatch: which binding (if any) a key event triggers on a screen. */
export function resolveBinding(
  screen: ScreenName,
  ev: KeyEvent,
  available: (id: BindingId) => boolean,
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

function readOnlyTable(table: Partial<Record<BindingId, Handler>>, reason: string): Partial<Record<BindingId, Handler>> {
  return Object.fromEntries(Object.entries(table).map(([id, h]) => [id, typeof h === 'function' && bindingById(id as BindingId).writes ? off(reason) : h]));
}

const GLOBAL: ReadonlySet<BindingId> = new Set<BindingId>(['help', 'back', 'quit']);

/** "→ Tháng sau: chưa hết tháng sau, chưa tính được": a refused key on the message line. */
export function refusal(b: Binding, reason: string): string {
  return `${keysLabel(b.keys)} ${b.label}: ${reason}`;
}

type InkKey = Parameters<Parameters<typeof useInput>[0]>[1];

export function useKeys<S extends ScreenName, H extends Handlers<S>>(screen: S, handlers: OnlyBindings<H, S>, opts: UseKeysOptions = {}): void {
  const ctx = useContext(KeyContext);
  const mode = useContext(KeyModeContext);
  const screenActive = useContext(ScreenActiveContext);
  const readOnly = useContext(ReadOnlyContext);
  const given = handlers as Partial<Record<BindingId, Handler>>;
  const table = readOnly ? readOnlyTable(given, readOnly) : given;
  const latest = useRef({ table, opts, ctx });
  latest.current = { table, opts, ctx };

  const entries = Object.entries(table) as [BindingId, Handler][];
  const ids = entries.filter(([, h]) => typeof h === 'function').map(([id]) => id);
  const disabled: Partial<Record<BindingId, string>> = Object.fromEntries(entries.flatMap(([id, h]) => (isOff(h) ? [[id, h.off]] : [])));
  const unsaved = !!opts.unsaved;
  const typing = opts.typing ?? false;
  const signature = `${screen}|${ids.join(',')}|${JSON.stringify(disabled)}|${unsaved}|${typing}`;
  useLayoutEffect(() => {
    if (!screenActive) return;
    ctx?.publish({ screen, ids: [...new Set<BindingId>([...ids, 'help', 'back', 'quit'])], disabled, unsaved, typing });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, screenActive]);

  const dispatch = useCallback<KeyListener>(
    (input, key) => {
      const { table: h, opts: o, ctx: c } = latest.current;
      const ev = parseKey(input, key);
      const available = (id: BindingId) => !!h[id] || (GLOBAL.has(id) && !!c);
      const b = resolveBinding(screen, ev, available, o.typing ?? false);
      if (b) {
        const fn = h[b.id];
        if (isOff(fn)) c?.refuse?.(refusal(b, fn.off));
        else if (fn) fn();
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

  // While the shell asks a question, only the question's own keys (screen 'confirm') are live;
  // while the help is open, only the help's.
  const active =
    screenActive && (opts.isActive ?? true) && (!mode.asking || screen === 'confirm') && (!mode.helpOpen || screen === 'help' || screen === 'confirm');
  const attach = ctx?.attach;
  // Through the hub (keys/hub.tsx) keys come one at a time, each after the previous one's render.
  useLayoutEffect(() => (active && attach ? attach(dispatch) : undefined), [active, attach, dispatch]);

  // Outside a shell (a component rendered alone), listen directly: the keys of one chunk one per task.
  const queue = useRef<[string, InkKey][]>([]);
  const drain = useCallback(() => {
    const next = queue.current.shift();
    if (!next) return;
    dispatch(next[0], next[1]);
    if (queue.current.length) setImmediate(drain);
  }, [dispatch]);
  const direct = useCallback<KeyListener>(
    (input, key) => {
      const pending = queue.current.length > 0;
      queue.current.push(...splitInput(input, key));
      if (!pending) drain();
    },
    [drain],
  );
  useInput(direct, { isActive: active && !attach });
}
