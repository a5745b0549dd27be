// The figures of a period as CSV, in the import's own layouts: rows by ma_to then month,
// indicator columns in the paper form's fixed order, blank stays blank, dates dd/mm/yyyy. The
// wide layout names the team after its code (`ten_to`, for people; imports ignore it).
import type { Db } from '../../db/database.js';
import { formsForExport } from '../../db/exports.js';
import { listIndicators } from '../../db/unit.js';
import { type Period, periodMonths } from '../../domain/period.js';
import { compareCode, formatDate } from '../../domain/text.js';
import { type Cell, toCsv } from '../csv/stringify.js';
import type { Delimiter } from '../csv/parse.js';
import { LONG_COLUMNS, WIDE_FIXED, WIDE_TAIL } from '../csv/figures-check.js';

export type FiguresFormat = 'wide' | 'long';

export interface CsvExport {
  text: string;
  rows: number;
  values: number;
}

/** What an export writes, before it is CSV or a workbook: the header of codes, typed rows. */
export interface ExportTable {
  header: string[];
  rows: Cell[][];
  values: number;
}

export async function exportFigures(q: Db, period: Period, format: FiguresFormat, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const t = await figuresTable(q, period, format);
  return { text: toCsv(t.header, t.rows, opts.delimiter), rows: t.rows.length, values: t.values };
}

export async function figuresTable(q: Db, period: Period, format: FiguresFormat): Promise<ExportTable> {
  const months = periodMonths(period);
  const indicators = await listIndicators(q);
  const forms = (await formsForExport(q, months[0]!, months[months.length - 1]!)).sort(
    (a, b) => compareCode(a.teamCode, b.teamCode) || compareCode(a.month, b.month),
  );
  const rows: Cell[][] = [];
  let values = 0;
  for (const f of forms) {
    const byCode = f.values;
    values += byCode.size;
    if (format === 'wide') {
      rows.push([f.teamCode, f.teamName, f.month, ...indicators.map((i) => byCode.get(i.code) ?? null), formatDate(f.receivedOn) || null, f.note]);
    } else {
      for (const i of indicators) {
        const v = byCode.get(i.code);
        if (v !== undefined) rows.push([f.teamCode, f.month, i.code, v]);
      }
    }
  }
  const header = format === 'wide' ? [WIDE_FIXED[0], 'ten_to', WIDE_FIXED[1], ...indicators.map((i) => i.code), ...WIDE_TAIL] : [...LONG_COLUMNS];
  return { header, rows, values };
}
