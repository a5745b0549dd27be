import type { Month } from '../../domain/period.js';
import { GridView } from './GridView.js';
import { useGrid } from './useGrid.js';

export function GridScreen({ month }: { month: Month }) {
  const g = useGrid(month);
  return <GridView state={g.state} layout={g.layout} indicators={g.indicators} loadError={g.loadError} />;
}
