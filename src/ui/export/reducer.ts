// Export screen state: what to write (figures wide/long/xlsx, report docx/txt, teams, members), the period,
// the delimiter and the folder; then the path written. Pure.
import { type Month, type Period, lastFinishedPeriod, monthParts, quarterOf } from '../../domain/period.js';
import type { ExportFormat, ExportKind } from '../../io/export/run.js';
import { nextPeriod } from '../../io/report/render.js';

// The report as a Word document comes before its plain text; each roster and the figures
// also as an Excel workbook.
export type ExportChoice = 'wide' | 'long' | 'report' | 'reportTxt' | 'figuresXlsx' | 'teams' | 'teamsXlsx' | 'members' | 'membersXlsx' | 'bundle';
// The bundle for the province last: one ← from the first choice.
export const EXPORT_CHOICES: readonly ExportChoice[] = ['wide', 'long', 'report', 'reportTxt', 'figuresXlsx', 'teams', 'teamsXlsx', 'members', 'membersXlsx', 'bundle'];
export const EXPORT_LABELS: Record<ExportChoice, string> = {
  wide: 'Số liệu CSV, mẫu ngang (một dòng mỗi tổ-tháng)',
  long: 'Số liệu CSV, mẫu dọc (một dòng mỗi số liệu)',
  report: 'Báo cáo Word (.docx, theo Nghị định 30/2020)',
  reportTxt: 'Báo cáo văn bản (.txt)',
  figuresXlsx: 'Số liệu Excel (.xlsx, mẫu ngang)',
  teams: 'Danh sách tổ (CSV)',
  teamsXlsx: 'Danh sách tổ (Excel .xlsx)',
  members: 'Danh sách thành viên (CSV)',
  membersXlsx: 'Danh sách thành viên (Excel .xlsx)',
  bundle: 'Tệp tổng hợp gửi tỉnh (.gz, theo mã đơn vị)',
};

/** What each choice asks of the export path (the same as `tonghop export KIND --format F`; the bundle: `tonghop export bundle`). */
export const CHOICE_EXPORTS: Record<ExportChoice, { kind: ExportKind | 'bundle'; format: ExportFormat | 'gz' }> = {
  wide: { kind: 'figures', format: 'wide' },
  long: { kind: 'figures', format: 'long' },
  report: { kind: 'report', format: 'docx' },
  reportTxt: { kind: 'report', format: 'txt' },
  figuresXlsx: { kind: 'figures', format: 'xlsx' },
  teams: { kind: 'teams', format: 'csv' },
  teamsXlsx: { kind: 'teams', format: 'xlsx' },
  members: { kind: 'members', format: 'csv' },
  membersXlsx: { kind: 'members', format: 'xlsx' },
  bundle: { kind: 'bundle', format: 'gz' },
};

export type PeriodKind = Period['kind'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: 'Tháng', quarter: 'Quý', year: 'Năm' };

export const ROWS = ['what', 'periodKind', 'period', 'delimiter', 'folder'] as const;
export type Row = (typeof ROWS)[number];

export interface ExportState {
  row: number;
  /** What this screen offers (the commune: everything; the province: its report, .docx or .txt). */
  choices: readonly ExportChoice[];
  what: ExportChoice;
  period: Period;
  delimiter: ',' | ';';
  folder: string;
  /** Typed into or erased: the remembered folder, read late, no longer replaces it. */
  folderEdited: boolean;
  busy: boolean;
  written: string | null;
  error: string | null;
}

export type ExportAction =
  | { type: 'move'; delta: number }
  | { type: 'choice'; delta: number; max: Month }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** The remembered folder, read once: it fills the field unless the officer typed already. */
  | { type: 'folderKnown'; folder: string }
  | { type: 'busy' }
  | { type: 'written'; path: string }
  | { type: 'failed'; message: string };

/** The last quarter that has ended comes first: a report of one still under way is the exception. */
export function initialExport(current: Month, folder: string, choices: readonly ExportChoice[] = EXPORT_CHOICES): ExportState {
  return { row: 0, choices, what: choices[0]!, period: lastFinishedPeriod('quarter', current), delimiter: ',', folder, folderEdited: false, busy: false, written: null, error: null };
}

/** Rows that mean something for the chosen export (teams/members have no period, the report no delimiter). */
export function rowEnabled(s: Pick<ExportState, 'what'>, row: Row): boolean {
  const { kind, format } = CHOICE_EXPORTS[s.what];
  if (row === 'periodKind' || row === 'period') return kind === 'figures' || kind === 'report' || kind === 'bundle';
  if (row === 'delimiter') return format === 'wide' || format === 'long' || format === 'csv';
  return true;
}

/** Rows some choice of this screen uses: the others are not drawn (the province's report has no delimiter). */
export function rowUsed(s: Pick<ExportState, 'choices'>, row: Row): boolean {
  return s.choices.some((what) => rowEnabled({ what }, row));
}

function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { kind: 'month', year: p.year, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { kind: 'quarter', year: p.year, quarter: p.quarter - 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
  }
}

function firstMonth(p: Period): Month {
  const m = p.kind === 'month' ? p.month : p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : 1;
  return `${p.year}-${String(m).padStart(2, '0')}`;
}

function withKind(p: Period, kind: PeriodKind): Period {
  const start = firstMonth(p);
  const { year, month } = monthParts(start);
  if (kind === 'month') return { kind, year, month };
  if (kind === 'quarter') return { kind, year, quarter: quarterOf(start) };
  return { kind, year };
}

export function exportReducer(s: ExportState, a: ExportAction): ExportState {
  switch (a.type) {
    case 'move': {
      let row = s.row;
      for (let i = 0; i < ROWS.length; i++) {
        row = Math.max(0, Math.min(ROWS.length - 1, row + a.delta));
        if (rowEnabled(s, ROWS[row]!)) break;
      }
      return rowEnabled(s, ROWS[row]!) ? { ...s, row } : s;
    }
    case 'choice': {
      const row = ROWS[s.row]!;
      const cycle = <T,>(list: readonly T[], v: T) => list[(list.indexOf(v) + a.delta + list.length) % list.length]!;
      if (row === 'what') return { ...s, what: cycle(s.choices, s.what), written: null };
      if (row === 'periodKind') return { ...s, period: withKind(s.period, cycle(PERIOD_KINDS, s.period.kind)), written: null };
      if (row === 'period') {
        const p = a.delta < 0 ? previousPeriod(s.period) : nextPeriod(s.period);
        return firstMonth(p) > a.max ? s : { ...s, period: p, written: null };
      }
      if (row === 'delimiter') return { ...s, delimiter: s.delimiter === ',' ? ';' : ',', written: null };
      return s;
    }
    case 'type':
      return ROWS[s.row] === 'folder' ? { ...s, folder: (s.folder + a.text).normalize('NFC'), folderEdited: true } : s;
    case 'erase':
      return ROWS[s.row] === 'folder' ? { ...s, folder: Array.from(s.folder).slice(0, -1).join(''), folderEdited: true } : s;
    case 'folderKnown':
      return s.folderEdited ? s : { ...s, folder: a.folder };
    case 'busy':
      return { ...s, busy: true, error: null };
    case 'written':
      return { ...s, busy: false, written: a.path };
    case 'failed':
      return { ...s, busy: false, error: a.message };
  }
}
