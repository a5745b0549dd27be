// The commune as a whole, drawn from props only, as one-row lines that scroll: indicator totals
// (month, quarter, year), the plan at commune level, and the share of teams per status.
import { Text } from '../components/Text.js';
import type { ReactNode } from 'react';
import type { IndicatorTotal, PlanLine } from '../../domain/commune.js';
import { statusShares } from '../../domain/commune.js';
import { indicatorNoun } from '../../domain/describe.js';
import { type Month, monthLabel, quarterLabel } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { formatInt, formatPercent } from '../../domain/text.js';
import { padCell, truncate, wrapText } from '../../io/text-table.js';
import { barString } from '../components/Bar.js';
import { AsOfLines } from '../components/ScrollLines.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { tint } from '../theme.js';
import { formatCount, targetLabel } from '../team-status/format.js';
import type { CommuneModel } from './model.js';

const NUM = 14;
const cap = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);
const total = (t: IndicatorTotal | undefined) => (t?.value === null || t?.value === undefined ? '—' : formatInt(t.value));

function planLineRows(p: PlanLine, inds: ReadonlyMap<string, Indicator>, unitWord: string): ReactNode[] {
  const head = (
    <Text wrap="truncate-end">
      <Text bold>{targetLabel(p.target, inds)}</Text>
      {p.kind === 'count' ? '' : (
        <>
          {' '}
          <StatusBadge status={p.status} />
        </>
      )}{' '}
      · {p.met}/{p.teams} tổ đạt
    </Text>
  );
  if (p.kind === 'sum') {
    const window = p.target.kind === 'per_quarter' ? 'trong quý' : 'từ đầu kỳ';
    return [
      head,
      <Text wrap="truncate-end">
        {'   '}cộng các tổ, {window}: {formatCount(p.actual)} · tiến độ {formatCount(p.expected)} · cả {p.target.kind === 'per_quarter' ? 'quý' : 'kỳ'}{' '}
        {formatCount(p.full)} · {p.ratio === null ? '—' : formatPercent(p.ratio)}
      </Text>,
    ];
  }
  if (p.kind === 'share') {
    const base = p.target.base === 'adults' ? 'người trưởng thành' : 'hộ';
    const where = p.target.area_filter === 'urban' ? ' (địa bàn đô thị)' : p.target.area_filter === 'rural' ? ' (địa bàn nông thôn)' : '';
    return [
      head,
      <Text wrap="truncate-end">
        {'   '}toàn {unitWord}: {p.share === null ? '—' : formatPercent(p.share)} ({formatInt(p.numerator)}/{formatInt(p.base)} {base}
        {where}) · tiến độ cần {formatPercent(p.expected)} · mục tiêu {formatPercent(p.target.value, 0)}
      </Text>,
    ];
  }
  return [head];
}

export function communeLines(m: CommuneModel, indicators: readonly Indicator[], columns: number, unitWord: string): ReactNode[] {
  const inds = new Map(indicators.map((i) => [i.code, i]));
  const lines: ReactNode[] = [];
  const text = (node: ReactNode, bold = false) => lines.push(<Text wrap="truncate-end" bold={bold}>{node}</Text>);
  const labelWidth = Math.max(20, Math.min(40, columns - 3 * (NUM + 1) - 1));
  const teams = m.report.teams.length;
  text(
    <>
      Toàn {unitWord} · tính đến tháng <Text bold>{monthLabel(m.asOf)}</Text> · {teams} tổ đang hoạt động
    </>,
  );
  text(
    `${padCell('Chỉ số', labelWidth)} ${padCell(`Tháng ${monthLabel(m.asOf)}`, NUM, 'right')} ${padCell(quarterLabel(m.asOf), NUM, 'right')} ${padCell(`Năm ${m.asOf.slice(0, 4)}`, NUM, 'right')}`,
    true,
  );
  m.totals.month.forEach((mt, i) => {
    const label = cap(indicatorNoun(mt.code, inds)) + (mt.aggregation === 'last' ? ' *' : '');
    text(
      `${padCell(truncate(label, labelWidth), labelWidth)} ${padCell(total(mt), NUM, 'right')} ${padCell(total(m.totals.quarter[i]), NUM, 'right')} ${padCell(total(m.totals.year[i]), NUM, 'right')}`,
    );
  });
  lines.push(
    <Text dimColor wrap="truncate-end">
      Quý và năm tính đến hết tháng {monthLabel(m.asOf)}. — : chưa tổ nào báo cáo.
    </Text>,
  );
  lines.push(
    <Text dimColor wrap="truncate-end">
      * Chỉ số tồn: lấy số mới nhất trong kỳ của từng tổ rồi cộng các tổ lại.
    </Text>,
  );
  lines.push(<Text> </Text>);
  text(`So với kế hoạch (các tổ đang hoạt động, tính đến tháng ${monthLabel(m.asOf)}):`, true);
  for (const p of m.plan) lines.push(...planLineRows(p, inds, unitWord));
  for (const g of m.goals) {
    wrapText(`Mục tiêu toàn ${unitWord}: ${g.label}`, columns).forEach((l) => text(<Text bold>{l}</Text>));
    const unit = g.chi_so ? (inds.get(g.chi_so)?.unit ?? '') : '';
    const said = g.chi_so
      ? `đã có ${total(g.total ?? undefined)} ${unit} năm ${m.asOf.slice(0, 4)} (${indicatorNoun(g.chi_so, inds)}: số mới nhất của từng tổ, cộng lại); chưa có tổng số của toàn ${unitWord} để tính tỉ lệ.`
      : 'kế hoạch không gắn chỉ số nào để theo dõi mục tiêu này.';
    wrapText(said, columns, '   ').forEach((l) => text(l));
  }
  lines.push(<Text> </Text>);
  text(`Tổ theo trạng thái (${teams} tổ):`, true);
  for (const s of statusShares(m.counts)) {
    lines.push(
      <Text wrap="truncate-end">
        <StatusBadge status={s.status} width={15} /> {padCell(`${s.count} tổ`, 7, 'right')} {padCell(formatPercent(s.share), 7, 'right')}{' '}
        <Text color={tint('accent')}>{barString(s.share, 20)}</Text>
      </Text>,
    );
  }
  return lines;
}

export interface CommuneViewProps {
  model: CommuneModel | null;
  asOf: Month;
  error: string | null;
  /** communeLines of the model, built once per model and width (the screen scrolls by their count). */
  lines: readonly ReactNode[];
  offset: number;
  bodyRows: number;
}

export function CommuneView(p: CommuneViewProps) {
  return <AsOfLines model={p.model} asOf={p.asOf} error={p.error} lines={p.lines} offset={p.offset} rows={p.bodyRows} />;
}
