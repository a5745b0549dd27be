// The home screen, drawn from props only (no hooks): completeness, the next deadline and who owes
// forms, then the teams worst first. Fits 80×24: the list gets the rows left and scrolls so the
// selected row stays visible; the selected team's worst target is spelled out in full below.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { type ReactNode, isValidElement, memo } from 'react';
import stringWidth from 'string-width';
import { shortMonths } from '../../domain/deadline.js';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../../domain/labels.js';
import { type Month, monthLabel, quarterLabel } from '../../domain/period.js';
import { formatDate, formatInt, formatPercent } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { Bar, barString } from '../components/Bar.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { hint, keyName } from '../keys/hint.js';
import { type ThemeRole, tint } from '../theme.js';
import { SelectableList } from '../components/SelectableList.js';
import { displayName } from '../components/teamName.js';
import type { Status } from '../../domain/targets.js';
import type { HomeModel, HomeRow } from './model.js';
import type { StatusFilter } from './reducer.js';

export interface HomeViewProps {
  model: HomeModel | null;
  /** The as-of month asked for; differs from the model's while it is being computed. */
  asOf: Month;
  /** The header's working month, when it is later than asOf (a month still running). */
  workMonth?: Month;
  rows: readonly HomeRow[];
  selectedIndex: number;
  statusFilter: StatusFilter;
  query: string;
  filtering: boolean;
  error: string | null;
  bodyRows: number;
  columns: number;
  /**
   * A one-row line about the newest backup (the backup owner's <BackupAge />); a row is kept for
   * it whenever it is given, so the list does not jump when it appears.
   */
  backupLine?: ReactNode;
}

const BADGE = 14; // "? Chưa báo cáo"
const BAR = 8;
const NO_TARGETS = 'không có chỉ tiêu nào áp dụng cho tổ này';

/** Who owes forms, cut to the width with "và N tổ khác". */
export function missingLine(model: HomeModel, width: number): string {
  const { months, teams } = model.missing;
  if (!model.deadline) return 'Kế hoạch đã hết hạn báo cáo.';
  if (months.length === 0) return `Chưa đến tháng nào của ${quarterLabel(model.deadline.quarter[0]!)} phải nộp phiếu.`;
  const label = months.length === 1 ? `tháng ${monthLabel(months[0]!)}` : `${shortMonths(months)}/${months[0]!.slice(0, 4)}`;
  if (teams.length === 0) return model.report.teams.length ? `Đã nhận đủ phiếu ${label} của mọi tổ.` : 'Chưa có tổ nào phải nộp phiếu.';
  const head = `Còn thiếu phiếu ${label} (${teams.length} tổ): `;
  const names = teams.map((t) => displayName(t.name) + (months.length > 1 ? ` (${shortMonths(t.months)})` : ''));
  // Add names while the line (with "… và N tổ khác" when some are left out) still fits.
  let out = head;
  let used = stringWidth(head);
  for (const [i, n] of names.entries()) {
    const piece = (i ? ', ' : '') + n;
    const left = names.length - i - 1;
    const tail = left ? stringWidth(`, … và ${left} tổ khác`) : 0;
    const w = stringWidth(piece); // measured once
    if (used + w + tail > width) return i === 0 ? truncate(head + names.join(', '), width) : `${out}, … và ${names.length - i} tổ khác`;
    out += piece;
    used += w;
  }
  return out;
}

export function deadlineLine(model: HomeModel): { text: string; color?: ThemeRole } {
  const d = model.deadline;
  if (!d) return { text: 'Không còn hạn báo cáo quý nào trong kỳ kế hoạch.' };
  const when = `${d.before ? 'trước ngày' : 'hết ngày'} ${formatDate(d.date)}`;
  const left = d.daysLeft === 0 ? 'hôm nay là hạn cuối' : `còn ${formatInt(d.daysLeft)} ngày`;
  return {
    text: `Hạn báo cáo ${quarterLabel(d.quarter[0]!)}: ${when} (${left})`,
    color: d.daysLeft <= 3 ? 'error' : d.daysLeft <= 10 ? 'warn' : undefined,
  };
}

/**
 * What a team's row shows after the mark. Drawn again only when one of these changes: a reload
 * (a save, another officer's change) brings a new row object for every team, most of them the
 * same words. The plain parts are one string each side of the badge (the same characters as
 * separate strings: Ink joins a Text's strings before it measures them).
 */
interface RowCellsProps {
  name: string;
  status: Status;
  worst: string;
  worstRatio: number | null;
  nameWidth: number;
  wordsWidth: number;
}

const RowCells = memo(function RowCells({ name, status, worst, worstRatio, nameWidth, wordsWidth }: RowCellsProps) {
  const head = `${padCell(truncate(displayName(name), nameWidth), nameWidth)} `;
  const words = worst ? truncate(worst, wordsWidth) : null;
  if (worstRatio !== null && words !== null)
    return (
      <Text>
        {head}
        <StatusBadge status={status} width={BADGE} />
        {` ${barString(worstRatio, BAR)} ${words}`}
      </Text>
    );
  return (
    <Text>
      {head}
      <StatusBadge status={status} width={BADGE} /> {worstRatio === null ? <Text dimColor>{'·'.repeat(BAR)}</Text> : barString(worstRatio, BAR)}{' '}
      {words ?? <Text dimColor>{NO_TARGETS}</Text>}
    </Text>
  );
});

