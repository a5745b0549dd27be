// Record one training (date + topic) for the members marked on the team's page: load them and
// the topics already used, then the form engine; one transaction for all attendees.
import { useMemo } from 'react';
import { type MemberRow, addTraining, listMembers, listTrainingTopics } from '../../db/members.js';
import { formatDate, todayIso } from '../../domain/text.js';
import { useForm } from '../components/useForm.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp } from '../context.js';
import { checkTraining, splitAttendees, trainingFields, trainingWarnings } from './fields.js';

export interface TrainingLoaded {
  members: MemberRow[];
  topics: string[];
}

export function useTrainingLoad(teamId: number) {
  const app = useApp();
  return useLoaded(async (): Promise<TrainingLoaded> => {
    const [members, topics] = await Promise.all([listMembers(app.db, teamId), listTrainingTopics(app.db)]);
    return { members, topics };
  }, [app.db, teamId]);
}

export function useTraining({ members, topics }: TrainingLoaded, memberIds: readonly number[]) {
  const app = useApp();
  const today = todayIso(app.now());
  const defs = useMemo(() => trainingFields(topics), [topics]);
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
  const chosen = members.filter((m) => memberIds.includes(m.id));
  return { form, defs, chosen, warnings: trainingWarnings(form.state.values, chosen) };
}
