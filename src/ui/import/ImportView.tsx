import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { IMPORT_KIND_LABELS } from '../../io/csv/import.js';
import { formatInt } from '../../domain/text.js';
import { barString } from '../components/Bar.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import type { ProblemRow } from './problemRows.js';
import { type ImportState, canWrite } from './reducer.js';
import { selectionMark } from '../components/SelectableList.js';

const KIND_LABEL = (k: ImportState['kind']) => (k === 'auto' ? 'Tự nhận ra từ dòng tiêu đề' : IMPORT_KIND_LABELS[k]);

export function ImportView({ state: s, listRows, problemLines: list, columns }: { state: ImportState; listRows: number; problemLines: readonly ProblemRow[]; columns: number }) {
  const editing = s.phase === 'edit';
  const visible = list.slice(s.scroll, s.scroll + listRows);
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={editing ? tint('accent') : undefined} bold={editing}>
          {selectionMark(editing)}Tệp CSV, .txt hoặc .xlsx:{' '}
        </Text>
        <Text inverse={editing}>{s.path + (editing ? '▏' : '')}</Text>
      </Text>
      <Text>
        {'  '}Loại: ‹ {KIND_LABEL(s.kind)} › <Text dimColor>({keyNames('choicePrev', 'choiceNext')} đổi)</Text>
      </Text>
      <Text dimColor>
        {editing
          ? `  Gõ hoặc dán đường dẫn, ${keyName('nextField', 'text')} để kiểm tra cả tệp (chưa ghi gì).`
          : ' '}
      </Text>
      {s.phase === 'checking' ? <Text>Đang kiểm tra tệp…</Text> : null}
      {s.checkedKind && s.phase !== 'edit' ? <Text dimColor>Loại tệp: {IMPORT_KIND_LABELS[s.checkedKind]}</Text> : null}
      {s.fileError ? (
        <Text color={tint('error')} wrap="wrap">
          ✗ {s.fileError}
        </Text>
      ) : null}
      {s.summary.map((l) => (
        <Text key={l} wrap="wrap">
          {l}
        </Text>
      ))}
      {s.phase === 'checked' && s.problems.length > 0 ? (
        <Text color={tint('error')} bold>
          Tệp có {formatInt(s.problems.length)} lỗi: không nhập gì cả. Sửa tệp rồi kiểm tra lại ({keyName('back')}).{' '}
          {list.length > listRows ? `(${keyNames('up', 'down')} cuộn, hàng ${s.scroll + 1}–${Math.min(list.length, s.scroll + listRows)}/${list.length})` : ''}
        </Text>
      ) : null}
      {visible.map((l, i) => (
        <Text key={`${s.scroll + i}`} color={tint(l.color)} wrap="truncate-end">
          {l.text}
        </Text>
      ))}
      {canWrite(s) ? (
        <Text color={tint('ok')} bold>
          Tệp hợp lệ. Nhấn {keyName('confirm')} để ghi vào dữ liệu, {keyName('back')} để quay lại.
        </Text>
      ) : null}
      {s.phase === 'writing' && s.progress ? (
        <Text>
          Đang ghi… {barString(s.progress.total ? s.progress.done / s.progress.total : 0, Math.min(40, columns - 30))}{' '}
          {formatInt(s.progress.done)}/{formatInt(s.progress.total)}
        </Text>
      ) : null}
      {s.phase === 'done' ? <Text color={tint('ok')}>Xong. {keyName('nextField')} hoặc {keyName('back')} để quay lại.</Text> : null}
    </Box>
  );
}
