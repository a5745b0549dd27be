import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // The downloads have their own run (npm run test:release, after npm run dist).
    exclude: ['test/release/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/strict.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default; on a 2-core machine that means one worker.
    maxWorkers: 2,
    // CI=false: Ink (is-in-ci) would otherwise draw only the last frame of runUi in a CI run,
    // while the tests read the frames as the officer sees them.
    env: { NO_COLOR: '', FORCE_COLOR: '0', TZ: 'Asia/Ho_Chi_Minh', CI: 'false' },
  },
});
