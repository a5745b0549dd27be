// The one import path behind `tonghop import` and the Import screen: decode, check every row,
// and (unless a dry run) write everything in one transaction, or nothing at all.
import { systemNow } from '../../clock.js';
import type { Db, DbRunner } from '../../db/database.js';
import { formatInt } from '../../domain/text.js';
import { type FiguresCheck, type OpenSink, checkFigures, loadFiguresContext } from './figures-check.js';
import { type FiguresWriter, type KeyCheck, openFiguresWriter } from '../../db/figures-import.js';
import { beginImportBatch, closeImportBatch } from '../../db/import-batches.js';
import { writeMembers, writeTeams } from '../../db/roster-import.js';
import { lockWriters } from '../../db/locks.js';
import { IMPORTED_TRAINING_TOPIC, type MembersCheck, checkMembers } from './members.js';
import { delimiterName } from './parse.js';
import { ImportRefusedError } from './problems.js';
import { type TableInput, headerNames, isStream, wholeInput } from './table.js';
import { type ImportSource, type SourceInfo, describeSource, readImportFile } from '../source/read.js';
import { type TeamsCheck, checkTeams } from './teams.js';

export const IMPORT_KINDS = ['teams', 'members', 'figures'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { teams: 'Danh sách tổ', members: 'Thành viên', figures: 'Số liệu' };

export type ImportCheck = TeamsCheck | MembersCheck | FiguresCheck;

export interface ImportOptions {
  dryRun?: boolean;
  now?: Date;
  /** Tests: how the figures' keys are checked (figures-import.ts). */
  keys?: KeyCheck;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ImportResult {
  check: ImportCheck;
  written: boolean;
}

/** Check a file; a figures file's forms go to `openSink` as they are checked (written in batches). */
export async function checkImport(q: Db, kind: ImportKind, text: TableInput, now: Date, openSink?: OpenSink): Promise<ImportCheck> {
  switch (kind) {
    case 'teams':
      return checkTeams(q, await wholeInput(text), now);
    case 'members':
      return checkMembers(q, await wholeInput(text), now);
    case 'figures':
      return checkFigures(text, await loadFiguresContext(q, now), openSink);
  }
}

/**
 * Check the whole file; with any bad row throw ImportRefusedError (nothing written). A dry run
 * stops there. Otherwise check again and write inside one transaction (what was checked is
 * what is written, even if the data changed meanwhile). A figures file is written while it is
 * read, batch by batch, in that same transaction: a row refused late rolls everything back.
 */
export async function runImport(db: DbRunner, kind: ImportKind, input: Uint8Array | string | ImportSource, opts: ImportOptions = {}): Promise<ImportResult> {
  const text = typeof input === 'string' ? input.normalize('NFC') : input instanceof Uint8Array ? readImportFile(input).input : input.input;
  const now = opts.now ?? systemNow();
  if (opts.dryRun) {
    const check = await checkImport(db, kind, text, now);
    if (check.problems.length) throw new ImportRefusedError(check.problems);
    return { check, written: false };
  }
  const check = await db.transaction(async (tx) => {
    // On a server, another officer's import may be writing: wait for it, then check against what it wrote.
    await lockWriters(tx);
    // One batch per import: undone as a whole, and a wall per-value undo never crosses.
    const batchId = await beginImportBatch(tx, kind);
    let writer: FiguresWriter | null = null;
    const { input, total } = withTotal(text);
    const openSink: OpenSink = async (shape) => (writer = await openFiguresWriter(tx, shape, { keys: opts.keys, onProgress: opts.onProgress, batchId, total }));
    const c = await checkImport(tx, kind, input, now, openSink);
    if (c.problems.length) throw new ImportRefusedError(c.problems);
    if (c.kind === 'teams') await writeTeams(tx, c, batchId);
    else if (c.kind === 'members') await writeMembers(tx, c.members, IMPORTED_TRAINING_TOPIC, batchId);
    else await (writer as FiguresWriter | null)?.finish();
    await closeImportBatch(tx, batchId, summarise(c, true).at(-1) ?? '');
    return c;
  });
  return { check, written: true };
}

/**
 * The progress bar's total while the file is still being read: values written so far scaled by
 * the share of the file read (a streamed file), or, for text held whole, the values so far.
 */
function withTotal(text: TableInput): { input: TableInput; total?: (done: number) => number } {
  if (!isStream(text)) return { input: text };
  let read = 0;
  const size = text.stream.size;
  const input = { ...text, onBytes: (n: number) => void ((read = n), text.onBytes?.(n)) };
  return { input, total: (done) => (read >= size || read === 0 ? done : Math.max(done, Math.round((done * size) / read))) };
}

/** For the benchmark and scripts: import a figures CSV (text or bytes) without the CLI. */
export function importFigures(db: DbRunner, input: Uint8Array | string, opts: ImportOptions = {}): Promise<ImportResult> {
  return runImport(db, 'figures', input, opts);
}

/** Which kind a file is, from its header (the Import screen preselects it). */
export function detectKind(input: TableInput): ImportKind | null {
  const names = headerNames(input);
  if (names.has('thang')) return 'figures';
  if (names.has('ho_ten')) return 'members';
  if (names.has('ten_to')) return 'teams';
  return null;
}

/** What the import did (or would do), in Vietnamese lines; with the file's source, what was read first. */
export function summarise(check: ImportCheck, written: boolean, source?: SourceInfo): string[] {
  return [...(source ? describeSource(source) : []), ...summariseCheck(check, written, source)];
}

function summariseCheck(check: ImportCheck, written: boolean, source?: SourceInfo): string[] {
  const verb = written ? 'Đã' : 'Sẽ';
  const sep = source?.format === 'xlsx' ? 'sổ Excel' : `phân cách bằng ${delimiterName(check.delimiter)}`;
  switch (check.kind) {
    case 'teams':
      return [
        `Tệp danh sách tổ: ${formatInt(check.rows)} dòng (${sep}).`,
        `${verb} thêm ${formatInt(check.added)} tổ, cập nhật ${formatInt(check.updated)} tổ đã có; ${formatInt(check.areas.length)} địa bàn.`,
      ];
    case 'members':
      return [
        `Tệp thành viên: ${formatInt(check.rows)} dòng (${sep}).`,
        `${verb} thêm ${formatInt(check.added)} thành viên và ${formatInt(check.trainings)} lượt tập huấn.`,
      ];
    case 'figures':
      return [
        `Tệp số liệu mẫu ${check.layout === 'wide' ? 'ngang (một dòng mỗi tổ-tháng)' : 'dọc (một dòng mỗi số liệu)'}: ${formatInt(check.rows)} dòng (${sep}).`,
        `${verb} thêm ${formatInt(check.added)} phiếu mới, thay ${formatInt(check.replaced)} phiếu đã có; ${formatInt(check.values)} số liệu` +
          (check.skipped ? `; bỏ qua ${formatInt(check.skipped)} dòng để trống (không tạo phiếu).` : '.'),
      ];
  }
}
