// How old the newest backup is, for the home screen. Reads the backups folder once per data
// change and each time its screen comes back on top (e.g. after backing up on the backup screen),
// never per key.
import { useContext, useEffect, useState } from 'react';
import { backupAgeLine } from '../../io/backup/describe.js';
import { type BackupEntry, newestBackup } from '../../io/backup/folder.js';
import { useApp } from '../context.js';
import { ScreenActiveContext } from '../keys/useKeys.js';

/** The line to show (null until the folder was read). */
export function useBackupAge(): { text: string; stale: boolean } | null {
  const app = useApp();
  const [newest, setNewest] = useState<BackupEntry | null | undefined>(undefined);
  // A backup made on another screen does not change the data (no dataChanged): look again when
  // this screen is shown again instead.
  const active = useContext(ScreenActiveContext);
  useEffect(() => {
    if (!active) return;
    let live = true;
    newestBackup(app.db, app.database.dataDir).then(
      (e) => live && setNewest(e),
      () => live && setNewest(null),
    );
    // The daily backup runs a few seconds after opening: look again once it has had time.
    const t = setTimeout(() => {
      newestBackup(app.db, app.database.dataDir).then(
        (e) => live && setNewest(e),
        () => undefined,
      );
    }, 10_000);
    t.unref?.();
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [app.db, app.database.dataDir, app.dataVersion, active]);
  return newest === undefined ? null : backupAgeLine(newest, app.now());
}
