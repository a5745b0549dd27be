import { useEffect } from 'react';
import { BackupAge } from '../backup/BackupAge.js';
import { preloadScreens } from '../lazyScreen.js';
import { HomeView } from './HomeView.js';
import { useHome } from './useHome.js';

export function HomeScreen() {
  const h = useHome();
  const shown = !!h.model;
  // Once the figures are on the terminal, the other screens' code loads in the background (a
  // key pressed meanwhile waits for the screen it opens: App, keys/hub.tsx).
  useEffect(() => {
    if (!shown) return;
    const t = setTimeout(() => void preloadScreens(), 50);
    return () => clearTimeout(t);
  }, [shown]);
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
