// Untrusted text in the UI (#10 item 15), through the real App over a real database:
// - a database that already holds hostile names and notes (an older version, another tool) shows
//   them without a single character a terminal would act on, on every screen that shows them;
// - typing or pasting a control or bidi character into a field stores none of it.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { getTeamByCode, listTeams } from '../../src/db/teams.js';
import { demoDb } from '../support/db.js';
import { openEntryForm, storedForm, teamIdOf } from '../support/forms.js';
import { HOSTILE_NAME, NO_ESCAPES, TERMINAL_SAFE } from '../support/hostile.js';
import { KEYS, type Rendered, renderApp } from '../support/ui.js';

async function poison(pg: DbRunner): Promise<void> {
  await pg.query(`UPDATE team SET name = $1 WHERE code = 'TDP01'`, [HOSTILE_NAME]);
  await pg.query(`UPDATE area SET name = $1 WHERE id = (SELECT area_id FROM team WHERE code = 'TDP01')`, [`Khu \x1b]52;c;eA==\x07 phố`]);
  await pg.query(`UPDATE member SET full_name = $1 WHERE id = (SELECT min(id) FROM member WHERE team_id = (SELECT id FROM team WHERE code = 'TDP01'))`, [
    `Nguyễn \u202eAn\u202c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\`,
  ]);
  await pg.query(`UPDATE form SET note = $1 WHERE month = '2026-10' AND team_id = (SELECT id FROM team WHERE code = 'TDP01')`, ['khó\tkhăn\x1b]0;title\x07\r\ndòng 2\b\b\u009b2J']);
  await pg.query(`UPDATE plan SET definition = jsonb_set(definition, '{name}', to_jsonb($1::text))`, ['Kế hoạch \x1b[5m\x1b]0;x\x07']);
  await pg.query(`UPDATE unit SET name = $1`, ['phường \x07Phù\u0085 Vân']);
}

function clean(frame: string, where: string): void {
  expect(frame, where).toMatch(NO_ESCAPES);
  expect(frame, where).toMatch(TERMINAL_SAFE);
}

describe('hostile text already in the database', () => {
  it('reaches no screen raw (every screen that shows names, notes, areas, plan and unit names)', async () => {
    const pg = await demoDb();
    await poison(pg);
    const team = await teamIdOf(pg, 'TDP01');
    const member = (await pg.query<{ id: number }>('SELECT min(id) AS id FROM member WHERE team_id = $1', [team])).rows[0]!.id;
    const visits: [Parameters<typeof renderApp>[1], string | RegExp][] = [
      [{ screen: { name: 'home' } }, 'Đông'],
      [{ screen: { name: 'teams' } }, 'Mã tổ'],
      [{ screen: { name: 'team', teamId: team } }, 'Vai trò'],
      [{ screen: { name: 'entry', teamId: team, month: '2026-10' } }, 'Ngày nhận phiếu'],
      [{ screen: { name: 'grid', month: '2026-10' } }, 'TDP01'],
      [{ screen: { name: 'history', teamId: team, month: '2026-10' } }, 'Lịch sử'],
      [{ screen: { name: 'commune', asOf: '2026-10' } }, 'Kế hoạch'],
      [{ screen: { name: 'plan' } }, 'Kế hoạch'],
      [{ screen: { name: 'teamStatus', teamId: team, asOf: '2026-10' } }, 'TDP01'],
      [{ screen: { name: 'ranking' } }, 'Hạng'],
      [{ screen: { name: 'entryPick', month: '2026-10' } }, 'Tìm tổ'],
      [{ screen: { name: 'teamForm', teamId: team } }, 'Tên tổ'],
      [{ screen: { name: 'memberForm', teamId: team, memberId: member } }, 'Họ và tên'],
      [{ screen: { name: 'moveMember', teamId: team, memberId: member } }, 'Nguyễn'],
      [{ screen: { name: 'training', teamId: team, memberIds: [member] } }, 'Nguyễn'],
      [{ screen: { name: 'export' } }, 'Xuất'],
    ];
    for (const [opts, ready] of visits) {
      const app = await renderApp(pg, opts);
      const f = await app.waitFor(ready);
      clean(f, opts!.screen!.name);
      app.unmount();
    }
  });

  it('the entry form shows the note without its controls, the name without its link', async () => {
    const pg = await demoDb();
    await poison(pg);
    const app = await openEntryForm(pg, 'TDP01', '2026-10');
    for (let i = 0; i < 14; i++) await app.press(KEYS.down);
    const f = await app.waitFor(/› Ghi chú/u);
    clean(f, 'note');
    expect(f).toContain('khó khăn]0;title');
  });
});

async function pasteInto(app: Rendered, text: string): Promise<void> {
  await app.press(text);
}

const TYPED = 'a\x07b\0c\u009bd\u009de\u202ef\u2066g\x01h';

describe('typing a control or bidi character', () => {
  it('stores none in the entry note, typed key by key or pasted', async () => {
    const pg = await demoDb();
    const app = await openEntryForm(pg, 'TDP01');
    for (let i = 0; i < 14; i++) await app.press(KEYS.down);
    await app.waitFor(/› Ghi chú/u);
    await pasteInto(app, TYPED);
    await app.type('\u202e\u0085x');
    await app.waitFor('abcdefghx');
    await app.press(KEYS.up);
    await app.waitFor(/› Ngày nhận phiếu/u);
    const form = await storedForm(pg, 'TDP01');
    expect(form!.note).toBe('abcdefghx');
  });

  it('stores none in a team name; the list filter keeps none either', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('a');
    await app.waitFor('Thêm tổ mới');
    await app.type('tdp09');
    await app.press(KEYS.tab);
    await pasteInto(app, `Tổ ${TYPED}`);
    await app.press(KEYS.tab, KEYS.tab);
    await app.type('Thôn Mới');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('TDP09 · Tổ abcdefgh');
    expect((await getTeamByCode(pg, 'TDP09'))!.name).toBe('Tổ abcdefgh');
    expect((await listTeams(pg)).some((t) => /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(t.name))).toBe(false);

    const list = await renderApp(pg, { screen: { name: 'teams' } });
    await list.waitFor('Mã tổ');
    await list.press('/');
    await pasteInto(list, 'h\u202eo\x07a');
    const f = await list.waitFor('tìm: hoa');
    clean(f, 'filter');
  });

  it('a pasted path on the import screen keeps none', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'import' } });
    await app.waitFor('Tệp CSV');
    await pasteInto(app, '/tmp/không\x07có\u009b.csv');
    await app.waitFor('/tmp/khôngcó.csv');
    await app.press(KEYS.enter);
    const f = await app.waitFor('Không đọc được tệp');
    expect(f).toContain('/tmp/khôngcó.csv');
    clean(f, 'import');
  });
});
