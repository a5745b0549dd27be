// esbuild plugin: Ink's frame caches kept from one frame to the next, and string-width remembered.
//
// Ink builds every frame from scratch in a new `Output` (ink/build/output.js), whose caches of
// each line's styled characters and each character's width live for that one frame only. So a key
// that changes two rows of the 100×30 screen tokenizes and measures all ~3,000 characters again:
// in the shipped program that was most of a key's time (CPU profile of the month grid: ~85 % in
// Ink's renderer, tokenize, styledCharsFromTokens and string-width). With the caches shared across
// frames only the changed lines are measured. The caches are emptied when they grow past a bound,
// so a long session (scrolling 2,000 teams) cannot grow them without end. Ink's layout measures
// every text node again with widest-line → string-width on each frame too: every import of
// string-width but the cached one's own goes to src/ui/cachedStringWidth.ts.
//
// Ink is pinned (package.json); if its output.js no longer has the line this plugin rewrites, the
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

/** ink/build/output.js with its caches shared by every frame (bounded). Throws on an unknown file. */
export function shareOutputCaches(source) {
  const at = source.indexOf(PER_FRAME);
  if (at < 0 || source.indexOf(PER_FRAME, at + 1) >= 0 || !source.includes('class OutputCaches'))
    throw new Error(`ink-frame-cache: ink/build/output.js does not have the one line "${PER_FRAME}" (Ink changed?): update scripts/ink-frame-cache.mjs`);
  return (
    source.slice(0, at) +
    'caches = sharedOutputCaches();' +
    source.slice(at + PER_FRAME.length) +
    `
// tonghop (scripts/ink-frame-cache.mjs): one set of caches for every frame, started again when big.
let sharedCaches;
function sharedOutputCaches() {
  if (!sharedCaches || sharedCaches.styledChars.size > ${MAX_LINES} || sharedCaches.blockWidths.size > ${MAX_LINES} || sharedCaches.widths.size > ${MAX_WIDTHS})
    sharedCaches = new OutputCaches();
  return sharedCaches;
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
