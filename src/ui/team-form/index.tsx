// Add or edit a team: one transaction per save; a code already used is refused by its field.
import { Box, Text } from 'ink';
import { DuplicateTeamCodeError, type TeamRow, createTeam, getTeam, updateTeam } from '../../db/teams.js';
import { todayIso } from '../../domain/text.js';
import { FormView, formHint } from '../components/FormView.js';
import { Waiting } from '../components/Waiting.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { keyName } from '../keys/hint.js';
import { TEAM_FIELDS, checkTeam, teamValues } from './fields.js';

export function TeamFormScreen({ teamId }: { teamId?: number }) {
  const app = useApp();
  // A new team has nothing to read: `team: null`.
  const { data, error } = useLoaded(async () => {
    if (teamId === undefined) return { team: null };
    const team = await getTeam(app.db, teamId);
    if (!team) throw new Error('Không tìm thấy tổ này.');
    return { team };
  }, [app.db, teamId]);
  if (error || !data) return <Waiting screen="teamForm" error={error} />;
  return <TeamForm team={data.team} />;
}

function TeamForm({ team }: { team: TeamRow | null }) {
  const app = useApp();
  const layout = useLayout();
  const today = todayIso(app.now());
  const form = useForm({
    screen: 'teamForm',
    defs: TEAM_FIELDS,
    initial: teamValues(team),
    check: (v) => checkTeam(v, today),
    save: async (input) => {
      try {
        if (team) {
          await app.db.transaction((tx) => updateTeam(tx, team.id, input));
          app.dataChanged();
          app.notify(`Đã lưu ${input.name}`);
          app.back();
        } else {
          const id = await app.db.transaction((tx) => createTeam(tx, input));
          app.dataChanged();
          app.notify(`Đã thêm ${input.name}. Bấm ${keyName('addMember')} để thêm thành viên.`);
          app.replace({ name: 'team', teamId: id });
        }
      } catch (e) {
        if (e instanceof DuplicateTeamCodeError) return { code: e.message };
        throw e;
      }
    },
  });
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {team ? `Sửa thông tin ${team.name}` : 'Thêm tổ mới'}
      </Text>
      <Text dimColor wrap="truncate-end">
        {formHint('chọn ở ô lựa chọn')}
      </Text>
      <FormView defs={TEAM_FIELDS} state={form.state} errors={form.errors} columns={layout.columns} />
      {form.saving ? <Text dimColor>Đang lưu…</Text> : null}
    </Box>
  );
}
