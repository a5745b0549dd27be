// One team's targets, months missing and 12-month sparklines, drawn from props only. Built as
// one-row lines so the page scrolls when the plan has many targets (80×24).
import { Text } from '../components/Text.js';
import type { ReactNode } from 'react';
import { monthList } from '../../domain/deadline.js';
import { describeTarget, indicatorNoun, worstTarget } from '../../domain/describe.js';
import { type Month, monthLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { SPARK_BLANK, SPARK_ZERO, sparkline } from '../../domain/sparkline.js';
import { formatDate } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { AsOfLines } from '../components/ScrollLines.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { tint } from '../theme.js';
import { formatCount, targetCells, targetLabel } from './format.js';
import type { TeamStatusModel } from './model.js';

const COLS = { actual: 9, expected: 8, target: 7, ratio: 7, status: 14 };

export function teamStatusLines(m: TeamStatusModel, indicators: readonly Indicator[], columns: number): ReactNode[] {
  const inds = new Map(indicators.map((i) => [i.code, i]));
  const lines: ReactNode[] = [];
  const line = (node: ReactNode) => lines.push(<Text wrap="truncate-end">{node}</Text>);
  if (!m.team) return [<Text color={tint('error')}>Không tìm thấy tổ này.</Text>];
  const s = m.status;
  line(
    <>
      <Text bold>{m.team.name}</Text> ({m.team.code}) · {s ? <StatusBadge status={s.status} /> : 'không tính chỉ tiêu'} · tính đến tháng{' '}
      <Text bold>{monthLabel(m.asOf)}</Text>
    </>,
  );
  if (!s) {
    line(`Tổ đã giải thể từ ${formatDate(m.team.dissolvedOn)}: không còn chỉ tiêu từ tháng này (số liệu cũ vẫn giữ).`);
  } else {
    const received = s.due.length - s.missing.length;
    line(
      <>
        Phiếu đã nhận {received}/{s.due.length} tháng ·{' '}
        {s.missing.length ? <Text color={tint('missing')}>Thiếu phiếu: {monthList(s.missing)}</Text> : 'đã nhận đủ phiếu'}
      </>,
    );
    const w = worstTarget(s.targets);
    if (w) line(<>Cần chú ý: {describeTarget(w, inds)}</>);
    const labelWidth = Math.max(18, Math.min(34, columns - 5 - (COLS.actual + COLS.expected + COLS.target + COLS.ratio + COLS.status)));
    const row = (label: string, c: { actual: string; expected: string; target: string; ratio: string }) =>
      `${padCell(truncate(label, labelWidth), labelWidth)} ${padCell(c.actual, COLS.actual, 'right')} ${padCell(c.expected, COLS.expected, 'right')} ${padCell(c.target, COLS.target, 'right')} ${padCell(c.ratio, COLS.ratio, 'right')} `;
    lines.push(
      <Text bold wrap="truncate-end">
        {row('Chỉ tiêu', { actual: 'Thực hiện', expected: 'Tiến độ', target: 'Cả kỳ', ratio: 'Tỉ lệ' })}Trạng thái
      </Text>,
    );
    for (const t of s.targets) {
      lines.push(
        <Text wrap="truncate-end">
          {row(targetLabel(t, inds), targetCells(t))}
          <StatusBadge status={t.status} />
        </Text>,
      );
    }
    if (s.targets.length === 0) line('Kế hoạch không có chỉ tiêu nào áp dụng cho tổ này.');
  }
  lines.push(<Text> </Text>);
  line(
    <Text bold>
      Số liệu 12 tháng {monthLabel(m.months[0]!)} → {monthLabel(m.months[m.months.length - 1]!)}{' '}
      <Text dimColor>
        ({SPARK_BLANK} = không có số liệu, {SPARK_ZERO} = số 0)
      </Text>
    </Text>,
  );
  const labelWidth = 30;
  for (const sp of m.series) {
    const last = sp.values[sp.values.length - 1];
    const reported = sp.values.filter((v): v is number => v !== null);
    const label = indicatorNoun(sp.code, inds);
    line(
      <>
        {padCell(truncate(label[0]!.toLocaleUpperCase('vi') + label.slice(1), labelWidth), labelWidth)}{' '}
        <Text color={tint('accent')}>{sparkline(sp.values)}</Text> tháng {monthLabel(m.asOf)}:{' '}
        {last === null || last === undefined ? 'trống' : formatCount(last)}
        {reported.length ? ` · cao nhất ${formatCount(Math.max(...reported))}` : ''}
      </>,
    );
  }
  return lines;
}

export interface TeamStatusViewProps {
  model: TeamStatusModel | null;
  asOf: Month;
  error: string | null;
  /** teamStatusLines of the model, built once per model and width (the screen scrolls by their count). */
  lines: readonly ReactNode[];
  offset: number;
  bodyRows: number;
}

export function TeamStatusView(p: TeamStatusViewProps) {
  return <AsOfLines model={p.model} asOf={p.asOf} error={p.error} lines={p.lines} offset={p.offset} rows={p.bodyRows} />;
}

