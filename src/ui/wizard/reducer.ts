// First-run wizard: pick a plan preset, type the commune, its unit code (optional) and officer,
// choose the demo. Pure.
import { unitSchema } from '../../domain/schemas.js';
import { cleanText } from '../../domain/text.js';
import { checkUnitCode } from '../../domain/unit-code.js';

export const WIZARD_FIELDS = ['preset', 'unit', 'unitCode', 'officer', 'demo'] as const;
export type WizardField = (typeof WIZARD_FIELDS)[number];

export interface WizardState {
  field: WizardField;
  presetIndex: number;
  unit: string;
  /** The 5-digit code of QĐ 19/2025 (for the bundle sent to the province); blank: none yet. */
  unitCode: string;
  officer: string;
  demo: boolean;
  error: string | null;
  busy: boolean;
}

export type WizardAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'choose'; delta: number; presetCount: number }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'error'; message: string | null }
  | { type: 'busy'; busy: boolean };

export const initialWizard: WizardState = { field: 'preset', presetIndex: 0, unit: '', unitCode: '', officer: '', demo: false, error: null, busy: false };

/** The message that keeps the wizard from finishing, if any (the unit name as the schema checks it). */
export function wizardProblem(s: WizardState): string | null {
  if (!cleanText(s.unit)) return 'Hãy gõ tên xã/phường (ví dụ: phường Phù Vân)';
  const name = unitSchema.shape.name.safeParse(s.unit);
  if (!name.success) return name.error.issues[0]?.message ?? 'Tên xã/phường không hợp lệ';
  return unitCodeProblem(s);
}

/** The unit code as `init --unit-code` checks it; blank is allowed (set it later on the plan screen). */
export function unitCodeProblem(s: Pick<WizardState, 'unitCode'>): string | null {
  if (!cleanText(s.unitCode)) return null;
  const c = checkUnitCode(s.unitCode);
  return c.ok ? null : c.message;
}

/** Typed input would be lost by leaving now. */
export function wizardUnsaved(s: WizardState): boolean {
  return s.unit.trim() !== '' || s.unitCode.trim() !== '' || s.officer.trim() !== '';
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  const i = WIZARD_FIELDS.indexOf(s.field);
  switch (a.type) {
    case 'next':
      // A code of the wrong shape keeps the field, saying why.
      if (s.field === 'unitCode' && unitCodeProblem(s)) return { ...s, error: unitCodeProblem(s) };
      return { ...s, field: WIZARD_FIELDS[Math.min(WIZARD_FIELDS.length - 1, i + 1)]!, error: null };
    case 'prev':
      return { ...s, field: WIZARD_FIELDS[Math.max(0, i - 1)]!, error: null };
    case 'choose':
      if (s.field === 'preset')
        return { ...s, presetIndex: (s.presetIndex + a.delta + a.presetCount) % a.presetCount };
      if (s.field === 'demo') return { ...s, demo: !s.demo };
      return s;
    case 'type':
      if (s.field === 'unit') return { ...s, unit: (s.unit + a.text).normalize('NFC').slice(0, 120), error: null };
      if (s.field === 'officer') return { ...s, officer: (s.officer + a.text).normalize('NFC').slice(0, 80), error: null };
      if (s.field === 'unitCode') return { ...s, unitCode: (s.unitCode + a.text).normalize('NFC').slice(0, 12), error: null };
      return s;
    case 'erase':
      if (s.field === 'unit') return { ...s, unit: Array.from(s.unit).slice(0, -1).join('') };
      if (s.field === 'officer') return { ...s, officer: Array.from(s.officer).slice(0, -1).join('') };
      if (s.field === 'unitCode') return { ...s, unitCode: Array.from(s.unitCode).slice(0, -1).join('') };
      return s;
    case 'error':
      return { ...s, error: a.message };
    case 'busy':
      return { ...s, busy: a.busy };
  }
}
