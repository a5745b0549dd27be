// Before any test: rebuild dist/ when it is older than the sources (the process tests spawn it),
// then build the database templates once for the whole run: an empty migrated database and the
// demo commune (Phù Vân preset, "today" pinned). Tests load them into memory (~0.3 s), never initdb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFreshBuild } from './fresh-build.js';
import { buildTemplates } from './templates.js';

export default async function setup(project: TestProject) {
  ensureFreshBuild(path.resolve(import.meta.dirname, '../..'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-test-'));
  const files = await buildTemplates(dir);
  project.provide('templates', files);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: { empty: string; demo: string };
  }
}
