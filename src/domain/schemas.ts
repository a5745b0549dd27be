// The nouns of domain.md as zod schemas. Messages are Vietnamese: they are shown next to fields.
import * as z from 'zod';
import { isMonth } from './period.js';
import { cleanText, parseDate } from './text.js';

const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}: bắt buộc` })
    .transform(cleanText)
    .pipe(z.string().min(1, `${label} không được để trống`).max(max, `${label} dài quá ${max} ký tự`));

const optionalText = (label: string, max = 200) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, `${label} dài quá ${max} ký tự`))
    .nullish()
    .transform((s) => (s ? s : null));

/** ISO date; also accepts dd/mm/yyyy as typed. */
export const isoDate = (label: string) =>
  z.string().transform((s, ctx) => {
    const iso = parseDate(s);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `${label}: ngày không hợp lệ (dd/mm/yyyy)` });
      return z.NEVER;
    }
    return iso;
  });

/** Blank (or absent) is null; anything else must be a real date. One transform, not a union:
 * a zod union would replace our Vietnamese message with its own "Invalid input". */
const optionalDate = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s, ctx) => {
      if (s === null || s === undefined || s.trim() === '') return null;
      const iso = parseDate(s);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label}: ngày không hợp lệ (dd/mm/yyyy)` });
        return z.NEVER;
      }
      return iso;
    });

export const monthSchema = z.string().refine(isMonth, 'Tháng phải có dạng YYYY-MM (ví dụ 2026-11)');

export const AGGREGATIONS = ['sum', 'last'] as const;
export const aggregationSchema = z.enum(AGGREGATIONS);
export type Aggregation = z.infer<typeof aggregationSchema>;

export const indicatorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/u, 'Mã chỉ số chỉ gồm chữ thường không dấu, số và dấu _');

