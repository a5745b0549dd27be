// The Plan screen's fields (built from the plan: one per target number) and the short hints
// beside them. Pure.
import { planIndicators } from '../../domain/indicators.js';
import {
  PLAN_KEYS,
  communeKey,
  deadlineWords,
  hasNumber,
  isPercentKind,
  spanMonths,
  targetKey,
} from '../../domain/plan-edit.js';
import type { Plan, Target, UNIT_KINDS } from '../../domain/schemas.js';
import type { FieldDef } from '../components/form.js';
import { RECIPIENT_MAX } from '../../domain/recipient.js';

export const LABEL_WIDTH = 24;
/** The report's recipient ("Kính gửi:"), a unit setting edited with the plan (saved in the same transaction). */
export const RECIPIENT_KEY = 'recipient';
const NUMBER_WIDTH = 9;
/** The commune's unit code (QĐ 19/2025), edited with the plan (saved in the same transaction): the province files bundles by it. */
export const UNIT_CODE_KEY = 'unitCode';

/** "Mỗi quý (lượt)", "Tỉ lệ (%)": what the number of a target means, as its field's label. */
export function targetFieldLabel(t: Target, unit: string): string {
  switch (t.kind) {
    case 'per_quarter':
      return `Mỗi quý (${unit})`;
    case 'per_member':
      return `Mỗi thành viên (${unit})`;
    case 'monthly_min':
      return `Mỗi tháng (${unit})`;
    case 'share':
    case 'trained':
      return 'Tỉ lệ (%)';
    case 'team_size':
      return 'Tổ địa bàn (người)';
    case 'leadership':
      return 'Có/không';
  }
}

export function planFields(plan: Plan, unitKind: (typeof UNIT_KINDS)[number]): FieldDef[] {
  const units = new Map(planIndicators(plan).map((i) => [i.code, i.unit]));
  const defs: FieldDef[] = [
    { key: PLAN_KEYS.name, label: 'Tên kế hoạch', kind: 'text', width: 44, max: 200 },
    { key: PLAN_KEYS.spanStart, label: 'Tháng đầu (YYYY-MM)', kind: 'text', width: NUMBER_WIDTH, max: 7 },
    { key: PLAN_KEYS.spanEnd, label: 'Tháng cuối (YYYY-MM)', kind: 'text', width: NUMBER_WIDTH, max: 7 },
    { key: PLAN_KEYS.deadlineDay, label: 'Hạn báo cáo (ngày)', kind: 'digits', width: NUMBER_WIDTH, max: 2, placeholder: 'cuối quý' },
    { key: PLAN_KEYS.onTrack, label: 'Ngưỡng đạt (%)', kind: 'text', width: NUMBER_WIDTH, max: 6 },
    { key: PLAN_KEYS.behind, label: 'Ngưỡng chậm (%)', kind: 'text', width: NUMBER_WIDTH, max: 6 },
  ];
  for (const t of plan.targets) {
    if (!hasNumber(t)) continue;
    const unit = t.chi_so ? (units.get(t.chi_so) ?? '') : 'người';
    const percent = isPercentKind(t.kind);
    defs.push({ key: targetKey(t.id), label: targetFieldLabel(t, unit), kind: percent ? 'text' : 'digits', width: NUMBER_WIDTH, max: percent ? 6 : 7 });
    if (t.kind === 'team_size') {
      const level = unitKind === 'xa' ? 'xã' : 'phường';
      defs.push({ key: communeKey(t.id), label: `Tổ cấp ${level} (người)`, kind: 'digits', width: NUMBER_WIDTH, max: 7 });
    }
  }
  // Last, so the plan's own fields keep their places.
  defs.push({ key: RECIPIENT_KEY, label: 'Kính gửi (báo cáo)', kind: 'text', width: 44, max: RECIPIENT_MAX });
  defs.push({ key: UNIT_CODE_KEY, label: 'Mã đơn vị (5 chữ số)', kind: 'digits', width: NUMBER_WIDTH, max: 5 });
  return defs;
}

/**
 * The dim hint after each field: what the typed value means, and the preset's value when it
 * differs (Ctrl+R puts it back). Kept short: the hint and a message share one 80-column line.
 */
export function planAsides(plan: Plan, values: Readonly<Record<string, string>>, preset: Readonly<Record<string, string>> | null): Record<string, string> {
  const out: Record<string, string> = {};
  const months = spanMonths(values[PLAN_KEYS.spanStart] ?? '', values[PLAN_KEYS.spanEnd] ?? '');
  if (months !== null) out[PLAN_KEYS.spanEnd] = `${months} tháng, tiến độ chia đều`;
  const day = (values[PLAN_KEYS.deadlineDay] ?? '').trim();
  out[PLAN_KEYS.deadlineDay] = day === '' ? 'trống: hạn là ngày cuối quý' : /^\d+$/u.test(day) ? deadlineWords(Number(day)) : '';
  out[PLAN_KEYS.onTrack] = 'của tiến độ: đạt';
  out[PLAN_KEYS.behind] = 'thấp hơn: chậm nhiều';
  for (const t of plan.targets) {
    if (t.kind === 'team_size') out[communeKey(t.id)] = 'trống: như tổ địa bàn';
  }
  if ((values[RECIPIENT_KEY] ?? '').trim() === '') out[RECIPIENT_KEY] = 'trống: để dòng chấm';
  out[UNIT_CODE_KEY] = (values[UNIT_CODE_KEY] ?? '').trim() === '' ? 'trống: chưa gửi được tệp lên tỉnh' : 'theo QĐ 19/2025/QĐ-TTg';
  if (preset) {
    for (const [key, v] of Object.entries(values)) {
      const p = preset[key];
      if (p === undefined || p === v || key === PLAN_KEYS.name) continue;
      const shown = p === '' ? (key === PLAN_KEYS.deadlineDay ? 'cuối quý' : 'trống') : p;
      out[key] = out[key] ? `${out[key]} · mẫu: ${shown}` : `mẫu: ${shown}`;
    }
  }
  for (const k of Object.keys(out)) if (!out[k]) delete out[k];
  return out;
}
