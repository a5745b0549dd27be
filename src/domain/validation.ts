// Rules for what the officer types or imports: values, months, received dates.
// Each returns a Vietnamese message the UI shows next to the field and the CLI prints.
import { type Month, currentMonth, firstDay, isMonth, monthLabel } from './period.js';
import { MAX_VALUE } from './schemas.js';
import { formatDate, formatInt, parseDate, todayIso } from './text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A figure cell: '' is "not reported" (null), digits are a whole number 0..1.000.000. Thousands
 * dots as Excel users type them are read (`1.200` = 1200); `1.5` and `1,5` are refused.
 */
export function parseValue(input: string): Parsed<number | null> {
  let s = input.trim();
  if (s === '') return { ok: true, value: null };
  if (/^\d{1,3}(?:\.\d{3})+$/u.test(s)) s = s.replaceAll('.', '');
  if (!/^\d+$/u.test(s)) {
    if (/^-/u.test(s)) return { ok: false, error: 'Giá trị không được âm' };
    if (/^\d+[.,]\d+$/u.test(s)) return { ok: false, error: 'Chỉ nhập số nguyên (không có phần thập phân hay dấu chấm)' };
    return { ok: false, error: 'Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000)' };
  }
  const n = Number(s);
  if (n > MAX_VALUE) return { ok: false, error: 'Giá trị vượt quá 1.000.000' };
  return { ok: true, value: n };
}

/** A form may be entered for any month up to the current one. */
export function checkFormMonth(month: string, now: Date = new Date()): Parsed<Month> {
  if (!isMonth(month)) return { ok: false, error: 'Tháng phải có dạng YYYY-MM (ví dụ 2026-11)' };
  const cur = currentMonth(now);
  if (month > cur) return { ok: false, error: `Tháng ${monthLabel(month)} chưa đến (tháng hiện tại là ${monthLabel(cur)})` };
  return { ok: true, value: month };
}

/** Received date: not after today, not before the form's month began. Blank is allowed. */
export function checkReceivedOn(input: string | null, month: Month, now: Date = new Date()): Parsed<string | null> {
  if (input === null || input.trim() === '') return { ok: true, value: null };
  const iso = parseDate(input);
  if (!iso) return { ok: false, error: 'Ngày nhận không hợp lệ (dd/mm/yyyy)' };
  const today = todayIso(now);
  if (iso > today) return { ok: false, error: `Ngày nhận ${formatDate(iso)} sau ngày hôm nay` };
  if (iso < firstDay(month)) return { ok: false, error: `Ngày nhận ${formatDate(iso)} trước tháng ${monthLabel(month)}` };
  return { ok: true, value: iso };
}

/** Median of a team's earlier values of one indicator (for the "far above usual" warning). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface PlausibilityContext {
  unit: string; // hộ, lượt, người…
  households: number | null;
  adults: number | null;
  history: readonly number[]; // the team's earlier values of this indicator
}

/** Implausible values warn without blocking. */
export function plausibilityWarning(value: number | null, ctx: PlausibilityContext): string | null {
  if (value === null) return null;
  if (ctx.unit === 'hộ' && ctx.households && value > ctx.households)
    return `Lớn hơn số hộ của địa bàn (${formatInt(ctx.households)} hộ)`;
  if (ctx.unit === 'người' && ctx.adults && value > ctx.adults)
    return `Lớn hơn số người trưởng thành của địa bàn (${formatInt(ctx.adults)})`;
  const med = median(ctx.history);
  if (med !== null && ctx.history.length >= 3 && value > Math.max(10, med * 5))
    return `Cao bất thường: gấp hơn 5 lần mức thường của tổ (trung vị ${formatInt(med)})`;
  return null;
}
