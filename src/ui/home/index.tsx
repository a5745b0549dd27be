import { HomeView } from './HomeView.js';
import { useHome } from './useHome.js';

export function HomeScreen() {
  const h = useHome();
  return (
    <HomeView
      asOf={h.state.asOf}
      report={h.report}
      rows={h.rows}
      selectedIndex={h.selectedIndex}
      statusFilter={h.state.statusFilter}
      query={h.state.query}
      filtering={h.state.filtering}
      error={h.error}
      bodyRows={h.bodyRows}
      columns={h.columns}
      indicators={h.indicators}
    />
  );
}
