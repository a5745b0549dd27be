import { defineConfig } from 'vitest/config';

// npm run test:release (after npm run dist): the downloads themselves — the Linux archive, the
// Windows zip under Wine, the npm package installed as a command. Real processes only, so no
// database templates to build first.
export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    // A ceiling for a hung program, not a measure: Wine's first day (five programs) took 26 s alone
    // and passed 120 s beside the whole suite and two CPU burners on 2 cores.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { NO_COLOR: '1', TZ: 'Asia/Ho_Chi_Minh' },
  },
});
