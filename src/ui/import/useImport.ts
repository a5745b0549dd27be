// Import screen: keys → actions; the check and the write go through runImport, the same path as
// `tonghop import` (a dry run first, then the real run, which checks again in its transaction).
import fs from 'node:fs';
import { useMemo } from 'react';
import os from 'node:os';
import path from 'node:path';
import { lastImport, undoLastImport, undoneImportMessage } from '../../db/import-batches.js';
import { type ImportKind, detectKind, runImport, summarise } from '../../io/csv/import.js';
import { FileRefusedError, ImportRefusedError, formatProblem } from '../../io/csv/problems.js';
import { type ImportSource, describeSource, openImportFile } from '../../io/source/read.js';
import { useRefReducer } from '../components/useRefReducer.js';
import { useApp, useLayout } from '../context.js';
import { keyName, keyNames } from '../keys/hint.js';
import { off, useKeys } from '../keys/useKeys.js';
import { asDiskFull } from '../../store/disk-full.js';
import { enqueueWrite } from '../saveQueue.js';
import { problemRows } from './problemRows.js';
import { canWrite, cleanPath, importReducer, initialImport } from './reducer.js';

function resolvePath(p: string): string {
  const clean = cleanPath(p);
  return path.resolve(clean.startsWith('~') ? path.join(os.homedir(), clean.slice(1)) : clean);
}

