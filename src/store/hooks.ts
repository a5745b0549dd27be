// The backups the program makes around opening a database, as OpenHooks: a backup of an older
// database before it is upgraded, and the daily automatic backup. cli/context.ts and the UI pass
// them to openDatabase; tests that do not want backups leave them out. The backup code is loaded
// only when a hook runs, not on the start-up path.
import { systemNow } from '../clock.js';
import type { OpenHooks } from './open.js';

export function backupHooks(now: () => Date = systemNow): OpenHooks {
  return {
    async beforeUpgrade(db, dataDir, from) {
      const { writeBackupFile } = await import('./backup.js');
      const { defaultBackupDir, freshBackupPath } = await import('./backup-folder.js');
      const at = now();
      await writeBackupFile(db, freshBackupPath(defaultBackupDir(dataDir), at, 'pre-upgrade', from), { now: at });
    },
    async daily(database) {
      const { dailyBackup } = await import('./auto-backup.js');
      await dailyBackup(database, now()); // its outcome is recorded (lastAutoBackup), never thrown
    },
  };
}
