// The figures of a period as CSV, in the import's own layouts: rows by ma_to then month,
// indicator columns in the paper form's fixed order, blank stays blank, dates dd/mm/yyyy.
import type { Db } from '../../db/database.js';
import { listIndicators } from '../../db/unit.js';
import { type Period, periodMonths } from '../../domain/period.js';
import { compareCode, formatDate } from '../../domain/text.js';
import { type Cell, toCsv } from '../csv/stringify.js';
import type { Delimiter } from '../csv/parse.js';
import { LONG_COLUMNS, WIDE_FIXED, WIDE_TAIL } from '../csv/figures-check.js';

export type FiguresFormat = 'wide' | 'long';

interface ExportForm {
  code: string;
  month: string;
  received_on: string | null;
  note: string | null;
  vals: string | null;
}

export interface CsvExport {
  text: string;
  rows: number;
  values: number;
}

export async function exportFigures(q: Db, period: Period, format: FiguresFormat, opts: { delimiter?: Delimiter } = {}): Promise<CsvExport> {
  const months = periodMonths(period);
  const indicators = await listIndicators(q);
  const r = await q.query<ExportForm>(
    `SELECT t.code, f.month, f.received_on, f.note,
            (SELECT string_agg(v.indicator || '=' || v.value, ',') FROM form_value v WHERE v.form_id = f.id) AS vals
     FROM form f JOIN team t ON t.id = f.team_id
     WHERE f.month BETWEEN $1 AND $2`,
    [months[0], months[months.length - 1]],
  );
  const forms = r.rows.sort((a, b) => compareCode(a.code, b.code) || compareCode(a.month, b.month));
  const rows: Cell[][] = [];
  let values = 0;
  for (const f of forms) {
    const byCode = new Map<string, number>();
    if (f.vals)
      for (const pair of f.vals.split(',')) {
        const eq = pair.indexOf('=');
        byCode.set(pair.slice(0, eq), Number(pair.slice(eq + 1)));
      }
    values += byCode.size;
    if (format === 'wide') {
      rows.push([f.code, f.month, ...indicators.map((i) => byCode.get(i.code) ?? null), formatDate(f.received_on) || null, f.note]);
    } else {
      for (const i of indicators) {
        const v = byCode.get(i.code);
        if (v !== undefined) rows.push([f.code, f.month, i.code, v]);
      }
    }
  }
  const header = format === 'wide' ? [...WIDE_FIXED, ...indicators.map((i) => i.code), ...WIDE_TAIL] : [...LONG_COLUMNS];
  return { text: toCsv(header, rows, opts.delimiter), rows: rows.length, values };
}
