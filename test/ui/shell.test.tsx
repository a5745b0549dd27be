// The app shell: fits 80×24 on every teams/members screen, follows resizes, `?` help from the
// key table, quitting with unsaved input asks first, NO_COLOR.
import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { listMembers } from '../../src/db/members.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { STATUS_SYMBOLS } from '../../src/domain/labels.js';
import type { Screen } from '../../src/ui/context.js';
import { colorEnabled } from '../../src/ui/theme.js';
import { demoDb } from '../support/db.js';
import { renderAppIn } from '../support/terminal.js';
import { KEYS, renderApp } from '../support/ui.js';

function checkFits(frame: string, columns: number, rows: number) {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(rows);
  const wide = lines.filter((l) => stringWidth(l) > columns);
  expect(wide, frame).toEqual([]);
}

describe('80×24', () => {
  it('draws every teams and members screen within 80 columns and 24 rows, footer at the bottom', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP01'))!;
    const members = await listMembers(pg, team.id);
    const screens: [Screen, string][] = [
      [{ name: 'teams' }, 'Mã tổ'],
      [{ name: 'team', teamId: team.id }, 'Vai trò'],
      [{ name: 'teamForm', teamId: team.id }, 'Số quyết định'],
      [{ name: 'teamForm' }, 'Thêm tổ mới'],
      [{ name: 'memberForm', teamId: team.id, memberId: members[0]!.id }, 'Ngày rời tổ'],
      [{ name: 'training', teamId: team.id, memberIds: members.map((m) => m.id) }, 'Nội dung'],
      [{ name: 'moveMember', teamId: team.id, memberId: members[1]!.id }, 'Ngày chuyển'],
    ];
    for (const [screen, text] of screens) {
      const app = await renderAppIn(pg, { screen });
      const f = await app.waitFor(text);
      checkFits(f, 80, 24);
      const lines = f.split('\n');
      expect(lines[0]).toMatch(/^tonghop · phường Phù Vân +Tháng làm việc: 10\/2026$/u);
      expect(lines.at(-1), screen.name).toMatch(/Quay lại|Thoát/u);
      app.unmount();
    }
  });

  it('draws the entry, grid, history, import, export, backup and entry-pick screens within 80 columns and 24 rows', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP01'))!;
    // Each screen as it opens, then after a key that adds a line (a message, an edit, a long path).
    const path = '/home/can-bo/Tài liệu/Báo cáo tổ công nghệ số/2026/danh-sach-thanh-vien-cac-to-cong-nghe-so.csv';
    const screens: [Screen, string, string[], string?][] = [
      [{ name: 'entry', month: '2026-11', teamId: team.id }, 'Ngày nhận phiếu', ['1000001'], 'Giá trị vượt quá'],
      [{ name: 'grid', month: '2026-10' }, 'chưa có phiếu: 2', ['4', '3', '2', '1'], 'đang sửa'],
      [{ name: 'history', teamId: team.id, month: '2026-10' }, 'Thời gian', []],
      [{ name: 'import' }, 'Tệp CSV', [path, KEYS.enter], 'Không đọc được tệp'],
      [{ name: 'export' }, 'Dấu phân cách', [KEYS.down, KEYS.right], '› Kỳ theo'],
      [{ name: 'backup' }, 'd: đổi thư mục', []],
      [{ name: 'entryPick', month: '2026-10' }, 'Đã có phiếu', ['t', 'd', 'p'], 'Tìm tổ: tdp▏'],
    ];
    for (const [screen, text, keys, after] of screens) {
      const app = await renderAppIn(pg, { screen });
      let f = await app.waitFor(text);
      checkFits(f, 80, 24);
      expect(f.split('\n').at(-1), screen.name).toMatch(/Quay lại|Thoát/u);
      if (after) {
        await app.press(...keys);
        f = await app.waitFor(after);
        checkFits(f, 80, 24);
        expect(f.split('\n').at(-1), screen.name).toMatch(/Quay lại|Thoát|Trợ giúp/u);
      }
      if (process.env.SHOW) console.log(f);
      app.unmount();
    }
  });

  it('puts a long message under its field when it does not fit beside it', async () => {
    const pg = await demoDb();
    const team = (await getTeamByCode(pg, 'TDP01'))!;
    const app = await renderAppIn(pg, { screen: { name: 'memberForm', teamId: team.id } });
    await app.waitFor('Thêm thành viên');
    await app.press(KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab);
    await app.type('123');
    await app.press(KEYS.tab);
    const f = await app.waitFor('✗ Số điện thoại không hợp lệ (ví dụ 0912345678)');
    checkFits(f, 80, 24);
    const lines = f.split('\n');
    const field = lines.findIndex((l) => l.includes('Điện thoại'));
    expect(lines[field + 1]).toContain('✗ Số điện thoại không hợp lệ');
  });

  it('follows the terminal when it is resized', async () => {
    const pg = await demoDb();
    const app = await renderAppIn(pg, { screen: { name: 'teams' } });
    let f = await app.waitFor('Mã tổ');
    expect(f).not.toContain('Địa bàn ');
    app.stdout.resize(130, 40);
    f = await app.waitFor((fr) => fr.includes('Địa bàn') && fr.split('\n').length > 30);
    checkFits(f, 130, 40);
    expect(f).toContain('Tổ dân phố Đông Sơn');
    app.stdout.resize(80, 24);
    f = await app.waitFor((fr) => !fr.includes('Địa bàn ') && fr.split('\n').length <= 24);
    checkFits(f, 80, 24);
  });
});

