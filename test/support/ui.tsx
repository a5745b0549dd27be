// Render the real App over a real (template-loaded) database and type keys into it.
// After each write to stdin, poll for the expected frame; never sleep a fixed time.
import type { DbRunner } from '../../src/db/database.js';
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import type { Database } from '../../src/store/open.js';
import { App, loadSettings } from '../../src/ui/App.js';
import type { Screen } from '../../src/ui/context.js';
import { asDatabase } from './db.js';
import { TEST_NOW } from './templates.js';

export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  backspace: '\x7f',
  space: ' ',
  ctrl: (c: string) => String.fromCharCode(c.toLowerCase().charCodeAt(0) - 96),
} as const;

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

export interface Rendered {
  lastFrame(): string;
  /** Write keys one at a time (each may be a multi-byte sequence), letting Ink process each. */
  press(...keys: string[]): Promise<void>;
  /** Type text character by character. */
  type(text: string): Promise<void>;
  /** Write keys back to back in one go, before React can draw anything in between (a fast typist). */
  rush(...keys: string[]): void;
  waitFor(match: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  exited(): boolean;
  unmount(): void;
}

/** Erase `n` characters of the field being edited (Backspace `n` times). */
export async function erase(app: Rendered, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await app.press(KEYS.backspace);
}

/**
 * How long a test waits for a frame before it fails: a ceiling for a screen that never comes, not a
 * measure — with two CPU burners beside the suite on 2 cores a healthy frame can take seconds.
 */
export const WAIT_CEILING_MS = 60_000;

/** Poll fn (a frame, or a database read) until it gives something truthy. */
export async function waitUntil<T>(fn: () => T | undefined | false | null | Promise<T | undefined | false | null>, timeoutMs = WAIT_CEILING_MS, what = 'điều kiện'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`Hết thời gian chờ ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function renderApp(pg: DbRunner, opts: { screen?: Screen; now?: Date; database?: Database } = {}): Promise<Rendered> {
  const database = opts.database ?? asDatabase(pg);
  const settings = await loadSettings(database);
  let exited = false;
  const now = opts.now ?? TEST_NOW;
  const r = render(
    <App database={database} settings={settings} initialScreen={opts.screen} now={() => now} onExit={() => (exited = true)} />,
  );
  mounted.push(r);
  const frame = () => r.lastFrame() ?? '';
  const tick = () => new Promise((res) => setImmediate(res));
  const api: Rendered = {
    lastFrame: frame,
    async press(...keys) {
      for (const k of keys) {
        r.stdin.write(k);
        await tick();
      }
    },
    rush(...keys) {
      for (const k of keys) r.stdin.write(k);
    },
    async type(text) {
      for (const ch of text) {
        r.stdin.write(ch);
        await tick();
      }
    },
    async waitFor(match, timeoutMs = WAIT_CEILING_MS) {
      const test =
        typeof match === 'function' ? match : typeof match === 'string' ? (f: string) => f.includes(match) : (f: string) => match.test(f);
      try {
        return await waitUntil(() => (test(frame()) ? frame() : null), timeoutMs, String(match));
      } catch {
        throw new Error(`Không thấy ${String(match)} trên màn hình. Màn hình cuối:\n${frame()}`);
      }
    },
    exited: () => exited,
    unmount: () => r.unmount(),
  };
  return api;
}
