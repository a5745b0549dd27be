// Record one training for the members marked on the team's page: load, then hook → view.
import { Waiting } from '../components/Waiting.js';
import { useLayout } from '../context.js';
import { TrainingView } from './TrainingView.js';
import { type TrainingLoaded, useTraining, useTrainingLoad } from './useTraining.js';

export function TrainingScreen({ teamId, memberIds }: { teamId: number; memberIds: number[] }) {
  const { data, error } = useTrainingLoad(teamId);
  if (error || !data) return <Waiting screen="training" error={error} />;
  return <TrainingForm loaded={data} memberIds={memberIds} />;
}

function TrainingForm({ loaded, memberIds }: { loaded: TrainingLoaded; memberIds: number[] }) {
  const t = useTraining(loaded, memberIds);
  const layout = useLayout();
  return <TrainingView defs={t.defs} form={t.form} warnings={t.warnings} chosen={t.chosen} bodyRows={layout.bodyRows} columns={layout.columns} />;
}
