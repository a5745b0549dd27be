// Add or edit a team: load, then hook → view (the shared form screen).
import type { TeamRow } from '../../db/teams.js';
import { FormScreenView } from '../components/FormScreen.js';
import { Waiting } from '../components/Waiting.js';
import { useLayout } from '../context.js';
import { TEAM_FIELDS } from './fields.js';
import { useTeamForm, useTeamLoad } from './useTeamForm.js';

export function TeamFormScreen({ teamId }: { teamId?: number }) {
  const { data, error } = useTeamLoad(teamId);
  if (error || !data) return <Waiting screen="teamForm" error={error} />;
  return <TeamForm team={data.team} />;
}

function TeamForm({ team }: { team: TeamRow | null }) {
  const form = useTeamForm(team);
  const { columns } = useLayout();
  return <FormScreenView title={team ? `Sửa thông tin ${team.name}` : 'Thêm tổ mới'} choices="chọn ở ô lựa chọn" defs={TEAM_FIELDS} form={form} columns={columns} />;
}
