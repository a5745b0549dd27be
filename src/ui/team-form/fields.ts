// The team form: its fields and the check by teamSchema/areaSchema, messages keyed by field. Pure.
import type { TeamInput, TeamRow } from '../../db/teams.js';
import { areaSchema, fieldErrors, teamSchema } from '../../domain/schemas.js';
import { formatDate } from '../../domain/text.js';
import type { FieldDef } from '../components/form.js';
import { badDates, numberOrNull, textOrNull } from '../components/form.js';
import type { Checked } from '../components/useForm.js';

export const AREA_KINDS = ['thôn', 'làng', 'bản', 'ấp', 'tổ dân phố', 'khu dân cư', 'khu phố'] as const;

const isArea = (v: Readonly<Record<string, string>>) => v.level !== 'commune';

export const TEAM_FIELDS: readonly FieldDef[] = [
  { key: 'code', label: 'Mã tổ', kind: 'text', width: 20, max: 20, placeholder: 'ví dụ: TDP01, THON-DONG' },
  { key: 'name', label: 'Tên tổ', kind: 'text', width: 40, max: 120, placeholder: 'ví dụ: Tổ CNSCĐ TDP Đông Sơn' },
  {
    key: 'level',
    label: 'Cấp',
    kind: 'choice',
    options: ['area', 'commune'],
    optionLabel: (v) => (v === 'commune' ? 'xã/phường' : 'địa bàn (thôn, TDP…)'),
    width: 22,
  },
  { key: 'areaName', label: 'Tên địa bàn', kind: 'text', width: 32, max: 120, when: isArea, placeholder: 'ví dụ: Tổ dân phố Đông Sơn' },
  { key: 'areaKind', label: 'Loại địa bàn', kind: 'text', options: AREA_KINDS, width: 16, max: 40, when: isArea },
  {
    key: 'urban',
    label: 'Thành thị/nông thôn',
    kind: 'choice',
    options: ['urban', 'rural'],
    optionLabel: (v) => (v === 'urban' ? 'thành thị' : 'nông thôn'),
    width: 12,
    when: isArea,
  },
  { key: 'households', label: 'Số hộ', kind: 'digits', width: 8, max: 7, when: isArea },
  { key: 'adults', label: 'Số người trưởng thành', kind: 'digits', width: 8, max: 7, when: isArea },
  { key: 'decisionNo', label: 'Số quyết định', kind: 'text', width: 20, max: 60, placeholder: 'ví dụ: 484/QĐ-UBND' },
  { key: 'decisionDate', label: 'Ngày quyết định', kind: 'date', width: 12, max: 10, placeholder: 'dd/mm/yyyy' },
];

export function teamValues(t: TeamRow | null): Record<string, string> {
  if (!t) return { level: 'area', urban: 'rural', areaKind: '' };
  return {
    code: t.code,
    name: t.name,
    level: t.level,
    areaName: t.areaName ?? '',
    areaKind: t.areaKind ?? '',
    urban: t.urban ? 'urban' : 'rural',
    households: t.households === null ? '' : String(t.households),
    adults: t.adults === null ? '' : String(t.adults),
    decisionNo: t.decisionNo ?? '',
    decisionDate: formatDate(t.decisionDate),
  };
}

const AREA_KEYS: Record<string, string> = { name: 'areaName', kind: 'areaKind', urban: 'urban', households: 'households', adults: 'adults' };

export function checkTeam(v: Readonly<Record<string, string>>, today: string): Checked<TeamInput> {
  const team = teamSchema.safeParse({
    code: v.code ?? '',
    name: v.name ?? '',
    level: v.level,
    decisionNo: textOrNull(v.decisionNo),
    decisionDate: v.decisionDate ?? '',
  });
  const errors: Record<string, string> = { ...(team.success ? {} : fieldErrors(team.error)), ...badDates(TEAM_FIELDS, v) };
  let area: TeamInput['area'] = null;
  if (isArea(v)) {
    const a = areaSchema.safeParse({
      name: v.areaName ?? '',
      kind: textOrNull(v.areaKind),
      urban: v.urban === 'urban',
      households: numberOrNull(v.households),
      adults: numberOrNull(v.adults),
    });
    if (a.success) area = a.data;
    else for (const [k, m] of Object.entries(fieldErrors(a.error))) errors[AREA_KEYS[k] ?? k] ??= m;
  }
  if (team.success && team.data.decisionDate && team.data.decisionDate > today) errors.decisionDate ??= 'Ngày quyết định không được sau hôm nay';
  if (!team.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { ...team.data, area } };
}
