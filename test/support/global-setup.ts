// Before any test: rebuild dist/ when it is older than the sources (the process tests spawn it),
// then build the database templates once for the whole run: an empty migrated database and the
// demo commune (Phù Vân preset, "today" pinned), as tars and as data folders. Tests load them into
// memory (~0.3 s) or copy a folder, never initdb.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureFreshBuild } from './fresh-build.js';
import { buildTemplates, extractFolders } from './templates.js';

type Templates = { empty: string; demo: string };
type Built = { templates: Templates; folders: Templates };

// Both projects list this file and vitest runs their global setups one after the other in its
// own process: the second takes the first's templates (the same bytes) instead of building them
// again, a PGlite demo build (~6 s CPU under load) before any test starts. Removed with the last.
const run = globalThis as typeof globalThis & { tonghopTemplates?: { dir: string; files: Promise<Built>; users: number } };

export default async function setup(project: TestProject) {
  if (!run.tonghopTemplates) {
    ensureFreshBuild(path.resolve(import.meta.dirname, '../..'));
    // The run's temp folder (tmpfs when there is one: vitest.config's TMPDIR, given to the tests
    // only), so that the folders copied from here are on the tests' file system.
    const dir = fs.mkdtempSync(path.join(project.config.env?.TMPDIR ?? os.tmpdir(), 'tonghop-test-'));
    const files = buildTemplates(dir).then(async (templates) => ({ templates, folders: await extractFolders(dir, templates) }));
    run.tonghopTemplates = { dir, files, users: 0 };
  }
  const shared = run.tonghopTemplates;
  shared.users++;
  const built = await shared.files;
  project.provide('templates', built.templates);
  project.provide('folders', built.folders);
  return () => {
    if (--shared.users > 0) return;
    fs.rmSync(shared.dir, { recursive: true, force: true });
    if (run.tonghopTemplates === shared) delete run.tonghopTemplates;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: Templates;
    /** The templates as data folders (pgdata inside), to be copied: support/datadir. */
    folders: Templates;
  }
}
