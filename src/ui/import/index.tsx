import { ImportView } from './ImportView.js';
import { useImport } from './useImport.js';

export function ImportScreen() {
  const h = useImport();
  return <ImportView state={h.state} listRows={h.listRows} problemLines={h.problemLines} columns={h.columns} />;
}
