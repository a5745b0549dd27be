// The app shell: header, one body screen at a time (a stack, so Esc goes back), the message
// line and the key hints. Screens are listed in screens.tsx.
import { Box } from 'ink';
import { type ReactNode, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { systemNow } from '../clock.js';
import type { Database } from '../store/open.js';
import { READ_ONLY_REASON } from '../store/read-only.js';
import { getPlan, getUnit, listIndicators } from '../db/unit.js';
import { type Month, lastFinishedMonth } from '../domain/period.js';
import type { Indicator, Plan, Unit } from '../domain/schemas.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { MessageLines, messageRows } from './components/MessageLines.js';
import { PromptLine, questionRows } from './components/Prompt.js';
import { type AppData, type AppServices, DataContext, type Layout, LayoutContext, type MessageKind, type Screen, ServicesContext } from './context.js';
import type { FirstLook } from './home/model.js';
import type { HoldKeys } from './keys/hub.js';
import { useKeyShell } from './keys/shell.js';
import { IDLE_MODE, KeyContext, type KeyContextValue, type KeyMode, KeyModeContext, ReadOnlyContext, ScreenActiveContext } from './keys/useKeys.js';
import { SCREEN_TITLES, renderScreen, screenLoading } from './screens.js';
import { tint } from './theme.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface Settings {
  unit: Unit;
  plan: Plan;
  presetId: string;
  indicators: Indicator[];
}

/** The database opened but holds no unit or plan (the first-run setup never finished). */
export class NotSetUpError extends Error {
  constructor() {
    super('Dữ liệu chưa được khởi tạo (thiếu đơn vị hoặc kế hoạch).');
  }
}

export async function loadSettings(database: Database): Promise<Settings> {
  const [unit, planRow, indicators] = await Promise.all([getUnit(database.db), getPlan(database.db), listIndicators(database.db)]);
  if (!unit || !planRow) throw new NotSetUpError();
  return { unit, plan: planRow.plan, presetId: planRow.presetId, indicators };
}

export interface AppProps {
  database: Database;
  settings: Settings;
  initialScreen?: Screen;
  /** The clock (default: systemNow, which honours TONGHOP_TODAY); one function for the whole run, so `services` never changes. */
  now?: () => Date;
  onExit: () => void;
  /** Only looking (a province viewing a received commune): why the writing keys are off. */
  readOnly?: string;
  /** The month to work on at first (default: the last finished month). */
  initialWorkMonth?: Month;
  /** Home's figures, loaded with the settings (Root): shown in the first frame, taken once. */
  firstLook?: FirstLook;
}

/** The kind of a message is said by a mark too, not by its colour alone (NO_COLOR, colour blindness). */
export const MESSAGE_MARKS: Record<MessageKind, string> = { error: '✗ ', warn: '! ', info: '' };

const HEADER_ROWS = 2;
const CHROME_ROWS = HEADER_ROWS + 2; // + message line + footer

/** A long message may take this many rows at most: a third of the body (6 at 80×24). */
export function maxMessageRows(frame: number): number {
  return Math.max(1, Math.floor((frame - CHROME_ROWS) / 3));
}

/**
 * The app draws one row less than the terminal: Ink redraws a frame as tall as the terminal by
 * clearing the whole screen every time (flicker, slow on Windows consoles), a shorter one by
 * rewriting lines in place.
 */
export function frameRows(terminalRows: number): number {
  return Math.max(CHROME_ROWS + 4, terminalRows - 1);
}

