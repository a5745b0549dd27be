// Words for a logged change (history screen, "what was undone" messages). Pure.
import type { Conflict } from '../../db/form-versions.js';
import { FIELD_FORM, FIELD_NOTE, FIELD_RECEIVED } from '../../db/forms.js';
import type { Indicator } from '../../domain/schemas.js';
import { shortLabel } from '../../domain/indicators.js';
import { formatDate, formatInt, pad2 } from '../../domain/text.js';

export const SOURCE_LABELS: Record<string, string> = {
  typed: 'gõ tay',
  csv: 'nhập CSV',
  undo: 'hoàn tác',
};

/** The field's name: the indicator's label (short or full), or the form's own fields. */
export function fieldLabel(field: string, indicators: readonly Indicator[], short = false): string {
  if (field === FIELD_RECEIVED) return 'Ngày nhận phiếu';
  if (field === FIELD_NOTE) return 'Ghi chú';
  if (field === FIELD_FORM) return 'Phiếu';
  const ind = indicators.find((i) => i.code === field);
  if (!ind) return field;
  return short ? shortLabel(ind) : ind.label;
}

/** A stored value as the officer reads it: `1.234`, `23/11/2026`, the note; blank = `(trống)`. */
export function changeValueText(field: string, value: string | null): string {
  if (value === null || value === '') return '(trống)';
  if (field === FIELD_RECEIVED) return formatDate(value);
  if (field === FIELD_FORM) return value;
  if (field === FIELD_NOTE) return `"${value}"`;
  return /^\d+$/u.test(value) ? formatInt(Number(value)) : value;
}

/** `dd/mm/yyyy HH:mm` in local time. */
export function formatDateTime(d: Date): string {
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * A save refused because another officer changed the value since it was shown (form-versions.ts),
 * on the one message line, most telling first: the field, who, the value on screen → the value
 * stored, when, and what was not saved.
 */
export function conflictMessage(c: Conflict, indicators: readonly Indicator[]): string {
  const text = (v: Conflict['shown']) => changeValueText(c.field, v === null ? null : String(v));
  const person = c.byOfficer && c.byRole ? `${c.byOfficer} (${c.byRole})` : (c.byOfficer ?? c.byRole ?? 'người khác');
  const how = c.source === 'csv' ? ' qua nhập tệp' : c.source === 'undo' ? ' khi hoàn tác' : '';
  const when = c.at ? ` lúc ${formatDateTime(c.at)}` : '';
  return `${fieldLabel(c.field, indicators, true)}: ${person} đã sửa${how} ${text(c.shown)} → ${text(c.stored)}${when}, không lưu ${text(c.attempted)}`;
}
