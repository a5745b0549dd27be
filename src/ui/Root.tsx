// Before the app: draw at once, open the database in the background, run the first-run wizard
// when there is no database, and show why if it cannot be opened (e.g. another copy holds it).
import { Box, useApp as useInkApp } from 'ink';
import { Text } from './components/Text.js';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { systemNow } from '../clock.js';
import { LockFileError, LockWriteError, LockedError } from '../store/lock.js';
import { type Database, type OpenHooks, openDatabase } from '../store/open.js';
import { DataDirError, NoDatabaseError } from '../store/data-folder.js';
import { whenSaved } from './saveQueue.js';
import { App, NotSetUpError, type Settings, loadSettings } from './App.js';
import type { Screen } from './context.js';
import { KeyScope } from './components/KeyScope.js';
import { KeyHubContext, useKeyHub } from './keys/hub.js';
import { useKeys } from './keys/useKeys.js';
import { tint } from './theme.js';
import { lazyScreen } from './lazyScreen.js';
// Only the first run needs the wizard, only a province its app: neither loads before a commune's first frame.
const Wizard = lazyScreen(() => import('./wizard/index.js').then((m) => m.Wizard));
const ProvinceApp = lazyScreen(() => import('./province/ProvinceApp.js').then((m) => m.ProvinceApp));
import { getUnitIdentity } from '../db/unit-level.js';
import { UI_COMMAND } from './opening.js';
import { type FirstLook, loadFirstLook } from './home/model.js';

export type Phase =
  | { phase: 'loading' }
  | { phase: 'wizard' }
  | { phase: 'ready'; database: Database; settings: Settings; firstLook?: FirstLook }
  | { phase: 'province'; database: Database; province: string }
  | { phase: 'failed'; message: string };

export interface RootProps {
  dataDir: string;
  /** The database is on this PostgreSQL server (--database-url), not in dataDir. */
  databaseUrl?: string;
  now?: () => Date;
  initialScreen?: Screen;
  /** Called once the app is done: exit code and a message for stderr. */
  onDone: (code: number, message?: string) => void;
  /** Minutes between background CHECKPOINT + flush while the app is open. */
  checkpointMinutes?: number;
  /** Receives the way to stop cleanly (close the database, then exit): used on signals. */
  onStopReady?: (stop: () => void) => void;
  /** The backups around opening the database (run.tsx passes backupHooks()). */
  openHooks?: OpenHooks;
  /** The database of dataDir already opening (ui/opening.ts): taken instead of opening it here. */
  opening?: Promise<Database>;
}

