// A team's page: load the team, its members and months reported; keys → navigation, marks,
// dissolving (asks the date) and reactivating.
import { useEffect, useReducer } from 'react';
import { type MemberRow, listMembers, setJoinedOn } from '../../db/members.js';
import { type TeamRow, dissolveTeam, getTeam, reactivateTeam, teamFormMonths } from '../../db/teams.js';
import { lastFinishedMonth } from '../../domain/period.js';
import { formatDate, parseDate, todayIso } from '../../domain/text.js';
import { teamWarnings, trainingsBeforeJoining } from '../../domain/warnings.js';
import { useLoaded } from '../components/useLoaded.js';
import { useApp, useLayout } from '../context.js';
import { displayName } from '../components/teamName.js';
import { off, useKeys } from '../keys/useKeys.js';
import { checkJoinedOn, initialTeamPage, teamPageReducer } from './reducer.js';

interface Loaded {
  team: TeamRow;
  members: MemberRow[];
  formMonths: string[];
}

export function useTeam(teamId: number) {
  const app = useApp();
  const layout = useLayout();
  const [state, dispatch] = useReducer(teamPageReducer, initialTeamPage);
  const today = todayIso(app.now());

  const { data, error } = useLoaded(async (): Promise<Loaded> => {
    const [team, members, formMonths] = await Promise.all([getTeam(app.db, teamId), listMembers(app.db, teamId), teamFormMonths(app.db, teamId)]);
    if (!team) throw new Error('Không tìm thấy tổ này.');
    return { team, members, formMonths };
  }, [app.db, app.dataVersion, teamId]);
  // Marks are for one training: once anything is saved they are done with.
  useEffect(() => dispatch({ type: 'clearMarks' }), [app.db, app.dataVersion, teamId]);

  const members = data?.members ?? [];
  const selectedIndex = Math.min(state.selected, Math.max(0, members.length - 1));
  const selected = members[selectedIndex];
  const team = data?.team;
  const warnings = team ? teamWarnings(team, members, app.plan, today) : [];
  const move = (delta: number) => () => dispatch({ type: 'move', delta, count: members.length });
  const page = Math.max(1, layout.bodyRows - 10);

  const dissolve = (t: TeamRow) =>
    app.ask({
      question: `Giải thể tổ ${t.code} từ ngày (dd/mm/yyyy):`,
      input: formatDate(today),
      onAnswer: async (text) => {
        const iso = parseDate(text);
        if (!iso) return 'Ngày không hợp lệ (dd/mm/yyyy)';
        if (iso > today) return 'Ngày giải thể không được sau hôm nay';
        if (t.decisionDate && iso < t.decisionDate) return `Ngày giải thể phải sau ngày thành lập ${formatDate(t.decisionDate)}`;
        await app.db.transaction((tx) => dissolveTeam(tx, t.id, iso));
        app.dataChanged();
        // One row of 80 columns; the page itself says how to reactivate it.
        app.notify(`Đã giải thể ${displayName(t.name)} từ ${formatDate(iso)} (không tính chỉ tiêu, giữ lịch sử).`);
      },
    });
  const reactivate = (t: TeamRow) =>
    app.ask({
      question: `Khôi phục hoạt động của ${t.name}?`,
      onAnswer: async () => {
        await app.db.transaction((tx) => reactivateTeam(tx, t.id));
        app.dataChanged();
        app.notify(`Đã khôi phục ${t.name}: tổ lại được tính chỉ tiêu.`);
      },
    });

  // One joining date for the marked members (or the selected one), in one transaction.
  const askJoinedOn = (chosen: MemberRow[]) => {
    const dates = new Set(chosen.map((m) => m.joinedOn));
    app.ask({
      question: `Ngày tham gia ${chosen.length} TV (trống: từ trước):`,
      input: dates.size === 1 ? formatDate([...dates][0]!) : '',
      onAnswer: async (text) => {
        const c = checkJoinedOn(text, chosen);
        if (!c.ok) return c.message;
        await app.db.transaction((tx) => setJoinedOn(tx, chosen.map((m) => m.id), c.joinedOn));
        const early = chosen.filter((m) => trainingsBeforeJoining(c.joinedOn, m.trainings.map((t) => t.heldOn)).length).length;
        app.dataChanged();
        app.notify(
          (c.joinedOn ? `Đã đặt ngày tham gia ${formatDate(c.joinedOn)} cho ${chosen.length} thành viên` : `Đã bỏ ngày tham gia của ${chosen.length} thành viên (tính từ đầu kỳ)`) +
            (early ? ` · ⚠ ${early} người có buổi tập huấn trước ngày đó` : ''),
        );
      },
    });
  };
  const chosen = state.marked.length ? members.filter((m) => state.marked.includes(m.id)) : selected ? [selected] : [];

  const selectedLeft = selected?.leftOn ? `${selected.fullName} đã rời tổ ngày ${formatDate(selected.leftOn)}` : null;
  useKeys(
    'team',
    !team
      ? {}
      : {
          up: move(-1),
          down: move(1),
          pageUp: move(-page),
          pageDown: move(page),
          open: selected ? () => app.navigate({ name: 'memberForm', teamId, memberId: selected.id }) : undefined,
          editMember: selected ? () => app.navigate({ name: 'memberForm', teamId, memberId: selected.id }) : undefined,
          addMember: () => app.navigate({ name: 'memberForm', teamId }),
          editTeam: () => app.navigate({ name: 'teamForm', teamId }),
          moveMember: selectedLeft ? off(selectedLeft) : selected ? () => app.navigate({ name: 'moveMember', teamId, memberId: selected.id }) : undefined,
          markMember: selected ? () => dispatch({ type: 'toggleMark', id: selected.id, count: members.length }) : undefined,
          recordTraining:
            state.marked.length || selected
              ? () => app.navigate({ name: 'training', teamId, memberIds: state.marked.length ? state.marked : [selected!.id] })
              : undefined,
          setJoinedOn: chosen.length ? () => askJoinedOn(chosen) : undefined,
          dissolveTeam: () => (team.dissolvedOn ? reactivate(team) : dissolve(team)),
          goEntry: () => app.navigate({ name: 'entry', month: app.workMonth, teamId }),
        },
  );

  return {
    data,
    error,
    state,
    selectedIndex,
    warnings,
    today,
    current: lastFinishedMonth(app.now()),
    plan: app.plan,
    bodyRows: layout.bodyRows,
    columns: layout.columns,
  };
}
