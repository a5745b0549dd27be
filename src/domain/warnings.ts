// Warnings about a team's roster, from what the plans ask (domain.md): they never block a save
// and are not targets — they tell the officer what to fix. Pure.
import type { Plan, Role, TeamLevel } from './schemas.js';
import { isMemberActiveOn, requiredTeamSize } from './targets.js';

export interface RosterMember {
  fullName?: string;
  role: Role;
  birthYear: number | null;
  joinedOn: string | null; // ISO date
  leftOn: string | null;
}

export interface RosterTeam {
  level: TeamLevel;
  dissolvedOn: string | null;
}

export type WarningCode = 'too_small' | 'no_leader' | 'no_deputy' | 'two_leaders' | 'over_age';

export interface TeamWarning {
  code: WarningCode;
  /** A sentence for the team's page. */
  message: string;
  /** A few words for the team list. */
  short: string;
}

/** In the team on this day: the target arithmetic's rule (targets.ts), under the roster's name. */
export const isActiveOn = isMemberActiveOn;

/** The plan's minimum size for this team (the commune-level team may have its own), or null. */
export function minTeamSize(plan: Pick<Plan, 'targets'>, level: TeamLevel): number | null {
  const sizes = plan.targets.filter((t) => t.kind === 'team_size').map((t) => requiredTeamSize(t, level));
  return sizes.length ? Math.max(...sizes) : null;
}

/** Age reached in the year of `iso` (only the birth year is known). */
export function ageIn(birthYear: number, iso: string): number {
  return Number(iso.slice(0, 4)) - birthYear;
}

/** Older than the plan prefers (Ngọc Hồi: "ưu tiên dưới 40 tuổi"); false when the plan says nothing. */
export function isOverAge(m: Pick<RosterMember, 'birthYear'>, plan: Pick<Plan, 'member_max_age'>, iso: string): boolean {
  return plan.member_max_age !== null && m.birthYear !== null && ageIn(m.birthYear, iso) > plan.member_max_age;
}

/** The warnings of a team as of a day (usually today). A dissolved team has none. */
export function teamWarnings(
  team: RosterTeam,
  members: readonly RosterMember[],
  plan: Pick<Plan, 'targets' | 'member_max_age'>,
  iso: string,
): TeamWarning[] {
  if (team.dissolvedOn && team.dissolvedOn <= iso) return [];
  const active = members.filter((m) => isActiveOn(m, iso));
  const out: TeamWarning[] = [];
  const min = minTeamSize(plan, team.level);
  if (min !== null && active.length < min) {
    out.push({
      code: 'too_small',
      message: `Tổ có ${active.length} thành viên, kế hoạch yêu cầu tối thiểu ${min}`,
      short: `${active.length}/${min} TV`,
    });
  }
  const leaders = active.filter((m) => m.role === 'to_truong').length;
  if (leaders === 0) out.push({ code: 'no_leader', message: 'Tổ chưa có Tổ trưởng', short: 'chưa có TT' });
  if (leaders > 1) {
    out.push({ code: 'two_leaders', message: `Tổ có ${leaders} Tổ trưởng (thường chỉ một)`, short: `${leaders} TT` });
  }
  if (!active.some((m) => m.role === 'to_pho')) {
    out.push({ code: 'no_deputy', message: 'Tổ chưa có Tổ phó', short: 'chưa có TP' });
  }
  const old = active.filter((m) => isOverAge(m, plan, iso));
  if (old.length && plan.member_max_age !== null) {
    const max = plan.member_max_age;
    out.push({
      code: 'over_age',
      message: `${old.length} thành viên trên ${max} tuổi (kế hoạch ưu tiên dưới ${max} tuổi)`,
      short: `${old.length} TV >${max}t`,
    });
  }
  return out;
}

/** Before saving a member: would this make a second Tổ trưởng? Returns the other leader's name. */
export function otherLeader(
  members: readonly (RosterMember & { id: number; fullName: string })[],
  memberId: number | undefined,
  iso: string,
): string | null {
  const other = members.find((m) => m.id !== memberId && m.role === 'to_truong' && isActiveOn(m, iso));
  return other ? other.fullName : null;
}

/** Trainings dated before the member joined (domain.md, members' dates): a warning, never a
 * refusal — the date typed may be the wrong one, or the member trained before joining. */
export function trainingsBeforeJoining(joinedOn: string | null, trainingDates: readonly string[]): string[] {
  return joinedOn ? trainingDates.filter((d) => d < joinedOn) : [];
}

/** The members for whom a training on `heldOn` would be before their joining date. */
export function joinedAfter<M extends Pick<RosterMember, 'joinedOn'>>(members: readonly M[], heldOn: string): M[] {
  return members.filter((m) => trainingsBeforeJoining(m.joinedOn, [heldOn]).length > 0);
}
