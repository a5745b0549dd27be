// Monthly entry of one paper form. The outer screen keeps the team list (for "next team without a
// form"); the form itself is keyed by team and month, so moving on starts a fresh form.
import { useCallback, useRef } from 'react';
import { type TeamRow, listTeams } from '../../db/teams.js';
import type { Month } from '../../domain/period.js';
import { useApp, useLayout } from '../context.js';
import { EntryView } from './EntryView.js';
import { useEntry } from './useEntry.js';

function EntryForm({ teamId, month, getTeams }: { teamId: number; month: Month; getTeams: () => Promise<TeamRow[]> }) {
  const layout = useLayout();
  const e = useEntry(teamId, month, getTeams);
  return <EntryView state={e.state} data={e.data} month={month} saveState={e.saveState} bodyRows={layout.bodyRows} columns={layout.columns} />;
}

export function EntryScreen({ teamId, month }: { teamId: number; month: Month }) {
  const app = useApp();
  const teams = useRef<Promise<TeamRow[]> | null>(null);
  // Active teams in Vietnamese order, read once for the whole run of forms.
  const getTeams = useCallback(() => (teams.current ??= listTeams(app.db)), [app.db]);
  return <EntryForm key={`${teamId}|${month}`} teamId={teamId} month={month} getTeams={getTeams} />;
}
