// Recording one training for several members: date and topic, checked by trainingSchema. Pure.
import type { MemberRow } from '../../db/members.js';
import { type Training, fieldErrors, trainingSchema } from '../../domain/schemas.js';
import type { FieldDef } from '../components/form.js';
import type { Checked } from '../components/useForm.js';
import { parseDate } from '../../domain/text.js';
import { joinedAfter } from '../../domain/warnings.js';
import { keyNames } from '../keys/hint.js';

export function trainingFields(topics: readonly string[]): FieldDef[] {
  return [
    { key: 'heldOn', label: 'Ngày tập huấn', kind: 'date', width: 12, max: 10, placeholder: 'dd/mm/yyyy' },
    { key: 'topic', label: 'Nội dung', kind: 'text', options: topics, width: 44, max: 200, placeholder: topics.length ? `${keyNames('choicePrev', 'choiceNext')} chọn nội dung đã có, hoặc gõ` : 'ví dụ: Hướng dẫn sử dụng VNeID' },
  ];
}

export function checkTraining(v: Readonly<Record<string, string>>, today: string): Checked<Training> {
  const r = trainingSchema.safeParse({ heldOn: v.heldOn ?? '', topic: v.topic ?? '' });
  if (!r.success) return { ok: false, errors: fieldErrors(r.error) };
  if (r.data.heldOn > today) return { ok: false, errors: { heldOn: 'Ngày tập huấn không được sau hôm nay' } };
  return { ok: true, value: r.data };
}

/** Who gets the training: the chosen members, except those already recorded for it. */
export function splitAttendees(members: readonly MemberRow[], ids: readonly number[], t: Training): { add: MemberRow[]; already: MemberRow[] } {
  const chosen = members.filter((m) => ids.includes(m.id));
  const has = (m: MemberRow) => m.trainings.some((x) => x.heldOn === t.heldOn && x.topic === t.topic);
  return { add: chosen.filter((m) => !has(m)), already: chosen.filter(has) };
}

/** Advice that never blocks the save: the training is dated before some attendees joined. */
export function trainingWarnings(v: Readonly<Record<string, string>>, chosen: readonly MemberRow[]): Record<string, string> {
  const heldOn = parseDate(v.heldOn ?? '');
  const early = heldOn ? joinedAfter(chosen, heldOn) : [];
  if (!early.length) return {};
  const names = early.length === 1 ? early[0]!.fullName : `${early.length} thành viên`;
  return { heldOn: `Trước ngày tham gia của ${names} (vẫn lưu được)` };
}
