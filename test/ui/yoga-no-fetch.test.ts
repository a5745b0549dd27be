// The shipped bundle's yoga-layout (scripts/yoga-no-fetch.mjs): Ink's layout engine decodes its
// WebAssembly from its own text without calling fetch(), which in Node 20 loads undici (~100 ms of
// the program's start). Bundled as the program bundles it, with fetch replaced by a spy: the
// plugin's build never calls it and still lays out; the same bundle without the plugin does call
// it (so this test can fail); a loader without the line the plugin rewrites fails the build.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../support/datadir.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-yoga-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.unstubAllGlobals());

interface Plugin {
  yogaNoFetch: { name: string; setup: (build: unknown) => void };
}
const plugin = () => import(pathToFileURL(path.join(ROOT, 'scripts', 'yoga-no-fetch.mjs')).href) as Promise<Plugin>;

interface YogaNode {
  setWidth(w: number): void;
  setHeight(h: number): void;
  insertChild(c: YogaNode, i: number): void;
  calculateLayout(w?: number, h?: number): void;
  getComputedWidth(): number;
}
interface Yoga {
  Node: { create(): YogaNode };
}

/** yoga-layout bundled into its own file (with or without the plugin) and loaded with `fetch` a spy. */
async function loadBundled(name: string, withPlugin: boolean): Promise<{ yoga: Yoga; fetch: ReturnType<typeof vi.fn> }> {
  const entry = path.join(tmp, `${name}-entry.mjs`);
  fs.writeFileSync(entry, `export { default } from ${JSON.stringify(path.join(ROOT, 'node_modules', 'yoga-layout', 'dist', 'src', 'index.js'))};\n`);
  const out = path.join(tmp, `${name}.mjs`);
  const plugins = withPlugin ? [(await plugin()).yogaNoFetch as never] : [];
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20', plugins, logLevel: 'silent' });
  // What an unpatched loader gets from fetch: a refusal, after which it decodes the text itself.
  const fetch = vi.fn(() => Promise.reject(new Error('no fetch in this test')));
  vi.stubGlobal('fetch', fetch);
  const yoga = ((await import(pathToFileURL(out).href)) as { default: Yoga }).default;
  return { yoga, fetch };
}

function layOut(yoga: Yoga): number {
  const root = yoga.Node.create();
  root.setWidth(80);
  root.setHeight(24);
  const child = yoga.Node.create();
  root.insertChild(child, 0);
  root.calculateLayout();
  return child.getComputedWidth();
}

describe("the bundle's yoga-layout", () => {
  it('with the plugin: never calls fetch, and lays out', async () => {
    const { yoga, fetch } = await loadBundled('patched', true);
    expect(fetch).not.toHaveBeenCalled();
    expect(layOut(yoga)).toBe(80);
  });

  it('without it (the test can fail): the loader asks fetch for its WebAssembly', async () => {
    const { yoga, fetch } = await loadBundled('plain', false);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/^data:application\/octet-stream;base64,/u);
    expect(layOut(yoga)).toBe(80);
  });

  it('a loader without the line it rewrites fails the build, naming the plugin', async () => {
    const { yogaNoFetch } = await plugin();
    let onLoad: ((args: { path: string }) => unknown) | undefined;
    yogaNoFetch.setup({ onLoad: (_: unknown, cb: typeof onLoad) => (onLoad = cb) });
    const changed = path.join(tmp, 'yoga-wasm-base64-esm.js');
    fs.writeFileSync(changed, 'export default function loadYoga() { return fetch("x"); }\n');
    expect(() => onLoad!({ path: changed })).toThrow(/yoga-no-fetch: .*update scripts\/yoga-no-fetch\.mjs/u);
  });
});
