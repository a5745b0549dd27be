// The UI takes "today" from the one clock (src/clock.ts), which honours TONGHOP_TODAY: the app
// opened without a clock of its own works on the month before the pinned day.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, loadSettings } from '../../src/ui/App.js';
import { asDatabase, demoDb } from '../support/db.js';
import { waitUntil } from '../support/ui.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the UI clock', () => {
  it('follows TONGHOP_TODAY when no clock is passed in', async () => {
    vi.stubEnv('TONGHOP_TODAY', '2026-06-15');
    const database = asDatabase(await demoDb());
    const r = render(<App database={database} settings={await loadSettings(database)} onExit={() => undefined} />);
    try {
      const f = await waitUntil(() => (r.lastFrame() ?? '').includes('Tính đến tháng') && r.lastFrame());
      expect(f).toContain('Tháng làm việc: 05/2026');
      expect(f).toContain('Tính đến tháng 05/2026');
    } finally {
      r.unmount();
    }
  });
});
