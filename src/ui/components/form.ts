// A small form engine for the data-entry screens (team, member, training, move): the fields,
// the focus, what was typed, and which messages to show. Pure: screens add the zod check and
// the saving. Values are kept as typed text; each screen turns them into its schema's input.
import { parseDate } from '../../domain/text.js';
import { edit } from './TextField.js';

export type FieldKind =
  /** Free text; with `options`, ←/→ also cycles through suggestions. */
  | 'text'
  /** Whole number typed as digits (other characters are refused with a message). */
  | 'digits'
  /** A date typed as dd/mm/yyyy (or yyyy-mm-dd). */
  | 'date'
  /** One of `options`, chosen with ←/→ only. */
  | 'choice';

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  /** How option values are shown (e.g. 'to_truong' → 'Tổ trưởng'). */
  optionLabel?: (value: string) => string;
  width?: number;
  placeholder?: string;
  max?: number;
  /** Shown only when this is true of the values (e.g. area fields of an area-level team). */
  when?: (values: Readonly<Record<string, string>>) => boolean;
}

export interface FormState {
  values: Record<string, string>;
  initial: Record<string, string>;
  focus: string;
  /** Fields left at least once: their messages are shown. */
  touched: Record<string, true>;
  /** Saving was tried: every message is shown. */
  submitted: boolean;
  /** A keystroke refused in the focused field (e.g. a letter in a number). */
  keyError: string | null;
}

export type FormAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'move'; delta: number }
  | { type: 'focus'; key: string }
  | { type: 'choose'; delta: number }
  | { type: 'set'; key: string; value: string }
  | { type: 'submitted' }
  | { type: 'saved' };

export function initialForm(defs: readonly FieldDef[], values: Record<string, string>): FormState {
  const filled = Object.fromEntries(defs.map((d) => [d.key, values[d.key] ?? '']));
  return { values: filled, initial: filled, focus: defs[0]?.key ?? '', touched: {}, submitted: false, keyError: null };
}

export function visibleFields(defs: readonly FieldDef[], values: Readonly<Record<string, string>>): FieldDef[] {
  return defs.filter((d) => !d.when || d.when(values));
}

export function focusedField(defs: readonly FieldDef[], s: FormState): FieldDef | undefined {
  return visibleFields(defs, s.values).find((d) => d.key === s.focus);
}

export function isDirty(s: FormState): boolean {
  return Object.keys(s.values).some((k) => s.values[k] !== s.initial[k]);
}

/** Is the focused field the last one shown (Enter there saves the form)? */
export function onLastField(defs: readonly FieldDef[], s: FormState): boolean {
  const shown = visibleFields(defs, s.values);
  return shown[shown.length - 1]?.key === s.focus;
}

/** Keys go to the focused field as text unless it is a pure choice. */
export function typingOf(field: FieldDef | undefined): 'text' | false {
  return field && field.kind !== 'choice' ? 'text' : false;
}

function accepts(field: FieldDef, text: string): string | null {
  if (field.kind === 'digits' && !/^[0-9]+$/u.test(text)) return `${field.label}: chỉ gõ chữ số`;
  if (field.kind === 'date' && !/^[0-9/.-]+$/u.test(text)) return `${field.label}: gõ ngày dạng dd/mm/yyyy`;
  return null;
}

export function formReducer(defs: readonly FieldDef[]) {
  return (s: FormState, a: FormAction): FormState => {
    const field = focusedField(defs, s);
    switch (a.type) {
      case 'type': {
        if (!field || field.kind === 'choice') return s;
        const refused = accepts(field, a.text);
        if (refused) return { ...s, keyError: refused };
        const value = edit.type(s.values[field.key] ?? '', a.text, field.max ?? 200);
        return { ...s, values: { ...s.values, [field.key]: value }, keyError: null };
      }
      case 'erase': {
        if (!field || field.kind === 'choice') return s;
        return { ...s, values: { ...s.values, [field.key]: edit.backspace(s.values[field.key] ?? '') }, keyError: null };
      }
      case 'move': {
        const shown = visibleFields(defs, s.values);
        const i = shown.findIndex((d) => d.key === s.focus);
        const next = shown[Math.max(0, Math.min(shown.length - 1, i + a.delta))];
        if (!next) return s;
        return { ...s, focus: next.key, touched: { ...s.touched, [s.focus]: true }, keyError: null };
      }
      case 'focus':
        return { ...s, focus: a.key, touched: { ...s.touched, [s.focus]: true }, keyError: null };
      case 'choose': {
        if (!field?.options?.length) return s;
        const opts = field.options;
        const i = opts.indexOf(s.values[field.key] ?? '');
        const j = i < 0 ? (a.delta > 0 ? 0 : opts.length - 1) : (i + a.delta + opts.length) % opts.length;
        return { ...s, values: { ...s.values, [field.key]: opts[j]! }, keyError: null };
      }
      case 'set':
        return { ...s, values: { ...s.values, [a.key]: a.value } };
      case 'submitted':
        return { ...s, submitted: true, touched: { ...s.touched, [s.focus]: true } };
      case 'saved':
        return { ...s, initial: s.values, submitted: false, touched: {} };
    }
  };
}

/** The message to show next to each field: only for fields left already, or all after a save was tried. */
export function shownErrors(s: FormState, errors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(errors)) if (s.submitted || s.touched[k]) out[k] = m;
  if (s.keyError) out[s.focus] = s.keyError;
  return out;
}

/** '' → null, digits → number: the typed text of a number field as the schema wants it. */
export function numberOrNull(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  return t === '' ? null : Number(t);
}

/** '' → null: an optional text. */
export function textOrNull(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  return t === '' ? null : t;
}

/**
 * Messages for typed dates that are not dates. The schemas' optional dates are unions, and zod
 * reports a failed union as "Invalid input" (English) instead of the date's own message.
 */
export function badDates(defs: readonly FieldDef[], values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of visibleFields(defs, values)) {
    const v = (values[d.key] ?? '').trim();
    if (d.kind === 'date' && v !== '' && !parseDate(v)) out[d.key] = `${d.label}: ngày không hợp lệ (dd/mm/yyyy)`;
  }
  return out;
}
