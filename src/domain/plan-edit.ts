// Editing the plan in force (the Plan screen): the plan and the status thresholds as the text
// the officer types, and back, with a Vietnamese message per field. Only numbers, the span, the
// deadline day and the name change; targets and indicators are neither added nor removed. Pure.
import { monthsBetween, parseMonth } from './period.js';
import { DEFAULT_THRESHOLDS, MAX_VALUE, type Plan, type Target, type TargetKind, type Thresholds, fieldErrors, planSchema, thresholdsSchema } from './schemas.js';
import { cleanText, formatDecimal, formatInt } from './text.js';

/** Keys of the plan's own fields; a target's number is `target:<id>`, its commune-level number `commune:<id>`. */
export const PLAN_KEYS = {
  name: 'name',
  spanStart: 'spanStart',
  spanEnd: 'spanEnd',
  deadlineDay: 'deadlineDay',
  onTrack: 'onTrack',
  behind: 'behind',
} as const;
export const targetKey = (id: string): string => `target:${id}`;
export const communeKey = (id: string): string => `commune:${id}`;

export const NAME_MAX = 200;
/** A "đạt" threshold above twice the expected pace would make "đạt" unreachable in practice. */
export const ON_TRACK_MAX = 2;

/** Kinds whose number is a share p (0..1), typed as a percentage. */
export function isPercentKind(kind: TargetKind): boolean {
  return kind === 'share' || kind === 'trained';
}

/** leadership is yes/no: nothing to type. */
export function hasNumber(t: Pick<Target, 'kind'>): boolean {
  return t.kind !== 'leadership';
}

/** 0.8 → "80", 0.705 → "70,5": a share as the officer types and reads it (no % sign). */
export function percentText(p: number): string {
  return formatDecimal(p * 100, 2);
}

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** A share left as shown keeps its stored value exactly (a hand-made 0.12345 shows as "12,35"). */
function percentOr(text: string, stored: number): Parsed {
  return text.trim() === percentText(stored) ? { ok: true, value: stored } : parsePercent(text);
}

/** "80", "72,5", "72.5", "80%" → 0.8, 0.725…; at most two decimals of a percent. */
export function parsePercent(text: string): Parsed {
  const t = text.trim().replace(/\s*%$/u, '');
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/u.exec(t);
  if (!m) return { ok: false, message: 'Gõ số phần trăm, ví dụ 80 hoặc 72,5' };
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return { ok: true, value: hundredths / 10_000 };
}

/** A whole number 0..1.000.000 (a count target). */
export function parseCount(text: string): Parsed {
  const t = text.trim();
  if (!/^\d+$/u.test(t) || Number(t) > MAX_VALUE) return { ok: false, message: `Gõ số nguyên từ 0 đến ${formatInt(MAX_VALUE)}` };
  return { ok: true, value: Number(t) };
}

/** The typed text of every field, from the plan and thresholds in force. */
export function planFormValues(plan: Plan, thresholds: Thresholds): Record<string, string> {
  const out: Record<string, string> = {
    [PLAN_KEYS.name]: plan.name,
    [PLAN_KEYS.spanStart]: plan.span_start,
    [PLAN_KEYS.spanEnd]: plan.span_end,
    [PLAN_KEYS.deadlineDay]: plan.deadline_day === null ? '' : String(plan.deadline_day),
    [PLAN_KEYS.onTrack]: percentText(thresholds.onTrack),
    [PLAN_KEYS.behind]: percentText(thresholds.behind),
  };
  for (const t of plan.targets) {
    if (!hasNumber(t)) continue;
    out[targetKey(t.id)] = isPercentKind(t.kind) ? percentText(t.value) : String(t.value);
    if (t.kind === 'team_size') out[communeKey(t.id)] = t.commune_value === undefined ? '' : String(t.commune_value);
  }
  return out;
}

export interface PlanEdit {
  plan: Plan;
  thresholds: Thresholds;
}

export type PlanChecked = { ok: true; value: PlanEdit } | { ok: false; errors: Record<string, string> };