describe('help and quitting', () => {
  it('shows the help of the screen from the key table; Esc closes it', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    await app.waitFor('Mã tổ');
    await app.press('?');
    const f = await app.waitFor('Phím tắt của màn hình này');
    expect(f).toContain('Thêm một tổ mới');
    expect(f).toContain('Hiện hoặc ẩn các tổ đã giải thể');
    expect(f).toContain('Gõ để lọc theo tên hoặc mã');
    expect(f).not.toContain('Thêm thành viên vào tổ'); // the team page's, not this screen's
    await app.press(KEYS.escape);
    await app.waitFor((fr) => !fr.includes('Phím tắt') && fr.includes('Mã tổ'));
  });

  it('while a text field is typed into, ? types a "?" and Ctrl+G opens and closes the help', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teamForm' } });
    await app.waitFor('Thêm tổ mới');
    await app.waitFor('Ctrl+G Trợ giúp');
    await app.type('A?');
    await app.waitFor('A?▏');
    await app.press(KEYS.ctrl('g'));
    const help = await app.waitFor('Phím tắt của màn hình này');
    expect(help).toContain('Lưu cả biểu mẫu');
    await app.press(KEYS.ctrl('g'));
    await app.waitFor((f) => !f.includes('Phím tắt') && f.includes('A?▏'));
    // The entry picker's search too: `?` is text, Ctrl+G the help.
    const pick = await renderApp(await demoDb(), { screen: { name: 'entryPick' } });
    await pick.waitFor('Đã có phiếu');
    await pick.type('?');
    await pick.waitFor('Tìm tổ: ?▏');
    await pick.press(KEYS.ctrl('g'));
    await pick.waitFor('Phím tắt của màn hình này');
  });

  it('a help taller than 80×24 wraps its lines and scrolls with ↑/↓', async () => {
    const app = await renderAppIn(await demoDb(), { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('dòng 1/');
    await app.press('?');
    const top = await app.waitFor('↑/↓ để cuộn');
    checkFits(top, 80, 24);
    expect(top).toContain('Hiện hoặc ẩn bảng phím tắt');
    await app.press(KEYS.down, KEYS.down, KEYS.down);
    const scrolled = await app.waitFor((f) => !f.includes('Hiện hoặc ẩn bảng phím tắt'));
    expect(scrolled).toContain('Phím tắt của màn hình này');
    await app.press(KEYS.escape);
    await app.waitFor((f) => !f.includes('Phím tắt') && f.includes('dòng 1/'));
  });

  it('Ctrl+C with unsaved input asks first; Ctrl+C again quits at once', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'teamForm' } });
    await app.waitFor('Thêm tổ mới');
    await app.type('TDP1');
    await app.press(KEYS.ctrl('c'));
    await app.waitFor('Thoát và bỏ dữ liệu chưa lưu? (y/n)');
    expect(app.exited()).toBe(false);
    await app.press(KEYS.ctrl('c'));
    expect(app.exited()).toBe(true);
  });

  it('Ctrl+C with nothing typed quits, and q on the first screen quits', async () => {
    const a = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    await a.waitFor('Mã tổ');
    await a.press(KEYS.ctrl('c'));
    expect(a.exited()).toBe(true);
    const b = await renderApp(await demoDb(), { screen: { name: 'teams' } });
    await b.waitFor('Mã tổ');
    await b.press('q');
    expect(b.exited()).toBe(true);
  });
});

describe('message line', () => {
  it('marks an error with ✗ and a warning with !, not by colour alone', async () => {
    const app = await renderApp(await demoDb(), { screen: { name: 'grid', month: '2026-10' } });
    await app.waitFor('chưa có phiếu: 2');
    await app.press('u');
    await app.waitFor('! Không còn thay đổi gõ tay nào để hoàn tác');
    const form = await renderApp(await demoDb(), { screen: { name: 'teamForm' } });
    await form.waitFor('Thêm tổ mới');
    await form.press(KEYS.ctrl('s'));
    await form.waitFor('✗ Chưa lưu: hãy sửa các ô có dấu ✗');
  });
});

describe('NO_COLOR', () => {
  it('turns colour off for any non-empty value', () => {
    expect(colorEnabled({})).toBe(true);
    expect(colorEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
  });

  it('tint gives no colour at all when NO_COLOR is set at start', async () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.resetModules();
    try {
      const theme = await import('../../src/ui/theme.js');
      expect(theme.tint('error')).toBeUndefined();
      expect(theme.tint('accent')).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it('shows every status by a distinct symbol, not by colour alone', () => {
    const symbols = Object.values(STATUS_SYMBOLS);
    expect(symbols.every((s) => s.trim().length > 0)).toBe(true);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});
