import { BackupAge } from '../backup/BackupAge.js';
import { HomeView } from './HomeView.js';
import { useHome } from './useHome.js';

export function HomeScreen() {
  const h = useHome();
  return (
    <HomeView
      model={h.model}
      asOf={h.state.asOf}
      workMonth={h.workMonth}
      rows={h.rows}
      selectedIndex={h.selectedIndex}
      statusFilter={h.state.statusFilter}
      query={h.state.query}
      filtering={h.state.filtering}
      error={h.error}
      bodyRows={h.bodyRows}
      columns={h.columns}
      backupLine={h.readOnly ? null : <BackupAge />}
    />
  );
}
