// A fake terminal of a chosen size for Ink (ink-testing-library's is fixed at 100 columns and
// has no rows): render the real App at 80×24, resize it, read its frames.
import type { DbRunner } from '../../src/db/database.js';
import { render } from 'ink';
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { App, loadSettings } from '../../src/ui/App.js';
import type { Screen } from '../../src/ui/context.js';
import { asDatabase } from './db.js';
import { TEST_NOW } from './templates.js';
import { WAIT_CEILING_MS, waitUntil } from './ui.js';

export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = false;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string) => {
    this.frames.push(s);
    return true;
  };
  lastFrame = () => this.frames.at(-1) ?? '';
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const mounted: { unmount(): void }[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

export function renderInTerminal(tree: ReactElement, size: { columns: number; rows: number }) {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const stderr = new FakeStdout(size.columns, size.rows);
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.push(instance);
  const tick = () => new Promise((res) => setImmediate(res));
  return {
    stdout,
    lastFrame: stdout.lastFrame,
    async press(...keys: string[]) {
      for (const k of keys) {
        stdin.write(k);
        await tick();
      }
    },
    async type(text: string) {
      for (const ch of text) {
        stdin.write(ch);
        await tick();
      }
    },
    waitFor: (match: string | RegExp | ((f: string) => boolean), ms = WAIT_CEILING_MS) => {
      const test = typeof match === 'function' ? match : (f: string) => (typeof match === 'string' ? f.includes(match) : match.test(f));
      return waitUntil(() => test(stdout.lastFrame()) && stdout.lastFrame(), ms, String(match)).catch(() => {
        throw new Error(`Không thấy ${String(match)}. Màn hình cuối:\n${stdout.lastFrame()}`);
      });
    },
    unmount: () => instance.unmount(),
  };
}

/** The real App over a database, in a terminal of the given size (80×24 by default). */
export async function renderAppIn(pg: DbRunner, opts: { screen?: Screen; columns?: number; rows?: number } = {}) {
  const database = asDatabase(pg);
  const settings = await loadSettings(database);
  const t = renderInTerminal(
    <App database={database} settings={settings} initialScreen={opts.screen} now={() => TEST_NOW} onExit={() => undefined} />,
    { columns: opts.columns ?? 80, rows: opts.rows ?? 24 },
  );
  return t;
}
