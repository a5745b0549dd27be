// Monthly entry of one paper form. The outer screen keeps the team list (for "next team without a
// form"); the form itself is keyed by team and month, so moving on starts a fresh form.
import type { TeamRow } from '../../db/teams.js';
import type { Month } from '../../domain/period.js';
import { useLayout } from '../context.js';
import { EntryView } from './EntryView.js';
import { useEntry, useTeamsOnce } from './useEntry.js';

function EntryForm({ teamId, month, getTeams }: { teamId: number; month: Month; getTeams: () => Promise<TeamRow[]> }) {
  const e = useEntry(teamId, month, getTeams);
  const layout = useLayout();
  return <EntryView state={e.state} data={e.data} month={month} saveState={e.saveState} bodyRows={layout.bodyRows} columns={layout.columns} />;
}

export function EntryScreen({ teamId, month }: { teamId: number; month: Month }) {
  const getTeams = useTeamsOnce();
  return <EntryForm key={`${teamId}|${month}`} teamId={teamId} month={month} getTeams={getTeams} />;
}
