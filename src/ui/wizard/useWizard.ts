// The first-run wizard's hook: keys → reducer actions, and the setup itself: the database is
// created (from the template built at install time), set up in one transaction, flushed, and
// handed to the app.
import { useMemo, useReducer } from 'react';
import { systemNow } from '../../clock.js';
import { type Database, type OpenHooks, openDatabase } from '../../store/open.js';
import { setupUnit } from '../../db/setup.js';
import { cleanText } from '../../domain/text.js';
import { checkUnitCode } from '../../domain/unit-code.js';
import { listPresets } from '../../io/presets.js';
import { useKeys } from '../keys/useKeys.js';
import { initialWizard, wizardProblem, wizardReducer, wizardUnsaved } from './reducer.js';

export interface WizardProps {
  dataDir: string;
  /** Set up the database on this PostgreSQL server instead of in dataDir. */
  databaseUrl?: string;
  now?: () => Date;
  onReady: (db: Database) => void | Promise<void>;
  /** The backups around opening (run.tsx passes them). */
  openHooks?: OpenHooks;
}

export function useWizard({ dataDir, databaseUrl, now, onReady, openHooks }: WizardProps) {
  const presets = useMemo(() => listPresets(), []);
  const [s, dispatch] = useReducer(wizardReducer, initialWizard);
  const preset = presets[s.presetIndex]!;

  const finish = async () => {
    const problem = wizardProblem(s);
    if (problem) {
      dispatch({ type: 'error', message: problem });
      return;
    }
    dispatch({ type: 'busy', busy: true });
    let db: Database | null = null;
    try {
      db = await openDatabase({ dataDir, url: databaseUrl, command: 'tonghop (khởi tạo)', create: true, ...openHooks });
      const code = cleanText(s.unitCode) ? checkUnitCode(s.unitCode) : null;
      const unitCode = code?.ok ? code.code : null; // wizardProblem refused any other shape
      await setupUnit(db.db, { preset, unitName: s.unit, unitCode, officer: cleanText(s.officer) || null, demo: s.demo, now: (now ?? systemNow)() });
      await db.checkpoint();
      db.nowDoing?.('tonghop (giao diện)'); // the wizard's database stays open as the UI's
      await onReady(db);
    } catch (e) {
      if (db) await db.close().catch(() => undefined);
      dispatch({ type: 'busy', busy: false });
      dispatch({ type: 'error', message: `Chưa tạo được dữ liệu: ${(e as Error).message}` });
    }
  };

  const choose = (delta: number) => dispatch({ type: 'choose', delta, presetCount: presets.length });
  const onChoice = s.field === 'preset' || s.field === 'demo';
  useKeys(
    'wizard',
    s.busy
      ? {}
      : {
          up: s.field === 'preset' ? () => choose(-1) : () => dispatch({ type: 'prev' }),
          down: s.field === 'preset' ? () => choose(1) : () => dispatch({ type: 'next' }),
          choicePrev: onChoice ? () => choose(-1) : undefined,
          choiceNext: onChoice ? () => choose(1) : undefined,
          nextField: s.field === 'demo' ? () => void finish() : () => dispatch({ type: 'next' }),
          prevField: () => dispatch({ type: 'prev' }),
          save: () => void finish(),
        },
    {
      typing: s.field === 'unit' || s.field === 'unitCode' || s.field === 'officer' ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
      unsaved: !s.busy && wizardUnsaved(s),
    },
  );

  return { state: s, presets, preset };
}
