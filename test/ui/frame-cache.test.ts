// The shipped bundle's frame caches (scripts/ink-frame-cache.mjs): Ink's per-frame caches shared
// by every frame, and string-width remembered. The frames must be exactly what Ink draws without
// them; the memories must stay bounded; an Ink whose output.js changed must fail the build.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import cachedStringWidth, { MAX_REMEMBERED, rememberedWidths } from '../../src/ui/cachedStringWidth.js';
import { ROOT } from '../support/datadir.js';

const INK_OUTPUT = path.join(ROOT, 'node_modules', 'ink', 'build', 'output.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-frame-cache-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Plugin {
  inkFrameCache: { name: string; setup: (build: unknown) => void };
  shareOutputCaches: (source: string) => string;
}
const plugin = () => import(pathToFileURL(path.join(ROOT, 'scripts', 'ink-frame-cache.mjs')).href) as Promise<Plugin>;

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: unknown[] }): void;
  get(): { output: string; height: number };
  caches: unknown;
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

/** Ink's Output bundled as the program is (with the plugin). */
async function bundledOutput(): Promise<OutputClass> {
  const entry = path.join(tmp, 'entry.mjs');
  fs.writeFileSync(entry, `export { default } from ${JSON.stringify(INK_OUTPUT)};\n`);
  const out = path.join(tmp, 'output.bundle.mjs');
  const { inkFrameCache } = await plugin();
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', plugins: [inkFrameCache as never], logLevel: 'silent' });
  return ((await import(pathToFileURL(out).href)) as { default: OutputClass }).default;
}

const SAMPLES = ['', 'abc', 'Thôn Đông 12', 'Thôn Đông 12'.normalize('NFD'), 'Tổ CNSCĐ · 1.234', '漢字かな', '👍🏽 ok', '\u001b[1mđậm\u001b[22m', '▏—·?'];

function frame(O: OutputClass, lines: string[]): string {
  const o = new O({ width: 30, height: lines.length });
  lines.forEach((l, y) => o.write(0, y, l, { transformers: [] }));
  return o.get().output;
}

describe('string-width remembered', () => {
  it('gives what string-width gives, with or without options', () => {
    for (const s of SAMPLES) {
      expect(cachedStringWidth(s)).toBe(stringWidth(s));
      expect(cachedStringWidth(s)).toBe(stringWidth(s)); // from the memory
      expect(cachedStringWidth(s, { countAnsiEscapeCodes: true })).toBe(stringWidth(s, { countAnsiEscapeCodes: true }));
    }
  });

  it('stays bounded however many texts it has seen', () => {
    for (let i = 0; i < MAX_REMEMBERED + 50; i++) cachedStringWidth(`dòng ${i}`);
    expect(rememberedWidths()).toBeLessThanOrEqual(MAX_REMEMBERED);
    expect(cachedStringWidth('dòng 7')).toBe(stringWidth('dòng 7'));
  });
});

describe("Ink's frame caches shared across frames (the bundle's plugin)", () => {
  it('draws every frame exactly as Ink does, from one set of caches', async () => {
    const Original = ((await import(pathToFileURL(INK_OUTPUT).href)) as { default: OutputClass }).default;
    const Shared = await bundledOutput();
    expect(new Shared({ width: 1, height: 1 }).caches).toBe(new Shared({ width: 1, height: 1 }).caches);
    expect(new Original({ width: 1, height: 1 }).caches).not.toBe(new Original({ width: 1, height: 1 }).caches);
    // Frames that change a line at a time, as a key does, with wide and styled characters.
    for (let k = 0; k < SAMPLES.length; k++) {
      const lines = SAMPLES.map((s, i) => (i === k ? `${s} ${k}▏` : s));
      expect(frame(Shared, lines)).toBe(frame(Original, lines));
    }
    // A row whose text stays and whose style changes (the cursor's inverse cell) is drawn again.
    for (const row of ['\u001b[7mabc\u001b[27m', 'abc', 'a\u001b[1mbc\u001b[22m', 'abc', 'abc']) expect(frame(Shared, [row, 'x'])).toBe(frame(Original, [row, 'x']));
  });

  it('starts its caches again past the bound, still drawing the same', async () => {
    const Shared = await bundledOutput();
    const Original = ((await import(pathToFileURL(INK_OUTPUT).href)) as { default: OutputClass }).default;
    const first = new Shared({ width: 1, height: 1 }).caches;
    for (let i = 0; i < 4100; i++) frame(Shared, [`dòng ${i}`]);
    expect(new Shared({ width: 1, height: 1 }).caches).not.toBe(first);
    expect(frame(Shared, ['Thôn Đông 12 ▏'])).toBe(frame(Original, ['Thôn Đông 12 ▏']));
  });

  it('fails the build when Ink no longer has the line it rewrites', async () => {
    const { shareOutputCaches } = await plugin();
    const source = fs.readFileSync(INK_OUTPUT, 'utf8');
    expect(shareOutputCaches(source)).toContain('sharedOutputCaches()');
    expect(() => shareOutputCaches(source.replace('caches = new OutputCaches();', 'caches = makeCaches();'))).toThrow(/Ink changed/u);
  });
});
