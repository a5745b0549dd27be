// The training form, drawn from props only: date and topic, then who gets it.
import { Text } from '../components/Text.js';
import type { MemberRow } from '../../db/members.js';
import type { FieldDef } from '../components/form.js';
import { FormScreenView } from '../components/FormScreen.js';
import type { FormHook } from '../components/useForm.js';

export function TrainingView(p: { defs: readonly FieldDef[]; form: FormHook; chosen: readonly MemberRow[]; bodyRows: number; columns: number }) {
  const listRows = Math.max(1, p.bodyRows - 8);
  return (
    <FormScreenView title={`Ghi một buổi tập huấn cho ${p.chosen.length} thành viên`} choices="chọn nội dung đã ghi" defs={p.defs} form={p.form} columns={p.columns}>
      <Text> </Text>
      {p.chosen.slice(0, listRows).map((m) => (
        <Text key={m.id} wrap="truncate-end">
          {'  ✓ '}
          {m.fullName} <Text dimColor>({m.trainings.length} buổi đã ghi)</Text>
        </Text>
      ))}
      {p.chosen.length > listRows ? <Text dimColor>  … và {p.chosen.length - listRows} người nữa</Text> : null}
    </FormScreenView>
  );
}
