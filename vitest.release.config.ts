import { defineConfig } from 'vitest/config';

// npm run test:release (after npm run dist): the downloads themselves — the Linux archive, the
// Windows zip under Wine, the npm package installed as a command. Real processes only, so no
// database templates to build first.
export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NO_COLOR: '1', TZ: 'Asia/Ho_Chi_Minh' },
  },
});
