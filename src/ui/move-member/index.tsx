// Move a member to another team: load, then hook → view.
import { Waiting } from '../components/Waiting.js';
import { useLayout } from '../context.js';
import { MoveMemberView } from './MoveMemberView.js';
import { type MoveLoaded, useMoveLoad, useMoveMember } from './useMoveMember.js';

export function MoveMemberScreen({ teamId, memberId }: { teamId: number; memberId: number }) {
  const { data, error } = useMoveLoad(teamId, memberId);
  if (error || !data) return <Waiting screen="moveMember" error={error} />;
  return <MoveForm {...data} />;
}

function MoveForm(loaded: MoveLoaded) {
  const m = useMoveMember(loaded);
  const layout = useLayout();
  return <MoveMemberView member={loaded.member} {...m} bodyRows={layout.bodyRows} columns={layout.columns} />;
}
