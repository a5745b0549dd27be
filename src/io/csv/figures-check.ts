// Checking a figures file (wide or long, told apart by the header) in one pass, with every
// lookup in a Map: the team codes, the known indicators, the forms that already exist. The rows
// are read as they come (a 50 MB file is never held): checked forms go to a sink in batches (a
// real import writes them inside its one transaction) until a row is refused; from then on
// only problems are kept, so every refused row is still listed and nothing is written.
import { type Month, monthLabel, parseMonth } from '../../domain/period.js';
import { cleanText, excerpt, nfc } from '../../domain/text.js';
import { DAYS_ACTIVE, HOURS_ACTIVE, checkActivity, checkFormMonth, checkReceivedOn, parseValue } from '../../domain/validation.js';
import type { Db } from '../../db/database.js';
import { type FiguresLookups, type FiguresShape, type StagedForm, formKey, loadFiguresLookups } from '../../db/figures-import.js';
import { type Problem } from './problems.js';
import { type StreamTable, type TableInput, cellOf, hasColumn, headerNames, readTableStream } from './table.js';
import type { Delimiter } from './parse.js';
import { LongForms } from './long-forms.js';

export type FiguresLayout = 'wide' | 'long';

export interface FiguresCheck extends FiguresShape {
  kind: 'figures';
  /** Values in all the forms. */
  values: number;
  layout: FiguresLayout;
  delimiter: Delimiter;
  rows: number;
  problems: Problem[];
  warnings: Problem[];
  added: number;
  replaced: number;
  /** Rows that make no form: all-blank template rows (wide), blank values (long). */
  skipped: number;
}

export const WIDE_FIXED = ['ma_to', 'thang'] as const;
export const WIDE_TAIL = ['ngay_nhan', 'ghi_chu'] as const;
export const LONG_COLUMNS = ['ma_to', 'thang', 'chi_so', 'gia_tri'] as const;
const NOTE_MAX = 2000;

/** Long when the header names chi_so and gia_tri; wide otherwise. */
export function detectLayout(input: TableInput): FiguresLayout {
  const names = headerNames(input);
  return names.has('chi_so') || names.has('gia_tri') ? 'long' : 'wide';
}

export interface CheckContext extends FiguresLookups {
  now: Date;
}

export async function loadFiguresContext(q: Db, now: Date): Promise<CheckContext> {
  return { ...(await loadFiguresLookups(q)), now };
}

/** Where checked forms go while the file is read (figures-import.ts: openFiguresWriter). */
export interface FormSink {
  write(forms: StagedForm[]): Promise<void>;
}
/** Opened once the header says which columns the file has. */
export type OpenSink = (shape: FiguresShape) => Promise<FormSink>;

/** Forms handed to the sink at a time (≈ 50,000 values): memory stays bounded whatever the file's size. */
const VALUES_PER_BATCH = 50_000;

export async function checkFigures(text: TableInput, ctx: CheckContext, openSink?: OpenSink): Promise<FiguresCheck> {
  const layout = detectLayout(text);
  const list = [...ctx.indicators].sort().join(', ');
  const table =
    layout === 'wide'
      ? await readTableStream(text, {
          required: WIDE_FIXED,
          // Exports carry the team's name after ma_to, for people reading them: accepted, ignored.
          optional: [...WIDE_TAIL, 'ten_to'],
          multiline: ['ghi_chu'],
          dynamic: (name) => ctx.indicators.has(name),
          expected: `Mẫu ngang: ma_to,thang,<mã chỉ số…>,ngay_nhan,ghi_chu; các mã chỉ số có: ${list}.`,
        })
      : await readTableStream(text, { required: LONG_COLUMNS, optional: [], expected: 'Mẫu dọc: ma_to,thang,chi_so,gia_tri.' });
  const out: FiguresCheck = {
    kind: 'figures',
    layout,
    delimiter: table.delimiter,
    rows: 0,
    problems: table.problems,
    warnings: [],
    setReceived: layout === 'wide' && hasColumn(table, 'ngay_nhan'),
    setNote: layout === 'wide' && hasColumn(table, 'ghi_chu'),
    columns: layout === 'wide' ? new Set(table.columns.filter((c) => ctx.indicators.has(c))) : null,
    added: 0,
    replaced: 0,
    skipped: 0,
    values: 0,
  };
  const sink = openSink ? await openSink(out) : null;
  let batch: StagedForm[] = [];
  let batchValues = 0;
  const flush = async () => {
    if (sink && batch.length && out.problems.length === 0) await sink.write(batch);
    batch = [];
    batchValues = 0;
  };
  const accept = async (f: StagedForm) => {
    if (f.formId !== null) out.replaced++;
    else out.added++;
    out.values += f.codes.length;
    // Once a row is refused nothing will be written: the forms are no longer kept.
    if (!sink || out.problems.length) return;
    batch.push(f);
    batchValues += f.codes.length;
    if (batchValues >= VALUES_PER_BATCH) await flush();
  };
  if (layout === 'wide') await checkWide(table, ctx, out, accept);
  else await checkLong(table, ctx, out, accept);
  await flush();
  out.problems.sort((a, b) => a.line - b.line);
  return out;
}

