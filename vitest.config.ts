import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/strict.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest leaves one core free by default; on a 2-core machine that means one worker.
    maxWorkers: 2,
    env: { NO_COLOR: '', FORCE_COLOR: '0', TZ: 'Asia/Ho_Chi_Minh' },
  },
});
