// Build the database templates once for the whole run: an empty migrated database and the
// demo commune (Phù Vân preset, "today" pinned). Tests load them into memory (~0.3 s), never initdb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplates } from './templates.js';

export default async function setup(project: TestProject) {
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
