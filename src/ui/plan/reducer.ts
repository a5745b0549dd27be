// The Plan screen's page: its lines (fields, each target's title and note, the read-only parts)
// and the scrolling that keeps the focused field — with its target's title — in view. Pure.
import stringWidth from 'string-width';
import { STANDARD_INDICATORS, planIndicators } from '../../domain/indicators.js';
import { TARGET_KIND_LABELS } from '../../domain/labels.js';
import { PLAN_KEYS, shareBaseWords } from '../../domain/plan-edit.js';
import type { Plan, Target } from '../../domain/schemas.js';
import type { FieldDef } from '../components/form.js';
import { RECIPIENT_KEY, UNIT_CODE_KEY } from './fields.js';

export type LineStyle = 'heading' | 'title' | 'note' | 'item';

/** One line of the page. `group`: lines shown together with the field that has focus. */
export type PlanLine =
  | { kind: 'field'; key: string; group: string }
  | { kind: 'text'; text: string; style: LineStyle; group: string };

const GENERAL = [PLAN_KEYS.name, PLAN_KEYS.spanStart, PLAN_KEYS.spanEnd, PLAN_KEYS.deadlineDay, PLAN_KEYS.onTrack, PLAN_KEYS.behind];

export const READ_ONLY_NOTE = 'Thêm/bớt chỉ tiêu hay chỉ số: không làm được ở màn hình này.';

function targetNote(t: Target): string {
  const parts: string[] = [];
  if (t.kind === 'share') parts.push(shareBaseWords(t));
  if (t.kind === 'trained') parts.push('trên số thành viên đang hoạt động');
  if (t.kind === 'leadership') parts.push('có hoặc không, không có số để sửa');
  if (t.note) parts.push(t.note);
  return parts.join(' · ');
}

export function planLines(plan: Plan, defs: readonly FieldDef[]): PlanLine[] {
  const fieldKeys = new Set(defs.map((d) => d.key));
  const lines: PlanLine[] = GENERAL.filter((k) => fieldKeys.has(k)).map((key) => ({ kind: 'field', key, group: key }));
  if (plan.member_max_age !== null)
    lines.push({ kind: 'text', style: 'note', text: `  Thành viên nên dưới ${plan.member_max_age} tuổi (khuyến nghị, không phải chỉ tiêu)`, group: 'general' });

  const indicators = new Map(planIndicators(plan).map((i) => [i.code, i]));
  const firstGroup = plan.targets[0]?.id ?? 'targets';
  lines.push({ kind: 'text', style: 'heading', text: `Chỉ tiêu của mỗi tổ (${plan.targets.length})`, group: firstGroup });
  plan.targets.forEach((t, i) => {
    const ind = t.chi_so ? indicators.get(t.chi_so) : undefined;
    const what = ind ? ` · ${ind.label}` : '';
    lines.push({ kind: 'text', style: 'title', text: `${i + 1}. ${TARGET_KIND_LABELS[t.kind]}${what}`, group: t.id });
    const note = targetNote(t);
    if (note) lines.push({ kind: 'text', style: 'note', text: `   ${note}`, group: t.id });
    for (const d of defs) if (d.key.endsWith(`:${t.id}`)) lines.push({ kind: 'field', key: d.key, group: t.id });
  });

  if (fieldKeys.has(RECIPIENT_KEY)) {
    lines.push({ kind: 'text', style: 'heading', text: 'Báo cáo gửi lên (tệp Word và văn bản)', group: RECIPIENT_KEY });
    lines.push({ kind: 'field', key: RECIPIENT_KEY, group: RECIPIENT_KEY });
  }
  if (fieldKeys.has(UNIT_CODE_KEY)) {
    lines.push({ kind: 'text', style: 'heading', text: 'Gửi tỉnh (tệp tổng hợp)', group: UNIT_CODE_KEY });
    lines.push({ kind: 'field', key: UNIT_CODE_KEY, group: UNIT_CODE_KEY });
  }

  const std = new Set(STANDARD_INDICATORS.map((i) => i.code));
  const own = plan.indicators.filter((i) => !std.has(i.code));
  if (own.length) {
    lines.push({ kind: 'text', style: 'heading', text: 'Chỉ số riêng của kế hoạch (chỉ xem)', group: 'tail' });
    for (const i of own)
      lines.push({ kind: 'text', style: 'item', text: `  • ${i.label} (${i.unit}, ${i.aggregation === 'sum' ? 'cộng dồn các tháng' : 'lấy số mới nhất'})`, group: 'tail' });
  }
  if (plan.commune_goals.length) {
    lines.push({ kind: 'text', style: 'heading', text: 'Mục tiêu chung toàn xã/phường (chỉ xem, không tính cho từng tổ)', group: 'tail' });
    for (const g of plan.commune_goals) lines.push({ kind: 'text', style: 'item', text: `  • ${g.label}`, group: 'tail' });
  }
  lines.push({ kind: 'text', style: 'note', text: READ_ONLY_NOTE, group: 'tail' });
  return lines;
}

/**
 * Rows a field takes: two when its message goes under it. The same rule as TextField's (the
 * message goes below when the line is too narrow for it), so the page knows its height.
 */
export function fieldRows(p: { labelWidth: number; width: number; aside?: string; message?: string; columns: number }): number {
  if (!p.message) return 1;
  const used = 2 + p.labelWidth + p.width + (p.aside ? 1 + stringWidth(p.aside) : 0);
  return used + 3 + stringWidth(p.message) > p.columns ? 2 : 1;
}

/** The lines shown from `offset`: as many as fit in `rows`, less one for "↓ còn …" when not all fit. */
export function visibleWindow(heights: readonly number[], offset: number, rows: number): { end: number; more: number } {
  const rest = heights.slice(offset).reduce((a, b) => a + b, 0);
  const room = rest <= rows ? rows : rows - 1;
  let used = 0;
  let end = offset;
  while (end < heights.length && used + heights[end]! <= room) used += heights[end++]!;
  // A line taller than the room still shows (cut by the screen) rather than nothing.
  if (end === offset && end < heights.length) end++;
  return { end, more: heights.length - end };
}

/** Lines from the focused field's group to the field (to the end of the page on the last field). */
export function focusRange(lines: readonly PlanLine[], focus: string, lastField: boolean): { first: number; last: number } {
  const at = lines.findIndex((l) => l.kind === 'field' && l.key === focus);
  if (at < 0) return { first: 0, last: 0 };
  const group = lines[at]!.group;
  const first = lines.findIndex((l) => l.group === group);
  return { first, last: lastField ? lines.length - 1 : at };
}

/** The smallest scroll from `offset` that shows lines first..last (first wins when both cannot). */
export function followFocus(offset: number, heights: readonly number[], range: { first: number; last: number }, rows: number): number {
  let o = Math.max(0, Math.min(offset, range.first, heights.length - 1));
  while (o < range.first && visibleWindow(heights, o, rows).end <= range.last) o++;
  return o;
}
