// Before any test: rebuild dist/ when it is older than the sources (the process tests spawn it),
// then build the database templates once for the whole run: an empty migrated database and the
// demo commune (Phù Vân preset, "today" pinned). Tests load them into memory (~0.3 s), never initdb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFreshBuild } from './fresh-build.js';
import { buildTemplates } from './templates.js';

type Templates = { empty: string; demo: string };

// Both projects list this file and vitest runs their global setups one after the other in its
// own process: the second takes the first's templates (the same bytes) instead of building them
// again, a PGlite demo build (~6 s CPU under load) before any test starts. Removed with the last.
const run = globalThis as typeof globalThis & { tonghopTemplates?: { dir: string; files: Promise<Templates>; users: number } };

export default async function setup(project: TestProject) {
  if (!run.tonghopTemplates) {
    ensureFreshBuild(path.resolve(import.meta.dirname, '../..'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-test-'));
    run.tonghopTemplates = { dir, files: buildTemplates(dir), users: 0 };
  }
  const shared = run.tonghopTemplates;
  shared.users++;
  project.provide('templates', await shared.files);
  return () => {
    if (--shared.users > 0) return;
    fs.rmSync(shared.dir, { recursive: true, force: true });
    if (run.tonghopTemplates === shared) delete run.tonghopTemplates;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
  }
}