/** ma_to and thang of a row: the team id and month, or problems pushed. */
function teamMonth(table: StreamTable, rec: { line: number; cells: string[] }, ctx: CheckContext, problems: Problem[]) {
  const line = rec.line;
  const code = cleanText(cellOf(table, rec, 'ma_to')).toUpperCase();
  const rawMonth = cellOf(table, rec, 'thang').trim();
  let teamId: number | undefined;
  let month: Month | null = null;
  if (!code) problems.push({ line, column: 'ma_to', message: 'thiếu mã tổ' });
  else {
    teamId = ctx.teams.get(code);
    if (teamId === undefined) problems.push({ line, column: 'ma_to', message: `không có tổ mã ${excerpt(code)} (nhập danh sách tổ trước)` });
  }
  if (!rawMonth) problems.push({ line, column: 'thang', message: 'thiếu tháng' });
  else {
    month = parseMonth(rawMonth);
    if (!month) problems.push({ line, column: 'thang', message: `tháng ${excerpt(rawMonth)} không đúng dạng YYYY-MM (ví dụ 2026-10)` });
    else {
      const ok = checkFormMonth(month, ctx.now);
      if (!ok.ok) {
        problems.push({ line, column: 'thang', message: ok.error });
        month = null;
      }
    }
  }
  return { code, teamId, month };
}

type Accept = (f: StagedForm) => Promise<void>;

async function checkWide(table: StreamTable, ctx: CheckContext, out: FiguresCheck, accept: Accept): Promise<void> {
  const codes = table.columns.filter((c) => ctx.indicators.has(c));
  const idx = codes.map((c) => table.index.get(c)!);
  const seen = new Map<string, number>();
  const tail = WIDE_TAIL.filter((c) => hasColumn(table, c));
  const touchesActivity = out.columns!.has(DAYS_ACTIVE) || out.columns!.has(HOURS_ACTIVE);
  for await (const rec of table.rows) {
    out.rows++;
    const line = rec.line;
    // A template row (officers keep a sheet of every team × month and fill it month by month):
    // nothing reported, so no form — not even for a month still to come — and nothing changed.
    if (idx.every((i) => (rec.cells[i] ?? '').trim() === '') && tail.every((c) => cellOf(table, rec, c).trim() === '')) {
      out.skipped++;
      continue;
    }
    const before = out.problems.length;
    const { code, teamId, month } = teamMonth(table, rec, ctx, out.problems);
    const fc: string[] = [];
    const fv: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const raw = rec.cells[idx[i]!] ?? '';
      if (raw === '' ) continue;
      const p = parseValue(raw);
      if (!p.ok) out.problems.push({ line, column: codes[i]!, message: `${p.error} (${excerpt(raw.trim())})` });
      else if (p.value !== null) {
        fc.push(codes[i]!);
        fv.push(p.value);
      }
    }
    let receivedOn: string | null = null;
    if (out.setReceived && month) {
      const r = checkReceivedOn(cellOf(table, rec, 'ngay_nhan'), month, ctx.now);
      if (!r.ok) out.problems.push({ line, column: 'ngay_nhan', message: r.error });
      else receivedOn = r.value;
    }
    const note = noteOf(cellOf(table, rec, 'ghi_chu'));
    if (note && note.length > NOTE_MAX) out.problems.push({ line, column: 'ghi_chu', message: `ghi chú dài quá ${NOTE_MAX} ký tự` });
    if (teamId !== undefined && month) {
      const key = formKey(teamId, month);
      const first = seen.get(key);
      if (first !== undefined) {
        out.problems.push({ line, column: 'thang', message: `tổ ${code} tháng ${monthLabel(month)} đã có ở dòng ${first}` });
        continue;
      }
      seen.set(key, line);
      const formId = ctx.existing.get(key) ?? null;
      if (out.problems.length === before) {
        const valueOf = (c: string) => (out.columns!.has(c) ? valueIn(fc, fv, c) : formId === null ? null : (ctx.activity.get(formId)?.get(c) ?? null));
        // Judged only when the file speaks of days or hours: it is not refused for what it leaves alone.
        const act = touchesActivity
          ? checkActivity(month, valueOf(DAYS_ACTIVE), valueOf(HOURS_ACTIVE), out.columns!.has(HOURS_ACTIVE) ? 'hours' : 'days')
          : { error: null, warning: null };
        if (act.error) out.problems.push({ line, column: act.error.code, message: act.error.message });
        else {
          if (act.warning) out.warnings.push({ line, column: HOURS_ACTIVE, message: act.warning });
          await accept({ teamId, month, receivedOn, note, codes: fc, values: fv, formId });
        }
      }
    }
  }
}

