import { BackupView } from './BackupView.js';
import { useBackup } from './useBackup.js';

export function BackupScreen() {
  const b = useBackup();
  return (
    <BackupView
      listing={b.listing}
      error={b.error}
      selectedIndex={b.selectedIndex}
      busy={b.state.busy}
      auto={b.auto}
      now={b.now}
      bodyRows={b.bodyRows}
      columns={b.columns}
    />
  );
}