export function Root({ dataDir, databaseUrl, now = systemNow, initialScreen, onDone, checkpointMinutes = 3, onStopReady, openHooks, opening }: RootProps) {
  const [state, setState] = useState<Phase>({ phase: 'loading' });
  const ink = useInkApp();
  const dbRef = useRef<Database | null>(null);
  const doneRef = useRef(false);

  const finish = useCallback(
    async (code: number, message?: string) => {
      if (doneRef.current) return;
      doneRef.current = true;
      const db = dbRef.current;
      dbRef.current = null;
      if (db) {
        // A field left just before quitting may still be on its way to the database.
        await whenSaved(db.db).catch(() => undefined);
        await db.close().catch(() => undefined);
      }
      onDone(code, message);
      ink.exit();
    },
    [ink, onDone],
  );

  useEffect(() => onStopReady?.(() => void finish(0)), [onStopReady, finish]);

  // The wizard's code is loaded before it is shown (a whole first frame, its keys live).
  const showWizard = useCallback(() => void Promise.resolve(Wizard.loading()).then(() => setState({ phase: 'wizard' })), []);

  /** Open the app on a database; throws (the caller closes it) when its settings cannot be read. */
  const ready = useCallback(async (database: Database) => {
    dbRef.current = database;
    try {
      // A province's database has no plan of its own: its communes (ui/province).
      const me = await getUnitIdentity(database.db);
      if (me?.level === 'province') {
        await ProvinceApp.loading(); // its code first: its first frame is whole, its keys live
        return setState({ phase: 'province', database, province: me.name });
      }
      const settings = await loadSettings(database);
      // Opening on home (not a test's other screen): its figures come with the app's first frame.
      const firstLook = initialScreen ? undefined : await loadFirstLook(database.db, settings.plan.span_start, now(), settings.indicators, { store: !database.readOnly });
      setState({ phase: 'ready', database, settings, firstLook });
    } catch (e) {
      if (dbRef.current === database) dbRef.current = null;
      throw e;
    }
  }, [initialScreen, now]);

  // At start: a database whose first-run setup never finished (the wizard failed or was killed
  // after the folder was made) goes back to the wizard, which fills the same folder.
  const opened = useCallback(
    async (database: Database) => {
      if (doneRef.current) {
        // Left while it was opening (q on the loading screen): only close it again.
        await database.close().catch(() => undefined);
        return;
      }
      try {
        await ready(database);
      } catch (e) {
        await database.close().catch(() => undefined);
        if (e instanceof NotSetUpError) showWizard();
        else setState({ phase: 'failed', message: (e as Error).message });
      }
    },
    [ready, showWizard],
  );

  useEffect(() => {
    (opening ?? openDatabase({ dataDir, url: databaseUrl, command: UI_COMMAND, ...openHooks })).then(opened, (e: Error) => {
      if (e instanceof NoDatabaseError) showWizard();
      else if (e instanceof LockedError || e instanceof LockFileError || e instanceof LockWriteError || e instanceof DataDirError) void finish(1, e.message);
      else setState({ phase: 'failed', message: e.message });
    });
    return () => {
      void dbRef.current?.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataDir]);

  // A power cut loses at most what was typed since the last flush.
  useEffect(() => {
    if (state.phase !== 'ready' && state.phase !== 'province') return;
    const t = setInterval(() => void state.database.checkpoint().catch(() => undefined), checkpointMinutes * 60_000);
    t.unref();
    return () => clearInterval(t);
  }, [state, checkpointMinutes]);

  // Listen to the keyboard from the first frame on, whatever is shown later. Keys typed while the
  // database opens wait for what comes next (the app, the wizard, why it failed) instead of
  // reaching the loading notice; Ctrl+C still leaves at once (keys/hub.tsx).
  const hub = useKeyHub();
  const [pastLoading] = useState(deferred);
  const { hold } = hub;
  useLayoutEffect(() => hold(pastLoading.promise), [hold, pastLoading]);
  useLayoutEffect(() => {
    if (state.phase !== 'loading') pastLoading.resolve();
  }, [state.phase, pastLoading]);
  const link = useMemo(() => ({ attach: hub.attach, hold: hub.hold }), [hub.attach, hub.hold]);
  const leave = (code: number) => () => void finish(code);
  let body: ReactNode;
  switch (state.phase) {
    case 'loading':
      body = (
        <KeyScope screen="loading" onBack={leave(0)} onQuit={leave(0)}>
          <Notice title="tonghop" text="Đang mở dữ liệu…" />
        </KeyScope>
      );
      break;
    case 'wizard':
      body = (
        <KeyScope screen="wizard" onBack={leave(0)} onQuit={leave(0)}>
          <Wizard dataDir={dataDir} databaseUrl={databaseUrl} now={now} onReady={ready} openHooks={openHooks} />
        </KeyScope>
      );
      break;
    case 'failed':
      body = (
        <KeyScope screen="loading" onBack={leave(1)} onQuit={leave(1)}>
          <Notice title="Không mở được dữ liệu" text={state.message} error />
        </KeyScope>
      );
      break;
    case 'ready':
      body = <App database={state.database} settings={state.settings} firstLook={state.firstLook} initialScreen={initialScreen} now={now} onExit={leave(0)} />;
      break;
    case 'province':
      body = <ProvinceApp database={state.database} province={state.province} now={now} onExit={leave(0)} />;
      break;
  }
  return (
    <KeyHubContext.Provider value={link}>
      {body}
      {hub.gate}
    </KeyHubContext.Provider>
  );
}

/** Before the app: a title and one line; q/Esc/Ctrl+C leave. */
function Notice({ title, text, error }: { title: string; text: string; error?: boolean }) {
  useKeys('loading', {});
  return (
    <Box flexDirection="column">
      <Text bold color={tint(error ? 'error' : 'accent')}>
        {title}
      </Text>
      <Text color={error ? tint('error') : undefined}>{text}</Text>
    </Box>
  );
}

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
