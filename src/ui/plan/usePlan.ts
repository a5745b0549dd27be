// The Plan screen's keys and saving: the form engine over the plan's fields, Ctrl+R back to the
// preset's value, and one transaction for the plan and the thresholds; then every screen
// recomputes with them.
import { useMemo, useRef } from 'react';
import { getPlan, getSetting, getThresholds, savePlan, setSetting, setThresholds } from '../../db/unit.js';
import { checkRecipient } from '../../domain/recipient.js';
import { RECIPIENT_SETTING } from '../../io/report/model.js';
import { type PlanEdit, checkPlanForm, planFormValues } from '../../domain/plan-edit.js';
import { DEFAULT_THRESHOLDS, type Plan, type Thresholds } from '../../domain/schemas.js';
import { loadPreset } from '../../io/presets.js';
import { truncate } from '../../io/text-table.js';
import { onLastField } from '../components/form.js';
import { type Checked, type FormHook, useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { LABEL_WIDTH, RECIPIENT_KEY, UNIT_CODE_KEY, planAsides, planFields } from './fields.js';
import { getUnitIdentity, setUnitCode } from '../../db/unit-level.js';
import { checkUnitCode } from '../../domain/unit-code.js';
import { fieldRows, focusRange, followFocus, planLines } from './reducer.js';

export interface LoadedPlan {
  presetId: string;
  plan: Plan;
  thresholds: Thresholds;
  /** The preset the plan was copied from (null when its file is gone): Ctrl+R's values. */
  preset: Plan | null;
  /** The report's "Kính gửi:" (setting report_recipient), null when not set. */
  recipient: string | null;
  /** The commune's unit code, null when not set. */
  unitCode: string | null;
}

/** The preset's plan, or null when its file is missing or unreadable (Ctrl+R is then off). */
function presetPlan(id: string) {
  try {
    return loadPreset(id)?.plan ?? null;
  } catch {
    return null;
  }
}

/** The plan in force and the thresholds, read from the database each time the screen opens. */
export function usePlanLoad() {
  const app = useApp();
  return useLoaded(
    async (): Promise<LoadedPlan> => {
      const [row, thresholds, recipient, me] = await Promise.all([getPlan(app.db), getThresholds(app.db), getSetting(app.db, RECIPIENT_SETTING), getUnitIdentity(app.db)]);
      if (!row) throw new Error('chưa có kế hoạch, hãy khởi tạo dữ liệu trước');
      return { ...row, thresholds, preset: presetPlan(row.presetId), recipient, unitCode: me?.code ?? null };
    },
    [app.db],
    (message) => `Không đọc được kế hoạch: ${message}`,
  );
}

interface PlanScreenEdit {
  edit: PlanEdit;
  recipient: string | null;
  unitCode: string | null;
}

/** The plan's own check, and the recipient's beside it (messages by field, all at once). */
function checkPlanScreen(plan: Plan, v: Readonly<Record<string, string>>, thresholds: Thresholds): Checked<PlanScreenEdit> {
  const c = checkPlanForm(plan, v, thresholds);
  const r = checkRecipient(v[RECIPIENT_KEY] ?? '');
  // The unit code as init --unit-code checks it; blank clears it.
  const raw = (v[UNIT_CODE_KEY] ?? '').trim();
  const code = raw ? checkUnitCode(raw) : ({ ok: true, code: null } as const);
  if (c.ok && r.ok && code.ok) return { ok: true, value: { edit: c.value, recipient: r.value, unitCode: code.code } };
  return {
    ok: false,
    errors: { ...(c.ok ? {} : c.errors), ...(r.ok ? {} : { [RECIPIENT_KEY]: r.error }), ...(code.ok ? {} : { [UNIT_CODE_KEY]: code.message }) },
  };
}

export function usePlan(loaded: LoadedPlan) {
  const app = useApp();
  const layout = useLayout();
  const { plan, preset, presetId } = loaded;
  const defs = useMemo(() => planFields(plan, app.unit.kind), [plan, app.unit.kind]);
  const lines = useMemo(() => planLines(plan, defs), [plan, defs]);
  const initial = useMemo(
    () => ({ ...planFormValues(plan, loaded.thresholds), [RECIPIENT_KEY]: loaded.recipient ?? '', [UNIT_CODE_KEY]: loaded.unitCode ?? '' }),
    [plan, loaded.thresholds, loaded.recipient, loaded.unitCode],
  );
  const presetValues = useMemo(() => (preset ? planFormValues(preset, DEFAULT_THRESHOLDS) : null), [preset]);
  // The save and Ctrl+R run after a key, when the form of the latest render is the one to read.
  const latest = useRef<FormHook | null>(null);

  const save = async ({ edit, recipient, unitCode }: PlanScreenEdit) => {
    if (!latest.current?.dirty) {
      app.notify('Chưa có gì thay đổi.');
      return;
    }
    await app.db.transaction(async (tx) => {
      await savePlan(tx, presetId, edit.plan);
      await setThresholds(tx, edit.thresholds);
      await setSetting(tx, RECIPIENT_SETTING, recipient);
      await setUnitCode(tx, unitCode);
    });
    let stale: string | null = null;
    try {
      await app.reloadSettings();
    } catch (e) {
      // Saved already: only the header and the screens' copy of the plan are out of date.
      stale = (e as Error).message;
    }
    app.dataChanged();
    if (stale) app.notify(`Đã lưu kế hoạch, nhưng chưa tải lại được (${stale}); hãy mở lại chương trình.`, 'warn');
    else app.notify('Đã lưu kế hoạch và ngưỡng; tình hình các tổ được tính lại theo kế hoạch mới.');
    app.back();
  };

  const resetField = () => {
    const form = latest.current;
    if (!form || !presetValues) return;
    const key = form.state.focus;
    const label = defs.find((d) => d.key === key)?.label ?? key;
    const value = presetValues[key];
    if (value === undefined) app.notify(`Kế hoạch mẫu không có giá trị cho "${label}".`, 'warn');
    else {
      form.set(key, value);
      app.notify(`"${label}" về giá trị của kế hoạch mẫu: ${value === '' ? 'để trống' : value}`);
    }
  };

  const form = useForm<PlanScreenEdit>({
    screen: 'plan',
    defs,
    initial,
    check: (v) => checkPlanScreen(plan, v, loaded.thresholds),
    save,
    handlers: { resetField: presetValues ? resetField : undefined },
  });
  latest.current = form;

  const columns = layout.columns;
  const widthOf = (key: string) => Math.max(6, Math.min(defs.find((d) => d.key === key)?.width ?? 9, columns - LABEL_WIDTH - 12));
  // A hint never wraps: it is cut to what is left of the line.
  const asides = Object.fromEntries(
    Object.entries(planAsides(plan, form.state.values, presetValues)).flatMap(([k, a]) => {
      const room = columns - 3 - LABEL_WIDTH - widthOf(k);
      return room >= 6 ? [[k, truncate(a, room)]] : [];
    }),
  );
  const heights = lines.map((l) =>
    l.kind === 'field'
      ? fieldRows({ labelWidth: LABEL_WIDTH, width: widthOf(l.key), aside: asides[l.key], message: form.errors[l.key], columns })
      : 1,
  );
  const rows = Math.max(3, layout.bodyRows - 1); // the hint line above the page
  const range = focusRange(lines, form.state.focus, onLastField(defs, form.state));
  // Where the page starts follows the focus with the least scrolling: it depends on where it
  // was, so it is kept between renders (recomputing it is idempotent).
  const offset = useRef(0);
  offset.current = followFocus(offset.current, heights, range, rows);

  return {
    presetName: preset?.name ?? presetId,
    hasPreset: !!presetValues,
    defs,
    lines,
    heights,
    offset: offset.current,
    rows,
    form,
    asides,
    widthOf,
    columns,
  };
}
