// Backup screen state: the selected backup and what is running. Pure.
export interface BackupState {
  selected: number;
  /** What is running ("Đang sao lưu…"); keys wait meanwhile. */
  busy: string | null;
}

export type BackupAction = { type: 'move'; delta: number; count: number } | { type: 'select'; index: number } | { type: 'busy'; text: string | null };

export const initialBackup: BackupState = { selected: 0, busy: null };

export function backupReducer(s: BackupState, a: BackupAction): BackupState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'select':
      return { ...s, selected: Math.max(0, a.index) };
    case 'busy':
      return { ...s, busy: a.text };
  }
}
