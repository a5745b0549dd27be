// The import screen's keys and work: the dry run and the import go through importBundleFiles,
// the very loop of `tonghop import bundle FILE… [--dry-run]`.
import { useEffect, useMemo, useReducer } from 'react';
import type { DbRunner } from '../../db/database.js';
import { bundleFolder, bundlesInFolder, importBundleFiles, rememberBundleFolder } from '../../io/bundle/files.js';
import { maxOffset } from '../components/ScrollLines.js';
import { useKeys } from '../keys/useKeys.js';
import { bundleLines } from './BundleImportView.js';
import { accepted, bundleImportReducer, initialBundleImport } from './reducer.js';

export function useBundleImport(p: { db: DbRunner; now: () => Date; rows: number; columns: number; onImported: () => void }) {
  const [state, dispatch] = useReducer(bundleImportReducer, initialBundleImport);
  useEffect(() => {
    let live = true;
    void bundleFolder(p.db).then((folder) => live && dispatch({ type: 'folderKnown', folder }));
    return () => {
      live = false;
    };
  }, [p.db]);
  const lines = useMemo(() => bundleLines(state, p.columns), [state, p.columns]);

  const check = async () => {
    const folder = state.folder.trim();
    if (!folder) return dispatch({ type: 'failed', message: 'Chưa có thư mục.' });
    dispatch({ type: 'checking' });
    try {
      const { outcomes } = await importBundleFiles(p.db, bundlesInFolder(folder), { dryRun: true, now: p.now() });
      await rememberBundleFolder(p.db, folder);
      dispatch({ type: 'checked', outcomes });
    } catch (e) {
      dispatch({ type: 'failed', message: (e as Error).message });
    }
  };
  const run = async () => {
    dispatch({ type: 'importing' });
    try {
      const { outcomes } = await importBundleFiles(p.db, accepted(state), { now: p.now() });
      dispatch({ type: 'imported', outcomes });
      p.onImported();
    } catch (e) {
      dispatch({ type: 'failed', message: `Không nhập được: ${(e as Error).message}` });
    }
  };

  const max = maxOffset(lines.length, Math.max(1, p.rows - 2));
  const scroll = (delta: number) => () => dispatch({ type: 'scroll', delta, max });
  const page = Math.max(1, p.rows - 3);
  const typing = state.phase === 'folder';
  useKeys(
    'bundleImport',
    {
      checkBundles: typing ? () => void check() : undefined,
      importBundles: state.phase === 'preview' && accepted(state).length ? () => void run() : undefined,
      editFolder: state.phase === 'preview' || state.phase === 'done' ? () => dispatch({ type: 'edit' }) : undefined,
      scrollUp: scroll(-1),
      scrollDown: scroll(1),
      scrollPageUp: scroll(-page),
      scrollPageDown: scroll(page),
    },
    { typing: typing ? 'text' : false, onText: (text) => dispatch({ type: 'type', text }), onBackspace: () => dispatch({ type: 'erase' }) },
  );
  return { state, lines };
}
