// Export screen: keys → actions; writing goes through runExport, the same path as `tonghop export`
// (the bundle for the province through exportBundle, as `tonghop export bundle`). The province's
// report screen is this same form outside the commune App: useExportForm takes its services.
import { useContext, useEffect, useReducer } from 'react';
import type { DbRunner } from '../../db/database.js';
import { currentMonth } from '../../domain/period.js';
import { exportBundle } from '../../io/bundle/export.js';
import { type ExportFormat, exportsFolder, rememberExportsFolder, runExport } from '../../io/export/run.js';
import { useApp } from '../context.js';
import { ReadOnlyContext, useKeys } from '../keys/useKeys.js';
import { CHOICE_EXPORTS, EXPORT_CHOICES, type ExportChoice, ROWS, exportReducer, initialExport } from './reducer.js';

export function useExport() {
  const app = useApp();
  return useExportForm({ db: app.db, now: app.now, notify: (text) => app.notify(text, 'info') });
}

export function useExportForm(app: { db: DbRunner; now: () => Date; choices?: readonly ExportChoice[]; notify?: (text: string) => void }) {
  // A reader writes files but not the setting that remembers their folder.
  const readOnly = useContext(ReadOnlyContext) !== null;
  // The folder is blank until the remembered one (or Documents/tonghop) is read.
  const [state, dispatch] = useReducer(exportReducer, undefined, () => initialExport(currentMonth(app.now()), '', app.choices ?? EXPORT_CHOICES));
  useEffect(() => {
    let live = true;
    void exportsFolder(app.db).then((folder) => live && dispatch({ type: 'folderKnown', folder }));
    return () => {
      live = false;
    };
  }, [app.db]);

  const write = async () => {
    if (state.busy) return;
    if (!state.folder.trim()) return dispatch({ type: 'failed', message: 'Chưa có thư mục ghi tệp.' });
    dispatch({ type: 'busy' });
    try {
      const { kind, format } = CHOICE_EXPORTS[state.what];
      const done =
        kind === 'bundle'
          ? await exportBundle(app.db, state.period, { outDir: state.folder.trim(), now: app.now() })
          : await runExport(app.db, { kind, period: state.period, format: format as ExportFormat, delimiter: state.delimiter, outDir: state.folder.trim(), now: app.now() });
      if (!readOnly) await rememberExportsFolder(app.db, state.folder.trim());
      dispatch({ type: 'written', path: done.path });
      app.notify?.(`Đã ghi ${done.path}`);
    } catch (e) {
      dispatch({ type: 'failed', message: `Không ghi được tệp: ${(e as Error).message}` });
    }
  };

  const onFolder = ROWS[state.row] === 'folder';
  useKeys(
    'export',
    {
      up: () => dispatch({ type: 'move', delta: -1 }),
      down: () => dispatch({ type: 'move', delta: 1 }),
      prevField: () => dispatch({ type: 'move', delta: -1 }),
      nextField: onFolder ? () => void write() : () => dispatch({ type: 'move', delta: 1 }),
      choicePrev: () => dispatch({ type: 'choice', delta: -1, max: currentMonth(app.now()) }),
      choiceNext: () => dispatch({ type: 'choice', delta: 1, max: currentMonth(app.now()) }),
      runExport: () => void write(),
    },
    {
      typing: onFolder ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
    },
  );
  return { state };
}