async function checkLong(table: StreamTable, ctx: CheckContext, out: FiguresCheck, accept: Accept): Promise<void> {
  const codes = [...ctx.indicators];
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const gathered = new LongForms(codes);
  for await (const rec of table.rows) {
    out.rows++;
    const line = rec.line;
    const before = out.problems.length;
    const { code, teamId, month } = teamMonth(table, rec, ctx, out.problems);
    const ind = cellOf(table, rec, 'chi_so').trim().toLowerCase();
    const ci = codeIndex.get(ind);
    if (!ind) out.problems.push({ line, column: 'chi_so', message: 'thiếu mã chỉ số' });
    else if (ci === undefined) out.problems.push({ line, column: 'chi_so', message: `mã chỉ số ${excerpt(ind)} không có trong kế hoạch` });
    const raw = cellOf(table, rec, 'gia_tri');
    const p = parseValue(raw);
    if (!p.ok) out.problems.push({ line, column: 'gia_tri', message: `${p.error} (${excerpt(raw.trim())})` });
    else if (p.value === null && out.problems.length === before) {
      // The long layout has one row per reported value: a blank one reports nothing, and must
      // not make an empty form appear (which would count as received).
      out.warnings.push({ line, column: 'gia_tri', message: 'giá trị trống: bỏ qua dòng này (ô trống là chưa báo cáo)' });
      out.skipped++;
      continue;
    }
    if (teamId === undefined || !month) continue;
    const fi = gathered.form(formKey(teamId, month), teamId, month);
    let first = true;
    if (ci !== undefined) {
      const earlier = gathered.see(fi, ci);
      if (earlier !== undefined) {
        first = false;
        out.problems.push({ line, column: 'chi_so', message: `chỉ số ${ind} của tổ ${code} tháng ${monthLabel(month)} đã có ở dòng ${earlier}` });
      }
    }
    if (out.problems.length !== before) gathered.refuse(fi, ci, line, first);
    else if (p.ok && p.value !== null) gathered.add(fi, ci!, p.value, line);
  }
  for (const g of gathered.forms()) {
    const formId = ctx.existing.get(g.key) ?? null;
    const f: StagedForm = { teamId: g.teamId, month: g.month, receivedOn: null, note: null, codes: g.codes, values: g.values, formId };
    // The form as it will be: this file's rows over the values already stored.
    const stored = formId === null ? undefined : ctx.activity.get(formId);
    const valueOf = (c: string) => (f.codes.includes(c) ? valueIn(f.codes, f.values, c) : (stored?.get(c) ?? null));
    const lineOf = (c: string) => {
      const i = g.codes.indexOf(c);
      return i < 0 ? undefined : g.lines[i];
    };
    const hoursLine = lineOf(HOURS_ACTIVE);
    const daysLine = lineOf(DAYS_ACTIVE);
    if (hoursLine === undefined && daysLine === undefined) {
      await accept(f);
      continue;
    }
    const act = checkActivity(f.month, valueOf(DAYS_ACTIVE), valueOf(HOURS_ACTIVE), hoursLine === undefined ? 'days' : 'hours');
    const activityLine = (c: string) => ((c === HOURS_ACTIVE ? hoursLine : daysLine) ?? hoursLine ?? daysLine)!;
    if (act.error) out.problems.push({ line: activityLine(act.error.code), column: 'gia_tri', message: `${act.error.code}: ${act.error.message}` });
    else {
      if (act.warning) out.warnings.push({ line: activityLine(HOURS_ACTIVE), column: 'gia_tri', message: act.warning });
      await accept(f);
    }
  }
}

function valueIn(codes: readonly string[], values: readonly number[], code: string): number | null {
  const i = codes.indexOf(code);
  return i < 0 ? null : values[i]!;
}

/** A note is kept as written (NFC), so our own exports round-trip; a blank one is no note. */
function noteOf(raw: string): string | null {
  return raw.trim() === '' ? null : nfc(raw);
}
