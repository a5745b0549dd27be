// Process tests spawn the built program (dist/bundle/main.js; a few dist/src). After an edit of src/ without a
// build they would test yesterday's code, so the global setup rebuilds first when any source the
// build reads is newer than the build (and only then: a fresh build costs nothing).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the build reads: tsc's inputs (tests themselves are not built) and scripts/ (the bundle the process tests spawn). */
export const BUILD_INPUTS = ['src', 'scripts', 'test/support', 'test/bench', 'test/torture', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Written by every build; its time is the build's. */
export const BUILD_OUTPUT = 'dist/src/cli/main.js';

function newest(p: string, skip: (file: string) => boolean): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return skip(p) ? 0 : st.mtimeMs;
  let best = 0;
  for (const e of fs.readdirSync(p)) best = Math.max(best, newest(path.join(p, e), skip));
  return best;
}

const isTest = (f: string) => /\.test\.tsx?$/u.test(f);

/** The newest input (ms) and the build's time (0: no build); stale when the first is later. */
export function buildAge(root: string): { newestInput: number; built: number; stale: boolean } {
  const newestInput = Math.max(...BUILD_INPUTS.map((p) => newest(path.join(root, p), isTest)));
  let built = 0;
  try {
    built = fs.statSync(path.join(root, BUILD_OUTPUT)).mtimeMs;
  } catch {
    // never built
  }
  return { newestInput, built, stale: newestInput > built };
}

/** The migrations or the template's builder changed (or the template is missing): the empty database template is rebuilt too. */
function templateStale(root: string): boolean {
  const dir = path.join(root, 'dist/template');
  const tars = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tar')) : [];
  if (!tars.length) return true;
  const built = Math.min(...tars.map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
  return Math.max(...['src/db/migrations', 'src/db/migrate.ts', 'src/store/template.ts'].map((p) => newest(path.join(root, p), isTest))) > built;
}

/** Rebuild dist/ when it is older than the sources: tsc, the bundle, and the template when it is stale (templateStale). Returns what ran. */
export function ensureFreshBuild(root: string, log: (s: string) => void = (s) => process.stderr.write(s)): string[] {
  const ran: string[] = [];
  if (!buildAge(root).stale) return ran;
  log('tonghop: dist/ cũ hơn mã nguồn, đang dựng lại (npm run build)…\n');
  const node = process.execPath;
  try {
    execFileSync(node, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    // tsc still writes the JavaScript of code with type errors: the processes run what src/ says.
    log(`tonghop: tsc báo lỗi kiểu (npm run typecheck):\n${String((e as { stdout?: Buffer }).stdout ?? e)}\n`);
  }
  ran.push('tsc');
  // tsc leaves files it did not rewrite with their old times; the marker says when this build ran.
  const now = new Date();
  fs.utimesSync(path.join(root, BUILD_OUTPUT), now, now);
  execFileSync(node, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
  ran.push('bundle');
  if (templateStale(root)) {
    execFileSync(node, ['dist/src/store/template.js'], { cwd: root, stdio: 'pipe' });
    ran.push('template');
  }
  return ran;
}
