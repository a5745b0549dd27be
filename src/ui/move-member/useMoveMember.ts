// Moving a member: load the member and the teams, keys → reducer actions, and the move itself
// (the old membership ends on the date, a new one starts there, in one transaction).
import { useMemo, useReducer, useState } from 'react';
import { type MemberRow, getMember, moveMember } from '../../db/members.js';
import { type TeamRow, listTeams } from '../../db/teams.js';
import { formatDate, todayIso } from '../../domain/text.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { candidates, checkMove, initialMove, moveReducer, movableTeams } from './reducer.js';

export interface MoveLoaded {
  member: MemberRow;
  teams: TeamRow[];
}

export function useMoveLoad(teamId: number, memberId: number) {
  const app = useApp();
  return useLoaded(async (): Promise<MoveLoaded> => {
    const [member, teams] = await Promise.all([getMember(app.db, memberId), listTeams(app.db)]);
    if (!member || member.teamId !== teamId) throw new Error('Không tìm thấy thành viên này.');
    return { member, teams };
  }, [app.db, teamId, memberId]);
}

export function useMoveMember({ member, teams }: MoveLoaded) {
  const app = useApp();
  const today = todayIso(app.now());
  const [s, dispatch] = useReducer(moveReducer, today, initialMove);
  const [busy, setBusy] = useState(false);
  const movable = useMemo(() => movableTeams(teams, member.teamId), [teams, member.teamId]);
  const list = useMemo(() => candidates(movable, s.query), [movable, s.query]);
  const checked = checkMove(s, list, member, today);
  const selectedIndex = Math.min(s.selected, Math.max(0, list.length - 1));

  const submit = async () => {
    dispatch({ type: 'submitted' });
    if (member.leftOn || busy) return;
    if (checked.errors.team || !checked.to) return dispatch({ type: 'focus', field: 'team' });
    if (checked.errors.date || !checked.on) return dispatch({ type: 'focus', field: 'date' });
    const { to, on } = checked;
    setBusy(true);
    try {
      await app.db.transaction((tx) => moveMember(tx, member.id, to.id, on));
      app.dataChanged();
      app.notify(`Đã chuyển ${member.fullName} sang ${to.name} từ ${formatDate(on)}`);
      app.back();
    } catch (e) {
      app.notify(`Chưa chuyển được: ${(e as Error).message}`, 'error');
      setBusy(false);
    }
  };

  const onTeam = s.focus === 'team';
  useKeys(
    'moveMember',
    busy
      ? {}
      : {
          fieldUp: onTeam ? () => dispatch({ type: 'move', delta: -1, count: list.length }) : () => dispatch({ type: 'focus', field: 'team' }),
          fieldDown: onTeam ? () => dispatch({ type: 'move', delta: 1, count: list.length }) : undefined,
          nextField: onTeam ? () => dispatch({ type: 'focus', field: 'date' }) : () => void submit(),
          prevField: () => dispatch({ type: 'focus', field: 'team' }),
          save: () => void submit(),
        },
    {
      typing: 'text',
      onText: (text) => dispatch({ type: 'type', text }),
      onBackspace: () => dispatch({ type: 'erase' }),
      unsaved: s.query !== '' || s.date !== s.initialDate,
    },
  );

  return { state: s, list, selectedIndex, checked, busy, from: teams.find((t) => t.id === member.teamId) ?? null };
}
