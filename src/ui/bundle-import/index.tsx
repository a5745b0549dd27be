// The province's import screen (i on the communes' list): a folder of bundles, a dry run first.
import type { DbRunner } from '../../db/database.js';
import { BundleImportView } from './BundleImportView.js';
import { useBundleImport } from './useBundleImport.js';

export function BundleImportScreen(p: { db: DbRunner; now: () => Date; rows: number; columns: number; onImported: () => void }) {
  const h = useBundleImport(p);
  return <BundleImportView state={h.state} lines={h.lines} rows={p.rows} />;
}
