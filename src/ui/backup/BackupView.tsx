import { Box } from 'ink';
import { Text } from '../components/Text.js';
import type { AutoBackupOutcome } from '../../store/auto-backup.js';
import { formatAge, formatBytes, formatDateTime } from '../../io/backup/describe.js';
import { AUTO_KEEP, type BackupKind } from '../../store/backup-folder.js';
import { padCell, truncate } from '../../io/text-table.js';
import { SelectableList } from '../components/SelectableList.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import type { BackupListing } from './useBackup.js';

export interface BackupViewProps {
  listing: BackupListing | null;
  error: string | null;
  selectedIndex: number;
  busy: string | null;
  auto: AutoBackupOutcome | null;
  now: Date;
  bodyRows: number;
  columns: number;
}

const KIND: Record<BackupKind, string> = { auto: 'tự động', manual: 'thủ công', 'pre-upgrade': 'trước nâng cấp' };

export function BackupView(p: BackupViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.listing) return <Text dimColor>Đang đọc thư mục sao lưu…</Text>;
  const { dir, entries } = p.listing;
  const listRows = Math.max(1, p.bodyRows - 7);
  const selected = entries[p.selectedIndex];
  const autoNote = p.auto?.error ?? p.auto?.warning ?? null;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-middle">
        Thư mục sao lưu: <Text bold>{dir.dir}</Text>
        {dir.configured ? '' : ' (mặc định)'}
      </Text>
      <Text dimColor wrap="truncate-end">
        Tự động: một bản mỗi ngày khi mở, giữ {AUTO_KEEP} bản tự động gần nhất · {keyName('backupDir')}: đổi thư mục
      </Text>
      {autoNote ? (
        <Text color={tint(p.auto?.error ? 'error' : 'warn')} wrap="truncate-end">
          ! {autoNote}
        </Text>
      ) : null}
      <Text bold>
        {'  '}
        {padCell('Lúc tạo', 17)} {padCell('Cách đây', 15)} {padCell('Dung lượng', 11, 'right')} Loại
      </Text>
      <SelectableList
        items={entries}
        selected={p.selectedIndex}
        rows={listRows}
        keyOf={(e) => e.file}
        render={(e) => (
          <>
            {padCell(formatDateTime(e.created), 17)} {padCell(formatAge(e.created, p.now), 15)} {padCell(formatBytes(e.bytes), 11, 'right')} {KIND[e.kind]}
          </>
        )}
      />
      {entries.length === 0 ? <Text color={tint('warn')}>Chưa có bản sao lưu nào. Nhấn {keyName('backupNow')} để sao lưu ngay.</Text> : null}
      {selected ? (
        <Text dimColor wrap="truncate-middle">
          Tệp: {truncate(selected.name, Math.max(20, p.columns - 6))}
        </Text>
      ) : null}
      {p.busy ? <Text color={tint('accent')}>{p.busy}</Text> : null}
    </Box>
  );
}