export function useImport() {
  const app = useApp();
  const layout = useLayout();
  // Handlers read `latest.current`: Enter right after a paste checks the pasted path.
  const [state, dispatch, latest] = useRefReducer(importReducer, initialImport);
  const listRows = Math.max(3, layout.bodyRows - 9);
  const problemLines = useMemo(() => problemRows(state, layout.columns), [state.problems, state.warnings, layout.columns]);
  const maxScroll = Math.max(0, problemLines.length - listRows);

  // A full disk under the data says so in Vietnamese and what to do, as `tonghop import` does (#10 item 18).
  const reason = (e: unknown) => (asDiskFull(e, app.database) as Error).message;

  /** The file read and decoded (CSV, Unicode Text or workbook), its kind; or why not. Throws FileRefusedError. */
  const read = async (): Promise<{ source: ImportSource; kind: ImportKind } | string> => {
    const s = latest.current;
    const file = resolvePath(s.path);
    try {
      if (!fs.statSync(file).isFile()) throw new Error('not a file');
    } catch {
      return `Không đọc được tệp ${file}: kiểm tra lại đường dẫn.`;
    }
    // A text file is read as a stream while it is checked and written (a 50 MB file is never held).
    const source = await openImportFile(file);
    const kind = s.kind === 'auto' ? detectKind(source.input) : s.kind;
    if (!kind) return `Không nhận ra loại tệp từ dòng tiêu đề: chọn loại bằng ${keyNames('choicePrev', 'choiceNext')} (danh sách tổ, thành viên, số liệu).`;
    return { source, kind };
  };

  const check = async () => {
    if (!cleanPath(latest.current.path)) return app.notify('Gõ hoặc dán đường dẫn tệp (CSV, văn bản Unicode hoặc sổ Excel .xlsx) trước.', 'warn');
    dispatch({ type: 'checking' });
    let got: Awaited<ReturnType<typeof read>>;
    try {
      got = await read();
    } catch (e) {
      const refused = e instanceof FileRefusedError;
      return dispatch({ type: 'checked', kind: null, summary: [], problems: refused ? e.problems : [], warnings: [], fileError: (e as Error).message });
    }
    if (typeof got === 'string') return dispatch({ type: 'checked', kind: null, summary: [], problems: [], warnings: [], fileError: got });
    // What was read (encoding, sheet, a sample) is shown even when rows are refused: a wrong
    // encoding shows itself in the sample.
    const about = describeSource(got.source.info);
    try {
      const r = await runImport(app.db, got.kind, got.source, { dryRun: true, now: app.now() });
      dispatch({ type: 'checked', kind: got.kind, summary: summarise(r.check, false, got.source.info), problems: [], warnings: r.check.warnings, fileError: null });
    } catch (e) {
      if (e instanceof ImportRefusedError)
        dispatch({ type: 'checked', kind: got.kind, summary: about, problems: e.problems, warnings: [], fileError: null });
      else if (e instanceof FileRefusedError)
        dispatch({ type: 'checked', kind: got.kind, summary: about, problems: e.problems, warnings: [], fileError: e.message });
      else dispatch({ type: 'checked', kind: got.kind, summary: about, problems: [], warnings: [], fileError: reason(e) });
    }
  };

  const write = async () => {
    let got: Awaited<ReturnType<typeof read>>;
    try {
      got = await read();
    } catch (e) {
      return dispatch({ type: 'failed', message: (e as Error).message });
    }
    const checkedKind = latest.current.checkedKind;
    if (typeof got === 'string' || !checkedKind) return dispatch({ type: 'failed', message: typeof got === 'string' ? got : 'Hãy kiểm tra tệp trước.' });
    dispatch({ type: 'writing' });
    try {
      const r = await runImport(app.db, checkedKind, got.source, {
        now: app.now(),
        onProgress: async (done, total) => {
          dispatch({ type: 'progress', done, total });
          await new Promise((res) => setImmediate(res)); // let Ink draw the bar
        },
      });
      await app.database.checkpoint();
      app.dataChanged();
      const summary = summarise(r.check, true, got.source.info);
      dispatch({ type: 'done', summary });
      app.notify(summary[summary.length - 1]!, 'info');
    } catch (e) {
      const msg =
        e instanceof ImportRefusedError
          ? `Tệp đã thay đổi từ lúc kiểm tra, không nhập gì: ${e.problems.slice(0, 3).map(formatProblem).join('; ')}`
          : reason(e);
      dispatch({ type: 'failed', message: msg });
    }
  };

  // The last import undone as a whole (#10 item 14), after asking which one it is.
  const undoImport = async () => {
    const last = await lastImport(app.db);
    if (!last || last.undone) return app.notify(last ? 'Lần nhập gần nhất đã được hoàn tác rồi.' : 'Chưa có lần nhập tệp nào để hoàn tác.', 'warn');
    app.ask({
      question: `Hoàn tác cả lần nhập gần nhất (${last.summary.replace(/\.$/u, '')})?`,
      onAnswer: async () => {
        const r = await enqueueWrite(app.db, () => app.db.transaction((tx) => undoLastImport(tx)));
        if (!r.ok) return app.notify(r.reason, 'warn');
        await app.database.checkpoint();
        app.dataChanged();
        app.notify(undoneImportMessage(r), 'info');
      },
    });
  };

  const editing = state.phase === 'edit';
  const page = Math.max(1, listRows - 1);
  useKeys(
    'import',
    {
      nextField: editing ? () => void check() : state.phase === 'done' ? () => app.back() : undefined,
      choicePrev: editing || state.phase === 'checked' ? () => dispatch({ type: 'kind', delta: -1 }) : undefined,
      choiceNext: editing || state.phase === 'checked' ? () => dispatch({ type: 'kind', delta: 1 }) : undefined,
      up: state.phase === 'checked' ? () => dispatch({ type: 'scroll', delta: -1, max: maxScroll }) : undefined,
      down: state.phase === 'checked' ? () => dispatch({ type: 'scroll', delta: 1, max: maxScroll }) : undefined,
      pageUp: state.phase === 'checked' ? () => dispatch({ type: 'scroll', delta: -page, max: maxScroll }) : undefined,
      pageDown: state.phase === 'checked' ? () => dispatch({ type: 'scroll', delta: page, max: maxScroll }) : undefined,
      confirm: canWrite(state) ? () => void write() : state.phase === 'checked' ? off(`tệp có lỗi, sửa tệp rồi kiểm tra lại (${keyName('back')})`) : undefined,
      undoImport: state.phase === 'edit' || state.phase === 'done' ? () => void undoImport().catch((e: unknown) => app.notify(`Không hoàn tác được: ${reason(e)}`, 'error')) : undefined,
      back: state.phase === 'checked' ? () => dispatch({ type: 'edit' }) : state.phase === 'writing' || state.phase === 'checking' ? () => undefined : undefined,
    },
    {
      typing: editing ? 'text' : false,
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
    },
  );

  return { state, listRows, problemLines, columns: layout.columns };
}
