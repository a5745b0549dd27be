// Bundle the program into dist/bundle (esbuild): one file per entry chunk instead of ~900 small
// modules, which halves start-up on Node 20 (no compile cache there). PGlite stays external: it
// loads its WebAssembly and data files next to its own module.
import { build } from 'esbuild';
import fs from 'node:fs';
import { inkFrameCache } from './ink-frame-cache.mjs';
import { yogaNoFetch } from './yoga-no-fetch.mjs';

// Chunk names carry a hash: clear the folder so an earlier build's chunks do not pile up (and
// ship in the downloads).
fs.rmSync('dist/bundle', { recursive: true, force: true });

const shipped = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  external: ['@electric-sql/pglite', 'react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS code calls require() for Node built-ins.
  banner: { js: "import { createRequire as __tonghopRequire } from 'node:module'; const require = __tonghopRequire(import.meta.url);" },
  // Ink's per-frame caches kept across frames: most of a key's time otherwise (ink-frame-cache.mjs);
  // its layout engine's WebAssembly decoded without loading undici for a fetch (yoga-no-fetch.mjs).
  plugins: [inkFrameCache, yogaNoFetch],
  logLevel: 'warning',
};
await build({ ...shipped, entryPoints: ['src/cli/main.ts'], outdir: 'dist/bundle' });

// The bench's dashboard row mounts the App built exactly as above (test/bench/measures/dashboard-app.tsx).
fs.rmSync('dist/bench-bundle', { recursive: true, force: true });
await build({ ...shipped, entryPoints: ['test/bench/measures/dashboard-app.tsx'], outdir: 'dist/bench-bundle' });
