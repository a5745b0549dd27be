// Undo of a whole teams or members import (#10 item 14, migration 008), on a real database: the
// rows it added go (trainings with their members), the rows it changed come back as they were;
// refused, with nothing changed, when a row was edited by hand since or an added team was used.
import { describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setValue } from '../../src/db/forms.js';
import { undoLastImport, undoneImportMessage } from '../../src/db/import-batches.js';
import { addMember } from '../../src/db/members.js';
import { dissolveTeam, getTeamByCode } from '../../src/db/teams.js';
import { runImport } from '../../src/io/csv/import.js';
import { demoDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every area, team, member and training, whole rows, for "exactly as before". */
async function roster(pg: DbRunner): Promise<string> {
  const r = await pg.query<{ h: string }>(
    `SELECT md5(concat_ws('|',
       (SELECT string_agg(to_jsonb(x)::text, ',' ORDER BY id) FROM area x),
       (SELECT string_agg(to_jsonb(x)::text, ',' ORDER BY id) FROM team x),
       (SELECT string_agg(to_jsonb(x)::text, ',' ORDER BY id) FROM member x),
       (SELECT string_agg(to_jsonb(x)::text, ',' ORDER BY id) FROM training x))) AS h`,
  );
  return r.rows[0]!.h;
}

const undo = (pg: DbRunner) => pg.transaction((tx) => undoLastImport(tx));
const idOf = async (pg: DbRunner, code: string) => (await getTeamByCode(pg, code))!.id;

// Two new teams (one on a new area), one existing team renamed, one existing team rewritten unchanged.
async function teamsFile(pg: DbRunner): Promise<string> {
  const t2 = (await getTeamByCode(pg, 'TDP02'))!;
  return `ma_to,ten_to,dia_ban\nA9,Tổ mới A9,Thôn Mới Lập\nA10,Tổ mới A10,Thôn Mới Lập\nTDP01,Tổ đổi tên,${(await getTeamByCode(pg, 'TDP01'))!.areaName}\nTDP02,${t2.name},${t2.areaName}\n`;
}

describe('undo of a whole teams import', () => {
  it('drops the teams and area it added and puts back the team it changed', async () => {
    const pg = await demoDb();
    const before = await roster(pg);
    await runImport(pg, 'teams', enc(await teamsFile(pg)), { now: TEST_NOW });
    expect(await roster(pg)).not.toBe(before);
    const r = await undo(pg);
    if (!r.ok) throw new Error(r.reason);
    expect(undoneImportMessage(r)).toMatch(
      /^Đã hoàn tác lần nhập danh sách tổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}: bỏ 2 tổ thêm mới, trả lại 1 tổ đã sửa, bỏ 1 địa bàn thêm mới\.$/u,
    );
    expect(await roster(pg)).toBe(before);
    const again = await undo(pg);
    expect(again.ok || again.reason).toContain('đã được hoàn tác rồi');
  });

  it('is refused, changing nothing, when a row it wrote was edited by hand since', async () => {
    const pg = await demoDb();
    await runImport(pg, 'teams', enc(await teamsFile(pg)), { now: TEST_NOW });
    const tdp01 = await idOf(pg, 'TDP01');
    await pg.transaction((tx) => dissolveTeam(tx, tdp01, '2026-11-30'));
    const after = await roster(pg);
    const r = await undo(pg);
    expect(r.ok || r.reason).toContain('đã có 1 dòng do tệp đó ghi được sửa hoặc xoá trên màn hình');
    expect(await roster(pg)).toBe(after);
  });

  it('is refused when a team it added has since got a member or a form', async () => {
    const pg = await demoDb();
    await runImport(pg, 'teams', enc(await teamsFile(pg)), { now: TEST_NOW });
    const a9 = await idOf(pg, 'A9');
    await pg.transaction((tx) => addMember(tx, a9, { fullName: 'Nguyễn Văn Mới', role: 'to_truong', organisation: null, birthYear: null, phone: null, joinedOn: null, leftOn: null }));
    const a10 = await idOf(pg, 'A10');
    await pg.transaction((tx) => setValue(tx, a10, '2026-11', 'luot_ho_tro', 3));
    const after = await roster(pg);
    const r = await undo(pg);
    expect(r.ok || r.reason).toContain('tổ A10, A9 do tệp thêm nay đã có thành viên hoặc phiếu');
    expect(await roster(pg)).toBe(after);
  });

  it('says so for a roster import made before the rows were logged', async () => {
    const pg = await demoDb();
    await runImport(pg, 'teams', enc('ma_to,ten_to\nA9,Tổ mới\n'), { now: TEST_NOW });
    await pg.query('UPDATE import_batch SET rows_logged = false');
    const r = await undo(pg);
    expect(r.ok || r.reason).toContain('phiên bản cũ');
  });
});

describe('undo of a whole members import', () => {
  it('drops the members it added, their trainings with them', async () => {
    const pg = await demoDb();
    const before = await roster(pg);
    const file = 'ma_to,ho_ten,vai_tro,ngay_tap_huan\nTDP01,Trần Thị Một,thành viên,05/10/2026\nTDP02,Lê Văn Hai,thành viên,\n';
    await runImport(pg, 'members', enc(file), { now: TEST_NOW });
    expect(await roster(pg)).not.toBe(before);
    const r = await undo(pg);
    if (!r.ok) throw new Error(r.reason);
    expect(undoneImportMessage(r)).toMatch(/^Đã hoàn tác lần nhập thành viên lúc .+: bỏ 2 thành viên thêm mới \(cùng 1 lần tập huấn\)\.$/u);
    expect(await roster(pg)).toBe(before);
  });
});
