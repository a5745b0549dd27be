// The shared PRNG must give the numbers the demo commune, bench fixtures and tests were built with.
import { describe, expect, it } from 'vitest';
import { mulberry32, textSeed } from '../../src/domain/random.js';

const take = (r: () => number, n: number) => Array.from({ length: n }, () => r());

describe('mulberry32', () => {
  it('gives the same numbers as the generators it replaced', () => {
    // Captured from the former copies in test/bench/fixtures.ts, test/torture/shared.ts (seed 42)
    // and src/db/demo.ts (team code TDP01) before they were merged.
    expect(take(mulberry32(42), 4)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]);
    expect(take(mulberry32(textSeed('TDP01')), 3)).toEqual([0.4664809019304812, 0.4208930619060993, 0.7941725251730531]);
  });

  it('stays in [0, 1) and differs by seed', () => {
    const xs = take(mulberry32(7), 10_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(take(mulberry32(8), 3)).not.toEqual(xs.slice(0, 3));
    expect(textSeed('TDP01')).not.toBe(textSeed('TDP02'));
  });
});
