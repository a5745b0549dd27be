// Add or edit a team: load, then hook → view.
import type { TeamRow } from '../../db/teams.js';
import { Waiting } from '../components/Waiting.js';
import { useLayout } from '../context.js';
import { TeamFormView } from './TeamFormView.js';
import { useTeamForm, useTeamLoad } from './useTeamForm.js';

export function TeamFormScreen({ teamId }: { teamId?: number }) {
  const { data, error } = useTeamLoad(teamId);
  if (error || !data) return <Waiting screen="teamForm" error={error} />;
  return <TeamForm team={data.team} />;
}

function TeamForm({ team }: { team: TeamRow | null }) {
  const form = useTeamForm(team);
  const { columns } = useLayout();
  return <TeamFormView team={team} form={form} columns={columns} />;
}
