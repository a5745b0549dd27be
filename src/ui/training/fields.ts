// Recording one training for several members: date and topic, checked by trainingSchema. Pure.
import type { MemberRow } from '../../db/members.js';
import { type Training, fieldErrors, trainingSchema } from '../../domain/schemas.js';
import type { FieldDef } from '../components/form.js';
import type { Checked } from '../components/useForm.js';
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
