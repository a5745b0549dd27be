// esbuild plugin: Ink's frame caches kept from one frame to the next, and string-width remembered.
//
// Ink builds every frame from scratch in a new `Output` (ink/build/output.js), whose caches of
// each line's styled characters and each character's width live for that one frame only. So a key
// that changes two rows of the 100×30 screen tokenizes and measures all ~3,000 characters again:
// in the shipped program that was most of a key's time (CPU profile of the month grid: ~85 % in
// Ink's renderer, tokenize, styledCharsFromTokens and string-width). With the caches shared across
// frames only the changed lines are measured. The caches are emptied when they grow past a bound,
// so a long session (scrolling 2,000 teams) cannot grow them without end. Each row of cells is
// turned back into a string only when it differs from the same row of the frame before, and the
// blank cells of a frame are one shared object instead of 3,000 new ones. Ink's
// layout measures every text node again with widest-line → string-width on each frame too: every
// import of string-width but the cached one's own goes to src/ui/cachedStringWidth.ts.
//
// A new line of plain text (no escape code, every character one column: cachedStringWidth's
// NARROW_TEXT) is split into cells directly instead of through ansi-tokenize's grapheme
// segmenter, its cells are copied into the frame without a width looked up per character, and a
// row's cells are turned back into a string comparing styles only where they change. A page down
// in the month grid brings 24 new lines: tokenizing and restringing them was most of its time.
//
// Ink is pinned (package.json); if its output.js no longer has the lines this plugin rewrites, the
// build fails here rather than silently shipping the slow path.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where every other module's `string-width` goes: the same function with a memory. */
const CACHED_WIDTH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'ui', 'cachedStringWidth.ts');

/** The one line of Ink 6's output.js that makes the caches per frame. */
const PER_FRAME = 'caches = new OutputCaches();';

/** Entries kept before the shared caches start again (each line's styled characters is ~100 small objects). */
export const MAX_LINES = 4000;
export const MAX_WIDTHS = 20000;

/** Replace the one occurrence of `from` in `source` (the rewrite is refused when it is not exactly one). */
function replaceOnce(source, from, to) {
  const at = source.indexOf(from);
  if (at < 0 || source.indexOf(from, at + 1) >= 0)
    throw new Error(`ink-frame-cache: ink/build/output.js does not have exactly one ${JSON.stringify(from.trim().slice(0, 60))} (Ink changed?): update scripts/ink-frame-cache.mjs`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

/** Each blank cell of a new frame: a new object, 3,000 of them per frame (none is ever changed). */
const BLANK_CELL = `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`;

/** Where a line not seen before is split into styled cells. */
const TOKENIZE = 'cached = styledCharsFromTokens(tokenize(line));';

/** The copy of a line's cells into the frame, a width looked up for each. */
const CELLS_LOOP = `let offsetX = x;
                    for (const character of characters) {`;

/** The map over the frame's rows that holds ROW_STRINGS. */
const ROWS_MAP = `const generatedOutput = output
            .map(line => {`;

/** Where Ink turns each row of cells back into a string (styles diffed cell by cell). */
const ROW_STRINGS = `line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();`;

/**
 * ink/build/output.js with its caches shared by every frame (bounded), and each row's string
 * kept from the frame before when the row holds the same characters in the same styles (a key
 * changes a row or two of 30). Throws on an unknown file.
 */
export function shareOutputCaches(source) {
  if (!source.includes('class OutputCaches')) throw new Error('ink-frame-cache: ink/build/output.js has no OutputCaches (Ink changed?): update scripts/ink-frame-cache.mjs');
  let out = replaceOnce(source, PER_FRAME, 'caches = sharedOutputCaches();');
  out = replaceOnce(out, ROW_STRINGS, `line.filter(item => item !== undefined);
            return rowString(rowIndex, lineWithoutEmptyItems);`);
  out = replaceOnce(out, BLANK_CELL, 'row.push(blankCell);');
  out = replaceOnce(out, ROWS_MAP, ROWS_MAP.replace('(line =>', '((line, rowIndex) =>'));
  out = replaceOnce(out, TOKENIZE, 'cached = styledCharsOf(line);');
  // A line of one-column characters fills one cell per character: copied as is.
  out = replaceOnce(
    out,
    CELLS_LOOP,
    `let offsetX = x;
                    if (narrowLines.has(characters)) {
                        for (let i = 0; i < characters.length; i++) currentLine[offsetX + i] = characters[i];
                        offsetY++;
                        continue;
                    }
                    for (const character of characters) {`,
  );
  return (
    out +
    `
import { NARROW_TEXT } from ${JSON.stringify(CACHED_WIDTH)};
import { ansiCodesToString as tonghopCodesToString, diffAnsiCodes as tonghopDiffCodes } from '@alcalzone/ansi-tokenize';
// Lines whose cells are each one column (filled straight into the frame).
const narrowLines = new WeakSet();
const noStyles = Object.freeze([]);
// A line's styled cells: a plain narrow line one cell per character, as tokenize gives it (each
// of those characters is a grapheme of its own, no escape code, no style); any other as Ink does.
function styledCharsOf(line) {
  if (NARROW_TEXT.test(line)) {
    const cells = new Array(line.length);
    for (let i = 0; i < line.length; i++) cells[i] = { type: 'char', value: line[i], fullWidth: false, styles: noStyles };
    narrowLines.add(cells);
    return cells;
  }
  return styledCharsFromTokens(tokenize(line));
}
// Two reduced styles the same code for code: nothing to write between their cells.
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code) return false;
  return true;
}
// styledCharsToString, the style difference computed only where the style changes (the same
// string: the difference of equal styles is empty).
function cellsToString(chars) {
  let ret = '';
  let prev = noStyles;
  for (let i = 0; i < chars.length; i++) {
    const styles = chars[i].styles;
    if (!sameStyles(prev, styles)) ret += tonghopCodesToString(tonghopDiffCodes(prev, styles));
    ret += chars[i].value;
    prev = styles;
  }
  if (prev.length) ret += tonghopCodesToString(tonghopDiffCodes(prev, []));
  return ret;
}
export { styledCharsOf as tonghopStyledCharsOf, cellsToString as tonghopCellsToString };

// tonghop (scripts/ink-frame-cache.mjs): one set of caches for every frame, started again when big.
let sharedCaches;
function sharedOutputCaches() {
  if (!sharedCaches || sharedCaches.styledChars.size > ${MAX_LINES} || sharedCaches.blockWidths.size > ${MAX_LINES} || sharedCaches.widths.size > ${MAX_WIDTHS})
    sharedCaches = new OutputCaches();
  return sharedCaches;
}
// One blank cell for every place of every frame: cells are replaced, never changed.
const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: noStyles });
// The last frame's rows (cells and string): a row with the same value and styles in every cell
// gives the same string (styledCharsToString reads nothing else).
const lastRows = [];
function sameCell(a, b) {
  return a === b || (a.value === b.value && (a.styles === b.styles || (a.styles.length === 0 && b.styles.length === 0)));
}
function rowString(y, cells) {
  const last = lastRows[y];
  if (last && last.cells.length === cells.length) {
    let same = true;
    for (let i = 0; i < cells.length && same; i++) same = sameCell(last.cells[i], cells[i]);
    if (same) return last.text;
  }
  const text = cellsToString(cells).trimEnd();
  lastRows[y] = { cells, text };
  return text;
}
`
  );
}

/** The esbuild plugin. */
export const inkFrameCache = {
  name: 'ink-frame-cache',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === CACHED_WIDTH ? undefined : { path: CACHED_WIDTH }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => ({
      contents: shareOutputCaches(await fs.promises.readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
