// The province's totals, drawn from props only, as one-row lines that scroll (like the commune
// view): every indicator for the month, the quarter and the year, and how many communes report it.
import type { ReactNode } from 'react';
import { indicatorNoun } from '../../domain/describe.js';
import { monthLabel, quarterLabel } from '../../domain/period.js';
import { lastQuarterEnded } from '../../domain/province.js';
import type { ProvinceTotal } from '../../domain/province-totals.js';
import { formatInt } from '../../domain/text.js';
import { padCell, truncate, wrapText } from '../../io/text-table.js';
import { AsOfLines } from '../components/ScrollLines.js';
import { Text } from '../components/Text.js';
import type { ProvinceTotalsModel } from './totalsModel.js';

const NUM = 12;
const COMMUNES = 8;
const cap = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);
const total = (t: ProvinceTotal | undefined) => (t?.value === null || t?.value === undefined ? '—' : formatInt(t.value));

export function totalsLines(m: ProvinceTotalsModel, columns: number): ReactNode[] {
  const inds = new Map(m.totals.year.map((t) => [t.indicator.code, t.indicator]));
  const lines: ReactNode[] = [];
  const text = (node: ReactNode, bold = false) => lines.push(<Text wrap="truncate-end" bold={bold}>{node}</Text>);
  const labelWidth = Math.max(16, Math.min(40, columns - 3 * (NUM + 1) - (COMMUNES + 1) - 1));
  text(
    <>
      Toàn tỉnh · tính đến tháng <Text bold>{monthLabel(m.asOf)}</Text> · {m.communes} xã/phường, {m.sent} đã gửi đến hết tháng{' '}
      {monthLabel(lastQuarterEnded(m.asOf))}
    </>,
  );
  if (m.communes === 0) {
    text('Chưa nhận tệp tổng hợp nào của xã/phường: chưa có gì để cộng.');
    return lines;
  }
  const row = (label: string, a: string, b: string, c: string, d: string) =>
    `${padCell(truncate(label, labelWidth), labelWidth)} ${padCell(a, NUM, 'right')} ${padCell(b, NUM, 'right')} ${padCell(c, NUM, 'right')} ${padCell(d, COMMUNES, 'right')}`;
  text(row('Chỉ số', `Tháng ${monthLabel(m.asOf)}`, quarterLabel(m.asOf), `Năm ${m.asOf.slice(0, 4)}`, 'Số xã'), true);
  m.totals.year.forEach((y, i) => {
    const label = cap(indicatorNoun(y.indicator.code, inds)) + (y.indicator.aggregation === 'last' ? ' *' : '');
    text(row(label, total(m.totals.month[i]), total(m.totals.quarter[i]), total(y), `${y.communes}/${m.communes}`));
  });
  for (const note of [
    `Quý và năm tính đến hết tháng ${monthLabel(m.asOf)}. — : chưa xã/phường nào báo cáo. Số xã: xã/phường có số liệu trong năm.`,
    '* Chỉ số tồn: lấy số mới nhất trong kỳ của từng tổ rồi cộng các tổ của mọi xã/phường.',
    'Số liệu theo tệp tổng hợp đang giữ: xã/phường chưa gửi chỉ có số đến hết kỳ đã gửi.',
  ])
    for (const l of wrapText(note, columns))
      lines.push(
        <Text dimColor wrap="truncate-end">
          {l}
        </Text>,
      );
  return lines;
}

export function TotalsView(p: { model: ProvinceTotalsModel | null; asOf: ProvinceTotalsModel['asOf']; error: string | null; lines: readonly ReactNode[]; offset: number; rows: number }) {
  return <AsOfLines model={p.model} asOf={p.asOf} error={p.error} lines={p.lines} offset={p.offset} rows={p.rows} />;
}
