import type { TeamRow } from '../../db/teams.js';
import { FormScreenView } from '../components/FormScreen.js';
import type { FormHook } from '../components/useForm.js';
import { TEAM_FIELDS } from './fields.js';

export function TeamFormView(p: { team: TeamRow | null; form: FormHook; columns: number }) {
  return <FormScreenView title={p.team ? `Sửa thông tin ${p.team.name}` : 'Thêm tổ mới'} choices="chọn ở ô lựa chọn" defs={TEAM_FIELDS} form={p.form} columns={p.columns} />;
}
