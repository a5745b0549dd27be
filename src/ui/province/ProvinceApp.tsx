// A province database in the terminal: its communes worst first; Enter opens a commune's own
// dashboard — the very screens the commune officer has, on the commune's schema through a
// read-only scoped handle — and leaving it comes back to the list.
import { systemNow } from '../../clock.js';
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { openUnitDb } from '../../db/province.js';
import { type Month, lastFinishedMonth, minMonth } from '../../domain/period.js';
import type { Database } from '../../store/open.js';
import { App, type Settings, loadSettings } from '../App.js';
import { Footer } from '../components/Footer.js';
import { Header } from '../components/Header.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { PromptLine } from '../components/Prompt.js';
import { moveHandlers } from '../components/listFilter.js';
import { useKeyShell } from '../keys/shell.js';
import { KeyContext, KeyModeContext, ReadOnlyContext, ScreenActiveContext, useKeys } from '../keys/useKeys.js';
import { READ_ONLY_REASON as SERVER_READER } from '../../store/read-only.js';
import { SCREEN_TITLES } from '../screens.js';
import { tint } from '../theme.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { loadProvinceRows } from './model.js';
import { ProvinceView } from './ProvinceView.js';
import { TotalsScreen } from './TotalsScreen.js';
import { ProvinceReportScreen } from './ReportScreen.js';
import { BundleImportScreen } from '../bundle-import/index.js';
import type { UnitStatus } from '../../domain/province.js';

export const READ_ONLY_REASON = 'dữ liệu xã/phường do tỉnh nhận chỉ để xem; xã sửa rồi gửi lại tệp tổng hợp';

export interface ProvinceAppProps {
  database: Database;
  province: string;
  now?: () => Date;
  onExit: () => void;
}

interface Opened {
  database: Database;
  settings: Settings;
  /** The last month of the bundle held: the commune is looked at up to there. */
  periodEnd: Month;
}

export function ProvinceApp({ database, province, now = systemNow, onExit }: ProvinceAppProps) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [selected, setSelected] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const open = useCallback(
    async (code: string, periodEnd: Month) => {
      try {
        const db = await openUnitDb(database.db, code, { readOnly: true });
        // The commune's own screens on its schema: the Database the app holds, scoped.
        const scoped: Database = { ...database, db, checkpoint: async () => undefined, close: async () => undefined, reopenAfter: undefined };
        setOpened({ database: scoped, settings: await loadSettings(scoped), periodEnd });
      } catch (e) {
        setMessage(`Không mở được dữ liệu của đơn vị ${code}: ${(e as Error).message}`);
      }
    },
    [database],
  );
  if (opened)
    return (
      <App
        database={opened.database}
        settings={opened.settings}
        now={now}
        onExit={() => setOpened(null)}
        readOnly={READ_ONLY_REASON}
        initialWorkMonth={minMonth(lastFinishedMonth(now()), opened.periodEnd)}
      />
    );
  return <ProvinceList database={database} province={province} now={now} onExit={onExit} onOpen={open} selected={selected} setSelected={setSelected} message={message} />;
}

