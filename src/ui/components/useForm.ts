// The keys of a data-entry form (Tab/Enter next, Shift+Tab back, ←/→ choices, Ctrl+S save) and
// its saving: check with the screen's zod schema, save once, show each message by its field.
import { useMemo, useReducer, useRef, useState } from 'react';
import { useApp } from '../context.js';
import { type Handlers, useKeys } from '../keys/useKeys.js';
import {
  type FieldDef,
  type FormState,
  focusedField,
  formReducer,
  initialForm,
  isDirty,
  onLastField,
  shownErrors,
  typingOf,
  visibleFields,
} from './form.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** The screens drawn by this form engine (their keys: the union of theirs in the key table). */
export type FormScreen = 'teamForm' | 'memberForm' | 'training' | 'plan';

export interface FormOptions<T> {
  screen: FormScreen;
  defs: readonly FieldDef[];
  initial: Record<string, string>;
  /** The zod check, with messages keyed by field. */
  check(values: Readonly<Record<string, string>>): Checked<T>;
  /** Write it (in one transaction). Return messages by field to refuse it (e.g. a code already used). */
  save(value: T): Promise<Record<string, string> | void>;
  /** More keys of the screen (e.g. marking members in a list). */
  handlers?: Handlers<FormScreen>;
}

export interface FormHook {
  state: FormState;
  errors: Record<string, string>;
  saving: boolean;
  dirty: boolean;
  focused: FieldDef | undefined;
  submit(): Promise<void>;
  set(key: string, value: string): void;
}

export function useForm<T>(o: FormOptions<T>): FormHook {
  const app = useApp();
  const reducer = useMemo(() => formReducer(o.defs), [o.defs]);
  const [state, dispatch] = useReducer(reducer, o.initial, (v) => initialForm(o.defs, v));
  const [saveErrors, setSaveErrors] = useState<{ values: Record<string, string>; errors: Record<string, string> } | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const checked = useMemo(() => o.check(state.values), [state.values]);
  // A refusal from saving holds until the values change.
  const refusal = saveErrors && saveErrors.values === state.values ? saveErrors.errors : {};
  const errors = shownErrors(state, { ...(checked.ok ? {} : checked.errors), ...refusal });
  const focused = focusedField(o.defs, state);
  const dirty = isDirty(state);

  const submit = async () => {
    if (busy.current) return;
    dispatch({ type: 'submitted' });
    if (!checked.ok) {
      const first = visibleFields(o.defs, state.values).find((d) => d.key in checked.errors);
      if (first) dispatch({ type: 'focus', key: first.key });
      app.notify('Chưa lưu: hãy sửa các ô có dấu ✗', 'error');
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      const refused = await o.save(checked.value);
      if (refused && Object.keys(refused).length) {
        setSaveErrors({ values: state.values, errors: refused });
        const first = visibleFields(o.defs, state.values).find((d) => d.key in refused);
        if (first) dispatch({ type: 'focus', key: first.key });
        app.notify('Chưa lưu: hãy sửa các ô có dấu ✗', 'error');
      } else {
        dispatch({ type: 'saved' });
      }
    } catch (e) {
      app.notify(`Chưa lưu được: ${(e as Error).message}`, 'error');
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const choose = focused?.options?.length ? (delta: number) => () => dispatch({ type: 'choose', delta }) : null;
  useKeys<FormScreen, Handlers<FormScreen>>(
    o.screen,
    // While saving, Esc/q do nothing: the save goes back itself when done (two screens otherwise).
    saving
      ? { back: () => undefined }
      : {
          ...o.handlers,
          nextField: onLastField(o.defs, state) ? () => void submit() : () => dispatch({ type: 'move', delta: 1 }),
          prevField: () => dispatch({ type: 'move', delta: -1 }),
          fieldDown: () => dispatch({ type: 'move', delta: 1 }),
          fieldUp: () => dispatch({ type: 'move', delta: -1 }),
          choicePrev: choose ? choose(-1) : undefined,
          choiceNext: choose ? choose(1) : undefined,
          save: () => void submit(),
        },
    {
      typing: saving ? false : typingOf(focused),
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
      unsaved: dirty,
    },
  );

  return { state, errors, saving, dirty, focused, submit, set: (key, value) => dispatch({ type: 'set', key, value }) };
}
