// The paper-form entry: one team × one month, a field per indicator (fixed order), the received
// date and a note. Pure: every key is an action; leaving a field validates it and, when the value
// changed, hands the hook a `commit` to write. Nothing here touches the database.
import { keyName } from '../keys/hint.js';
import { FIELD_NOTE, FIELD_RECEIVED } from '../../db/forms.js';
import type { Month } from '../../domain/period.js';
import type { Indicator } from '../../domain/schemas.js';
import { cleanText, formatDate, todayIso } from '../../domain/text.js';
import { DAYS_ACTIVE, HOURS_ACTIVE, type Parsed, checkActivity, checkReceivedOn, parseValue, plausibilityWarning } from '../../domain/validation.js';

export type FieldKind = 'value' | 'date' | 'note';

export interface EntryField {
  /** Indicator code, FIELD_RECEIVED or FIELD_NOTE (the names value_change uses). */
  key: string;
  kind: FieldKind;
  label: string;
  unit: string | null;
}

export const NOTE_MAX = 500;
const VALUE_MAX_CHARS = 12;

/** The plan's indicators in their fixed order, then the received date and the note. */
export function entryFields(indicators: readonly Indicator[]): EntryField[] {
  return [
    ...indicators.map((i): EntryField => ({ key: i.code, kind: 'value', label: i.label, unit: i.unit })),
    { key: FIELD_RECEIVED, kind: 'date', label: 'Ngày nhận phiếu', unit: null },
    { key: FIELD_NOTE, kind: 'note', label: 'Ghi chú (nội dung hỗ trợ, khó khăn)', unit: null },
  ];
}

/** What the hook must write after a field was left: the parsed value (null = blank). */
export interface Commit {
  key: string;
  kind: FieldKind;
  value: number | string | null;
  /** What the field showed before (as stored): a save over a value changed since is refused. */
  shown: number | string | null;
}

/** A stored canonical text as the value it stands for ('' = blank). */
function storedAsValue(field: EntryField, text: string): number | string | null {
  if (text === '') return null;
  return field.kind === 'value' ? Number(text) : text;
}

export interface EntryState {
  fields: readonly EntryField[];
  month: Month;
  now: Date;
  focus: number;
  /** Text of the focused field as typed. */
  draft: string;
  /** The next typed character replaces the draft (like a spreadsheet cell); Backspace edits it. */
  fresh: boolean;
  /** What the database holds, as canonical text: digits, ISO date, note; '' = blank. */
  stored: Readonly<Record<string, string>>;
  exists: boolean;
  loaded: boolean;
  error: string | null;
  /** Esc pressed with a refused value: a second Esc discards it. */
  confirmDiscard: boolean;
  /** Effects of the last action, carried out by the hook. */
  commit: Commit | null;
  finished: boolean;
}

export type EntryAction =
  | { type: 'load'; stored: Record<string, string>; exists: boolean }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  /** Enter/Tab (+1), Shift+Tab/↑ (−1), or 0 = commit in place (before leaving the screen). */
  | { type: 'move'; delta: -1 | 0 | 1 }
  | { type: 'focus'; index: number }
  | { type: 'revert' }
  | { type: 'fail'; message: string };

export function initialEntry(fields: readonly EntryField[], month: Month, now: Date): EntryState {
  return {
    fields,
    month,
    now,
    focus: 0,
    draft: '',
    fresh: true,
    stored: {},
    exists: false,
    loaded: false,
    error: null,
    confirmDiscard: false,
    commit: null,
    finished: false,
  };
}

/** The text a field shows when not being edited (a new form's received date defaults to today). */
export function displayText(s: Pick<EntryState, 'stored' | 'exists' | 'now'>, field: EntryField): string {
  const v = s.stored[field.key] ?? '';
  if (field.kind === 'date') return v ? formatDate(v) : s.exists ? '' : formatDate(todayIso(s.now));
  return v;
}

function validate(s: EntryState, field: EntryField, text: string): Parsed<number | string | null> {
  switch (field.kind) {
    case 'value': {
      const p = parseValue(text);
      const act = p.ok ? activityWith(s, field, p.value) : null;
      return act?.error && act.error.code === field.key ? { ok: false, error: act.error.message } : p;
    }
    case 'date':
      return checkReceivedOn(text, s.month, s.now);
    case 'note': {
      const t = cleanText(text);
      return { ok: true, value: t === '' ? null : t };
    }
  }
}

const canonical = (v: number | string | null): string => (v === null ? '' : String(v));

/** Days and hours active with this field's value in place of the stored one (null: not one of them). */
function activityWith(s: Pick<EntryState, 'month' | 'stored'>, field: EntryField, value: number | null) {
  if (field.key !== DAYS_ACTIVE && field.key !== HOURS_ACTIVE) return null;
  const stored = (code: string) => (s.stored[code] ? Number(s.stored[code]) : null);
  const days = field.key === DAYS_ACTIVE ? value : stored(DAYS_ACTIVE);
  const hours = field.key === HOURS_ACTIVE ? value : stored(HOURS_ACTIVE);
  return checkActivity(s.month, days, hours, field.key === DAYS_ACTIVE ? 'days' : 'hours');
}

