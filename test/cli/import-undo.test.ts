// `tonghop import --undo-last` as a real process (#10 item 14): the last figures, teams or
// members import undone as a whole (exit 0, what it undid); nothing left to undo, or arguments
// with it, refused (exit 1 / 2) with a Vietnamese reason and no stack.
// The refusals run as real processes (the exit status and stderr as the shell sees them); the
// rest in this process (support/cli.ts: the program's own runCli, no Node start per command).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Ran, dataDirFrom, runCliProcess, tempDir } from '../support/datadir.js';
import { runCliInProcess } from '../support/cli.js';

const STACK = /\n\s+at .+:\d+/u;
const TODAY = { TONGHOP_TODAY: '2026-11-23' };
const run = (args: string[]) => runCliInProcess(args, { env: TODAY });

describe('tonghop import --undo-last', { timeout: 180_000 }, () => {
  it('undoes the last figures import as a whole, then has nothing left to undo', async () => {
    const data = await dataDirFrom('demo');
    const file = path.join(tempDir(), 'so-lieu.csv');
    fs.writeFileSync(file, 'ma_to,thang,luot_ho_tro\nTDP01,2026-10,99\nTDP02,2026-11,7\n');
    const status = await run(['status', '--as-of', '2026-11', '--json', '--data-dir', data]);
    let r: Ran = await run(['import', 'figures', file, '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    r = await run(['import', '--undo-last', '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Đã hoàn tác lần nhập tệp số liệu gần nhất: bỏ 1 phiếu do tệp tạo, trả lại 1 giá trị cũ.\n');
    expect((await runCliProcess(['status', '--as-of', '2026-11', '--json', '--data-dir', data], TODAY)).stdout).toBe(status.stdout);
    r = await runCliProcess(['import', '--undo-last', '--data-dir', data], TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã được hoàn tác rồi');
    expect(r.stderr).not.toMatch(STACK);
    r = await runCliProcess(['import', 'figures', file, '--undo-last', '--data-dir', data], TODAY);
    expect(r.code).toBe(2);
  });

  it('undoes a teams import, then a members import: status and the roster as before each', async () => {
    const data = await dataDirFrom('demo');
    const dir = tempDir();
    const roster = async (kind: 'teams' | 'members') => {
      const out = fs.mkdtempSync(path.join(dir, 'out-'));
      const r = await run(['export', kind, '--out', out, '--data-dir', data]);
      expect(r.code, r.stderr).toBe(0);
      return fs.readdirSync(out).sort().map((f) => fs.readFileSync(path.join(out, f), 'utf8'));
    };
    const statusNow = async () => (await run(['status', '--as-of', '2026-11', '--json', '--data-dir', data])).stdout;
    const status = await statusNow();
    const teams = await roster('teams');
    const members = await roster('members');

    const teamsFile = path.join(dir, 'to.csv');
    fs.writeFileSync(teamsFile, 'ma_to,ten_to,dia_ban\nA9,Tổ mới A9,Thôn Mới Lập\nTDP01,Tổ đổi tên,\n');
    let r = await run(['import', 'teams', teamsFile, '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(await statusNow()).not.toBe(status);
    r = await run(['import', '--undo-last', '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Đã hoàn tác lần nhập danh sách tổ lúc \d\d:\d\d \d\d\/\d\d\/\d{4}: bỏ 1 tổ thêm mới, trả lại 1 tổ đã sửa, bỏ 1 địa bàn thêm mới\.\n$/u);
    expect(await statusNow()).toBe(status);
    expect(await roster('teams')).toEqual(teams);

    const membersFile = path.join(dir, 'tv.csv');
    fs.writeFileSync(membersFile, 'ma_to,ho_ten,vai_tro,ngay_tap_huan\nTDP01,Trần Thị Một,thành viên,05/10/2026\n');
    r = await run(['import', 'members', membersFile, '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    r = await run(['import', '--undo-last', '--data-dir', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Đã hoàn tác lần nhập thành viên lúc .+: bỏ 1 thành viên thêm mới \(cùng 1 lần tập huấn\)\.\n$/u);
    expect(await statusNow()).toBe(status);
    expect(await roster('members')).toEqual(members);
  });
});
