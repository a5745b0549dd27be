// Add or edit a team: load it (a new team has nothing to read), then the form engine with
// teamSchema's check; one transaction per save; a code already used is refused by its field.
import { DuplicateTeamCodeError, type TeamRow, createTeam, getTeam, updateTeam } from '../../db/teams.js';
import { todayIso } from '../../domain/text.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp } from '../context.js';
import { keyName } from '../keys/hint.js';
import { TEAM_FIELDS, checkTeam, teamValues } from './fields.js';

export function useTeamLoad(teamId: number | undefined) {
  const app = useApp();
  return useLoaded(async (): Promise<{ team: TeamRow | null }> => {
    if (teamId === undefined) return { team: null };
    const team = await getTeam(app.db, teamId);
    if (!team) throw new Error('Không tìm thấy tổ này.');
    return { team };
  }, [app.db, teamId]);
}

export function useTeamForm(team: TeamRow | null) {
  const app = useApp();
  const today = todayIso(app.now());
  return useForm({
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
}
