// The one stdin listener of the program, and the order of keys. Keys are handed to the screen one
// at a time, each only once React has drawn what the previous one did: a handler (and the
// screen's choice of handlers, and whether it is typing) always sees the state its predecessor
// left. React draws a key's state a moment after the key (a scheduled task, later still on a busy
// machine), so without this a fast typist, a paste followed by Enter, or a test writing keys
// back to back had a key handled by the screen as it was two keys ago: "rần Liễu" in the wizard
// (the T typed while the field was still the plan list), Ctrl+S saving the form without its last
// field, Enter checking a path not yet typed.
import { useInput } from 'ink';
import { type ReactNode, createContext, memo, useCallback, useContext, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { isBurst, splitKeys } from './keymap.js';

type InkKey = Parameters<Parameters<typeof useInput>[0]>[1];
export type KeyListener = (input: string, key: InkKey) => void;

/** Hand keys to this listener until the returned function is called. */
export type AttachKeys = (listener: KeyListener) => () => void;

/**
 * Keys wait (in order) until `until` settles and what it did is drawn: a move to a screen whose
 * code is still loading (App), the database still opening (Root). Ctrl+C alone still goes through.
 */
export type HoldKeys = (until: Promise<unknown>) => void;

export interface HubLink {
  attach: AttachKeys;
  hold: HoldKeys;
}

/** The hub of an outer component (Root), which has listened since the program started. */
export const KeyHubContext = createContext<HubLink | null>(null);

/** Ctrl+C: leaving is never held back by a screen still loading. */
const isInterrupt = (input: string, key: InkKey) => input === '\x03' || (key.ctrl && input === 'c');

/**
 * Keys that arrive in one chunk ("12\r34\r" from a fast typist or a busy moment) become one key
 * each; a run of text (a paste) stays together.
 */
export function splitInput(input: string, key: InkKey): [string, InkKey][] {
  if (!isBurst(input)) return [[input, key]];
  const none = { ...key, return: false, tab: false, delete: false, backspace: false };
  return splitKeys(input).map((p): [string, InkKey] =>
    p.kind === 'text'
      ? [p.text, none]
      : [p.kind === 'enter' ? '\r' : p.kind === 'tab' ? '\t' : '\x7f', { ...none, return: p.kind === 'enter', tab: p.kind === 'tab', delete: p.kind === 'backspace' }],
  );
}

/** Renders nothing; its commit says "everything the last key changed is drawn now". */
const KeyGate = memo(function KeyGate({ register, committed }: { register: (bump: () => void) => () => void; committed: (n: number) => void }) {
  const [n, bump] = useReducer((x: number) => x + 1, 0);
  useLayoutEffect(() => register(bump), [register]);
  useLayoutEffect(() => committed(n), [n, committed]);
  return null;
});

export interface KeyHub {
  attach: AttachKeys;
  hold: HoldKeys;
  /** Render it once, after the screens (null when an outer hub listens). */
  gate: ReactNode;
}

/**
 * The keyboard for a tree of screens. Screens attach in a layout effect, i.e. in the same commit
 * that draws them, and the hub itself is mounted once, as early as possible (Root): Ink's useInput
 * subscribes in a passive effect, which after a render caused by loaded data runs a moment after
 * the frame is drawn, and a key typed in that moment would be lost.
 */
export function useKeyHub(): KeyHub {
  const parent = useContext(KeyHubContext);
  const listeners = useRef(new Set<KeyListener>());
  const queue = useRef<[string, InkKey][]>([]);
  /** The gate's render count a delivered key waits for; null: nothing in flight. */
  const awaited = useRef<number | null>(null);
  const rendered = useRef(0);
  const bump = useRef<(() => void) | null>(null);
  /** Holds not yet released (HoldKeys): while any is, keys only queue. */
  const holds = useRef(0);

  const deliver = useCallback(() => {
    if (awaited.current !== null) return;
    const i = holds.current > 0 ? queue.current.findIndex(([input, key]) => isInterrupt(input, key)) : 0;
    if (i < 0) return;
    const [next] = queue.current.splice(i, 1);
    if (!next) return;
    const gate = bump.current;
    // With no gate drawn (a hub used outside a tree that renders it), keys go one per task.
    awaited.current = gate ? rendered.current + 1 : -1;
    try {
      for (const l of [...listeners.current]) l(next[0], next[1]);
    } finally {
      if (gate) gate();
      else
        setImmediate(() => {
          awaited.current = null;
          deliver();
        });
    }
  }, []);

  const onInput = useCallback<KeyListener>(
    (input, key) => {
      queue.current.push(...splitInput(input, key));
      deliver();
    },
    [deliver],
  );
  useInput(onInput, { isActive: !parent });

  const hold = useCallback<HoldKeys>(
    (until) => {
      holds.current++;
      const release = () => {
        holds.current--;
        if (holds.current > 0) return;
        // What `until` did (the new screen) is drawn by the next commit at the latest: the next
        // key waits for that commit, so it reaches the screen that is then on top.
        const gate = bump.current;
        if (gate) {
          awaited.current = rendered.current + 1;
          gate();
        } else setImmediate(deliver);
      };
      until.then(release, release);
    },
    [deliver],
  );

  const attach = useCallback<AttachKeys>((l) => {
    listeners.current.add(l);
    return () => {
      listeners.current.delete(l);
    };
  }, []);
  const register = useCallback((b: () => void) => {
    bump.current = b;
    return () => {
      if (bump.current === b) bump.current = null;
    };
  }, []);
  const committed = useCallback(
    (n: number) => {
      rendered.current = n;
      if (awaited.current === null || n < awaited.current) return;
      // After the whole commit (the new screen's keys attach in its layout effects), not in it.
      queueMicrotask(() => {
        awaited.current = null;
        deliver();
      });
    },
    [deliver],
  );
  const gate = useMemo(() => (parent ? null : <KeyGate register={register} committed={committed} />), [parent, register, committed]);
  const own = useMemo(() => ({ attach, hold }), [attach, hold]);
  const link = parent ?? own;
  return { attach: link.attach, hold: link.hold, gate };
}
