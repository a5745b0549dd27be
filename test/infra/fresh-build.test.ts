// Process tests run dist/: the global setup rebuilds it when a source is newer, so an edit of
// src/ without `npm run build` is still what the spawned program runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_OUTPUT, buildAge } from '../support/fresh-build.js';
import { ROOT } from '../support/datadir.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function write(root: string, file: string, at: number) {
  const p = path.join(root, file);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, '//');
  fs.utimesSync(p, at / 1000, at / 1000);
}

describe('the build the process tests spawn', () => {
  it('is stale when any source is newer than it, a test file aside', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-build-'));
    made.push(root);
    const t = Date.now() - 60_000;
    write(root, 'src/cli/main.ts', t);
    expect(buildAge(root).stale).toBe(true); // never built
    write(root, BUILD_OUTPUT, t + 1000);
    expect(buildAge(root).stale).toBe(false);
    write(root, 'test/support/x.test.ts', t + 5000);
    expect(buildAge(root).stale).toBe(false);
    write(root, 'src/domain/period.ts', t + 5000);
    expect(buildAge(root).stale).toBe(true);
  });

  it('is at least as new as every source when the tests run (the global setup rebuilt it)', () => {
    const age = buildAge(ROOT);
    expect(age.built).toBeGreaterThanOrEqual(age.newestInput);
  });
});
