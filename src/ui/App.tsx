// The app shell: header, one body screen at a time (a stack, so Esc goes back), the message
// line and the key hints. Screens are listed in screens.tsx.
import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Database } from '../db/open.js';
import { getPlan, getUnit, listIndicators } from '../db/unit.js';
import { type Month, lastFinishedMonth } from '../domain/period.js';
import type { Indicator, Plan, Unit } from '../domain/schemas.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { type AppServices, AppContext, type MessageKind, type Screen } from './context.js';
import { type ActiveKeys, KeyContext, type KeyContextValue, ScreenActiveContext } from './keys/useKeys.js';
import { SCREEN_TITLES, renderScreen } from './screens.js';
import { tint } from './theme.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface Settings {
  unit: Unit;
  plan: Plan;
  presetId: string;
  indicators: Indicator[];
}

export async function loadSettings(database: Database): Promise<Settings> {
  const [unit, planRow, indicators] = await Promise.all([getUnit(database.db), getPlan(database.db), listIndicators(database.db)]);
  if (!unit || !planRow) throw new Error('Dữ liệu chưa được khởi tạo (thiếu đơn vị hoặc kế hoạch).');
  return { unit, plan: planRow.plan, presetId: planRow.presetId, indicators };
}

export interface AppProps {
  database: Database;
  settings: Settings;
  initialScreen?: Screen;
  now?: () => Date;
  onExit: () => void;
}

const HEADER_ROWS = 2;
const CHROME_ROWS = HEADER_ROWS + 2; // + message line + footer

export function App({ database, settings: initial, initialScreen, now = () => new Date(), onExit }: AppProps) {
  const [stack, setStack] = useState<Screen[]>([initialScreen ?? { name: 'home' }]);
  const [settings, setSettings] = useState(initial);
  const [helpOpen, setHelpOpen] = useState(false);
  const [active, setActive] = useState<ActiveKeys | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: MessageKind } | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [workMonth, setWorkMonth] = useState<Month>(() => lastFinishedMonth(now()));
  const terminal = useTerminalSize();
  const screen = stack[stack.length - 1]!;
  const exiting = useRef(false);

  const quit = useCallback(() => {
    if (exiting.current) return;
    exiting.current = true;
    onExit();
  }, [onExit]);

  const navigate = useCallback((s: Screen) => {
    setMessage(null);
    setHelpOpen(false);
    setStack((st) => [...st, s]);
  }, []);
  const replace = useCallback((s: Screen) => setStack((st) => [...st.slice(0, -1), s]), []);
  const back = useCallback(() => {
    setHelpOpen(false);
    setStack((st) => {
      if (st.length > 1) return st.slice(0, -1);
      quit();
      return st;
    });
  }, [quit]);

  const services: AppServices = useMemo(
    () => ({
      database,
      db: database.db,
      ...settings,
      now,
      workMonth,
      setWorkMonth,
      navigate,
      replace,
      back,
      notify: (text: string, kind: MessageKind = 'info') => setMessage({ text, kind }),
      dataVersion,
      dataChanged: () => setDataVersion((v) => v + 1),
      reloadSettings: async () => setSettings(await loadSettings(database)),
      terminal,
      bodyRows: Math.max(4, terminal.rows - CHROME_ROWS),
    }),
    [database, settings, now, workMonth, navigate, replace, back, dataVersion, terminal],
  );

  const keys: KeyContextValue = useMemo(
    () => ({
      helpOpen,
      toggleHelp: () => setHelpOpen((h) => !h),
      back,
      quit,
      publish: setActive,
    }),
    [helpOpen, back, quit],
  );

  const messageColor = message?.kind === 'error' ? 'red' : message?.kind === 'warn' ? 'yellow' : 'green';
  return (
    <AppContext.Provider value={services}>
      <KeyContext.Provider value={keys}>
        <Box flexDirection="column" width={terminal.columns} height={terminal.rows}>
          <Header unit={settings.unit.name} plan={settings.plan.name} month={workMonth} title={SCREEN_TITLES[screen.name]} />
          <Box flexDirection="column" flexGrow={1} overflow="hidden">
            {/* Screens under the top one stay mounted (hidden, keys off) so going back keeps
                their selection and filter; the top one stays mounted under the help too. */}
            {stack.map((s, i) => {
              const top = i === stack.length - 1;
              return (
                <ScreenActiveContext.Provider key={`${i}-${s.name}`} value={top}>
                  <Box display={top && !helpOpen ? 'flex' : 'none'} flexDirection="column" flexGrow={1}>
                    {renderScreen(s)}
                  </Box>
                </ScreenActiveContext.Provider>
              );
            })}
            {helpOpen ? <HelpOverlay screen={screen.name} active={active} rows={services.bodyRows} /> : null}
          </Box>
          <Text color={tint(messageColor)} wrap="truncate-end">
            {message?.text ?? ' '}
          </Text>
          <Footer screen={screen.name} active={active} width={terminal.columns} />
        </Box>
      </KeyContext.Provider>
    </AppContext.Provider>
  );
}
