// The demo commune of seeds/demo-commune.json: 15 teams, members with trainings, and 10 months
// of forms with gaps and blank cells, generated deterministically so tests can rely on them.
import fs from 'node:fs';
import path from 'node:path';
import { systemNow } from '../clock.js';
import { planIndicators } from '../domain/indicators.js';
import { type Month, addMonths, lastFinishedMonth, minMonth, monthParts } from '../domain/period.js';
import { mulberry32, textSeed } from '../domain/random.js';
import type { Plan, Role } from '../domain/schemas.js';
import { daysInMonth, pad2, todayIso } from '../domain/text.js';
import { SEEDS_DIR } from '../paths.js';
import { type NewForm, insertFormsBulk } from './forms.js';
import { addMember, addTraining } from './members.js';
import type { Db } from './database.js';
import { type TeamInput, saveTeam } from './teams.js';

interface DemoSeed {
  teams: TeamInput[];
  surnames: string[];
  middle_male: string[];
  middle_female: string[];
  given_male: string[];
  given_female: string[];
  organisations: string[];
  training_topics: string[];
  notes: string[];
}

export function loadDemoSeed(): DemoSeed {
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'demo-commune.json'), 'utf8')) as DemoSeed;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** How well each demo team works (1 = on plan): some ahead, some behind, one far behind. */
const PERFORMANCE = [1.15, 0.95, 1.25, 0.55, 1.05, 0.8, 0.9, 1.1, 0.65, 1.0, 0.45, 1.2, 0.85, 0.75, 1.1];

export interface DemoOptions {
  now?: Date;
}

export async function loadDemo(q: Db, plan: Plan, opts: DemoOptions = {}): Promise<{ teams: number; members: number; forms: number }> {
  const seed = loadDemoSeed();
  const now = opts.now ?? systemNow();
  const lastMonth = minMonth(lastFinishedMonth(now), plan.span_end);
  const firstMonth = addMonths(lastMonth, -9);
  const indicators = planIndicators(plan);
  const forms: NewForm[] = [];
  let memberCount = 0;
  for (const [ti, team] of seed.teams.entries()) {
    const r = mulberry32(textSeed(team.code));
    const teamId = await saveTeam(q, team);
    const size = team.level === 'commune' ? 16 : 4 + Math.floor(r() * 9) + (ti % 3 === 0 ? 3 : 0);
    const trainedShare = 0.5 + r() * 0.5;
    const trainings: { ids: number[]; topic: string; date: string }[] = seed.training_topics.map((topic, k) => ({
      ids: [],
      topic,
      date: `${plan.span_start}-${pad2(10 + k * 5)}`,
    }));
    for (let i = 0; i < size; i++) {
      const female = r() < 0.5;
      const fullName = [
        pick(r, seed.surnames),
        pick(r, female ? seed.middle_female : seed.middle_male),
        pick(r, female ? seed.given_female : seed.given_male),
      ].join(' ');
      const role: Role = i === 0 ? 'to_truong' : i === 1 && ti !== 6 ? 'to_pho' : 'thanh_vien';
      const joinedLate = i === size - 1 && ti % 4 === 1;
      const id = await addMember(q, teamId, {
        fullName,
        role,
        organisation: i === 0 ? 'Trưởng thôn/Tổ trưởng TDP' : pick(r, seed.organisations),
        birthYear: 1962 + Math.floor(r() * 42),
        phone: `09${Math.floor(10_000_000 + r() * 89_999_999)}`,
        joinedOn: joinedLate ? `${addMonths(lastMonth, -2)}-15` : (team.decisionDate ?? null),
        leftOn: i === 2 && ti % 5 === 2 ? `${addMonths(lastMonth, -4)}-28` : null,
      });
      memberCount++;
      if (r() < trainedShare) pick(r, trainings).ids.push(id);
    }
    for (const t of trainings) if (t.ids.length) await addTraining(q, t.ids, { heldOn: t.date, topic: t.topic });

    const perf = PERFORMANCE[ti % PERFORMANCE.length]!;
    for (let k = 0; k < 10; k++) {
      const month = addMonths(firstMonth, k);
      if (isGap(team.code, k)) continue;
      forms.push(demoForm(teamId, team, month, k, perf, indicators.map((i) => i.code), r, seed, now));
    }
  }
  await insertFormsBulk(q, forms, 'typed');
  return { teams: seed.teams.length, members: memberCount, forms: forms.length };
}

/** Gaps: a team that stopped reporting, one that skipped a month, one that is late this month. */
function isGap(code: string, k: number): boolean {
  if (code === 'THON-NGOCDONG') return k >= 8;
  if (code === 'LANG-HAVU') return k === 5;
  if (code === 'TDP04') return k === 9;
  return false;
}

function demoForm(
  teamId: number,
  team: TeamInput,
  month: Month,
  k: number,
  perf: number,
  codes: string[],
  r: () => number,
  seed: DemoSeed,
  now: Date,
): NewForm {
  const hh = team.area?.households ?? 400;
  const adults = team.area?.adults ?? 1100;
  const noise = () => 0.8 + r() * 0.4;
  const rise = (start: number, step: number, cap: number) => Math.min(cap, (start + step * k) * perf);
  const gen: Record<string, () => number> = {
    ho_huong_dan: () => hh * 0.075 * perf * noise(),
    luot_ho_tro: () => 19 * perf * noise(),
    ho_dung_nen_tang: () => hh * rise(0.35, 0.05, 0.97),
    ho_tuyen_truyen: () => hh * rise(0.45, 0.06, 1),
    vneid_muc2: () => 11 * perf * noise(),
    ho_so_dvc: () => 8 * perf * noise(),
    chu_ky_so: () => 3 * perf * noise(),
    tk_thanh_toan: () => 6 * perf * noise(),
    ocop_len_san: () => (team.level === 'commune' ? Math.min(6, 2 + k / 3) : r() < 0.3 ? 1 : 0),
    nguoi_pho_cap: () => adults * rise(0.3, 0.065, 0.96),
    nguoi_co_smartphone: () => adults * rise(0.72, 0.02, 0.97),
    ngay_hoat_dong: () => Math.min(26, 8.5 * perf * noise()),
    gio_hoat_dong: () => Math.min(120, 34 * perf * noise()),
    ho_dung_dvc: () => hh * rise(0.3, 0.05, 0.95),
    nguoi_dinh_danh_muc2: () => adults * rise(0.62, 0.04, 1),
    nguoi_co_tk_thanh_toan: () => adults * rise(0.3, 0.03, 0.9),
  };
  const values: Record<string, number> = {};
  for (const code of codes) {
    if (r() < 0.04) continue; // a blank cell: not reported, not zero
    values[code] = Math.max(0, Math.round((gen[code] ?? (() => 5 * perf * noise()))()));
  }
  const { year, month: mo } = monthParts(addMonths(month, 1));
  const day = Math.min(daysInMonth(year, mo), 2 + Math.floor(r() * 17));
  let received = `${year}-${pad2(mo)}-${pad2(day)}`;
  const today = todayIso(now);
  if (received > today) received = today;
  return { teamId, month, receivedOn: received, note: r() < 0.5 ? pick(r, seed.notes) : null, values };
}
