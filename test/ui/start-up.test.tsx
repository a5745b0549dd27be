// The UI's start (#16): the database starts opening before the UI's modules load (ui/opening.ts)
// and Root takes that opening instead of opening the folder again; home's figures come with the
// app's first frame (no "Đang tính…" frame between the loading screen and the figures); the other
// screens still answer their keys.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lock.js';
import { startOpening } from '../../src/ui/opening.js';
import { Root } from '../../src/ui/Root.js';
import { dataDirFrom } from '../support/datadir.js';
import { TEST_NOW } from '../support/templates.js';
import { waitUntil } from '../support/ui.js';

const HOME_DATA = 'Phiếu đã nhận';

function renderRoot(opening: ReturnType<typeof startOpening>) {
  let done: { code: number; message?: string } | null = null;
  const r = render(<Root dataDir={opening.dataDir} opening={opening.database} openHooks={{}} now={() => TEST_NOW} onDone={(code, message) => (done = { code, message })} />);
  return { r, frame: () => r.lastFrame() ?? '', done: () => done };
}

describe('the UI start', () => {
  it('shows home on the database opened before it, its figures in the first frame after the loading one', async () => {
    const opening = startOpening({ dataDir: await dataDirFrom('demo') });
    const app = renderRoot(opening);
    await waitUntil(() => app.frame().includes(HOME_DATA), undefined, 'home with its figures');
    expect(app.r.frames.some((f) => f.includes('Đang tính…'))).toBe(false);
    expect(app.r.frames.filter((f) => !f.includes(HOME_DATA)).every((f) => f.includes('Đang mở dữ liệu…'))).toBe(true);
    // The other screens still draw and answer their keys: t → the teams' list, Esc back.
    app.r.stdin.write('t');
    await waitUntil(() => app.frame().includes('tổ đang hoạt động'), undefined, 'the teams list');
    app.r.stdin.write('\x1b');
    await waitUntil(() => app.frame().includes(HOME_DATA), undefined, 'home again');
    app.r.stdin.write('q');
    await waitUntil(() => app.done(), undefined, 'the exit');
    expect(app.done()).toEqual({ code: 0, message: undefined });
  });

  it('says why when the early opening fails (another copy holds the folder), even if it failed before Root was drawn', async () => {
    const dir = await dataDirFrom('demo');
    const lock = acquireLock(dir, 'tonghop import');
    try {
      const opening = startOpening({ dataDir: dir });
      await opening.database.catch(() => undefined); // failed, and no unhandled rejection meanwhile
      const app = renderRoot(opening);
      await waitUntil(() => app.done(), undefined, 'the exit');
      expect(app.done()!.code).toBe(1);
      expect(app.done()!.message).toMatch(/tonghop import/u);
    } finally {
      lock.release();
    }
  });
});
