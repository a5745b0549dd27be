// The exports as Excel workbooks (domain.md "Workbooks written"): the same tables the CSV
// exports write — figures in the wide layout, teams, members — laid out by xlsx/write.ts with
// a title naming the unit and period and a row of Vietnamese labels above the header of codes.
import type { Db } from '../../db/database.js';
import { listIndicators } from '../../db/unit.js';
import { type Period, periodLabel } from '../../domain/period.js';
import { cleanText, formatDate, todayIso } from '../../domain/text.js';
import { labelsFor, writeWorkbook } from '../xlsx/write.js';
import { type ExportTable, figuresTable } from './figures.js';
import { membersTable, teamsTable } from './roster.js';

export type WorkbookKind = 'figures' | 'teams' | 'members';

export interface WorkbookExport {
  bytes: Uint8Array;
  rows: number;
}

export async function exportWorkbook(q: Db, kind: WorkbookKind, ctx: { unitName: string; period?: Period; now: Date }): Promise<WorkbookExport> {
  const unit = cleanText(ctx.unitName);
  const asOf = formatDate(todayIso(ctx.now));
  let table: ExportTable;
  let sheetName: string;
  let title: string;
  if (kind === 'figures') {
    if (!ctx.period) throw new Error('Thiếu kỳ báo cáo (--period).');
    table = await figuresTable(q, ctx.period, 'wide');
    sheetName = `Số liệu ${periodLabel(ctx.period)}`;
    title = `Số liệu Tổ Công nghệ số cộng đồng ${unit}, ${periodLabel(ctx.period)}`;
  } else if (kind === 'teams') {
    table = await teamsTable(q);
    sheetName = 'Danh sách tổ';
    title = `Danh sách Tổ Công nghệ số cộng đồng ${unit} (ngày ${asOf})`;
  } else {
    table = await membersTable(q);
    sheetName = 'Thành viên';
    title = `Thành viên Tổ Công nghệ số cộng đồng ${unit} (ngày ${asOf})`;
  }
  const indicators = new Map((await listIndicators(q)).map((i) => [i.code, i.unit ? `${i.label} (${i.unit})` : i.label]));
  const bytes = await writeWorkbook({ sheetName, title, header: table.header, labels: labelsFor(table.header, indicators), rows: table.rows });
  return { bytes, rows: table.rows.length };
}
