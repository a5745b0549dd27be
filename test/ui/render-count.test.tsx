// The screens under the top one stay mounted (going back keeps their selection). A resize, a
// message or the help must not re-render them: only the top screen follows the new size. The
// views are wrapped to count their renders; they render props only, so calling them is the same.
import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { demoDb } from '../support/db.js';
import { renderAppIn } from '../support/terminal.js';
import { KEYS } from '../support/ui.js';

const renders = vi.hoisted(() => ({ home: 0, teams: 0, team: 0 }));

vi.mock('../../src/ui/home/HomeView.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ui/home/HomeView.js')>();
  return { ...m, HomeView: (p: Parameters<typeof m.HomeView>[0]) => (renders.home++, m.HomeView(p)) };
});
vi.mock('../../src/ui/teams/TeamsView.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ui/teams/TeamsView.js')>();
  return { ...m, TeamsView: (p: Parameters<typeof m.TeamsView>[0]) => (renders.teams++, m.TeamsView(p)) };
});
vi.mock('../../src/ui/team/TeamView.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/ui/team/TeamView.js')>();
  return { ...m, TeamView: (p: Parameters<typeof m.TeamView>[0]) => (renders.team++, m.TeamView(p)) };
});

const width = (frame: string) => stringWidth(frame.split('\n')[0] ?? '');

describe('the screen stack', () => {
  it('re-renders only the top screen on a resize, the help or a question', async () => {
    const app = await renderAppIn(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('t');
    await app.waitFor('Mã tổ');
    await app.press(KEYS.enter);
    await app.waitFor('Vai trò');
    const before = { ...renders };

    app.stdout.resize(100, 30);
    const wide = await app.waitFor((f) => width(f) === 100 && f.includes('Vai trò'));
    expect(wide.split('\n').length).toBeLessThanOrEqual(30);
    expect(renders.team).toBeGreaterThan(before.team);
    expect({ home: renders.home, teams: renders.teams }).toEqual({ home: before.home, teams: before.teams });

    // The help and a question over the top screen: the screens under it do not redraw.
    await app.press('?');
    await app.waitFor('Phím tắt của màn hình này');
    await app.press(KEYS.escape);
    await app.waitFor((f) => !f.includes('Phím tắt') && f.includes('Vai trò'));
    await app.press('x');
    await app.waitFor('Giải thể tổ');
    await app.press(KEYS.escape);
    await app.waitFor((f) => !f.includes('Giải thể tổ') && f.includes('Vai trò'));
    expect({ home: renders.home, teams: renders.teams }).toEqual({ home: before.home, teams: before.teams });

    // Going back: each screen is drawn again once, at the size it is now shown at.
    await app.press(KEYS.escape);
    const teams = await app.waitFor((f) => f.includes('Mã tổ') && !f.includes('Vai trò'));
    expect(width(teams)).toBe(100);
    expect(renders.teams).toBeGreaterThan(before.teams);
    expect(renders.home).toBe(before.home);
  });
});
