// A small deterministic PRNG for the demo commune, the benchmark and the tests: the same seed
// gives the same numbers on every machine, so generated data can be rebuilt and a failing run
// replayed (Math.random cannot be).

/** mulberry32: 32 bits of state, numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a text (e.g. a team code), so each demo team has its own stream of numbers. */
export function textSeed(text: string): number {
  let a = 0;
  for (const ch of text) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return a;
}
