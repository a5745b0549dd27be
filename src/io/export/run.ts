// The one export path behind `tonghop export` and the Export screen: render, name, write.
import { systemNow } from '../../clock.js';
import type { Db } from '../../db/database.js';
import { NotInitialisedError, getSetting, getUnit } from '../../db/unit.js';
import { type Period, periodCode } from '../../domain/period.js';
import { todayIso } from '../../domain/text.js';
import { DEFAULT_EXPORTS_DIR } from '../../paths.js';
import type { Delimiter } from '../csv/parse.js';
import { loadReportData } from '../report/data.js';
import { RECIPIENT_SETTING } from '../report/model.js';
import { renderReport, reportFileText } from '../report/render.js';
import { type FiguresFormat, exportFigures } from './figures.js';
import { exportFileName, writeExportFile } from './files.js';
import { exportMembers, exportTeams } from './roster.js';

export const EXPORT_KINDS = ['figures', 'report', 'teams', 'members'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  kind: ExportKind;
  /** Required for figures and report. */
  period?: Period;
  format?: FiguresFormat;
  delimiter?: Delimiter;
  outDir?: string;
  now?: Date;
}

export interface ExportDone {
  path: string;
  rows: number;
  bytes: number;
}

export async function renderExport(q: Db, req: ExportRequest): Promise<{ name: string; text: string; rows: number }> {
  const unit = await getUnit(q);
  if (!unit) throw new NotInitialisedError();
  const now = req.now ?? systemNow();
  const opts = { delimiter: req.delimiter ?? ',' };
  switch (req.kind) {
    case 'figures': {
      const period = need(req.period);
      const format = req.format ?? 'wide';
      const r = await exportFigures(q, period, format, opts);
      return { name: exportFileName(unit.name, periodCode(period), `so-lieu-${format}`, 'csv'), text: r.text, rows: r.rows };
    }
    case 'report': {
      const period = need(req.period);
      const recipient = await getSetting(q, RECIPIENT_SETTING);
      const text = reportFileText(renderReport(await loadReportData(q, period, now, unit), { recipient }));
      return { name: exportFileName(unit.name, periodCode(period), 'bao-cao', 'txt'), text, rows: text.split('\n').length };
    }
    case 'teams': {
      const r = await exportTeams(q, opts);
      return { name: exportFileName(unit.name, todayIso(now), 'danh-sach-to', 'csv'), text: r.text, rows: r.rows };
    }
    case 'members': {
      const r = await exportMembers(q, opts);
      return { name: exportFileName(unit.name, todayIso(now), 'thanh-vien', 'csv'), text: r.text, rows: r.rows };
    }
  }
}

function need(p: Period | undefined): Period {
  if (!p) throw new Error('Thiếu kỳ báo cáo (--period).');
  return p;
}

/** Render and write to exports/ (or outDir), never over an earlier file. Returns the path written. */
export async function runExport(q: Db, req: ExportRequest): Promise<ExportDone> {
  const r = await renderExport(q, req);
  const path = writeExportFile(req.outDir ?? DEFAULT_EXPORTS_DIR, r.name, r.text);
  return { path, rows: r.rows, bytes: Buffer.byteLength(r.text) };
}
