// The one export path behind `tonghop export` and the Export screen: render, name, write.
import path from 'node:path';
import { systemNow } from '../../clock.js';
import type { Db, DbRunner } from '../../db/database.js';
import { isProvince } from '../../db/unit-level.js';
import { NotInitialisedError, getSetting, getUnit, setSetting } from '../../db/unit.js';
import { type Period, periodCode } from '../../domain/period.js';
import { todayIso } from '../../domain/text.js';
import { documentsExportsDir } from '../../paths.js';
import type { Delimiter } from '../csv/parse.js';
import { loadReportData } from '../report/data.js';
import { renderModelDocx, renderReportDocx } from '../report/docx.js';
import { RECIPIENT_SETTING } from '../report/model.js';
import { loadProvinceReportData } from '../report/province-data.js';
import { buildProvinceReport } from '../report/province-model.js';
import { renderReport, renderReportText, reportFileText } from '../report/render.js';
import { exportFigures } from './figures.js';
import { exportFileName, writeExportFile } from './files.js';
import { exportMembers, exportTeams } from './roster.js';
import { exportWorkbook } from './workbook.js';

export const EXPORT_KINDS = ['figures', 'report', 'teams', 'members'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** What each export can be written as, the default first (domain.md, the command line). */
export const EXPORT_FORMATS = {
  figures: ['wide', 'long', 'xlsx'],
  report: ['txt', 'docx'],
  teams: ['csv', 'xlsx'],
  members: ['csv', 'xlsx'],
} as const satisfies Record<ExportKind, readonly string[]>;
export type ExportFormat = (typeof EXPORT_FORMATS)[ExportKind][number];

export function formatFits(kind: ExportKind, format: string): format is ExportFormat {
  return (EXPORT_FORMATS[kind] as readonly string[]).includes(format);
}

export interface ExportRequest {
  kind: ExportKind;
  /** Required for figures and report. */
  period?: Period;
  /** One of EXPORT_FORMATS[kind]; its first when absent. */
  format?: ExportFormat;
  delimiter?: Delimiter;
  outDir?: string;
  now?: Date;
}

export interface ExportDone {
  path: string;
  rows: number;
  bytes: number;
}

export async function renderExport(q: DbRunner, req: ExportRequest): Promise<{ name: string; text: string | Uint8Array; rows: number }> {
  const unit = await getUnit(q);
  if (!unit) throw new NotInitialisedError();
  const now = req.now ?? systemNow();
  const opts = { delimiter: req.delimiter ?? ',' };
  const format = req.format ?? EXPORT_FORMATS[req.kind][0];
  if (!formatFits(req.kind, format)) throw new Error(`Không xuất được ${req.kind} dạng ${format}: chọn ${EXPORT_FORMATS[req.kind].join(', ')}.`);
  if (format === 'xlsx' && req.kind !== 'report') {
    const r = await exportWorkbook(q, req.kind, { unitName: unit.name, period: req.period, now });
    const part = req.kind === 'figures' ? periodCode(need(req.period)) : todayIso(now);
    const kindName = req.kind === 'figures' ? 'so-lieu' : req.kind === 'teams' ? 'danh-sach-to' : 'thanh-vien';
    return { name: exportFileName(unit.name, part, kindName, 'xlsx'), text: r.bytes, rows: r.rows };
  }
  switch (req.kind) {
    case 'figures': {
      const period = need(req.period);
      const r = await exportFigures(q, period, format === 'long' ? 'long' : 'wide', opts);
      return { name: exportFileName(unit.name, periodCode(period), `so-lieu-${format}`, 'csv'), text: r.text, rows: r.rows };
    }
    case 'report': {
      const period = need(req.period);
      const recipient = await getSetting(q, RECIPIENT_SETTING);
      if (await isProvince(q)) {
        // The province's own report: its communes totalled, laid out by the same writers.
        const model = buildProvinceReport(await loadProvinceReportData(q, period, now), { recipient });
        if (format === 'docx') return { name: exportFileName(unit.name, periodCode(period), 'bao-cao', 'docx'), text: await renderModelDocx(model), rows: 0 };
        const text = reportFileText(renderReportText(model));
        return { name: exportFileName(unit.name, periodCode(period), 'bao-cao', 'txt'), text, rows: text.split('\n').length };
      }
      const data = await loadReportData(q, period, now, unit);
      if (format === 'docx') {
        const bytes = await renderReportDocx(data, { recipient });
        return { name: exportFileName(unit.name, periodCode(period), 'bao-cao', 'docx'), text: bytes, rows: 0 };
      }
      const text = reportFileText(renderReport(data, { recipient }));
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

/** The folder the officer chose last (setting table), kept for the next export. */
export const EXPORTS_DIR_SETTING = 'exports_dir';

/** Where an export goes without a folder given: the one chosen last, else Documents/tonghop. */
export async function exportsFolder(q: Db): Promise<string> {
  return (await getSetting(q, EXPORTS_DIR_SETTING)) || documentsExportsDir();
}

/** Remember a folder the officer chose (an absolute path), for the next export. */
export async function rememberExportsFolder(q: Db, dir: string): Promise<void> {
  const abs = path.resolve(dir);
  if (abs !== (await exportsFolder(q))) await setSetting(q, EXPORTS_DIR_SETTING, abs);
}

/** Render and write to outDir (or exportsFolder), never over an earlier file. Returns the path written. */
export async function runExport(q: DbRunner, req: ExportRequest): Promise<ExportDone> {
  const r = await renderExport(q, req);
  const written = writeExportFile(path.resolve(req.outDir ?? (await exportsFolder(q))), r.name, r.text);
  return { path: written, rows: r.rows, bytes: typeof r.text === 'string' ? Buffer.byteLength(r.text) : r.text.byteLength };
}
