// Add or edit a member: load the team and its members, then the form engine with memberSchema's
// check; one transaction per save. Warnings (a second Tổ trưởng, older than the plan prefers)
// never block the save.
import { type MemberRow, addMember, listMembers, updateMember } from '../../db/members.js';
import { type TeamRow, getTeam } from '../../db/teams.js';
import { todayIso } from '../../domain/text.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp } from '../context.js';
import { MEMBER_FIELDS, checkMember, memberValues, memberWarnings } from './fields.js';

export interface MemberLoaded {
  team: TeamRow;
  members: MemberRow[];
  member: MemberRow | null;
}

export function useMemberLoad(teamId: number, memberId: number | undefined) {
  const app = useApp();
  return useLoaded(async (): Promise<MemberLoaded> => {
    const [team, members] = await Promise.all([getTeam(app.db, teamId), listMembers(app.db, teamId)]);
    const member = memberId === undefined ? null : (members.find((m) => m.id === memberId) ?? null);
    if (!team || (memberId !== undefined && !member)) throw new Error('Không tìm thấy tổ hoặc thành viên này.');
    return { team, members, member };
  }, [app.db, teamId, memberId]);
}

export function useMemberForm({ team, members, member }: MemberLoaded) {
  const app = useApp();
  const today = todayIso(app.now());
  const form = useForm({
    screen: 'memberForm',
    defs: MEMBER_FIELDS,
    initial: memberValues(member),
    check: (v) => checkMember(v, today),
    save: async (input) => {
      if (member) await app.db.transaction((tx) => updateMember(tx, member.id, input));
      else await app.db.transaction((tx) => addMember(tx, team.id, input));
      app.dataChanged();
      app.notify(member ? `Đã lưu thành viên ${input.fullName}` : `Đã thêm ${input.fullName} vào ${team.name}`);
      app.back();
    },
  });
  return { form, warnings: memberWarnings(form.state.values, members, member, app.plan, today) };
}
