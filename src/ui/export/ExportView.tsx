import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { periodLabel } from '../../domain/period.js';
import { padCell } from '../../io/text-table.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import { EXPORT_LABELS, type ExportState, PERIOD_KIND_LABELS, ROWS, type Row, rowEnabled, rowUsed } from './reducer.js';
import { selectionMark } from '../components/SelectableList.js';

const TITLES: Record<Row, string> = { what: 'Xuất', periodKind: 'Kỳ theo', period: 'Kỳ', delimiter: 'Dấu phân cách', folder: 'Thư mục' };

function value(s: ExportState, row: Row): string {
  switch (row) {
    case 'what':
      return EXPORT_LABELS[s.what];
    case 'periodKind':
      return PERIOD_KIND_LABELS[s.period.kind];
    case 'period':
      return periodLabel(s.period);
    case 'delimiter':
      return s.delimiter === ',' ? ', (dấu phẩy)' : '; (dấu chấm phẩy, Excel kiểu Việt Nam)';
    case 'folder':
      return s.folder;
  }
}

export function ExportView({ state: s }: { state: ExportState }) {
  return (
    <Box flexDirection="column">
      {ROWS.filter((row) => rowUsed(s, row)).map((row) => {
        const on = row === ROWS[s.row];
        const enabled = rowEnabled(s, row);
        const v = value(s, row);
        return (
          <Text key={row} dimColor={!enabled} wrap="truncate-end">
            <Text color={on ? tint('accent') : undefined} bold={on}>
              {selectionMark(on)}
              {padCell(TITLES[row], 15)}
            </Text>
            {row === 'folder' ? (
              <Text inverse={on}>{v + (on ? '▏' : '')}</Text>
            ) : (
              <Text>{enabled ? `‹ ${v} ›` : '(không dùng)'}</Text>
            )}
          </Text>
        );
      })}
      <Text> </Text>
      <Text dimColor>
        {keyNames('up', 'down')} chọn dòng, {keyNames('choicePrev', 'choiceNext')} đổi giá trị, {keyName('runExport')} (hoặc {keyName('nextField')} ở dòng Thư mục) để ghi
        tệp. Tệp cũ không bao giờ bị ghi đè.
      </Text>
      {s.busy ? <Text>Đang ghi…</Text> : null}
      {s.written ? (
        <Text color={tint('ok')} wrap="wrap">
          ✓ Đã ghi {s.written}
        </Text>
      ) : null}
      {s.error ? <Text color={tint('error')}>✗ {s.error}</Text> : null}
    </Box>
  );
}
