// The one input dispatcher of the active screen: Ink key → binding of the key table → handler.
// While a field is being edited, printable keys go to the field instead of the bindings.
import { useInput } from 'ink';
import { createContext, useContext, useEffect, useRef } from 'react';
import { type KeyEvent, isDigitSpec, isPrintableSpec, matchesSpec, parseKey } from './keymap.js';
import { type Binding, type ScreenName, bindingsFor } from './table.js';

export type Handlers = Partial<Record<string, () => void>>;

export interface UseKeysOptions {
  /** 'text': every printable key goes to onText; 'digits': digits do; false: bindings get all. */
  typing?: false | 'text' | 'digits';
  onText?: (text: string) => void;
  onBackspace?: () => void;
  /** Binding id → why it cannot be used now (shown in the help, hidden from the footer). */
  disabled?: Record<string, string>;
  isActive?: boolean;
}

export interface ActiveKeys {
  screen: ScreenName;
  ids: string[];
  disabled: Record<string, string>;
}

export interface KeyContextValue {
  helpOpen: boolean;
  toggleHelp(): void;
  /** Default for 'back' when the screen has none: go back, or quit on the first screen. */
  back(): void;
  quit(): void;
  publish(active: ActiveKeys): void;
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

export function useKeys(screen: ScreenName, handlers: Handlers, opts: UseKeysOptions = {}): void {
  const ctx = useContext(KeyContext);
  const screenActive = useContext(ScreenActiveContext);
  const latest = useRef({ handlers, opts });
  latest.current = { handlers, opts };

  const ids = Object.keys(handlers).filter((id) => handlers[id]);
  const disabled = opts.disabled ?? {};
  const signature = `${screen}|${ids.join(',')}|${Object.keys(disabled).join(',')}`;
  useEffect(() => {
    if (!screenActive) return;
    ctx?.publish({ screen, ids: [...new Set([...ids, 'help', 'back', 'quit'])], disabled });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, screenActive]);

  useInput(
    (input, key) => {
      const { handlers: h, opts: o } = latest.current;
      const ev = parseKey(input, key);
      if (ctx?.helpOpen) {
        if (ev.text === '?' || ev.name === 'escape' || ev.text === 'q') ctx.toggleHelp();
        else if (ev.ctrl && ev.text === 'c') ctx.quit();
        return;
      }
      const available = (id: string) => (!!h[id] && !(o.disabled && id in o.disabled)) || (GLOBAL.has(id) && !!ctx);
      const b = resolveBinding(screen, ev, available, o.typing ?? false);
      if (b) {
        const fn = h[b.id];
        if (fn) fn();
        else if (b.id === 'help') ctx?.toggleHelp();
        else if (b.id === 'back') ctx?.back();
        else if (b.id === 'quit') ctx?.quit();
        return;
      }
      if (ev.name === 'backspace') o.onBackspace?.();
      else if (ev.text && !ev.ctrl && o.typing) {
        const text = o.typing === 'digits' ? ev.text : ev.text.replace(/[\r\n\t]/gu, ' ');
        o.onText?.(text);
      }
    },
    { isActive: screenActive && (opts.isActive ?? true) },
  );
}
