// Add or edit a member of a team: load, then hook → view.
import { Waiting } from '../components/Waiting.js';
import { useLayout } from '../context.js';
import { MemberFormView } from './MemberFormView.js';
import { type MemberLoaded, useMemberForm, useMemberLoad } from './useMemberForm.js';

export function MemberFormScreen({ teamId, memberId }: { teamId: number; memberId?: number }) {
  const { data, error } = useMemberLoad(teamId, memberId);
  if (error || !data) return <Waiting screen="memberForm" error={error} />;
  return <MemberForm {...data} />;
}

function MemberForm(loaded: MemberLoaded) {
  const m = useMemberForm(loaded);
  const { columns } = useLayout();
  return <MemberFormView team={loaded.team} member={loaded.member} form={m.form} warnings={m.warnings} columns={columns} />;
}
