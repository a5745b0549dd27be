import type { Month } from '../../domain/period.js';
import { useLayout } from '../context.js';
import { TeamStatusView } from './TeamStatusView.js';
import { useTeamStatus } from './useTeamStatus.js';

export function TeamStatusScreen({ teamId, asOf }: { teamId: number; asOf: Month }) {
  const t = useTeamStatus(teamId, asOf);
  const layout = useLayout();
  return <TeamStatusView model={t.model} asOf={t.asOf} error={t.error} lines={t.lines} offset={t.offset} bodyRows={layout.bodyRows} />;
}
