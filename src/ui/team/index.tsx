import { Text } from '../components/Text.js';
import { tint } from '../theme.js';
import { TeamView } from './TeamView.js';
import { useTeam } from './useTeam.js';

export function TeamScreen({ teamId }: { teamId: number }) {
  const t = useTeam(teamId);
  if (t.error) return <Text color={tint('error')}>{t.error}</Text>;
  if (!t.data) return <Text dimColor>Đang tải…</Text>;
  return (
    <TeamView
      team={t.data.team}
      members={t.data.members}
      formMonths={t.data.formMonths}
      selectedIndex={t.selectedIndex}
      marked={t.state.marked}
      warnings={t.warnings}
      plan={t.plan}
      today={t.today}
      current={t.current}
      bodyRows={t.bodyRows}
      columns={t.columns}
    />
  );
}
