// On a server another officer's save reaches this screen by LISTEN/NOTIFY (store: onChange): the
// screen reloads what it shows, and the officer's cursor stays on the team it was on.
import { describe, expect, it } from 'vitest';
import { enterField, teamsWithForm } from '../../src/db/forms.js';
import { listTeams } from '../../src/db/teams.js';
import { asDatabase, demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

const selected = (frame: string) => /^› (.+?)\s+[?✗!✓] /mu.exec(frame)?.[1];

describe('another officer saves', () => {
  it('the home screen shows it without a key pressed, the cursor where it was', async () => {
    const pg = await demoDb();
    let announce: (() => void) | null = null;
    const database = { ...asDatabase(pg), onChange: async (fn: () => void) => ((announce = fn), async () => undefined) };
    const app = await renderApp(pg, { database });
    const first = selected(await app.waitFor('Phiếu đã nhận 146/150'));
    await app.press(KEYS.down);
    const second = selected(await app.waitFor((f) => !!selected(f) && selected(f) !== first));
    await app.press(KEYS.down);
    const before = selected(await app.waitFor((f) => !!selected(f) && selected(f) !== second));
    const withForm = await teamsWithForm(pg, '2026-10');
    const missing = (await listTeams(pg)).find((t) => !withForm.has(t.id))!;
    // "Another program": the write goes straight to the database, then the server's notification.
    await pg.transaction((tx) => enterField(tx, missing.id, '2026-10', 'luot_ho_tro', 5, '2026-11-02'));
    expect(announce).not.toBeNull();
    announce!();
    const after = await app.waitFor('Phiếu đã nhận 147/150');
    expect(selected(after)).toBe(before);
  });
});
