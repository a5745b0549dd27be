// Impossible and unlikely values on the paper-form screen (#10 item 4), typed into the real App
// over the demo commune (today 23/11/2026): 31 days in November and 130 hours in 5 days are
// refused next to the field and not saved; more than 12 hours a day warns; the "far above
// usual" warning needs one earlier month, not three.
import { describe, expect, it } from 'vitest';
import { listIndicators } from '../../src/db/unit.js';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm, teamIdOf } from '../support/forms.js';
import { KEYS, erase } from '../support/ui.js';

describe('impossible days and hours on the entry form', () => {
  it('refuses days above the month and hours above 24 × days; warns above 12 hours a day', async () => {
    const pg = await demoDb();
    const codes = (await listIndicators(pg)).map((i) => i.code);
    const app = await openEntryForm(pg, 'TDP01');
    for (let i = 0; i < codes.indexOf('ngay_hoat_dong'); i++) await app.press(KEYS.down);
    await app.waitFor(/› Số ngày hoạt động/u);
    await app.type('31');
    await app.press(KEYS.enter);
    let f = await app.waitFor('Tháng 11/2026 chỉ có 30 ngày');
    expect(f).toMatch(/› Số ngày hoạt động/u);
    expect(await storedForm(pg, 'TDP01')).toBeNull();
    await erase(app, 2);
    await app.type('5');
    await app.press(KEYS.enter);
    await app.waitFor(/› Số giờ hoạt động/u);
    await app.type('130');
    await app.press(KEYS.enter);
    f = await app.waitFor('130 giờ trong 5 ngày hoạt động là hơn 24 giờ mỗi ngày');
    expect(f).toMatch(/› Số giờ hoạt động/u);
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ngay_hoat_dong: 5 });
    await erase(app, 3);
    await app.type('61');
    await app.waitFor('Trung bình hơn 12 giờ mỗi ngày hoạt động (61 giờ trong 5 ngày)');
    await app.press(KEYS.enter);
    await app.waitFor('Ngày nhận phiếu');
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ngay_hoat_dong: 5, gio_hoat_dong: 61 });
    // Days lowered below what the hours need: refused on the days field.
    await app.press(KEYS.up, KEYS.up);
    await app.waitFor(/› Số ngày hoạt động/u);
    await app.type('2');
    await app.press(KEYS.enter);
    await app.waitFor('61 giờ trong 2 ngày hoạt động là hơn 24 giờ mỗi ngày');
    expect((await storedForm(pg, 'TDP01'))!.values.ngay_hoat_dong).toBe(5);
  });

  it('"far above usual" starts with one earlier month of the team', async () => {
    const pg = await demoDb();
    const team = await teamIdOf(pg, 'TDP02');
    await pg.query(`DELETE FROM form WHERE team_id = $1 AND month <> '2026-10'`, [team]);
    await pg.query(`DELETE FROM form_value WHERE indicator = 'luot_ho_tro' AND form_id = (SELECT id FROM form WHERE team_id = $1)`, [team]);
    await pg.query(`INSERT INTO form_value (form_id, indicator, value) SELECT id, 'luot_ho_tro', 20 FROM form WHERE team_id = $1`, [team]);
    const app = await openEntryForm(pg, 'TDP02');
    await app.press(KEYS.down);
    await app.waitFor(/› Số lượt người dân/u);
    await app.type('101');
    await app.waitFor('Cao bất thường: gấp hơn 5 lần mức thường của tổ (trung vị 20)');
  });
});
