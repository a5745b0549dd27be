// Add or edit a member of a team. Warnings (a second Tổ trưởng, older than the plan prefers)
// show beside their field and never block the save.
import { Box, Text } from 'ink';
import { type MemberRow, addMember, listMembers, updateMember } from '../../db/members.js';
import { type TeamRow, getTeam } from '../../db/teams.js';
import { todayIso } from '../../domain/text.js';
import { isOverAge, otherLeader } from '../../domain/warnings.js';
import { FormView, formHint } from '../components/FormView.js';
import { Waiting } from '../components/Waiting.js';
import { numberOrNull } from '../components/form.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { MEMBER_FIELDS, checkMember, memberValues } from './fields.js';

interface Loaded {
  team: TeamRow;
  members: MemberRow[];
  member: MemberRow | null;
}

export function MemberFormScreen({ teamId, memberId }: { teamId: number; memberId?: number }) {
  const app = useApp();
  const { data, error } = useLoaded(async (): Promise<Loaded> => {
    const [team, members] = await Promise.all([getTeam(app.db, teamId), listMembers(app.db, teamId)]);
    const member = memberId === undefined ? null : (members.find((m) => m.id === memberId) ?? null);
    if (!team || (memberId !== undefined && !member)) throw new Error('Không tìm thấy tổ hoặc thành viên này.');
    return { team, members, member };
  }, [app.db, teamId, memberId]);
  if (error || !data) return <Waiting screen="memberForm" error={error} />;
  return <MemberForm {...data} />;
}

function MemberForm({ team, members, member }: Loaded) {
  const app = useApp();
  const layout = useLayout();
  const today = todayIso(app.now());
  const form = useForm({
    screen: 'memberForm',
    defs: MEMBER_FIELDS,
    initial: memberValues(member, today),
    check: (v) => checkMember(v, today),
    save: async (input) => {
      if (member) await app.db.transaction((tx) => updateMember(tx, member.id, input));
      else await app.db.transaction((tx) => addMember(tx, team.id, input));
      app.dataChanged();
      app.notify(member ? `Đã lưu thành viên ${input.fullName}` : `Đã thêm ${input.fullName} vào ${team.name}`);
      app.back();
    },
  });
  const v = form.state.values;
  const warnings: Record<string, string> = {};
  const leader = v.role === 'to_truong' ? otherLeader(members, member?.id, today) : null;
  if (leader && !v.leftOn) warnings.role = `Tổ đã có Tổ trưởng ${leader} (vẫn lưu được)`;
  const birthYear = numberOrNull(v.birthYear);
  if (birthYear !== null && isOverAge({ birthYear }, app.plan, today)) {
    warnings.birthYear = `Trên ${app.plan.member_max_age} tuổi: kế hoạch ưu tiên người trẻ hơn (vẫn lưu được)`;
  }
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {member ? `Sửa thành viên ${member.fullName}` : 'Thêm thành viên'} · {team.name}
      </Text>
      <Text dimColor wrap="truncate-end">
        {formHint('chọn vai trò, tổ chức')}
      </Text>
      <FormView defs={MEMBER_FIELDS} state={form.state} errors={form.errors} warnings={warnings} columns={layout.columns} />
      {form.saving ? <Text dimColor>Đang lưu…</Text> : null}
    </Box>
  );
}