export const indicatorSchema = z.object({
  code: indicatorCodeSchema,
  label: text('Tên chỉ số', 200),
  unit: text('Đơn vị tính', 30),
  aggregation: aggregationSchema,
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const UNIT_KINDS = ['xa', 'phuong'] as const;
export const unitSchema = z.object({
  name: text('Tên đơn vị', 120),
  kind: z.enum(UNIT_KINDS, { error: 'Loại đơn vị phải là xã hoặc phường' }),
  province: optionalText('Tỉnh/thành phố', 80),
  agency: text('Tên cơ quan', 120),
  officer: optionalText('Cán bộ phụ trách', 80),
});
export type Unit = z.infer<typeof unitSchema>;
/** A province database's own unit row (init --province): a tỉnh or a thành phố. */
export const provinceUnitSchema = unitSchema.extend({
  kind: z.enum(['tinh', 'thanh_pho'], { error: 'Loại đơn vị của tỉnh phải là tỉnh hoặc thành phố' }),
});

export const areaSchema = z.object({
  name: text('Tên địa bàn', 120),
  kind: optionalText('Loại địa bàn', 40),
  urban: z.boolean(),
  households: z.number().int('Số hộ phải là số nguyên').min(0, 'Số hộ không được âm').nullable(),
  adults: z.number().int('Số người phải là số nguyên').min(0, 'Số người không được âm').nullable(),
});
export type Area = z.infer<typeof areaSchema>;

export const TEAM_LEVELS = ['area', 'commune'] as const;
export type TeamLevel = (typeof TEAM_LEVELS)[number];

export const teamCodeSchema = z
  .string()
  .transform((s) => cleanText(s).toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'Mã tổ không được để trống')
      .max(20, 'Mã tổ dài quá 20 ký tự')
      .regex(/^[A-Z0-9][A-Z0-9_.-]*$/u, 'Mã tổ chỉ gồm chữ không dấu, số, dấu - _ .'),
  );

export const teamSchema = z.object({
  code: teamCodeSchema,
  name: text('Tên tổ', 120),
  level: z.enum(TEAM_LEVELS),
  decisionNo: optionalText('Số quyết định', 60),
  decisionDate: optionalDate('Ngày quyết định'),
});
export type Team = z.infer<typeof teamSchema>;

export const ROLES = ['to_truong', 'to_pho', 'thanh_vien'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  to_truong: 'Tổ trưởng',
  to_pho: 'Tổ phó',
  thanh_vien: 'Thành viên',
};

export const ORGANISATIONS = [
  'Đoàn Thanh niên',
  'Hội LHPN',
  'Công an',
  'Giáo viên',
  'Trưởng thôn/Tổ trưởng TDP',
  'Bí thư chi bộ',
  'Hội Nông dân',
  'MTTQ',
  'Hội Cựu chiến binh',
  'Khác',
] as const;

export const memberSchema = z
  .object({
    fullName: text('Họ tên', 80),
    role: z.enum(ROLES, { error: 'Vai trò phải là Tổ trưởng, Tổ phó hoặc Thành viên' }),
    organisation: optionalText('Tổ chức', 80),
    birthYear: z
      .number()
      .int('Năm sinh phải là số nguyên')
      .min(1900, 'Năm sinh phải từ 1900')
      .max(2020, 'Năm sinh không hợp lệ (sau 2020)')
      .nullable(),
    phone: z
      .string()
      // Written as people write them: 0912 345 678, 091.234.5678, (024) 3851 2345, +84 912…
      .transform((s) => s.replace(/[\s.()-]/gu, ''))
      .pipe(z.string().regex(/^\+?\d{8,15}$/u, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'))
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((s) => (s ? s : null)),
    joinedOn: optionalDate('Ngày tham gia'),
    leftOn: optionalDate('Ngày rời tổ'),
  })
  .refine((m) => !m.joinedOn || !m.leftOn || m.leftOn >= m.joinedOn, {
    message: 'Ngày rời tổ phải sau ngày tham gia',
    path: ['leftOn'],
  });
export type Member = z.infer<typeof memberSchema>;

export const trainingSchema = z.object({
  heldOn: isoDate('Ngày tập huấn'),
  topic: text('Nội dung tập huấn', 200),
});
export type Training = z.infer<typeof trainingSchema>;

export const MAX_VALUE = 1_000_000;
export const valueSchema = z
  .number()
  .int('Giá trị phải là số nguyên')
  .min(0, 'Giá trị không được âm')
  .max(MAX_VALUE, 'Giá trị vượt quá 1.000.000');

export const FORM_SOURCES = ['typed', 'csv'] as const;
export const monthlyFormSchema = z.object({
  teamCode: teamCodeSchema,
  month: monthSchema,
  values: z.record(indicatorCodeSchema, valueSchema.nullable()),
  receivedOn: optionalDate('Ngày nhận'),
  note: optionalText('Ghi chú', 2000),
  source: z.enum(FORM_SOURCES),
});
export type MonthlyForm = z.infer<typeof monthlyFormSchema>;

export const TARGET_KINDS = [
  'per_quarter',
  'per_member',
  'share',
  'monthly_min',
  'team_size',
  'trained',
  'leadership',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
/** Kinds that read an indicator; the others count members. */
export const INDICATOR_KINDS: readonly TargetKind[] = ['per_quarter', 'per_member', 'share', 'monthly_min'];

export const targetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/u),
    kind: z.enum(TARGET_KINDS),
    chi_so: indicatorCodeSchema.nullable(),
    /** N for counts, p (0..1) for shares. */
    value: z.number().min(0),
    /** team_size: another minimum for the commune-level team (Phù Vân: 15). */
    commune_value: z.number().int().min(0).optional(),
    base: z.enum(['households', 'adults']).optional(),
    area_filter: z.enum(['urban', 'rural']).optional(),
    /** What the plan says, in its words. */
    note: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    const needsIndicator = INDICATOR_KINDS.includes(t.kind);
    if (needsIndicator && !t.chi_so) ctx.addIssue({ code: 'custom', message: `${t.id}: thiếu chỉ số` });
    if (!needsIndicator && t.chi_so) ctx.addIssue({ code: 'custom', message: `${t.id}: loại này không đọc chỉ số` });
    if (t.kind === 'share' && !t.base) ctx.addIssue({ code: 'custom', message: `${t.id}: thiếu mẫu số (base)` });
    if ((t.kind === 'share' || t.kind === 'trained') && t.value > 1)
      ctx.addIssue({ code: 'custom', message: `${t.id}: tỉ lệ phải từ 0 đến 1` });
  });
export type Target = z.infer<typeof targetSchema>;

export const communeGoalSchema = z.object({ label: z.string().min(1), chi_so: indicatorCodeSchema.optional() });

export const planSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u),
    name: z.string().min(1),
    span_start: monthSchema,
    span_end: monthSchema,
    deadline_day: z.number().int().min(1).max(31).nullable(),
    /** The plan's own indicators, added to the standard ones. */
    indicators: z.array(indicatorSchema),
    targets: z.array(targetSchema),
    commune_goals: z.array(communeGoalSchema),
    /** Ngọc Hồi prefers members under 40: a warning, not a target. */
    member_max_age: z.number().int().positive().nullable(),
  })
  .refine((p) => p.span_start <= p.span_end, { message: 'Tháng đầu phải trước tháng cuối', path: ['span_end'] })
  .refine((p) => new Set(p.targets.map((t) => t.id)).size === p.targets.length, {
    message: 'Mã chỉ tiêu bị trùng',
    path: ['targets'],
  });
export type Plan = z.infer<typeof planSchema>;

export const presetSchema = z.object({
  plan: planSchema,
  unit: z.object({ kind: z.enum(UNIT_KINDS), name: z.string(), province: z.string() }),
  source: z.string(),
});
export type Preset = z.infer<typeof presetSchema>;

export const thresholdsSchema = z
  .object({ onTrack: z.number().positive(), behind: z.number().min(0) })
  .refine((t) => t.behind <= t.onTrack, 'Ngưỡng "chậm" phải nhỏ hơn ngưỡng "đạt"');
export type Thresholds = z.infer<typeof thresholdsSchema>;
export const DEFAULT_THRESHOLDS: Thresholds = { onTrack: 1, behind: 0.7 };

/** First Vietnamese message of a failed parse, per field path (for forms). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
