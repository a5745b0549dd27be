// The member form: its fields, the check by memberSchema and the warnings, messages keyed by
// field. Pure: the shared form reducer (components/form.ts) runs them.
import type { MemberRow } from '../../db/members.js';
import { type Member, ORGANISATIONS, type Plan, ROLES, ROLE_LABELS, type Role, fieldErrors, memberSchema } from '../../domain/schemas.js';
import { formatDate, parseDate } from '../../domain/text.js';
import { isOverAge, otherLeader, trainingsBeforeJoining } from '../../domain/warnings.js';
import type { FieldDef } from '../components/form.js';
import { badDates, numberOrNull, textOrNull } from '../components/form.js';
import type { Checked } from '../components/useForm.js';
import { keyNames } from '../keys/hint.js';

export const MEMBER_FIELDS: readonly FieldDef[] = [
  { key: 'fullName', label: 'Họ và tên', kind: 'text', width: 32, max: 80, placeholder: 'ví dụ: Nguyễn Thị Hoa' },
  { key: 'role', label: 'Vai trò', kind: 'choice', options: ROLES, optionLabel: (v) => ROLE_LABELS[v as Role] ?? v, width: 12 },
  { key: 'organisation', label: 'Tổ chức', kind: 'text', options: ORGANISATIONS, width: 28, max: 80, placeholder: `${keyNames('choicePrev', 'choiceNext')} để chọn, hoặc gõ` },
  { key: 'birthYear', label: 'Năm sinh', kind: 'digits', width: 6, max: 4 },
  { key: 'phone', label: 'Điện thoại', kind: 'text', width: 14, max: 16, placeholder: 'ví dụ: 0912345678' },
  { key: 'joinedOn', label: 'Ngày tham gia', kind: 'date', width: 12, max: 10, placeholder: 'dd/mm/yyyy' },
  { key: 'leftOn', label: 'Ngày rời tổ', kind: 'date', width: 12, max: 10, placeholder: '(đang tham gia)' },
];

/** A new member's joining date starts blank: "in the team since before anything we track" (domain.md,
 * members' dates). Today's date would drop the member from every earlier month's counts. */
export function memberValues(m: MemberRow | null): Record<string, string> {
  if (!m) return { role: 'thanh_vien' };
  return {
    fullName: m.fullName,
    role: m.role,
    organisation: m.organisation ?? '',
    birthYear: m.birthYear === null ? '' : String(m.birthYear),
    phone: m.phone ?? '',
    joinedOn: formatDate(m.joinedOn),
    leftOn: formatDate(m.leftOn),
  };
}

export function checkMember(v: Readonly<Record<string, string>>, today: string): Checked<Member> {
  const r = memberSchema.safeParse({
    fullName: v.fullName ?? '',
    role: v.role,
    organisation: textOrNull(v.organisation),
    birthYear: numberOrNull(v.birthYear),
    phone: (v.phone ?? '').trim(),
    joinedOn: v.joinedOn ?? '',
    leftOn: v.leftOn ?? '',
  });
  if (!r.success) return { ok: false, errors: { ...fieldErrors(r.error), ...badDates(MEMBER_FIELDS, v) } };
  if (r.data.leftOn && r.data.leftOn > today) return { ok: false, errors: { leftOn: 'Ngày rời tổ không được sau hôm nay' } };
  return { ok: true, value: r.data };
}

/** Advice beside a field that never blocks the save: a second Tổ trưởng, older than the plan prefers,
 * a training dated before the joining date. */
export function memberWarnings(
  v: Readonly<Record<string, string>>,
  members: readonly MemberRow[],
  member: MemberRow | null,
  plan: Plan,
  today: string,
): Record<string, string> {
  const warnings: Record<string, string> = {};
  const leader = v.role === 'to_truong' ? otherLeader(members, member?.id, today) : null;
  if (leader && !v.leftOn) warnings.role = `Tổ đã có Tổ trưởng ${leader} (vẫn lưu được)`;
  const birthYear = numberOrNull(v.birthYear);
  if (birthYear !== null && isOverAge({ birthYear }, plan, today)) {
    warnings.birthYear = `Trên ${plan.member_max_age} tuổi: kế hoạch ưu tiên người trẻ hơn (vẫn lưu được)`;
  }
  const joinedOn = parseDate(v.joinedOn ?? '');
  const early = member ? trainingsBeforeJoining(joinedOn, member.trainings.map((t) => t.heldOn)) : [];
  if (early.length) warnings.joinedOn = `Có buổi tập huấn trước ngày này (${formatDate(early[0]!)}) (vẫn lưu được)`;
  return warnings;
}
