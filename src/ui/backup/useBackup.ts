// Backup screen: list the backups folder, back up now, restore the selected backup (after a
// yes/no), choose the folder. Restore builds the new database beside the open one, then swaps it
// in while the app waits (Database.reopenAfter), and every screen reloads.
import path from 'node:path';
import { useCallback, useReducer, useState } from 'react';
import { FileWriteError, writeErrorReason } from '../../io/file-write.js';
import { formatBytes, formatDateTime } from '../../io/backup/describe.js';
import { formatInt, printable } from '../../domain/text.js';
import { lastAutoBackup } from '../../store/auto-backup.js';
import { type BackupDir, type BackupEntry, backupDirOf, freshBackupPath, listBackups, setBackupDir } from '../../store/backup-folder.js';
import { type PreparedRestore, discardPrepared, prepareRestore, rememberRestore, sameUnit, swapIn } from '../../store/restore.js';
import type { Database } from '../../store/open.js';
import { getMachineSettings, getUnit } from '../../db/unit.js';
import { restoreOnServer } from '../../store/server-restore.js';
import { writeBackupFile } from '../../store/backup.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { off, useKeys } from '../keys/useKeys.js';
import { backupReducer, initialBackup } from './reducer.js';

export interface BackupListing {
  dir: BackupDir;
  entries: BackupEntry[];
}

export function useBackup() {
  const app = useApp();
  const layout = useLayout();
  const dataDir = app.database.dataDir;
  const [state, dispatch] = useReducer(backupReducer, initialBackup);
  const [refresh, setRefresh] = useState(0);
  const reload = useCallback(() => setRefresh((n) => n + 1), []);
  const { data: listing, error } = useLoaded(async (): Promise<BackupListing> => {
    const dir = await backupDirOf(app.db, dataDir);
    return { dir, entries: listBackups(dir.dir) };
  }, [app.db, dataDir, refresh, app.dataVersion]);

  const entries = listing?.entries ?? [];
  const index = Math.min(state.selected, Math.max(0, entries.length - 1));
  const selected = entries[index];
  const busy = (text: string | null) => dispatch({ type: 'busy', text });

  const backupNow = async () => {
    if (!listing) return;
    busy('Đang sao lưu…');
    try {
      const now = app.now();
      const r = await writeBackupFile(app.db, freshBackupPath(listing.dir.dir, now), { now });
      dispatch({ type: 'select', index: 0 });
      app.notify(`Đã sao lưu và đọc lại kiểm tra: ${path.basename(r.file)} (${formatBytes(r.bytes)}).`);
    } catch (e) {
      app.notify((e as Error).message, 'error');
    } finally {
      busy(null);
      reload();
    }
  };

  // On a server the rows are replaced in one transaction (nothing to reopen); what they replace is backed up first.
  const runServerRestore = async (entry: BackupEntry) => {
    busy('Đang khôi phục… (đang kiểm tra và nạp bản sao lưu)');
    try {
      const r = await restoreOnServer(app.database, entry.file, app.now());
      await app.reloadSettings();
      app.dataChanged();
      const c = r.header.counts;
      app.notify(`Đã khôi phục bản ${formatDateTime(new Date(r.header.created))} (${formatInt(c.team ?? 0)} tổ, ${formatInt(c.form ?? 0)} phiếu); bản cũ đã được sao lưu (${path.basename(r.kept)}).`);
    } catch (e) {
      app.notify((e as Error).message, 'error');
    } finally {
      busy(null);
      reload();
    }
  };

  const runRestore = async (entry: BackupEntry) => {
    if (app.database.server) return runServerRestore(entry);
    const reopen = app.database.reopenAfter?.bind(app.database);
    if (!reopen) {
      app.notify('Không khôi phục được trong chế độ này; hãy dùng lệnh: tonghop restore <tệp>.', 'error');
      return;
    }
    busy('Đang khôi phục… (đang kiểm tra và nạp bản sao lưu)');
    let prepared: PreparedRestore;
    let current: string | null;
    try {
      // This computer's folder settings stay whatever the backup holds.
      prepared = await prepareRestore(dataDir, entry.file, { machineSettings: await getMachineSettings(app.db) });
      current = (await getUnit(app.db))?.name ?? null;
    } catch (e) {
      app.notify((e as Error).message, 'error');
      busy(null);
      reload();
      return;
    }
    busy(null);
    const backupUnit = prepared.unit;
    if (current && backupUnit && !sameUnit(current, backupUnit)) {
      // Another commune's backup: the officer decides, knowing both names.
      app.ask({
        question: `Bản sao lưu này là của ${printable(backupUnit)}, dữ liệu đang mở là của ${printable(current)}. Vẫn thay bằng bản của ${printable(backupUnit)}?`,
        onAnswer: () => void swapPrepared(prepared, reopen),
        onCancel: () => discardPrepared(prepared),
      });
      return;
    }
    await swapPrepared(prepared, reopen);
  };

  const swapPrepared = async (prepared: PreparedRestore, reopen: NonNullable<Database['reopenAfter']>) => {
    busy('Đang khôi phục…');
    try {
      let replaced: string | null = null;
      await reopen(() => {
        replaced = swapIn(dataDir, prepared, app.now());
        if (replaced) rememberRestore(dataDir, { replaced, file: prepared.file, at: app.now().toISOString() });
      });
      await app.reloadSettings();
      app.dataChanged();
      const c = prepared.header.counts;
      const kept = replaced ? `; bản cũ vẫn được giữ (${path.basename(replaced)})` : '';
      app.notify(`Đã khôi phục bản ${formatDateTime(new Date(prepared.header.created))} (${formatInt(c.team ?? 0)} tổ, ${formatInt(c.form ?? 0)} phiếu)${kept}.`);
    } catch (e) {
      discardPrepared(prepared);
      app.notify((e as Error).message, 'error');
    } finally {
      busy(null);
      reload();
    }
  };

  const restore = () => {
    if (!selected) return;
    const entry = selected;
    app.ask({
      question: `Khôi phục bản lúc ${formatDateTime(entry.created)}? Dữ liệu hiện tại vẫn được giữ lại.`,
      onAnswer: () => void runRestore(entry),
    });
  };

  const chooseDir = () => {
    if (!listing) return;
    app.ask({
      question: 'Thư mục sao lưu (trống = mặc định):',
      input: listing.dir.configured ? listing.dir.dir : '',
      onAnswer: async (text) => {
        try {
          await app.db.transaction((tx) => setBackupDir(tx, text.trim() || null));
        } catch (e) {
          const why = e instanceof FileWriteError ? writeErrorReason(e.cause) : null;
          return why ? `Không dùng được: ${why}` : (e as Error).message;
        }
        dispatch({ type: 'select', index: 0 });
        reload();
        app.notify(text.trim() ? `Từ nay sao lưu vào ${path.resolve(text.trim())}.` : 'Từ nay sao lưu vào thư mục mặc định.');
        return null;
      },
    });
  };

  const page = Math.max(1, layout.bodyRows - 8);
  const move = (delta: number) => dispatch({ type: 'move', delta, count: entries.length });
  useKeys(
    'backup',
    state.busy
      ? { back: () => undefined }
      : {
          up: () => move(-1),
          down: () => move(1),
          pageUp: () => move(-page),
          pageDown: () => move(page),
          backupNow: () => void backupNow(),
          restore: selected ? restore : off('chưa có bản sao lưu nào để khôi phục'),
          backupDir: chooseDir,
        },
  );

  return { state, listing, error, selectedIndex: index, auto: lastAutoBackup(dataDir), now: app.now(), bodyRows: layout.bodyRows, columns: layout.columns };
}
