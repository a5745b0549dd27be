import { ExportView } from './ExportView.js';
import { useExport } from './useExport.js';

export function ExportScreen() {
  const h = useExport();
  return <ExportView state={h.state} />;
}
