// The order of the test files: longest first, across both projects, so that on 2 workers the
// last minutes are short files side by side rather than one long file alone. Vitest's own order
// puts every pglite file before every server file and, on a clean clone (CI: no results cache),
// orders by file size — the 200 s files are small ones, and started last they made the tail.
// A file's length: its duration in this machine's results cache when there is one, else the
// committed measure (test/support/durations.json), else a guess from its size.
import fs from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds per file of a measured run, keyed "project:path" (refresh: scripts/test-durations.mjs). */
const MEASURED: Record<string, number> = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'durations.json'), 'utf8'));

/** A file nobody measured yet: about a second per 2 kB of test (the measured files' median). */
const GUESS_MS_PER_BYTE = 0.5;

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const length = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${path.relative(root, spec.moduleId).split(path.sep).join('/')}`;
      const cached = this.ctx.cache.getFileTestResults(key)?.duration;
      if (cached) return cached;
      const measured = MEASURED[key];
      if (measured !== undefined) return measured * 1000;
      return (this.ctx.cache.getFileStats(key)?.size ?? 0) * GUESS_MS_PER_BYTE;
    };
    const ms = new Map(files.map((f) => [f, length(f)]));
    return [...files].sort((a, b) => ms.get(b)! - ms.get(a)!);
  }
}
