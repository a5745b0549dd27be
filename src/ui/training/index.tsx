// Record one training (date + topic) for the members marked on the team's page, in one transaction.
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { type MemberRow, addTraining, listMembers, listTrainingTopics } from '../../db/members.js';
import { formatDate, todayIso } from '../../domain/text.js';
import { FormView, formHint } from '../components/FormView.js';
import { Waiting } from '../components/Waiting.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { checkTraining, splitAttendees, trainingFields } from './fields.js';

export function TrainingScreen({ teamId, memberIds }: { teamId: number; memberIds: number[] }) {
  const app = useApp();
  const { data, error } = useLoaded(async () => {
    const [members, topics] = await Promise.all([listMembers(app.db, teamId), listTrainingTopics(app.db)]);
    return { members, topics };
  }, [app.db, teamId]);
  if (error || !data) return <Waiting screen="training" error={error} />;
  return <TrainingForm members={data.members} topics={data.topics} memberIds={memberIds} />;
}

function TrainingForm({ members, topics, memberIds }: { members: MemberRow[]; topics: string[]; memberIds: number[] }) {
  const app = useApp();
  const layout = useLayout();
  const today = todayIso(app.now());
  const defs = useMemo(() => trainingFields(topics), [topics]);
  const chosen = members.filter((m) => memberIds.includes(m.id));
  const form = useForm({
    screen: 'training',
    defs,
    initial: { heldOn: formatDate(today) },
    check: (v) => checkTraining(v, today),
    save: async (t) => {
      const { add, already } = splitAttendees(members, memberIds, t);
      if (add.length === 0) return { topic: 'Các thành viên này đã được ghi buổi tập huấn này rồi' };
      await app.db.transaction((tx) => addTraining(tx, add.map((m) => m.id), t));
      app.dataChanged();
      app.notify(
        `Đã ghi tập huấn ${formatDate(t.heldOn)} "${t.topic}" cho ${add.length} thành viên` +
          (already.length ? ` (${already.length} người đã có từ trước)` : ''),
      );
      app.back();
    },
  });
  const listRows = Math.max(1, layout.bodyRows - 8);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        Ghi một buổi tập huấn cho {chosen.length} thành viên
      </Text>
      <Text dimColor wrap="truncate-end">
        {formHint('chọn nội dung đã ghi')}
      </Text>
      <FormView defs={defs} state={form.state} errors={form.errors} columns={layout.columns} />
      <Text> </Text>
      {chosen.slice(0, listRows).map((m) => (
        <Text key={m.id} wrap="truncate-end">
          {'  ✓ '}
          {m.fullName} <Text dimColor>({m.trainings.length} buổi đã ghi)</Text>
        </Text>
      ))}
      {chosen.length > listRows ? <Text dimColor>  … và {chosen.length - listRows} người nữa</Text> : null}
      {form.saving ? <Text dimColor>Đang lưu…</Text> : null}
    </Box>
  );
}
