// A team's page: the selected member and the members marked for a training. Pure, with the
// summaries the page shows (months reported, trainings held).
import type { MemberRow } from '../../db/members.js';
import { type Month, monthParts, monthRange } from '../../domain/period.js';
import { formatDate, parseDate } from '../../domain/text.js';
import { isActiveOn } from '../../domain/warnings.js';

export interface TeamPageState {
  selected: number;
  marked: number[];
}

export type TeamPageAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'toggleMark'; id: number; count: number }
  | { type: 'clearMarks' };

export const initialTeamPage: TeamPageState = { selected: 0, marked: [] };

export function teamPageReducer(s: TeamPageState, a: TeamPageAction): TeamPageState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'toggleMark': {
      const marked = s.marked.includes(a.id) ? s.marked.filter((x) => x !== a.id) : [...s.marked, a.id];
      // Space marks and moves on, so a run of members is marked by holding it down.
      return { ...s, marked, selected: Math.min(a.count - 1, s.selected + 1) };
    }
    case 'clearMarks':
      return s.marked.length ? { ...s, marked: [] } : s;
  }
}

export interface MonthMark {
  month: Month;
  label: string;
  /** reported: a form exists; missing: none yet; future: not due yet. */
  state: 'reported' | 'missing' | 'future';
}

/** Each month of the plan's span, with whether the team has a form for it (months after `current` are not due yet). */
export function monthsReported(spanStart: Month, spanEnd: Month, formMonths: readonly Month[], current: Month): MonthMark[] {
  const have = new Set(formMonths);
  const oneYear = spanStart.slice(0, 4) === spanEnd.slice(0, 4);
  return monthRange(spanStart, spanEnd).map((month) => {
    const { year, month: m } = monthParts(month);
    const label = oneYear ? String(m).padStart(2, '0') : `${String(m).padStart(2, '0')}/${String(year).slice(2)}`;
    return { month, label, state: have.has(month) ? 'reported' : month > current ? 'future' : 'missing' };
  });
}

export interface TrainingHeld {
  heldOn: string;
  topic: string;
  attended: number;
}

/** The team's trainings: one per date and topic with how many of its members attended, latest first. */
export function trainingsHeld(members: readonly MemberRow[]): TrainingHeld[] {
  const by = new Map<string, TrainingHeld>();
  for (const m of members) {
    for (const t of m.trainings) {
      const key = `${t.heldOn}|${t.topic}`;
      const x = by.get(key) ?? { heldOn: t.heldOn, topic: t.topic, attended: 0 };
      x.attended += 1;
      by.set(key, x);
    }
  }
  return [...by.values()].sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : a.topic.localeCompare(b.topic, 'vi')));
}

/** Members in the team today with at least one training from the plan's first day. */
export function trainedCount(members: readonly MemberRow[], spanStartDay: string, today: string): { trained: number; active: number } {
  const active = members.filter((m) => isActiveOn(m, today));
  return { trained: active.filter((m) => m.trainings.some((t) => t.heldOn >= spanStartDay && t.heldOn <= today)).length, active: active.length };
}

export type JoinedOnCheck = { ok: true; joinedOn: string | null } | { ok: false; message: string };

/** The joining date typed for several members: blank is "since before anything we track"; a date
 * after one of them left would end that membership before it began. Messages are short: the
 * question, the date and the message share one line of 80 columns. */
export function checkJoinedOn(text: string, members: readonly Pick<MemberRow, 'leftOn'>[]): JoinedOnCheck {
  if (!text.trim()) return { ok: true, joinedOn: null };
  const iso = parseDate(text);
  if (!iso) return { ok: false, message: 'Sai ngày (dd/mm/yyyy)' };
  const left = members.find((m) => m.leftOn && m.leftOn < iso);
  if (left) return { ok: false, message: `Sau ngày rời tổ ${formatDate(left.leftOn)}` };
  return { ok: true, joinedOn: iso };
}
