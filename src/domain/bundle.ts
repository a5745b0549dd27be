// What a commune sends upward each period (domain.md, "Upward: the province"): everything the
// evaluation reads and nothing personal. Members are a role and dates — no names, phones, birth
// years or organisations; the officer's name, the forms' free-text notes and the change history
// stay in the commune (notes are free text: they may name people). The records are checked
// here when a bundle comes in, as any untrusted input is.
import * as z from 'zod';
import { isMonth } from './period.js';
import { ROLES, TEAM_LEVELS, UNIT_KINDS, aggregationSchema, indicatorCodeSchema, planSchema, thresholdsSchema } from './schemas.js';
import { isUnitCode } from './unit-code.js';

/** C0/C1 controls and bidirectional overrides: never in a name (domain.md, "Untrusted text"). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const name = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'có ký tự điều khiển')
    .refine((s) => s === s.normalize('NFC'), 'chưa chuẩn hoá NFC');
const optName = (max: number) => name(max).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'ngày không hợp lệ');
const month = z.string().refine(isMonth, 'tháng không hợp lệ');
const id = z.number().int().positive();

export const bundleUnitSchema = z.object({
  name: name(120),
  kind: z.enum(UNIT_KINDS),
  province: optName(80),
  agency: name(120),
  unit_code: z.string().refine(isUnitCode, 'mã đơn vị phải gồm 5 chữ số'),
});
export type BundleUnit = z.infer<typeof bundleUnitSchema>;

export const bundleIndicatorSchema = z.object({
  code: indicatorCodeSchema,
  label: name(200),
  unit: name(30),
  aggregation: aggregationSchema,
  position: z.number().int().min(0),
});
export const bundleAreaSchema = z.object({
  id,
  name: name(120),
  kind: optName(40),
  urban: z.boolean(),
  households: z.number().int().min(0).nullable(),
  adults: z.number().int().min(0).nullable(),
});
export const bundleTeamSchema = z.object({
  id,
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_.-]*$/u).max(20),
  name: name(120),
  area_id: id.nullable(),
  level: z.enum(TEAM_LEVELS),
  decision_no: optName(60),
  decision_date: isoDate.nullable(),
  dissolved_on: isoDate.nullable(),
});
export const bundleMemberSchema = z.object({
  id,
  team_id: id,
  role: z.enum(ROLES),
  joined_on: isoDate.nullable(),
  left_on: isoDate.nullable(),
  trainings: z.array(isoDate).max(1000),
});
export const bundleFormSchema = z.object({
  team_id: id,
  month,
  received_on: isoDate.nullable(),
  source: z.enum(['typed', 'csv']),
  values: z.record(indicatorCodeSchema, z.number().int().min(0).max(1_000_000)),
});
export type BundleArea = z.infer<typeof bundleAreaSchema>;
export type BundleTeam = z.infer<typeof bundleTeamSchema>;
export type BundleMember = z.infer<typeof bundleMemberSchema>;
export type BundleForm = z.infer<typeof bundleFormSchema>;
export type BundleIndicator = z.infer<typeof bundleIndicatorSchema>;

/** One line of the bundle's body. */
export const bundleRecordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('unit'), ...bundleUnitSchema.shape }),
  z.object({ type: z.literal('plan'), preset_id: z.string().regex(/^[a-z0-9-]+$/u).max(60), definition: planSchema }),
  z.object({ type: z.literal('thresholds'), value: thresholdsSchema.nullable() }),
  z.object({ type: z.literal('indicator'), ...bundleIndicatorSchema.shape }),
  z.object({ type: z.literal('area'), ...bundleAreaSchema.shape }),
  z.object({ type: z.literal('team'), ...bundleTeamSchema.shape }),
  z.object({ type: z.literal('member'), ...bundleMemberSchema.shape }),
  z.object({ type: z.literal('form'), ...bundleFormSchema.shape }),
]);
export type BundleRecord = z.infer<typeof bundleRecordSchema>;

/** A commune's period, as read from its database or from a bundle. */
export interface BundleContent {
  unit: BundleUnit;
  presetId: string;
  /** The plan as stored (planSchema's shape). */
  plan: z.infer<typeof planSchema>;
  thresholds: z.infer<typeof thresholdsSchema> | null;
  indicators: BundleIndicator[];
  areas: BundleArea[];
  teams: BundleTeam[];
  members: BundleMember[];
  forms: BundleForm[];
}

