import { TeamsView } from './TeamsView.js';
import { useTeams } from './useTeams.js';

export function TeamsScreen() {
  const t = useTeams();
  return (
    <TeamsView
      state={t.state}
      rows={t.rows}
      shown={t.shown}
      selectedIndex={t.selectedIndex}
      error={t.error}
      dissolvedCount={t.dissolvedCount}
      bodyRows={t.bodyRows}
      columns={t.columns}
    />
  );
}