function ProvinceList(p: {
  database: Database;
  province: string;
  now: () => Date;
  onExit: () => void;
  onOpen: (code: string, periodEnd: Month) => void;
  selected: number;
  setSelected: (n: number) => void;
  message: string | null;
}) {
  const terminal = useTerminalSize();
  const [refused, setRefused] = useState<string | null>(null);
  // The communes' list, or the totals across them (c), the import (i), the report (x, on the export
  // screen's keys); Esc comes back to the list.
  const [view, setView] = useState<'province' | 'provinceTotals' | 'bundleImport' | 'export'>('province');
  // Bumped by an import: the list is computed again.
  const [version, setVersion] = useState(0);
  const back = useCallback(() => (view === 'province' ? p.onExit() : (setRefused(null), setView('province'))), [view, p.onExit]);
  const shell = useKeyShell({ back, quit: p.onExit, refuse: setRefused });
  const asOf: Month = useMemo(() => lastFinishedMonth(p.now()), [p.now]);
  const [rows, setRows] = useState<UnitStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadProvinceRows(p.database.db, asOf).then(setRows, (e: Error) => setError(`Không tính được tình hình các xã/phường: ${e.message}`));
  }, [p.database, asOf, version]);
  const rowsShown = Math.max(8, terminal.rows - 1);
  const bodyRows = rowsShown - 4;
  const shown = shell.shown(view);
  const message = refused ?? p.message;
  return (
    <KeyContext.Provider value={shell.value}>
      {/* A reader on a server: importing bundles (a writing key) is off and says why. */}
      <ReadOnlyContext.Provider value={p.database.readOnly ? SERVER_READER : null}>
        <KeyModeContext.Provider value={shell.mode}>
          <ScreenActiveContext.Provider value={true}>
            <Box flexDirection="column" width={terminal.columns} height={rowsShown}>
              <Header unit={p.province} plan="Dữ liệu của tỉnh" month={asOf} title={SCREEN_TITLES[view]} />
              <Box flexDirection="column" flexGrow={1} overflowY="hidden">
                {shell.helpOpen ? (
                  <HelpOverlay screen={shown.screen} active={shown.active} rows={bodyRows} columns={terminal.columns} offset={shell.helpOffset} />
                ) : view === 'export' ? (
                  <ProvinceReportScreen db={p.database.db} now={p.now} />
                ) : view === 'bundleImport' ? (
                  <BundleImportScreen db={p.database.db} now={p.now} rows={bodyRows} columns={terminal.columns} onImported={() => setVersion((v) => v + 1)} />
                ) : view === 'provinceTotals' ? (
                  <TotalsScreen db={p.database.db} lastMonth={asOf} bodyRows={bodyRows} columns={terminal.columns} />
                ) : (
                  <ProvinceKeys rows={rows} selected={p.selected} setSelected={p.setSelected} onOpen={p.onOpen} onTotals={() => (setRefused(null), setView('provinceTotals'))} onImport={() => (setRefused(null), setView('bundleImport'))} onReport={() => (setRefused(null), setView('export'))} page={Math.max(1, bodyRows - 2)}>
                    <ProvinceView asOf={asOf} rows={rows} selected={Math.min(p.selected, Math.max(0, (rows?.length ?? 1) - 1))} bodyRows={bodyRows} error={error} />
                  </ProvinceKeys>
                )}
              </Box>
              {shell.prompt ? (
                <PromptLine key={shell.promptSeq} spec={shell.prompt} close={shell.closePrompt} forceQuit={shell.forceQuit} />
              ) : (
                <Text color={tint('warn')} wrap="truncate-end">
                  {message ? `! ${message}` : ' '}
                </Text>
              )}
              <Footer screen={shown.screen} active={shown.active} width={terminal.columns} atRoot={view === 'province'} />
            </Box>
          </ScreenActiveContext.Provider>
        </KeyModeContext.Provider>
      </ReadOnlyContext.Provider>
    </KeyContext.Provider>
  );
}

function ProvinceKeys(p: {
  rows: UnitStatus[] | null;
  selected: number;
  setSelected: (n: number) => void;
  onOpen: (code: string, periodEnd: Month) => void;
  onTotals: () => void;
  onImport: () => void;
  onReport: () => void;
  page: number;
  children: React.ReactNode;
}) {
  const count = p.rows?.length ?? 0;
  const current = p.rows?.[Math.min(p.selected, count - 1)];
  useKeys('province', {
    ...moveHandlers((a) => {
      if (a.type === 'move') p.setSelected(Math.max(0, Math.min(count - 1, p.selected + a.delta)));
    }, count, p.page),
    open: current ? () => p.onOpen(current.unit_code, current.received.periodEnd) : undefined,
    goProvinceTotals: p.onTotals,
    goBundleImport: p.onImport,
    goProvinceReport: p.onReport,
  });
  return <>{p.children}</>;
}