/** The typed values applied to `base` (the plan in force; `stored` the thresholds in force), checked; messages keyed by field. */
export function checkPlanForm(base: Plan, v: Readonly<Record<string, string>>, stored: Thresholds = DEFAULT_THRESHOLDS): PlanChecked {
  const errors: Record<string, string> = {};
  const get = (key: string) => v[key] ?? '';

  const name = cleanText(get(PLAN_KEYS.name));
  if (!name) errors[PLAN_KEYS.name] = 'Tên kế hoạch không được để trống';
  else if (name.length > NAME_MAX) errors[PLAN_KEYS.name] = `Tên kế hoạch dài quá ${NAME_MAX} ký tự`;

  const start = parseMonth(get(PLAN_KEYS.spanStart));
  if (!start) errors[PLAN_KEYS.spanStart] = 'Gõ tháng dạng YYYY-MM, ví dụ 2026-01';
  const end = parseMonth(get(PLAN_KEYS.spanEnd));
  if (!end) errors[PLAN_KEYS.spanEnd] = 'Gõ tháng dạng YYYY-MM, ví dụ 2026-12';
  else if (start && end < start) errors[PLAN_KEYS.spanEnd] = 'Tháng cuối không được trước tháng đầu';

  const dayText = get(PLAN_KEYS.deadlineDay).trim();
  let deadlineDay: number | null = null;
  if (dayText !== '') {
    deadlineDay = Number(dayText);
    if (!/^\d+$/u.test(dayText) || deadlineDay < 1 || deadlineDay > 31)
      errors[PLAN_KEYS.deadlineDay] = 'Ngày từ 1 đến 31 (để trống: ngày cuối quý)';
  }

  const onTrack = percentOr(get(PLAN_KEYS.onTrack), stored.onTrack);
  if (!onTrack.ok) errors[PLAN_KEYS.onTrack] = onTrack.message;
  else if (onTrack.value <= 0 || onTrack.value > ON_TRACK_MAX) errors[PLAN_KEYS.onTrack] = `Ngưỡng đạt phải trên 0 và tối đa ${percentText(ON_TRACK_MAX)}%`;
  const behind = percentOr(get(PLAN_KEYS.behind), stored.behind);
  if (!behind.ok) errors[PLAN_KEYS.behind] = behind.message;
  else if (onTrack.ok && !errors[PLAN_KEYS.onTrack] && behind.value > onTrack.value) errors[PLAN_KEYS.behind] = 'Ngưỡng chậm không được lớn hơn ngưỡng đạt';

  const targets = base.targets.map((t): Target => {
    if (!hasNumber(t)) return t;
    const key = targetKey(t.id);
    let value = t.value;
    if (isPercentKind(t.kind)) {
      const p = percentOr(get(key), t.value);
      if (!p.ok) errors[key] = p.message;
      else if (p.value > 1) errors[key] = 'Tỉ lệ phải từ 0 đến 100%';
      else value = p.value;
    } else {
      const n = parseCount(get(key));
      if (!n.ok) errors[key] = n.message;
      else value = n.value;
    }
    if (t.kind !== 'team_size') return { ...t, value };
    const communeText = get(communeKey(t.id)).trim();
    const rest: Target = { ...t };
    delete rest.commune_value; // blank: the commune-level team has the same minimum
    if (communeText === '') return { ...rest, value };
    const c = parseCount(communeText);
    if (!c.ok) errors[communeKey(t.id)] = c.message;
    return c.ok ? { ...rest, value, commune_value: c.value } : { ...rest, value };
  });

  if (Object.keys(errors).length || !start || !end || !onTrack.ok || !behind.ok) return { ok: false, errors };
  // The schemas are the last word (a stored plan must parse when it is read back).
  const plan = planSchema.safeParse({ ...base, name, span_start: start, span_end: end, deadline_day: deadlineDay, targets });
  const thresholds = thresholdsSchema.safeParse({ onTrack: onTrack.value, behind: behind.value });
  if (!plan.success) return { ok: false, errors: { _: Object.values(fieldErrors(plan.error))[0]! } };
  if (!thresholds.success) return { ok: false, errors: { [PLAN_KEYS.behind]: Object.values(fieldErrors(thresholds.error))[0]! } };
  return { ok: true, value: { plan: plan.data, thresholds: thresholds.data } };
}

/** "12 tháng" for a typed span, or null while it is not a valid span. */
export function spanMonths(startText: string, endText: string): number | null {
  const start = parseMonth(startText);
  const end = parseMonth(endText);
  return start && end && start <= end ? monthsBetween(start, end) : null;
}

/** In words, for the screen: "trước ngày 21 tháng cuối quý" or "ngày cuối quý". */
export function deadlineWords(day: number | null): string {
  return day === null ? 'ngày cuối quý' : `trước ngày ${day} tháng cuối quý`;
}

/** A share's denominator and area filter, in words: "trên số hộ · chỉ địa bàn thành thị". */
export function shareBaseWords(t: Pick<Target, 'base' | 'area_filter'>): string {
  const base = t.base === 'adults' ? 'trên số người trưởng thành' : 'trên số hộ';
  const area = t.area_filter === 'urban' ? ' · chỉ địa bàn thành thị' : t.area_filter === 'rural' ? ' · chỉ địa bàn nông thôn' : '';
  return base + area;
}
