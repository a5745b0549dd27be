import { useLayout } from '../context.js';
import { RankingView } from './RankingView.js';
import { useRanking } from './useRanking.js';

export function RankingScreen() {
  const r = useRanking();
  const layout = useLayout();
  return (
    <RankingView
      asOf={r.asOf}
      spanEnd={r.spanEnd}
      rows={r.rows}
      shown={r.shown}
      selectedIndex={r.selectedIndex}
      query={r.state.query}
      filtering={r.state.filtering}
      error={r.error}
      bodyRows={layout.bodyRows}
      columns={layout.columns}
    />
  );
}