/** Two backup lines alike: the same component with the same props (a new element each render of home). */
function sameNode(a: ReactNode, b: ReactNode): boolean {
  if (a === b) return true;
  if (!isValidElement(a) || !isValidElement(b) || a.type !== b.type || a.key !== b.key) return false;
  const pa = a.props as Record<string, unknown>;
  const pb = b.props as Record<string, unknown>;
  const keys = Object.keys(pa);
  return keys.length === Object.keys(pb).length && keys.every((k) => Object.is(pa[k], pb[k]));
}

function sameProps(a: HomeViewProps, b: HomeViewProps): boolean {
  const keys = Object.keys(a) as (keyof HomeViewProps)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => (k === 'backupLine' ? sameNode(a.backupLine, b.backupLine) : Object.is(a[k], b[k])));
}

/**
 * Home's body. A new data version re-renders the screen at once with the model it has (the new
 * one is still loading): with the same props nothing of it is drawn again.
 */
export function HomeView(p: HomeViewProps) {
  return <HomeBody {...p} />;
}

const HomeBody = memo(function HomeBody(p: HomeViewProps) {
  if (p.error) return <Text color={tint('error')}>{p.error}</Text>;
  if (!p.model) return <Text dimColor>Đang tính…</Text>;
  const { report } = p.model;
  const { due, received } = report.completeness;
  const share = due ? received / due : null; // nothing due (no teams yet): no bar, no 100%
  const stale = report.as_of !== p.asOf;
  const fixed = 6 + (p.backupLine ? 1 : 0); // lines above and below the list
  const listRows = Math.max(1, p.bodyRows - fixed);
  const nameWidth = Math.max(16, Math.min(30, p.columns - 58));
  const wordsWidth = Math.max(10, p.columns - 2 - nameWidth - 1 - BADGE - 1 - BAR - 1);
  const deadline = deadlineLine(p.model);
  const selected = p.rows[p.selectedIndex];
  const filterLabel = p.statusFilter === 'all' ? 'tất cả' : `${STATUS_SYMBOLS[p.statusFilter]} ${STATUS_LABELS[p.statusFilter]}`;
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text wrap="truncate-end">
        Tính đến tháng <Text bold>{monthLabel(report.as_of)}</Text>
        {stale ? <Text dimColor> (đang tính {monthLabel(p.asOf)}…)</Text> : null}
        {p.workMonth && p.workMonth > report.as_of ? <Text dimColor> (tháng {monthLabel(p.workMonth)} chưa kết thúc)</Text> : null} ·{' '}
        {share === null ? (
          'Chưa có phiếu nào phải nộp'
        ) : (
          <>
            Phiếu đã nhận {formatInt(received)}/{formatInt(due)} <Bar ratio={share} width={16} color="ok" /> {formatPercent(share)}
          </>
        )}
      </Text>
      <Text color={tint(deadline.color)} wrap="truncate-end">
        {deadline.text}
      </Text>
      <Text wrap="truncate-end">{missingLine(p.model, p.columns)}</Text>
      {p.backupLine ? <Box height={1}>{p.backupLine}</Box> : null}
      <Text dimColor wrap="truncate-end">
        Lọc: {filterLabel}
        {p.filtering || p.query ? ` · tìm: ${p.query}${p.filtering ? '▏' : ''}` : ''} · {p.rows.length}/{report.teams.length} tổ · {hint('goCommune')} ·{' '}
        {hint('goRanking')}
      </Text>
      <Text bold wrap="truncate-end">
        {'  '}
        {padCell('Tổ CNSCĐ', nameWidth)} {padCell('Trạng thái', BADGE)} {padCell('Tiến độ', BAR)} Chỉ tiêu chậm nhất
      </Text>
      <SelectableList
        items={p.rows}
        selected={p.selectedIndex}
        rows={listRows}
        keyOf={(t) => t.teamId}
        render={(t) => <RowCells name={t.name} status={t.status} worst={t.worst} worstRatio={t.worstRatio} nameWidth={nameWidth} wordsWidth={wordsWidth} />}
      />
      {report.teams.length === 0 ? (
        <Text dimColor>Chưa có tổ nào đang hoạt động. {hint('goTeams')} để thêm tổ.</Text>
      ) : p.rows.length === 0 ? (
        <Text dimColor>Không có tổ nào phù hợp với bộ lọc ({keyName('back', p.filtering ? 'text' : false)} để bỏ lọc).</Text>
      ) : null}
      <Box flexGrow={1} />
      <Text wrap="truncate-end">
        {selected ? (
          <>
            <Text bold>{truncate(displayName(selected.name), 24)}:</Text> {selected.worst || NO_TARGETS}
          </>
        ) : (
          ' '
        )}
      </Text>
    </Box>
  );
}, sameProps);
