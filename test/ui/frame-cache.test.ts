// The shipped bundle's frame caches (scripts/ink-frame-cache.mjs): Ink's per-frame caches shared
// by every frame, and string-width remembered. The frames must be exactly what Ink draws without
// them; the memories must stay bounded; an Ink whose output.js changed must fail the build.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import cachedStringWidth, { MAX_REMEMBERED, NARROW_TEXT, rememberedWidths } from '../../src/ui/cachedStringWidth.js';
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
type StyledChar = ReturnType<typeof styledCharsFromTokens>[number];
interface Bundled {
  default: OutputClass;
  tonghopStyledCharsOf: (line: string) => StyledChar[];
  tonghopCellsToString: (cells: StyledChar[]) => string;
}

/** Ink's output module bundled as the program is (with the plugin), once. */
let bundled: Promise<Bundled> | undefined;
function bundledModule(): Promise<Bundled> {
  bundled ??= (async () => {
    const entry = path.join(tmp, 'entry.mjs');
    fs.writeFileSync(entry, `export { default, tonghopStyledCharsOf, tonghopCellsToString } from ${JSON.stringify(INK_OUTPUT)};\n`);
    const out = path.join(tmp, 'output.bundle.mjs');
    const { inkFrameCache } = await plugin();
    await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', plugins: [inkFrameCache as never], logLevel: 'silent' });
    return (await import(pathToFileURL(out).href)) as Bundled;
  })();
  return bundled;
}
const bundledOutput = async (): Promise<OutputClass> => (await bundledModule()).default;

/** Every UTF-16 unit NARROW_TEXT takes as a text of its own. */
function narrowChars(): string[] {
  const all: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (NARROW_TEXT.test(String.fromCharCode(c))) all.push(String.fromCharCode(c));
  return all;
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
    for (let i = 0; i < MAX_REMEMBERED + 50; i++) cachedStringWidth(`漢字 ${i}`);
    expect(rememberedWidths()).toBeLessThanOrEqual(MAX_REMEMBERED);
    expect(rememberedWidths()).toBeGreaterThan(0);
    expect(cachedStringWidth('漢字 7')).toBe(stringWidth('漢字 7'));
  });

  it('counts a narrow text by its length only where string-width gives one column per character, each a grapheme of its own', () => {
    const chars = narrowChars();
    expect(chars.length).toBeGreaterThan(900); // ASCII, Latin, Vietnamese, the UI's marks
    for (const ch of ['a', 'ệ', 'Đ', '▏', '—', '·', '›', '◂', '▸', '…', '✓', '✗', '→', '█', '●']) expect(chars).toContain(ch);
    for (const ch of ['\u0301', '\u00ad', '\u001b', '\u009b', '\u200d', '\ufe0f', '漢', '⚠', '👍'.charAt(0)]) expect(chars).not.toContain(ch);
    const segmenter = new Intl.Segmenter();
    for (const ch of chars) {
      expect(stringWidth(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(1);
      expect([...segmenter.segment(`a${ch}a`)].length, `U+${ch.charCodeAt(0).toString(16)} joins a neighbour`).toBe(3);
    }
    const text = chars.join('');
    expect(cachedStringWidth(text)).toBe(stringWidth(text));
    expect(cachedStringWidth('Thôn Đông 12 ▏ 1.234 — ✓')).toBe(stringWidth('Thôn Đông 12 ▏ 1.234 — ✓'));
    expect(cachedStringWidth('Thôn Đông'.normalize('NFD'))).toBe(stringWidth('Thôn Đông'.normalize('NFD')));
  });
});

describe("the bundle's plain-line cells (no escape code, one column each)", () => {
  it('splits a narrow line into the cells ansi-tokenize gives, and any other line through it', async () => {
    const { tonghopStyledCharsOf: cellsOf } = await bundledModule();
    const strip = (cells: StyledChar[]) => cells.map((c) => ({ type: c.type, value: c.value, fullWidth: c.fullWidth, styles: [...c.styles] }));
    for (const line of [narrowChars().join(''), ...SAMPLES, 'a\u001b[7mb\u001b[27mc', 'Thôn Đông'.normalize('NFD')])
      expect(strip(cellsOf(line))).toEqual(strip(styledCharsFromTokens(tokenize(line))));
  });

  it("turns cells back into the string styledCharsToString gives, styles changing or not", async () => {
    const { tonghopCellsToString: toString } = await bundledModule();
    const styled = [
      '\u001b[1mđậm\u001b[22m thường',
      '\u001b[7m\u001b[1m  42▏\u001b[22m\u001b[27m',
      '\u001b[31m?\u001b[39m Tổ \u001b[2m—\u001b[22m \u001b[1m\u001b[2mcả hai\u001b[22m',
      '\u001b[33;1mvàng đậm\u001b[0m x',
      '\u001b[38;5;208mcam\u001b[39m\u001b[4mgạch\u001b[24m',
      'không kiểu',
      '',
    ];
    for (const a of styled)
      for (const b of styled) {
        // Cells from different lines side by side: equal styles in different arrays, and changes.
        const cells = [...styledCharsFromTokens(tokenize(a)), ...styledCharsFromTokens(tokenize(b))];
        expect(toString(cells)).toBe(styledCharsToString(cells));
      }
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
    // A page of the month grid replaced by the next one (every row new), plain and styled rows.
    const page = (from: number) =>
      Array.from({ length: 24 }, (_, i) => (i === 3 ? `\u001b[1m› Tổ ${from + i} Thôn Đông \u001b[7m  42▏\u001b[27m\u001b[22m` : `  Tổ ${from + i} Thôn Đông     12      —       ·`));
    for (const from of [0, 24, 48, 24]) expect(frame(Shared, page(from))).toBe(frame(Original, page(from)));
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
