// Kế hoạch và chỉ tiêu: the plan in force and the status thresholds, edited and saved together.
// Load, then hook → view.
import { Waiting } from '../components/Waiting.js';
import { PlanView } from './PlanView.js';
import { type LoadedPlan, usePlan, usePlanLoad } from './usePlan.js';

export function PlanScreen() {
  const { data: loaded, error } = usePlanLoad();
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
