// How a target's numbers are written in the drill-down: shares as %, counts as 1.234, ratios as %.
import { indicatorNoun } from '../../domain/describe.js';
import type { Indicator, TargetKind } from '../../domain/schemas.js';
import type { TargetResult } from '../../domain/targets.js';
import { formatDecimal, formatInt, formatPercent } from '../../domain/text.js';

const cap = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);

/** A short name for a target: "Lượt hỗ trợ mỗi quý", "Tỉ lệ hộ dùng nền tảng số". */
export function targetLabel(t: { kind: TargetKind; chi_so: string | null }, indicators?: ReadonlyMap<string, Indicator>): string {
  const noun = indicatorNoun(t.chi_so, indicators);
  switch (t.kind) {
    case 'per_quarter':
      return `${cap(noun)} mỗi quý`;
    case 'per_member':
      return `${cap(noun)} (theo số TV)`;
    case 'share':
      return `Tỉ lệ ${noun}`;
    case 'monthly_min':
      return `${cap(noun)} trong tháng`;
    case 'team_size':
      return 'Số thành viên';
    case 'trained':
      return 'Thành viên được tập huấn';
    case 'leadership':
      return 'Có Tổ trưởng và Tổ phó';
  }
}

/** A count: whole numbers as `1.234`, fractions (a pace such as 33,3) with one decimal. */
export function formatCount(n: number): string {
  return Number.isInteger(n) ? formatInt(n) : formatDecimal(n, 1);
}

export interface TargetCells {
  actual: string;
  expected: string;
  target: string;
  ratio: string;
}

export function targetCells(t: TargetResult): TargetCells {
  const share = t.kind === 'share' || t.kind === 'trained';
  const fmt = (n: number) => (share ? formatPercent(n) : formatCount(n));
  if (t.kind === 'leadership') {
    return { actual: t.actual === null ? '—' : t.actual >= 1 ? 'có' : 'chưa', expected: 'có', target: 'có', ratio: t.ratio === null ? '—' : formatPercent(t.ratio, 0) };
  }
  return {
    actual: t.actual === null ? '—' : fmt(t.actual),
    expected: fmt(t.expected),
    target: fmt(t.target),
    ratio: t.ratio === null ? '—' : formatPercent(t.ratio),
  };
}
