// Rules for what the officer types or imports: values, months, received dates.
// Each returns a Vietnamese message the UI shows next to the field and the CLI prints.
import { type Month, currentMonth, firstDay, isMonth, monthLabel } from './period.js';
import { MAX_VALUE } from './schemas.js';
import { daysInMonth, formatDate, formatInt, parseDate, todayIso } from './text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A figure cell: '' is "not reported" (null), digits are a whole number 0..1.000.000. Thousands
 * dots as Excel users type them are read (`1.200` = 1200); `1.5` and `1,5` are refused.
 * Read by loops, not regular expressions: a cell of 10 million digits (a hostile file) overflowed
 * the regular expression's backtracking stack, and 305,739 cells of a year's file are read here.
 */
export function parseValue(input: string): Parsed<number | null> {
  const s = input.trim();
  if (s === '') return { ok: true, value: null };
  const digits = allDigits(s) ? s : isThousands(s) ? s.replaceAll('.', '') : null;
  if (digits === null) {
    if (s.startsWith('-')) return { ok: false, error: 'Giá trị không được âm' };
    if (isDecimal(s)) return { ok: false, error: 'Chỉ nhập số nguyên (không có phần thập phân hay dấu chấm)' };
    return { ok: false, error: 'Chỉ nhập chữ số (số nguyên từ 0 đến 1.000.000)' };
  }
  const n = Number(digits);
  if (n > MAX_VALUE) return { ok: false, error: 'Giá trị vượt quá 1.000.000' };
  return { ok: true, value: n };
}

/** One or more ASCII digits, nothing else (what `\d+` means). */
function allDigits(s: string, from = 0, to = s.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `1.200`, `12.345.678`: one to three digits, then groups of a dot and three digits. */
function isThousands(s: string): boolean {
  const first = s.indexOf('.');
  if (first < 1 || first > 3 || !allDigits(s, 0, first)) return false;
  for (let at = first; at < s.length; at += 4) {
    if (s.charCodeAt(at) !== 46 || at + 4 > s.length || !allDigits(s, at + 1, at + 4)) return false;
  }
  return true;
}

/** `1.5`, `12,25`: digits, one dot or comma, digits. */
function isDecimal(s: string): boolean {
  let sep = -1;
  for (let i = 0; i < s.length && sep < 0; i++) if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) sep = i;
  return sep > 0 && allDigits(s, 0, sep) && allDigits(s, sep + 1);
}

/** A form may be entered for any month up to the current one. */
export function checkFormMonth(month: string, now: Date): Parsed<Month> {
  if (!isMonth(month)) return { ok: false, error: 'Tháng phải có dạng YYYY-MM (ví dụ 2026-11)' };
  const cur = currentMonth(now);
  if (month > cur) return { ok: false, error: `Tháng ${monthLabel(month)} chưa đến (tháng hiện tại là ${monthLabel(cur)})` };
  return { ok: true, value: month };
}

/** Received date: not after today, not before the form's month began. Blank is allowed. */
export function checkReceivedOn(input: string | null, month: Month, now: Date): Parsed<string | null> {
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
  // One earlier month is already a usual level: a team's second form can be checked (with three
  // required, a new team's typos went unflagged for a quarter).
  const med = median(ctx.history);
  if (med !== null && value > Math.max(10, med * 5))
    return `Cao bất thường: gấp hơn 5 lần mức thường của tổ (trung vị ${formatInt(med)})`;
  return null;
}

export const DAYS_ACTIVE = 'ngay_hoat_dong';
export const HOURS_ACTIVE = 'gio_hoat_dong';

export interface ActivityCheck {
  /** What makes the form impossible: on which indicator, and why. */
  error: { code: string; message: string } | null;
  /** Possible but unlikely: more than 12 hours a day on average. */
  warning: string | null;
}

/**
 * Days and hours active of one form as it will be stored (null = blank): days above the month's
 * days, hours above 24 × the month's days or 24 × the days active are impossible (domain.md).
 * When only the pair is wrong, `blame` says which field is told (the one just typed, the column
 * in the file).
 */
export function checkActivity(month: Month, days: number | null, hours: number | null, blame: 'days' | 'hours' = 'hours'): ActivityCheck {
  const dim = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const label = monthLabel(month);
  if (days !== null && days > dim) return { error: { code: DAYS_ACTIVE, message: `Tháng ${label} chỉ có ${dim} ngày` }, warning: null };
  if (hours !== null && hours > 24 * dim)
    return { error: { code: HOURS_ACTIVE, message: `Tháng ${label} chỉ có ${formatInt(24 * dim)} giờ (24 giờ × ${dim} ngày)` }, warning: null };
  if (days !== null && hours !== null && hours > 24 * days) {
    const message = `${formatInt(hours)} giờ trong ${formatInt(days)} ngày hoạt động là hơn 24 giờ mỗi ngày`;
    return { error: { code: blame === 'days' ? DAYS_ACTIVE : HOURS_ACTIVE, message }, warning: null };
  }
  if (days !== null && hours !== null && days > 0 && hours > 12 * days)
    return { error: null, warning: `Trung bình hơn 12 giờ mỗi ngày hoạt động (${formatInt(hours)} giờ trong ${formatInt(days)} ngày)` };
  return { error: null, warning: null };
}
