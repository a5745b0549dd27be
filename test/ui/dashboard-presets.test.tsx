// Every plan preset, with the demo commune on it: the four dashboard screens draw without error
// (leadership targets, plans with no deadline day, urban-only shares on adults, plan indicators).
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { setupUnit } from '../../src/db/setup.js';
import { listIndicators } from '../../src/db/unit.js';
import { rankTeams } from '../../src/domain/ranking.js';
import { loadPreset } from '../../src/io/presets.js';
import { CommuneView, communeLines } from '../../src/ui/commune/CommuneView.js';
import { loadCommuneModel } from '../../src/ui/commune/model.js';
import { homeFrame } from '../../src/ui/home/frame.js';
import { loadHomeModel } from '../../src/ui/home/model.js';
import { RankingView } from '../../src/ui/ranking/RankingView.js';
import { TeamStatusView, teamStatusLines } from '../../src/ui/team-status/TeamStatusView.js';
import { loadTeamStatusModel } from '../../src/ui/team-status/model.js';
import { emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

const fits = (s: string) => s.split('\n').every((l) => stringWidth(l) <= 80);

describe.each(['ngoc-hoi-2026', 'ngoc-lien-2026', 'tran-lieu-2025', 'trung-thanh-2026'])('preset %s', (id) => {
  it('draws home, a drill-down, the commune view and the ranking', async () => {
    const pg = await emptyDb();
    const preset = loadPreset(id)!;
    await setupUnit(pg, { preset, unitName: 'xã Thử', demo: true, now: TEST_NOW });
    const inds = await listIndicators(pg);
    const asOf = '2026-10';
    const home = await loadHomeModel(pg, asOf, TEST_NOW, inds);
    const frame = homeFrame(home, { columns: 80 });
    expect(fits(frame)).toBe(true);
    expect(frame).toMatch(preset.plan.span_end < '2026-11' ? /Không còn hạn báo cáo quý nào/u : /Hạn báo cáo Quý IV\/2026/u);
    if (process.env.SHOW) console.log(frame);
    if (preset.plan.deadline_day === null && preset.plan.span_end >= '2026-12') expect(frame).toContain('hết ngày 31/12/2026');

    const team = home.rows[0]!;
    const tm = await loadTeamStatusModel(pg, team.teamId, asOf, inds);
    const drill = renderToString(<TeamStatusView model={tm} asOf={asOf} error={null} lines={teamStatusLines(tm, inds, 80)} offset={0} bodyRows={19} />, { columns: 80 });
    expect(drill).toContain(team.name);
    if (process.env.SHOW) console.log(drill);
    expect(fits(drill)).toBe(true);

    const cm = await loadCommuneModel(pg, asOf, inds);
    expect(cm.plan).toHaveLength(preset.plan.targets.length);
    const lines = communeLines(cm, inds, 80, 'xã');
    const commune = renderToString(<CommuneView model={cm} asOf={asOf} error={null} lines={lines} offset={lines.length} bodyRows={19} />, { columns: 80 });
    expect(commune).toContain('Tổ theo trạng thái');

    const rows = rankTeams(await computeStatus(pg, asOf));
    const ranking = renderToString(<RankingView asOf={asOf} spanEnd={preset.plan.span_end} rows={rows} shown={rows} selectedIndex={0} query="" filtering={false} error={null} bodyRows={19} columns={80} />, { columns: 80 });
    expect(ranking).toMatch(/›\s+1 /u);
  });
});
