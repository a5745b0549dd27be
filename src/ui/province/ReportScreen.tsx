// The province's report (x on the communes' list): the commune's export form offering only the
// report, as Word or plain text, written by the path `tonghop export report` takes (runExport's
// province branch), never over an earlier file. Outside the commune App: its services come as props.
import type { DbRunner } from '../../db/database.js';
import { ExportView } from '../export/ExportView.js';
import type { ExportChoice } from '../export/reducer.js';
import { useExportForm } from '../export/useExport.js';

const REPORT_CHOICES: readonly ExportChoice[] = ['report', 'reportTxt'];

export function ProvinceReportScreen(p: { db: DbRunner; now: () => Date }) {
  const h = useExportForm({ db: p.db, now: p.now, choices: REPORT_CHOICES });
  return <ExportView state={h.state} />;
}
