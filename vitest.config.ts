import { defineConfig } from 'vitest/config';
import { fastTmpDir } from './test/support/fast-tmp.js';
import LongestFirst from './test/support/sequencer.js';

// Storage, import/export and the command line run twice: on the embedded PGlite and on a real
// PostgreSQL server (test/support/server-setup.ts; TONGHOP_TEST_DATABASE_URL for one of your own).
// `npx vitest run --project pglite` or `--project server` runs one of them; the pure logic runs
// once, in the "pure" project (below).
// The store's own tests are about a data folder (lock, fsync, swapping folders): on the server
// only its server tests run. Files that never open a database run once.
const ON_BOTH = ['test/db/**/*.test.ts', 'test/io/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/store/server*.test.ts'];
// Temp folders (data folders, backups, exports) in memory when the machine has tmpfs: test/support/fast-tmp.ts.
const TMPDIR = fastTmpDir();
// Files whose every test is skipped on one engine (a top-level describe.skipIf(ON_SERVER) or
// skipIf(!ON_SERVER)): not loaded there at all. A skipped file still cost a worker and its
// imports for nothing: 12 files, ~9.5 s of CPU per run (same-run A/B, load 1-2). A test added to one of these
// files runs on one engine only; put a test for both engines in another file.
const PGLITE_ONLY = ['db/status-cache-wal', 'cli/closed-pipe', 'cli/status-modules', 'cli/restore-unit', 'cli/status-hostile', 'cli/backup-safety', 'cli/import-full-disk', 'cli/status-wasm'].map((f) => `test/${f}.test.ts`);
const SERVER_ONLY = ['db/engines/postgres', 'cli/server', 'cli/server-roles', 'store/server'].map((f) => `test/${f}.test.ts`);
const NO_DATABASE = ['test/db/copy-text.test.ts', 'test/io/csv-read.test.ts', 'test/io/csv-scan.test.ts', 'test/io/text/**', 'test/io/xlsx/read.test.ts', 'test/cli/output-bytes.test.ts'];
// Pure logic (src/domain is pure by rule; reducers, key tables, presets, text decoders): no
// database, no support module with hooks (one import per worker: later files would miss them),
// no mocks, env or timers. They share one reused worker (isolate: false) instead of a fresh
// process each, ~0.75 s of CPU per file (30 files: 32 s vs 10 s user, load 8-12). A file added
// here must stay like that; anything else is isolated in "pglite".
const PURE = [
  'test/domain/**/*.test.ts',
  'test/clock.test.ts',
  'test/layers.test.ts',
  'test/seeds/presets.test.ts',
  'test/torture/model.test.ts',
  'test/db/copy-text.test.ts',
  'test/io/text/**/*.test.ts',
  'test/io/csv-scan.test.ts',
  'test/cli/output-bytes.test.ts',
  ...['asOfPage.test.ts', 'entry-reducer.test.tsx', 'home-reducer.test.tsx', 'keys.test.ts', 'listFilter.test.ts', 'message-rows.test.ts'].map((f) => `test/ui/${f}`),
  ...['plan-layout.test.tsx', 'shell-form.test.tsx', 'tables.test.tsx', 'team-page.test.tsx', 'teams-reducer.test.ts'].map((f) => `test/ui/${f}`),
];

export default defineConfig({
  test: {
    // A ceiling for a hung test, not a measure: process tests spawn several programs, and with two
    // CPU burners beside the suite on 2 cores a 30 s ceiling was reached by healthy tests.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default; on a 2-core machine that means one worker.
    maxWorkers: 2,
    // wasm-baseline: PGlite on V8's baseline code in the workers too, as in the program's processes.
    setupFiles: ['test/support/strict.ts', 'test/support/wasm-baseline.ts'],
    // Longest files first, both projects mixed (test/support/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // CI=false: Ink (is-in-ci) would otherwise draw only the last frame of runUi in a CI run,
    // while the tests read the frames as the officer sees them.
    env: { NO_COLOR: '', FORCE_COLOR: '0', TZ: 'Asia/Ho_Chi_Minh', CI: 'false', ...(TMPDIR ? { TMPDIR } : {}) },
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          // The downloads have their own run (npm run test:release, after npm run dist).
          exclude: ['test/release/**', ...PURE, ...SERVER_ONLY, '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        // `--project pure` (or `--project 'p*'` with pglite) while working on one of these files.
        extends: true,
        test: { name: 'pure', include: PURE, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ON_BOTH,
          exclude: [...NO_DATABASE, ...PGLITE_ONLY, '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts', 'test/support/server-setup.ts'],
          env: { TONGHOP_TEST_ENGINE: 'server' },
        },
      },
    ],
  },
});
