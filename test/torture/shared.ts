// What the torture parent and its children agree on: the commune's size, the months typed into,
// and what import batch b contains (so the parent can tell a whole batch from a partial one).
import { STANDARD_INDICATORS } from '../../src/domain/indicators.js';
import { addMonths } from '../../src/domain/period.js';

export const TEAMS = 60;
export const ENTRY_MONTHS = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
export const INDICATORS = STANDARD_INDICATORS.map((i) => i.code);

export const teamCode = (i: number) => `TT${String(i + 1).padStart(3, '0')}`;

/** Batch b imports month 2000-01 + b: a month no entry session touches. */
export const batchMonth = (b: number) => addMonths('2000-01', b);
export const monthBatch = (m: string) => (Number(m.slice(0, 4)) - 2000) * 12 + Number(m.slice(5, 7)) - 1;

export function batchValue(b: number, team: number, ind: number): number {
  return (b * 31 + team * 7 + ind * 3) % 1000;
}

export function batchShape(b: number): { forms: number; values: number; sum: number } {
  let sum = 0;
  for (let t = 0; t < TEAMS; t++) for (let i = 0; i < INDICATORS.length; i++) sum += batchValue(b, t, i);
  return { forms: TEAMS, values: TEAMS * INDICATORS.length, sum };
}

/** The wide figures CSV of batch b, as an officer's spreadsheet would be. */
export function batchCsv(b: number): string {
  const head = ['ma_to', 'thang', ...INDICATORS, 'ngay_nhan', 'ghi_chu'].join(',');
  const rows = Array.from({ length: TEAMS }, (_, t) =>
    [teamCode(t), batchMonth(b), ...INDICATORS.map((_, i) => String(batchValue(b, t, i))), '', `Lô nhập ${b}`].join(','),
  );
  return [head, ...rows].join('\r\n') + '\r\n';
}

export type ChildMessage =
  | { t: 'open'; ms: number }
  | { t: 'state'; values: Record<string, number>; batches: Record<string, { forms: number; values: number; sum: number }> }
  | { t: 'begin'; id: number; op: import('./model.js').Op }
  | { t: 'commit'; id: number }
  | { t: 'checkpoint'; ms: number };