/** The draft of the focused field differs from what is stored. */
export function isDirty(s: EntryState): boolean {
  const f = s.fields[s.focus];
  return !!f && s.loaded && s.draft !== displayText(s, f);
}

function focusOn(s: EntryState, index: number): EntryState {
  const i = Math.max(0, Math.min(s.fields.length - 1, index));
  const f = s.fields[i]!;
  return { ...s, focus: i, draft: displayText(s, f), fresh: f.kind !== 'note', error: null, confirmDiscard: false };
}

function leave(s: EntryState, delta: -1 | 0 | 1): EntryState {
  const field = s.fields[s.focus];
  if (!field || !s.loaded) return s;
  const parsed = validate(s, field, s.draft);
  if (!parsed.ok) return { ...s, error: parsed.error };
  const text = canonical(parsed.value);
  // A new form's received date is "changed" even when left as shown: leaving it records the form.
  const changed = text !== (s.stored[field.key] ?? '') || (field.kind === 'date' && !s.exists);
  let next: EntryState = s;
  if (changed) {
    const stored = { ...s.stored, [field.key]: text };
    if (!s.exists && field.kind !== 'date') stored[FIELD_RECEIVED] = todayIso(s.now);
    next = { ...s, stored, exists: true, commit: { key: field.key, kind: field.kind, value: parsed.value, shown: storedAsValue(field, s.stored[field.key] ?? '') } };
  }
  const last = s.focus === s.fields.length - 1;
  if (delta === 1 && last) return { ...focusOn(next, s.focus), finished: true };
  return focusOn(next, s.focus + delta);
}

export function entryReducer(state: EntryState, a: EntryAction): EntryState {
  const s: EntryState = state.commit || state.finished ? { ...state, commit: null, finished: false } : state;
  const field = s.fields[s.focus];
  switch (a.type) {
    case 'load': {
      const dirty = isDirty(s);
      const next = { ...s, stored: a.stored, exists: a.exists, loaded: true };
      return dirty ? next : focusOn(next, s.focus);
    }
    case 'type': {
      if (!field || !s.loaded) return s;
      const max = field.kind === 'note' ? NOTE_MAX : VALUE_MAX_CHARS;
      const draft = (s.fresh ? a.text : s.draft + a.text).normalize('NFC').slice(0, max);
      return { ...s, draft, fresh: false, error: errorAsTyped(field, draft), confirmDiscard: false };
    }
    case 'erase': {
      if (!field || !s.loaded) return s;
      const draft = Array.from(s.draft).slice(0, -1).join('');
      return { ...s, draft, fresh: false, error: errorAsTyped(field, draft), confirmDiscard: false };
    }
    case 'move':
      return leave(s, a.delta);
    case 'focus':
      return focusOn(s, a.index);
    case 'revert':
      return field ? focusOn(s, s.focus) : s;
    case 'fail':
      return { ...s, error: a.message };
  }
}

/** Figures are checked on every key; a date only when left (half-typed dates are not errors). */
function errorAsTyped(field: EntryField, draft: string): string | null {
  if (field.kind !== 'value') return null;
  const p = parseValue(draft);
  return p.ok ? null : p.error;
}

/** Back (q/Esc): a refused value first asks for a second Esc; otherwise commit and go. */
export function backRequest(s: EntryState): { state: EntryState; leave: boolean } {
  if (!s.loaded) return { state: s, leave: true };
  if (s.confirmDiscard) return { state: { ...s, confirmDiscard: false }, leave: true };
  const next = entryReducer(s, { type: 'move', delta: 0 });
  if (next.error) {
    return { state: { ...next, confirmDiscard: true, error: `${next.error} — chưa lưu. ${keyName('back', 'digits')} lần nữa để bỏ giá trị này` }, leave: false };
  }
  return { state: next, leave: true };
}

export interface WarningContext {
  households: number | null;
  adults: number | null;
  /** The team's earlier values per indicator (for the "far above usual" warning). */
  history: Readonly<Record<string, readonly number[]>>;
}

/**
 * A warning that does not block: more than the area has, far above the team's median, or (with
 * the form) more than 12 hours a day on average.
 */
export function fieldWarning(field: EntryField, text: string, ctx: WarningContext, form?: Pick<EntryState, 'month' | 'stored'>): string | null {
  if (field.kind !== 'value') return null;
  const p = parseValue(text);
  if (!p.ok || p.value === null) return null;
  const act = form ? activityWith(form, field, p.value) : null;
  if (act?.warning && field.key === HOURS_ACTIVE) return act.warning;
  return plausibilityWarning(p.value, {
    unit: field.unit ?? '',
    households: ctx.households,
    adults: ctx.adults,
    history: ctx.history[field.key] ?? [],
  });
}

/** The next team in list order (Vietnamese order) after `currentId` still without a form. */
export function nextTeamWithoutForm(
  teams: readonly { id: number }[],
  withForm: ReadonlySet<number>,
  currentId: number | null,
): number | null {
  const start = currentId === null ? -1 : teams.findIndex((t) => t.id === currentId);
  for (let k = 1; k <= teams.length; k++) {
    const t = teams[(start + k + teams.length) % teams.length]!;
    if (t.id !== currentId && !withForm.has(t.id)) return t.id;
  }
  return null;
}
