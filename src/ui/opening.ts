// The UI's database, opened before Ink, React and the screens load: most of PGlite's start is
// its own (file reads, WebAssembly compiled on V8's background threads), so the program's
// modules compile meanwhile instead of after it. Root takes the promise and shows what it
// gives (the app, the wizard, why it could not open) exactly as when it opens the folder itself.
import { resolveDataDir } from '../paths.js';
import { backupHooks } from '../store/hooks.js';
import { type Database, type OpenHooks, openDatabase } from '../store/open.js';

/** What the lock's holder line says the UI is. */
export const UI_COMMAND = 'tonghop (giao diện)';

export interface Opening {
  dataDir: string;
  databaseUrl?: string;
  hooks: OpenHooks;
  /** Settles once; its failure is Root's to show (never an unhandled rejection meanwhile). */
  database: Promise<Database>;
}

export function startOpening(opts: { dataDir?: string; databaseUrl?: string }): Opening {
  const dataDir = resolveDataDir(opts.dataDir);
  const hooks = backupHooks();
  const database = openDatabase({ dataDir, url: opts.databaseUrl, command: UI_COMMAND, ...hooks });
  database.catch(() => undefined); // handled where Root awaits it
  return { dataDir, databaseUrl: opts.databaseUrl, hooks, database };
}
