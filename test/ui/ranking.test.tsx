import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { rankTeams } from '../../src/domain/ranking.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

const rankedNames = (frame: string) =>
  frame
    .split('\n')
    .map((l) => /^[› ]\s*\d+ (.+?)\s{2,}[\d,]+%/u.exec(l)?.[1])
    .filter((x): x is string => !!x);

describe('commendation ranking', () => {
  it('k ranks the teams by their mean capped ratio, as of the latest finished month of the span', async () => {
    const pg = await demoDb();
    const report = await computeStatus(pg, '2026-10');
    // Independent of ranking.ts: each ratio capped at 1, no data = 0.
    const score = (t: (typeof report.teams)[number]) => t.targets.reduce((s, x) => s + Math.min(1, x.ratio ?? 0), 0) / t.targets.length;
    const best = [...report.teams].sort((a, b) => score(b) - score(a))[0]!;
    const expected = rankTeams(report).map((r) => displayName(r.ten_to));
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press('k');
    let f = await app.waitFor('Điểm = trung bình');
    expect(f).toContain('Xét Tổ CNSCĐ tiêu biểu năm 2026, tính đến tháng 10/2026 (kỳ kế hoạch chưa hết)');
    expect(f).toContain('mỗi chỉ tiêu tính tối đa 100%');
    expect(f).toContain('chỉ tiêu chưa có số liệu tính 0');
    expect(f).toMatch(new RegExp(`^›\\s+1 ${displayName(best.ten_to)}`, 'mu'));
    const seen = rankedNames(f);
    for (let i = 0; i < expected.length; i++) await app.press(KEYS.down);
    f = app.lastFrame();
    for (const n of rankedNames(f)) if (!seen.includes(n)) seen.push(n);
    expect(seen).toEqual(expected);
    // The team with no recent forms is last: its targets with no data count 0.
    expect(seen[seen.length - 1]).toBe('thôn Ngọc Động');
  });

  it('/ filters by name keeping the ranks; Enter opens the team', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'ranking' } });
    await app.waitFor('Điểm = trung bình');
    await app.press('/');
    await app.type('ngoc');
    const f = await app.waitFor('Tìm: ngoc');
    expect(rankedNames(f)).toEqual(['thôn Ngọc Động']);
    expect(f).toMatch(/›\s+15 thôn Ngọc Động/u);
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('Tổ CNSCĐ thôn Ngọc Động (THON-NGOCDONG)');
  });

  it('PgDn/PgUp page through the list while the filter is being typed', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'ranking' } });
    await app.waitFor('Điểm = trung bình');
    await app.press('/');
    await app.type('to'); // every team: "Tổ …"
    await app.waitFor('Tìm: to▏ · 15/15 tổ');
    await app.press(KEYS.pageDown);
    await app.waitFor(/^›\s+1[0-5] /mu);
    await app.press(KEYS.pageUp);
    await app.waitFor(/^›\s+1 /mu);
  });
});
