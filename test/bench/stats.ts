// Median, p95 and the printed table of `npm run bench`.
import { padCell } from '../../src/io/text-table.js';

export interface Figure {
  group: string;
  name: string;
  unit: 'ms' | 'values/s' | 'MB' | 'x';
  median: number;
  p95: number;
  max: number;
  runs: number;
  /** The goal, e.g. "≤ 300 ms"; `ok` tells whether the p95 (or the median for throughput) meets it. */
  goal?: string;
  ok?: boolean;
  peakRssMb?: number;
  note?: string;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}

export function summarise(
  group: string,
  name: string,
  samples: readonly number[],
  opts: { unit?: Figure['unit']; goalMax?: number; goalMin?: number; peakRssMb?: number; note?: string } = {},
): Figure {
  const unit = opts.unit ?? 'ms';
  const median = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);
  let goal: string | undefined;
  let ok: boolean | undefined;
  if (opts.goalMax !== undefined) {
    goal = `≤ ${opts.goalMax} ${unit}`;
    ok = p95 <= opts.goalMax;
  } else if (opts.goalMin !== undefined) {
    goal = `≥ ${opts.goalMin.toLocaleString('en-US')} ${unit}`;
    ok = median >= opts.goalMin;
  }
  const max = samples.length ? Math.max(...samples) : NaN;
  return { group, name, unit, median, p95, max, runs: samples.length, goal, ok, peakRssMb: opts.peakRssMb, note: opts.note };
}

const fmt = (n: number, unit: string) =>
  Number.isNaN(n) ? '—' : unit === 'values/s' ? Math.round(n).toLocaleString('en-US') : n < 10 ? n.toFixed(2) : n.toFixed(0);

export function printTable(figures: readonly Figure[]): string {
  const head = ['group', 'measure', 'median', 'p95', 'max', 'unit', 'runs', 'goal', 'ok', 'peak RSS MB'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    fmt(f.median, f.unit),
    fmt(f.p95, f.unit),
    fmt(f.max, f.unit),
    f.unit,
    String(f.runs),
    f.goal ?? '',
    f.ok === undefined ? '' : f.ok ? 'yes' : 'NO',
    f.peakRssMb === undefined ? '' : f.peakRssMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => padCell(c, widths[i]!, i >= 2 && i <= 6 ? 'right' : 'left')).join('  ');
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
