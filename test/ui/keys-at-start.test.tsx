// Keys typed at once after the start all land, in order, on the screen that is on top when each
// is handled (#16): while the database opens (Root holds them until the app is there) and while a
// screen's code loads (only home's is loaded before the first frame: App holds the keys until
// the screen it moves to is drawn). The same keys typed one at a time, each after its frame,
// are the reference: the rushed ones must end on the very same frame.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { startOpening } from '../../src/ui/opening.js';
import { Root } from '../../src/ui/Root.js';
import { screenLoading } from '../../src/ui/screens.js';
import { dataDirFrom } from '../support/datadir.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, waitUntil } from '../support/ui.js';

const HOME_DATA = 'Phiếu đã nhận';
const TEAMS = 'tổ đang hoạt động';
const TEAM_PAGE = 'Thông tin tổ';
/** Home → the teams' list → the third team → its page: every key changes where this ends. */
const RUSH = ['t', KEYS.down, KEYS.down, KEYS.enter];

async function start() {
  const opening = startOpening({ dataDir: await dataDirFrom('demo') });
  let done = false;
  const r = render(<Root dataDir={opening.dataDir} opening={opening.database} openHooks={{}} now={() => TEST_NOW} onDone={() => (done = true)} />);
  const frame = () => r.lastFrame() ?? '';
  return { r, frame, done: () => done };
}

/** Leave as the officer does (the database closed before the test's folder goes). */
async function leave(app: Awaited<ReturnType<typeof start>>): Promise<void> {
  app.r.stdin.write(KEYS.ctrl('c'));
  await waitUntil(() => app.done(), undefined, 'the exit');
}

/** The same keys one at a time, each once its frame is drawn: where RUSH must end. */
async function reference(): Promise<string> {
  const app = await start();
  try {
    await waitUntil(() => app.frame().includes(HOME_DATA), undefined, 'home with its figures');
    app.r.stdin.write('t');
    await waitUntil(() => app.frame().includes(TEAMS), undefined, 'the teams list');
    for (const k of [KEYS.down, KEYS.down]) {
      const before = app.frame();
      app.r.stdin.write(k);
      await waitUntil(() => app.frame() !== before, undefined, 'the selection moved');
    }
    app.r.stdin.write(KEYS.enter);
    return await waitUntil(() => (app.frame().includes(TEAM_PAGE) && !app.frame().includes(TEAMS) ? app.frame() : null), undefined, 'the team page');
  } finally {
    await leave(app);
  }
}

async function endsOnTeamPage(app: Awaited<ReturnType<typeof start>>): Promise<string> {
  await waitUntil(() => app.frame().includes(TEAM_PAGE) && !app.frame().includes(TEAMS), undefined, 'the team page');
  return app.frame();
}

describe('keys typed at once after the start', () => {
  // First in the file: no screen but home has loaded its code yet.
  it('right after home shows, while the next screens’ code is still loading, every key lands in order', async () => {
    const app = await start();
    await waitUntil(() => app.frame().includes(HOME_DATA), undefined, 'home with its figures');
    expect(screenLoading({ name: 'teams' })).not.toBeNull(); // the teams' code is not there yet
    for (const k of RUSH) app.r.stdin.write(k);
    const rushed = await endsOnTeamPage(app);
    await leave(app);
    expect(rushed).toBe(await reference());
  });

  it('while the database is still opening, they wait for home and then every one lands in order', async () => {
    const app = await start();
    expect(app.frame()).not.toContain(HOME_DATA);
    for (const k of RUSH) app.r.stdin.write(k);
    const rushed = await endsOnTeamPage(app);
    expect(app.r.frames.some((f) => f.includes(HOME_DATA))).toBe(true);
    await leave(app);
    expect(rushed).toBe(await reference());
  });

  it('Ctrl+C still leaves at once while the database opens', async () => {
    const app = await start();
    app.r.stdin.write(KEYS.ctrl('c'));
    await waitUntil(() => app.done(), undefined, 'the exit');
    expect(app.r.frames.some((f) => f.includes(HOME_DATA))).toBe(false);
  });
});