export function App({ database, settings: initial, initialScreen, now = systemNow, onExit, readOnly, initialWorkMonth, firstLook }: AppProps) {
  const firstLookRef = useRef(firstLook);
  const [stack, setStack] = useState<Screen[]>([initialScreen ?? { name: 'home' }]);
  const [settings, setSettings] = useState(initial);
  const [message, setMessage] = useState<{ text: string; kind: MessageKind } | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [workMonth, setWorkMonth] = useState<Month>(() => initialWorkMonth ?? lastFinishedMonth(now()));
  const terminal = useTerminalSize();
  const screen = stack[stack.length - 1]!;
  const exiting = useRef(false);
  useRefreshOnChange(database, () => setDataVersion((v) => v + 1));

  const quit = useCallback(() => {
    if (exiting.current) return;
    exiting.current = true;
    onExit();
  }, [onExit]);

  // A screen is shown only once its code is loaded (lazyScreen.tsx): until then the move waits,
  // later moves (and going back) wait behind it in order, and the keys are held (keys/hub.tsx),
  // so every key reaches the screen that is on top when it is handled — never the one being left.
  const holdRef = useRef<HoldKeys | null>(null);
  const moves = useRef<Promise<unknown> | null>(null);
  const inOrder = useCallback((loading: Promise<unknown> | null, move: () => void) => {
    if (!loading && !moves.current) return move();
    const mine: Promise<unknown> = (moves.current ?? Promise.resolve()).then(() => loading).then(() => {
      if (moves.current === mine) moves.current = null;
      move();
    });
    moves.current = mine;
    holdRef.current?.(mine);
  }, []);
  const navigate = useCallback(
    (s: Screen) => {
      setMessage(null);
      inOrder(screenLoading(s), () => setStack((st) => [...st, s]));
    },
    [inOrder],
  );
  const replace = useCallback((s: Screen) => inOrder(screenLoading(s), () => setStack((st) => [...st.slice(0, -1), s])), [inOrder]);
  const back = useCallback(() => {
    inOrder(null, () =>
      setStack((st) => {
        if (st.length > 1) return st.slice(0, -1);
        quit();
        return st;
      }),
    );
  }, [quit, inOrder]);
  // A key that is off says why on the message line.
  const refuse = useCallback((text: string) => setMessage({ text, kind: 'warn' }), []);
  const shell = useKeyShell({ back, quit, refuse });
  holdRef.current = shell.hold;
  // A first screen other than home (a test's, a province's look) may not be loaded yet either.
  const [firstLoaded, setFirstLoaded] = useState(() => !screenLoading(stack[0]!));
  useLayoutEffect(() => {
    if (!firstLoaded) inOrder(screenLoading(stack[0]!), () => setFirstLoaded(true));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const rows = frameRows(terminal.rows);
  // A long message is wrapped, not cut (#10 item 22): the body gives up the extra rows it takes.
  const shownMessage = useMemo(
    () => (message ? messageRows(MESSAGE_MARKS[message.kind], message.text, terminal.columns, maxMessageRows(rows)) : [' ']),
    [message, terminal.columns, rows],
  );
  const prompt = shell.prompt;
  const shownQuestion = useMemo(() => (prompt ? questionRows(prompt, terminal.columns, maxMessageRows(rows)) : null), [prompt, terminal.columns, rows]);
  const messageExtra = (prompt ? (shownQuestion?.length ?? 1) : shownMessage.length) - 1;

  // Three contexts by how often they change (context.ts): a resize re-renders the top screen
  // only, a message none of them (a long one the top screen, which gives up rows to it).
  const services: AppServices = useMemo(
    () => ({
      database,
      db: database.db,
      now,
      setWorkMonth,
      navigate,
      replace,
      back,
      notify: (text: string, kind: MessageKind = 'info') => setMessage({ text, kind }),
      ask: shell.value.ask,
      dataChanged: () => setDataVersion((v) => v + 1),
      reloadSettings: async () => setSettings(await loadSettings(database)),
      takeFirstLook: () => {
        const look = firstLookRef.current;
        firstLookRef.current = undefined;
        return look;
      },
      readOnly,
    }),
    [database, now, navigate, replace, back, shell.value.ask, readOnly],
  );
  const data: AppData = useMemo(() => ({ ...settings, workMonth, dataVersion }), [settings, workMonth, dataVersion]);
  const layout: Layout = useMemo(() => ({ columns: terminal.columns, rows: terminal.rows, bodyRows: rows - CHROME_ROWS - messageExtra }), [terminal, rows, messageExtra]);

  const helpOpen = shell.helpOpen;
  const shown = shell.shown(screen.name);

  const messageColor = message?.kind === 'error' ? 'error' : message?.kind === 'warn' ? 'warn' : 'ok';
  return (
    <Contexts services={services} data={data} keys={shell.value} mode={shell.mode} readOnly={readOnly ?? (database.readOnly ? READ_ONLY_REASON : null)}>
      <Box flexDirection="column" width={terminal.columns} height={rows}>
        <Header unit={settings.unit.name} plan={settings.plan.name} month={workMonth} title={SCREEN_TITLES[screen.name]} />
        <Box flexDirection="column" flexGrow={1} overflowY="hidden">
          {/* Screens under the top one stay mounted (hidden, keys off) so going back keeps
              their selection and filter; the top one stays mounted under the help too. */}
          {firstLoaded && stack.map((s, i) => {
            const top = i === stack.length - 1;
            return (
              <StackedScreen key={`${i}-${s.name}`} screen={s} top={top} shown={top && !helpOpen} layout={top ? layout : null} mode={top ? shell.mode : IDLE_MODE} />
            );
          })}
          {helpOpen ? (
            <HelpOverlay screen={shown.screen} active={shown.active} rows={layout.bodyRows} columns={terminal.columns} offset={shell.helpOffset} />
          ) : null}
        </Box>
        {shell.prompt ? (
          <PromptLine key={shell.promptSeq} spec={shell.prompt} rows={shownQuestion} close={shell.closePrompt} forceQuit={shell.forceQuit} />
        ) : (
          <MessageLines rows={shownMessage} color={tint(messageColor)} />
        )}
        <Footer screen={shown.screen} active={shown.active} width={terminal.columns} atRoot={stack.length === 1} />
        {shell.gate}
      </Box>
    </Contexts>
  );
}

function Contexts(p: { services: AppServices; data: AppData; keys: KeyContextValue; mode: KeyMode; readOnly: string | null; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={p.services}>
      <DataContext.Provider value={p.data}>
        <KeyContext.Provider value={p.keys}>
          <ReadOnlyContext.Provider value={p.readOnly}>
            <KeyModeContext.Provider value={p.mode}>{p.children}</KeyModeContext.Provider>
          </ReadOnlyContext.Provider>
        </KeyContext.Provider>
      </DataContext.Provider>
    </ServicesContext.Provider>
  );
}

/**
 * One screen of the stack. Its element is made once, so the App re-rendering (a message) does not
 * re-render it; it gets a new layout and key mode only while it is on top (under it: `layout` is
 * null, the mode idle), so a resize or the help re-renders the top screen only.
 */
const StackedScreen = memo(function StackedScreen(p: { screen: Screen; top: boolean; shown: boolean; layout: Layout | null; mode: KeyMode }) {
  const { screen, top, shown, layout } = p;
  const last = useRef<Layout | null>(layout);
  if (layout) last.current = layout;
  const body = useMemo(() => renderScreen(screen), [screen]);
  return (
    <ScreenActiveContext.Provider value={top}>
      <KeyModeContext.Provider value={p.mode}>
        <LayoutContext.Provider value={last.current}>
          <Box display={shown ? 'flex' : 'none'} flexDirection="column" flexGrow={1}>
            {body}
          </Box>
        </LayoutContext.Provider>
      </KeyModeContext.Provider>
    </ScreenActiveContext.Provider>
  );
});

/** On a server: another officer's save reloads what the screens show (their selection stays). */
function useRefreshOnChange(database: Database, refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!database.onChange) return;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    database.onChange(() => latest.current()).then(
      (s) => (gone ? void s() : (stop = s)),
      () => undefined, // no refreshes (the listener could not connect); the data itself is unharmed
    );
    return () => {
      gone = true;
      void stop?.();
    };
  }, [database]);
}
