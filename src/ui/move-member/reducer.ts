// Moving a member: find the new team by typing part of its name or code, then the date. Pure.
import type { TeamRow } from '../../db/teams.js';
import { formatDate, matchesFolded, parseDate } from '../../domain/text.js';
import { edit } from '../components/TextField.js';
import { teamHaystack } from '../teams/reducer.js';

export type MoveField = 'team' | 'date';

export interface MoveState {
  focus: MoveField;
  query: string;
  selected: number;
  date: string;
  initialDate: string;
  submitted: boolean;
}

export type MoveAction =
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'move'; delta: number; count: number }
  | { type: 'focus'; field: MoveField }
  | { type: 'submitted' };

export function initialMove(today: string): MoveState {
  const d = formatDate(today);
  return { focus: 'team', query: '', selected: 0, date: d, initialDate: d, submitted: false };
}

export function moveReducer(s: MoveState, a: MoveAction): MoveState {
  switch (a.type) {
    case 'type':
      if (s.focus === 'team') return { ...s, query: edit.type(s.query, a.text, 60), selected: 0 };
      return /^[0-9/.-]+$/u.test(a.text) ? { ...s, date: edit.type(s.date, a.text, 10) } : s;
    case 'erase':
      return s.focus === 'team' ? { ...s, query: edit.backspace(s.query), selected: 0 } : { ...s, date: edit.backspace(s.date) };
    case 'move':
      return { ...s, selected: Math.max(0, Math.min(a.count - 1, s.selected + a.delta)) };
    case 'focus':
      return { ...s, focus: a.field };
    case 'submitted':
      return { ...s, submitted: true };
  }
}

export type MovableTeam = TeamRow & { search: string };

/** Teams the member can move to (active, not their own), with code, name and area folded once per load. */
export function movableTeams(teams: readonly TeamRow[], fromTeamId: number): MovableTeam[] {
  return teams.filter((t) => t.id !== fromTeamId && !t.dissolvedOn).map((t) => ({ ...t, search: teamHaystack(t) }));
}

/** The movable teams matching what was typed (every word, diacritics and case ignored). */
export function candidates(teams: readonly MovableTeam[], query: string): MovableTeam[] {
  return teams.filter((t) => matchesFolded(t.search, query));
}

export interface MoveCheck {
  to: TeamRow | null;
  on: string | null;
  errors: Partial<Record<MoveField, string>>;
}

/** The chosen team and date, or why not. The move date must fall within the membership. */
export function checkMove(s: MoveState, list: readonly TeamRow[], member: { joinedOn: string | null }, today: string): MoveCheck {
  const errors: MoveCheck['errors'] = {};
  const to = list[Math.min(s.selected, list.length - 1)] ?? null;
  if (!to) errors.team = s.query ? `Không có tổ nào khớp "${s.query}"` : 'Chưa có tổ nào khác để chuyển sang';
  const on = parseDate(s.date);
  if (!on) errors.date = 'Ngày chuyển không hợp lệ (dd/mm/yyyy)';
  else if (on > today) errors.date = 'Ngày chuyển không được sau hôm nay';
  else if (member.joinedOn && on < member.joinedOn) errors.date = `Ngày chuyển phải từ ngày tham gia ${formatDate(member.joinedOn)}`;
  return { to, on, errors };
}
