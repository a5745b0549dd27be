// `u` on the entry form when the field was changed by someone else after the officer's own
// change (#13: another program on the same database): refused, saying what is there now and who
// put it there; the form shows that value and nothing is written.
import { describe, expect, it } from 'vitest';
import { formHistory, setValue } from '../../src/db/forms.js';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm, teamIdOf } from '../support/forms.js';
import { KEYS, waitUntil } from '../support/ui.js';

describe('u over a later value', () => {
  it('is refused with the value now stored, and the form shows it', async () => {
    const pg = await demoDb();
    const team = await teamIdOf(pg, 'TDP01');
    const app = await openEntryForm(pg, 'TDP01', '2026-11');
    await app.type('77');
    await app.press(KEYS.enter);
    await waitUntil(async () => (await storedForm(pg, 'TDP01', '2026-11'))?.values.ho_huong_dan === 77);
    // Another program writes the same field afterwards.
    await pg.transaction((tx) => setValue(tx, team, '2026-11', 'ho_huong_dan', 99, 'csv'));
    const logged = (await formHistory(pg, team, '2026-11')).length;
    await app.press('u');
    await app.waitFor(/Không hoàn tác: [^]*tháng 11\/2026[^]*đã sửa\s+thành 99[^]*để nguyên/u);
    await app.waitFor(/Số hộ được hướng dẫn[^\n]*99/u);
    expect((await storedForm(pg, 'TDP01', '2026-11'))!.values.ho_huong_dan).toBe(99);
    expect(await formHistory(pg, team, '2026-11')).toHaveLength(logged);
  });
});