/** The content as body records, in a fixed order (parents first): the same data gives the same lines. */
export function* bundleRecords(c: BundleContent): Generator<BundleRecord> {
  yield { type: 'unit', ...c.unit };
  yield { type: 'plan', preset_id: c.presetId, definition: c.plan };
  yield { type: 'thresholds', value: c.thresholds };
  for (const i of c.indicators) yield { type: 'indicator', ...i };
  for (const a of c.areas) yield { type: 'area', ...a };
  for (const t of c.teams) yield { type: 'team', ...t };
  for (const m of c.members) yield { type: 'member', ...m };
  for (const f of c.forms) yield { type: 'form', ...f };
}

/** Records back into content; what is missing or inconsistent is said in Vietnamese (null: fine). */
export function contentFromRecords(records: readonly BundleRecord[]): { content: BundleContent } | { problem: string } {
  let unit = null as BundleUnit | null;
  let plan = null as { preset_id: string; definition: BundleContent['plan'] } | null;
  let thresholds: BundleContent['thresholds'] | undefined;
  const c: Omit<BundleContent, 'unit' | 'presetId' | 'plan' | 'thresholds'> = { indicators: [], areas: [], teams: [], members: [], forms: [] };
  const strip = <T extends { type: string }>(r: T): Omit<T, 'type'> => {
    const { type: _type, ...rest } = r;
    return rest;
  };
  for (const r of records) {
    switch (r.type) {
      case 'unit':
        if (unit) return { problem: 'có hai dòng đơn vị' };
        unit = strip(r);
        break;
      case 'plan':
        if (plan) return { problem: 'có hai kế hoạch' };
        plan = strip(r);
        break;
      case 'thresholds':
        thresholds = r.value;
        break;
      case 'indicator':
        c.indicators.push(strip(r));
        break;
      case 'area':
        c.areas.push(strip(r));
        break;
      case 'team':
        c.teams.push(strip(r));
        break;
      case 'member':
        c.members.push(strip(r));
        break;
      case 'form':
        c.forms.push(strip(r));
        break;
    }
  }
  if (!unit) return { problem: 'thiếu thông tin đơn vị' };
  if (!plan) return { problem: 'thiếu kế hoạch' };
  const dup = <T>(xs: readonly T[], key: (x: T) => string | number) => {
    const seen = new Set<string | number>();
    for (const x of xs) {
      const k = key(x);
      if (seen.has(k)) return k;
      seen.add(k);
    }
    return null;
  };
  const checks: [string | number | null, string][] = [
    [dup(c.indicators, (i) => i.code), 'chỉ số trùng'],
    [dup(c.areas, (a) => a.id), 'địa bàn trùng'],
    [dup(c.areas, (a) => a.name), 'tên địa bàn trùng'],
    [dup(c.teams, (t) => t.id), 'tổ trùng'],
    [dup(c.teams, (t) => t.code), 'mã tổ trùng'],
    [dup(c.members, (m) => m.id), 'thành viên trùng'],
    [dup(c.forms, (f) => `${f.team_id}|${f.month}`), 'phiếu trùng tổ và tháng'],
  ];
  for (const [k, what] of checks) if (k !== null) return { problem: `${what} (${k})` };
  const areas = new Set(c.areas.map((a) => a.id));
  const teams = new Set(c.teams.map((t) => t.id));
  const indicators = new Set(c.indicators.map((i) => i.code));
  const badTeam = c.teams.find((t) => t.area_id !== null && !areas.has(t.area_id));
  if (badTeam) return { problem: `tổ ${badTeam.code} trỏ tới địa bàn không có` };
  const badMember = c.members.find((m) => !teams.has(m.team_id));
  if (badMember) return { problem: `thành viên số ${badMember.id} thuộc tổ không có` };
  for (const f of c.forms) {
    if (!teams.has(f.team_id)) return { problem: `phiếu tháng ${f.month} thuộc tổ không có` };
    const code = Object.keys(f.values).find((k) => !indicators.has(k));
    if (code) return { problem: `phiếu tháng ${f.month} có chỉ số không khai báo (${code})` };
  }
  return { content: { unit, presetId: plan.preset_id, plan: plan.definition, thresholds: thresholds ?? null, ...c } };
}

/** Two forms say the same (the received date and every value). */
export function sameForm(a: Pick<BundleForm, 'received_on' | 'values'>, b: Pick<BundleForm, 'received_on' | 'values'>): boolean {
  if (a.received_on !== b.received_on) return false;
  const ka = Object.keys(a.values);
  if (ka.length !== Object.keys(b.values).length) return false;
  return ka.every((k) => b.values[k] === a.values[k]);
}
