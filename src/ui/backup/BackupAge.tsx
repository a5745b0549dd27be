// One line for the home screen: how old the newest backup is (yellow when there is none, or it
// is two days old or more). <BackupAge /> wires the hook to the line.
import { Text } from '../components/Text.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import { useBackupAge } from './useBackupAge.js';

export function BackupAgeLine({ text, stale }: { text: string; stale: boolean }) {
  return (
    <Text color={stale ? tint('warn') : undefined} dimColor={!stale} wrap="truncate-end">
      {stale ? '! ' : ''}
      {text}
      {stale ? ` (${keyName('goBackup')}: sao lưu)` : ''}
    </Text>
  );
}

export function BackupAge() {
  const line = useBackupAge();
  return line ? <BackupAgeLine {...line} /> : null;
}
