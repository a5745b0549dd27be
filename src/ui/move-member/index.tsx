// Move a member to another team: the old membership ends on the date, a new one starts there
// (role Thành viên, trainings kept), in one transaction.
import { Box, Text } from 'ink';
import { useMemo, useReducer, useState } from 'react';
import { type MemberRow, getMember, moveMember } from '../../db/members.js';
import { type TeamRow, listTeams } from '../../db/teams.js';
import { ROLE_LABELS } from '../../domain/schemas.js';
import { formatDate, todayIso } from '../../domain/text.js';
import { padCell, truncate } from '../../io/text-table.js';
import { TextField } from '../components/TextField.js';
import { listWindow } from '../components/listWindow.js';
import { useLoaded } from '../components/useLoaded.js';
import { Waiting } from '../components/Waiting.js';
import { useApp, useLayout } from '../context.js';
import { useKeys } from '../keys/useKeys.js';
import { keyName, keyNames } from '../keys/hint.js';
import { tint } from '../theme.js';
import { candidates, checkMove, initialMove, moveReducer, movableTeams } from './reducer.js';

export function MoveMemberScreen({ teamId, memberId }: { teamId: number; memberId: number }) {
  const app = useApp();
  const { data, error } = useLoaded(async () => {
    const [member, teams] = await Promise.all([getMember(app.db, memberId), listTeams(app.db)]);
    if (!member || member.teamId !== teamId) throw new Error('Không tìm thấy thành viên này.');
    return { member, teams };
  }, [app.db, teamId, memberId]);
  if (error || !data) return <Waiting screen="moveMember" error={error} />;
  return <MoveForm member={data.member} teams={data.teams} />;
}

function MoveForm({ member, teams }: { member: MemberRow; teams: TeamRow[] }) {
  const app = useApp();
  const layout = useLayout();
  const today = todayIso(app.now());
  const [s, dispatch] = useReducer(moveReducer, today, initialMove);
  const [busy, setBusy] = useState(false);
  const from = teams.find((t) => t.id === member.teamId);
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

  const listRows = Math.max(1, layout.bodyRows - 9);
  const { start, end } = listWindow(selectedIndex, list.length, listRows);
  const shown = (field: 'team' | 'date') => (s.submitted || (field === 'team' && s.query) ? checked.errors[field] : undefined);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Chuyển {member.fullName} ({ROLE_LABELS[member.role]}) khỏi {from?.name ?? 'tổ hiện tại'}
      </Text>
      {member.leftOn ? (
        <Text color={tint('error')}>✗ Thành viên đã rời tổ ngày {formatDate(member.leftOn)}: không chuyển được nữa.</Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          Gõ một phần tên hoặc mã tổ mới, {keyNames('fieldUp', 'fieldDown')} chọn, {keyName('nextField')} sang ngày chuyển rồi lần nữa để chuyển. Ở tổ mới là Thành viên.
        </Text>
      )}
      <TextField label="Tổ mới (gõ để tìm)" value={s.query} focused={onTeam} labelWidth={20} width={24} error={shown('team')} columns={layout.columns} />
      {list.slice(start, end).map((t, i) => {
        const sel = start + i === selectedIndex;
        return (
          <Text key={t.id} inverse={sel && onTeam} bold={sel} wrap="truncate-end">
            {sel ? '   › ' : '     '}
            {padCell(truncate(t.code, 14), 14)} {t.name}
          </Text>
        );
      })}
      <TextField label="Ngày chuyển" value={s.date} focused={!onTeam} labelWidth={20} width={12} error={shown('date')} columns={layout.columns} />
      {checked.to && checked.on ? (
        <Text wrap="truncate-end">
          → Sang <Text bold>{checked.to.name}</Text> từ {formatDate(checked.on)}
        </Text>
      ) : null}
      {busy ? <Text dimColor>Đang chuyển…</Text> : null}
    </Box>
  );
}
