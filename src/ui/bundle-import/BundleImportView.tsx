// The import screen's page, drawn from props only: the folder, then what the dry run found per
// file (or what the import did), wrapped to the width and scrolled.
import path from 'node:path';
import { Box } from 'ink';
import { summaryLines } from '../../io/bundle/import.js';
import { wrapText } from '../../io/text-table.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { Text } from '../components/Text.js';
import { keyName } from '../keys/hint.js';
import { tint } from '../theme.js';
import { type BundleImportState, accepted } from './reducer.js';

/** What the page says below the folder, as display lines. */
export function bundleLines(s: BundleImportState, columns: number): string[] {
  const out: string[] = [];
  const say = (text: string, indent = '') => out.push(...wrapText(text, columns, indent));
  if (s.phase === 'folder') {
    say(`Gõ thư mục chứa các tệp *_bundle.gz (tệp đính kèm thư điện tử của các xã/phường), rồi ${keyName('checkBundles')} để chạy thử: chưa ghi gì vào dữ liệu.`);
    return out;
  }
  if (s.phase === 'checking') return ['Đang chạy thử các tệp…'];
  if (s.phase === 'importing') return ['Đang nhập các tệp…'];
  const ok = accepted(s).length;
  const bad = s.outcomes.length - ok;
  if (s.outcomes.length === 0) say('Không có tệp *_bundle.gz nào trong thư mục này.');
  else if (s.phase === 'preview') say(`Chạy thử ${s.outcomes.length} tệp: ${ok} nhận được, ${bad} bị từ chối. Chưa ghi gì vào dữ liệu.`);
  else say(`Đã nhập ${ok} tệp${bad ? `, ${bad} tệp bị từ chối (không làm thay đổi gì)` : ''}.`);
  for (const o of s.outcomes) {
    if (o.summary) summaryLines({ ...o.summary, file: path.basename(o.file) }).forEach((l, i) => say(l, i ? '    ' : ''));
    else say(`✗ ${path.basename(o.file)}: ${o.refused}`, '    ');
  }
  if (s.phase === 'preview')
    say(ok ? `${keyName('importBundles')}: nhập ${ok} tệp nhận được; ${keyName('editFolder')}: đổi thư mục.` : `${keyName('editFolder')}: đổi thư mục.`);
  return out;
}

export function BundleImportView(p: { state: BundleImportState; lines: readonly string[]; rows: number }) {
  const s = p.state;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-start">
        <Text bold>Thư mục </Text>
        <Text inverse={s.phase === 'folder'}>{s.folder + (s.phase === 'folder' ? '▏' : '')}</Text>
      </Text>
      {s.error ? <Text color={tint('error')}>✗ {s.error}</Text> : <Text> </Text>}
      <ScrollLines lines={p.lines.map((l) => <Text wrap="truncate-end">{l}</Text>)} offset={s.offset} rows={Math.max(1, p.rows - 2)} />
    </Box>
  );
}
