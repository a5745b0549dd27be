// esbuild plugin: Ink's layout engine (yoga-layout) decodes its WebAssembly from the base64 text
// it carries, not through fetch().
//
// Its Emscripten loader asks `fetch` for the wasm (a data: URL) whenever `fetch` exists, and in
// Node 20 the first fetch() loads undici and parses the ~90 KB URL in JavaScript: measured in a
// CPU profile of the program's start at 2,000 teams (03/12/2026), ~96 ms on the main thread before
// the first frame, and 57–60 ms wall for one such fetch in a bare `node -e`. The loader's own
// fallback (the same bytes, decoded from the same text) runs when there is no fetch: this makes it
// take that path always. The program never fetches anything else, so undici no longer loads.
//
// yoga-layout is pinned through Ink; if its loader no longer has this line, the build fails here.
import fs from 'node:fs';

const ASKS_FETCH = '"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})';
const NEVER_FETCH = '!0?Promise.resolve().then(function(){return wa()})';

export const yogaNoFetch = {
  name: 'yoga-no-fetch',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const at = source.indexOf(ASKS_FETCH);
      if (at < 0 || source.indexOf(ASKS_FETCH, at + 1) >= 0)
        throw new Error('yoga-no-fetch: yoga-wasm-base64-esm.js does not have exactly one fetch of its wasm (yoga-layout changed?): update scripts/yoga-no-fetch.mjs');
      return { contents: source.slice(0, at) + NEVER_FETCH + source.slice(at + ASKS_FETCH.length), loader: 'js' };
    });
  },
};
