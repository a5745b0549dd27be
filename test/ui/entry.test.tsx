// Monthly entry from paper forms, typed into the real App over the demo commune (today 23/11/2026).
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { FIELD_NOTE, FIELD_RECEIVED, formHistory, getForm } from '../../src/db/forms.js';
import { listIndicators } from '../../src/db/unit.js';
import { whenSaved } from '../../src/ui/saveQueue.js';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm, teamIdOf } from '../support/forms.js';
import { KEYS, erase, renderApp, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';


describe('monthly entry', () => {
  it('a full paper form takes its digits plus one key per field, is read back, and the next team opens', async () => {
    const pg = await demoDb();
    const indicators = await listIndicators(pg);
    const app = await openEntryForm(pg, 'CAP-XA');
    // One value per indicator (the 5th left blank: "not reported"), then the received date and the note.
    // Days and hours active as a month can hold them (impossible ones are refused).
    const possible: Record<string, string> = { ngay_hoat_dong: '20', gio_hoat_dong: '60' };
    const values = indicators.map((ind, i) => (i === 4 ? '' : (possible[ind.code] ?? String(10 * i + 3))));
    let keys = 0;
    for (const v of values) {
      await app.type(v);
      await app.press(KEYS.enter);
      keys += v.length + 1;
    }
    await app.press(KEYS.enter); // received date: today, as shown
    await app.type('Hỗ trợ VNeID');
    await app.press(KEYS.enter);
    keys += 2 + 'Hỗ trợ VNeID'.length;
    const digits = values.join('').length + 'Hỗ trợ VNeID'.length;
    expect(keys).toBe(digits + indicators.length + 2);

    // Straight on to the next team in Vietnamese order without a form, saying so.
    await app.waitFor('Đã lưu phiếu cấp xã/phường. Tiếp theo: khu dân cư Hòa Bình, chưa có phiếu.');
    await app.waitFor(/Tổ CNSCĐ khu dân cư Hòa Bình \(KDC-HOABINH\)/u);

    const form = await storedForm(pg, 'CAP-XA');
    expect(form).not.toBeNull();
    const expected: Record<string, number> = {};
    indicators.forEach((ind, i) => {
      if (values[i]) expected[ind.code] = Number(values[i]);
    });
    expect(form!.values).toEqual(expected);
    expect(form!.receivedOn).toBe('2026-11-23');
    expect(form!.note).toBe('Hỗ trợ VNeID');
    expect(form!.source).toBe('typed');
  });

  it('keeps a blank apart from 0, on screen and in the database', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.press('0', KEYS.enter, KEYS.enter); // first: 0; second: left blank
    await app.press(KEYS.up, KEYS.up);
    const f = await app.waitFor(/› Số hộ được hướng dẫn/u);
    const lines = f.split('\n');
    const first = lines.find((l) => l.includes('Số hộ được hướng dẫn'))!;
    const second = lines.find((l) => l.includes('Số lượt người dân được hỗ trợ'))!;
    expect(first).toMatch(/0▏/u);
    expect(second).toContain('—');
    const form = await storedForm(pg, 'TDP01');
    expect(form!.values).toEqual({ ho_huong_dan: 0 });
    expect('luot_ho_tro' in form!.values).toBe(false);
  });

  it('refuses a bad value with a Vietnamese message next to the field, saves nothing, keeps the cursor', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.type('12a');
    let f = await app.waitFor('Chỉ nhập chữ số');
    await app.press(KEYS.enter);
    f = await app.waitFor('Chỉ nhập chữ số');
    expect(f).toMatch(/› Số hộ được hướng dẫn/u);
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.type('1000001');
    await app.waitFor('Giá trị vượt quá 1.000.000');
    await app.press(KEYS.enter);
    f = await app.waitFor('Giá trị vượt quá 1.000.000');
    expect(f).toMatch(/› Số hộ được hướng dẫn/u);
    expect(await storedForm(pg, 'TDP01')).toBeNull();
    // Fixed, it saves and moves on.
    await app.press(KEYS.backspace);
    await app.press(KEYS.enter);
    await app.waitFor(/› Số lượt người dân/u);
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ho_huong_dan: 100000 });
  });

  it('Ctrl+C with a refused value asks before quitting; n keeps it, y quits', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.type('1000001');
    await app.waitFor('Giá trị vượt quá 1.000.000');
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('Thoát và bỏ dữ liệu chưa lưu? (y/n)');
    expect(app.exited()).toBe(false);
    await app.press('n');
    const f = await app.waitFor((fr) => !fr.includes('(y/n)'));
    expect(f).toContain('1000001▏');
    expect(app.exited()).toBe(false);
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('(y/n)');
    await app.press('y');
    await waitUntil(() => app.exited(), WAIT_CEILING_MS, 'thoát');
    expect(await storedForm(pg, 'TDP01')).toBeNull();
  });

  // Issue #10 item 13: Esc saved the "555" being typed; Ctrl+C quit and kept "123".
  it('Esc cancels the field being typed back to its saved value; a second Esc leaves', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.type('7');
    await app.press(KEYS.enter);
    await app.waitFor(/› Số lượt người dân/u);
    await app.type('555');
    await app.waitFor('555▏');
    await app.press(KEYS.escape);
    await app.waitFor('Đã bỏ giá trị đang gõ');
    expect(app.lastFrame()).not.toContain('555');
    expect(app.lastFrame()).toMatch(/› Số lượt người dân/u); // still on the form
    await app.press(KEYS.escape); // the form is the first screen here: Esc leaves the program
    await waitUntil(() => app.exited(), WAIT_CEILING_MS, 'thoát');
    await whenSaved(pg);
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ho_huong_dan: 7 });
  });

  it('Ctrl+C with a typed value asks; y quits without saving it', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.type('123');
    await app.waitFor('123▏');
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('Thoát và bỏ dữ liệu chưa lưu? (y/n)');
    expect(app.exited()).toBe(false);
    await app.press('y');
    await waitUntil(() => app.exited(), WAIT_CEILING_MS, 'thoát');
    expect(await storedForm(pg, 'TDP01')).toBeNull();
  });

  it('warns, without blocking, about more households than the area has', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01'); // 312 households
    await app.type('400');
    await app.waitFor('Lớn hơn số hộ của địa bàn (312 hộ)');
    await app.press(KEYS.enter);
    await app.waitFor(/› Số lượt người dân/u);
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ho_huong_dan: 400 });
  });

  it('shows last month’s value beside each field', async () => {
    const pg = await demoDb();
    const last = await getForm(pg, await teamIdOf(pg, 'TDP01'), '2026-10');
    const app = await openEntryForm(pg, 'TDP01');
    const f = app.lastFrame();
    expect(f).toContain('Th.10/2026');
    const line = f.split('\n').find((l) => l.includes('Số ngày hoạt động'))!;
    expect(line).toContain(String(last!.values.ngay_hoat_dong ?? '—'));
  });

  it('a field left unchanged writes nothing; u undoes the last change and says what it was', async () => {
    const pg = await demoDb();
    const id = await teamIdOf(pg, 'TDP01');
    const before = await formHistory(pg, id, '2026-10');
    const app = await openEntryForm(pg, 'TDP01', '2026-10');
    await app.press(KEYS.enter, KEYS.enter, KEYS.shiftTab, KEYS.shiftTab);
    await app.waitFor(/› Số hộ được hướng dẫn/u);
    await whenSaved(pg);
    expect(await formHistory(pg, id, '2026-10')).toHaveLength(before.length);

    const old = (await getForm(pg, id, '2026-10'))!.values.ho_huong_dan ?? null;
    await app.type('777');
    await app.press(KEYS.enter);
    await app.waitFor(/› Số lượt người dân/u);
    expect((await storedForm(pg, 'TDP01', '2026-10'))!.values.ho_huong_dan).toBe(777);
    await app.press('u');
    const f = await app.waitFor('Đã hoàn tác');
    expect(f).toContain(`Hộ HD: 777 → ${old === null ? '(trống)' : old}`);
    expect((await storedForm(pg, 'TDP01', '2026-10'))!.values.ho_huong_dan ?? null).toBe(old);
    await app.waitFor((fr) => fr.split('\n').some((l) => l.includes('Số hộ được hướng dẫn') && !l.includes('777')));
  });

  it('received date: typed dd/mm/yyyy, refused after today; the note is free text', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.press(KEYS.shiftTab, KEYS.shiftTab); // from the first field back: stays there
    for (let i = 0; i < 13; i++) await app.press(KEYS.down);
    let f = await app.waitFor(/› Ngày nhận phiếu\s+23\/11\/2026/u);
    await app.type('24/11/2026');
    await app.press(KEYS.enter);
    f = await app.waitFor('sau ngày hôm nay');
    expect(f).toMatch(/› Ngày nhận phiếu/u);
    await erase(app, 10);
    await app.type('20/11/2026');
    await app.press(KEYS.enter);
    await app.waitFor(/› Ghi chú/u);
    await app.type('Khó khăn: thiếu máy');
    await app.press(KEYS.up);
    await app.waitFor(/› Ngày nhận phiếu/u);
    const form = await storedForm(pg, 'TDP01');
    expect(form!.receivedOn).toBe('2026-11-20');
    expect(form!.note).toBe('Khó khăn: thiếu máy');
    expect(form!.values).toEqual({});
    const hist = await formHistory(pg, form!.teamId, '2026-11');
    expect(hist.map((h) => h.field)).toEqual([FIELD_NOTE, '_phieu']);
    expect(hist.find((h) => h.field === FIELD_RECEIVED)).toBeUndefined();
  });

  it('a long note being typed shows its end with the cursor, measured in columns (wide characters too)', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    for (let i = 0; i < 14; i++) await app.press(KEYS.down);
    await app.waitFor(/› Ghi chú/u);
    await app.type('máy 💻💻💻💻 hỏng; '.repeat(6));
    const f = await app.waitFor('hỏng; ▏');
    const line = f.split('\n').find((l) => l.includes('› Ghi chú'))!;
    expect(line).toMatch(/💻 hỏng; ▏\s*$/u);
    expect(stringWidth(line)).toBeLessThanOrEqual(100);
  });

  it('l shows the form’s history newest first; u there undoes', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    await app.type('5');
    await app.press(KEYS.enter);
    await app.type('6');
    await app.press(KEYS.enter);
    await app.press('l');
    let f = await app.waitFor('mới nhất trước');
    const rows = f.split('\n').filter((l) => /\d\d\/\d\d\/\d{4} \d\d:\d\d/u.test(l));
    expect(rows[0]).toMatch(/Lượt HT\s+\(trống\) → 6\s+gõ tay/u);
    expect(rows[1]).toMatch(/Hộ HD\s+\(trống\) → 5\s+gõ tay/u);
    expect(rows[2]).toMatch(/Phiếu/u);
    await app.press('u');
    f = await app.waitFor('Đã hoàn tác');
    await app.waitFor(/6 → \(trống\)\s+hoàn tác/u);
    expect((await storedForm(pg, 'TDP01'))!.values).toEqual({ ho_huong_dan: 5 });
    await app.press(KEYS.escape);
    await app.waitFor(/› Số hộ sử dụng/u);
    await waitUntil(() => !app.lastFrame().split('\n').some((l) => l.includes('Số lượt người dân') && / 6 /u.test(l)));
  });

  it('picks the month (never after this one) and the team by typing part of its name', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'entryPick' } });
    let f = await app.waitFor('Đã có phiếu 13/15 tổ');
    expect(f).toContain('Tháng làm việc: 10/2026');
    // ←/→ are the month keys here (footer and help say so), not a choice field's.
    await app.waitFor('← Tháng trước');
    await app.press(KEYS.ctrl('g'));
    const help = await app.waitFor('Phím tắt của màn hình này');
    expect(help).toMatch(/← +Xem tháng trước/u);
    expect(help).not.toContain('Ở ô lựa chọn');
    await app.press(KEYS.escape);
    await app.waitFor((fr) => !fr.includes('Phím tắt'));
    // Default: the first team in Vietnamese order without a form for 10/2026 (Lê Lợi).
    expect(f).toMatch(/› \? Tổ CNSCĐ TDP Lê Lợi/u);
    await app.press(KEYS.right);
    f = await app.waitFor('Đã có phiếu 0/15 tổ');
    expect(f).toContain('Tháng làm việc: 11/2026');
    await app.press(KEYS.right);
    await app.waitFor('Tháng 12/2026 chưa đến');
    await app.press(KEYS.left);
    await app.waitFor('Tháng làm việc: 10/2026');
    await app.type('ngoc dong');
    f = await app.waitFor('Tìm tổ: ngoc dong');
    expect(f).toMatch(/› \? Tổ CNSCĐ thôn Ngọc Động/u);
    expect(f).not.toContain('Đông Sơn');
    await app.press(KEYS.enter);
    f = await app.waitFor('Tổ CNSCĐ thôn Ngọc Động (THON-NGOCDONG)');
    expect(f).toContain('Tháng 10/2026');
  });
});
