// One line for the home screen: how old the newest backup is (yellow when there is none, or it
// is two days old or more). Reads the backups folder once per data change and each time its
// screen comes back on top (e.g. after backing up on the backup screen), never per key.
import { Text } from 'ink';
import { useContext, useEffect, useState } from 'react';
import { backupAgeLine } from '../../io/backup/describe.js';
import { type BackupEntry, newestBackup } from '../../io/backup/folder.js';
import { useApp } from '../context.js';
import { keyName } from '../keys/hint.js';
import { ScreenActiveContext } from '../keys/useKeys.js';
import { tint } from '../theme.js';

export function BackupAge() {
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
  if (newest === undefined) return null;
  const line = backupAgeLine(newest, app.now());
  return (
    <Text color={line.stale ? tint('warn') : undefined} dimColor={!line.stale} wrap="truncate-end">
      {line.stale ? '! ' : ''}
      {line.text}
      {line.stale ? ` (${keyName('goBackup')}: sao lưu)` : ''}
    </Text>
  );
}
