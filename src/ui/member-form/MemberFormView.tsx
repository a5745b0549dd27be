import type { MemberRow } from '../../db/members.js';
import type { TeamRow } from '../../db/teams.js';
import { FormScreenView } from '../components/FormScreen.js';
import type { FormHook } from '../components/useForm.js';
import { MEMBER_FIELDS } from './fields.js';

export function MemberFormView(p: { team: TeamRow; member: MemberRow | null; form: FormHook; warnings: Record<string, string>; columns: number }) {
  return (
    <FormScreenView
      title={`${p.member ? `Sửa thành viên ${p.member.fullName}` : 'Thêm thành viên'} · ${p.team.name}`}
      choices="chọn vai trò, tổ chức"
      defs={MEMBER_FIELDS}
      form={p.form}
      warnings={p.warnings}
      columns={p.columns}
    />
  );
}
