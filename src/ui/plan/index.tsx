// Kế hoạch và chỉ tiêu: the plan in force and the status thresholds, read from the database
// each time the screen opens, edited and saved together.
import { getPlan, getThresholds } from '../../db/unit.js';
import { loadPreset } from '../../io/presets.js';
import { useApp } from '../context.js';
import { Waiting } from '../components/Waiting.js';
import { useLoaded } from '../components/useLoaded.js';
import { PlanView } from './PlanView.js';
import { type LoadedPlan, usePlan } from './usePlan.js';

/** The preset's plan, or null when its file is missing or unreadable (Ctrl+R is then off). */
function presetPlan(id: string) {
  try {
    return loadPreset(id)?.plan ?? null;
  } catch {
    return null;
  }
}

export function PlanScreen() {
  const app = useApp();
  const { data: loaded, error } = useLoaded(
    async (): Promise<LoadedPlan> => {
      const [row, thresholds] = await Promise.all([getPlan(app.db), getThresholds(app.db)]);
      if (!row) throw new Error('chưa có kế hoạch, hãy khởi tạo dữ liệu trước');
      return { ...row, thresholds, preset: presetPlan(row.presetId) };
    },
    [app.db],
    (message) => `Không đọc được kế hoạch: ${message}`,
  );
  if (error || !loaded) return <Waiting screen="plan" error={error} />;
  return <PlanEditor loaded={loaded} />;
}

function PlanEditor({ loaded }: { loaded: LoadedPlan }) {
  const p = usePlan(loaded);
  return (
    <PlanView
      presetName={p.presetName}
      hasPreset={p.hasPreset}
      defs={p.defs}
      lines={p.lines}
      heights={p.heights}
      offset={p.offset}
      rows={p.rows}
      state={p.form.state}
      errors={p.form.errors}
      asides={p.asides}
      widthOf={p.widthOf}
      columns={p.columns}
      dirty={p.form.dirty}
      saving={p.form.saving}
    />
  );
}
