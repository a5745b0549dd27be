import type { Month } from '../../domain/period.js';
import { HistoryView } from './HistoryView.js';
import { useHistory } from './useHistory.js';

export function HistoryScreen({ teamId, month }: { teamId: number; month: Month }) {
  const h = useHistory(teamId, month);
  return (
    <HistoryView
      state={h.state}
      rows={h.rows}
      team={h.team}
      month={month}
      error={h.error}
      bodyRows={h.bodyRows}
      columns={h.columns}
      indicators={h.indicators}
    />
  );
}
