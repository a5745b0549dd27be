// A workbook → the CSV reader's records, with the TCVN3/VNI text of its cells converted: the
// one call the import path makes for an .xlsx (see readXlsx for the sheet rules).
import type { CsvRecord } from '../csv/parse.js';
import type { EncodingOption } from '../text/decode.js';
import { type LegacyFont, planLegacy } from '../text/legacy.js';
import { sheetRecords, sheetTexts } from './cells.js';
import { readXlsx } from './read.js';

export interface WorkbookRecords {
  records: CsvRecord[]; // header first; lines are the sheet's row numbers
  sheet: string;
  sheets: string[];
  /** The old font the cells were typed in, converted to Unicode; null for Unicode cells. */
  legacy: LegacyFont | null;
  sample: string | null;
  sampleBefore: string | null;
}

export function workbookRecords(bytes: Uint8Array, opts: { sheet?: string; encoding?: EncodingOption } = {}): WorkbookRecords {
  const sheet = readXlsx(bytes, { sheet: opts.sheet });
  const enc = opts.encoding ?? 'auto';
  // A workbook's cells are Unicode: only the old fonts inside them can be forced or found.
  const plan = planLegacy(sheetTexts(sheet), enc === 'tcvn3' || enc === 'vni' ? enc : enc === 'auto' ? 'auto' : 'none');
  let sample: string | null = null;
  let sampleBefore: string | null = null;
  const convert = (s: string) => {
    const c = plan.convert(s);
    if (sample === null && c !== s) {
      sample = c.trim();
      sampleBefore = s.trim();
    }
    return c;
  };
  const records = sheetRecords(sheet, (s) => convert(s).normalize('NFC'));
  return { records, sheet: sheet.sheet, sheets: sheet.sheets, legacy: plan.font, sample, sampleBefore };
}
