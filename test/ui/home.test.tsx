import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { statusJson } from '../../src/domain/status.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { demoDb } from '../support/db.js';
import { KEYS, type Rendered, renderApp, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

/** The team names of the list rows on screen, top to bottom. */
function listedNames(frame: string): string[] {
  const out: string[] = [];
  for (const line of frame.split('\n')) {
    const m = /^[› ] (.+?)\s+[?✗!✓] (Chưa báo cáo|Chậm nhiều|Chậm|Đạt)\b/u.exec(line);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** Every row of the list, scrolling down to the end (the list shows a window of it). */
async function allNames(app: Rendered, count: number): Promise<string[]> {
  const seen: string[] = [];
  const add = (f: string) => listedNames(f).forEach((n) => seen.includes(n) || seen.push(n));
  add(app.lastFrame());
  for (let i = 0; i < count; i++) {
    await app.press(KEYS.down);
    add(app.lastFrame());
  }
  return seen;
}

describe('home screen (dashboard)', () => {
  it('lists the teams worst first, exactly as `status --json` does', async () => {
    const pg = await demoDb();
    const json = JSON.parse(statusJson(await computeStatus(pg, '2026-10'))) as {
      completeness: { due: number; received: number };
      teams: { ten_to: string; status: string }[];
    };
    const app = await renderApp(pg);
    const f = await app.waitFor('Phiếu đã nhận');
    expect(f).toContain(`Tính đến tháng 10/2026 · Phiếu đã nhận ${json.completeness.received}/${json.completeness.due}`);
    expect(json.completeness).toEqual({ due: 150, received: 146 });
    expect(await allNames(app, json.teams.length)).toEqual(json.teams.map((t) => displayName(t.ten_to)));
    // The first rows are the teams with no data (chua_bao_cao counts as worst).
    expect(json.teams.slice(0, 2).map((t) => t.status)).toEqual(['chua_bao_cao', 'chua_bao_cao']);
  });

  it('shows the next deadline (day 21 of the quarter\'s last month) and who owes forms for it', async () => {
    const app = await renderApp(await demoDb());
    const f = await app.waitFor('Hạn báo cáo');
    expect(f).toContain('Hạn báo cáo Quý IV/2026: trước ngày 21/12/2026 (còn 28 ngày)');
    // Demo gaps: TDP04 (Lê Lợi) skipped 10/2026, THON-NGOCDONG stopped after 08/2026.
    expect(f).toContain('Còn thiếu phiếu tháng 10/2026 (2 tổ): TDP Lê Lợi, thôn Ngọc Động');
  });

  it('the deadline follows today, not the as-of month', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { now: new Date(2026, 11, 15, 9) }); // 15/12/2026
    const f = await app.waitFor('Hạn báo cáo');
    expect(f).toContain('Hạn báo cáo Quý IV/2026: trước ngày 21/12/2026 (còn 6 ngày)');
    // October and November have finished; nobody has a November form in the demo.
    expect(f).toContain('Còn thiếu phiếu T10, T11/2026 (15 tổ): cấp xã/phường (T11), … và 14 tổ khác');
    await app.press(KEYS.left);
    await app.waitFor('Tính đến tháng 10/2026');
    expect(app.lastFrame()).toContain('Hạn báo cáo Quý IV/2026: trước ngày 21/12/2026 (còn 6 ngày)');
  });

  it('each team shows its status in words and symbol, its worst target in words and a bar', async () => {
    const pg = await demoDb();
    const report = await computeStatus(pg, '2026-10');
    const app = await renderApp(pg);
    const f = await app.waitFor('Phiếu đã nhận');
    const third = report.teams[2]!;
    const row = f.split('\n').find((l) => l.includes(displayName(third.ten_to)))!;
    expect(row).toMatch(/✗ Chậm nhiều\s+[█░]{8} trong tháng mới có 0\/8 ngày hoạt động/u);
    expect(f).toMatch(/TDP Lê Lợi\s+\? Chưa báo cáo\s+·{8} chưa có phiếu/u);
  });

  it('s cycles the status filter', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('s');
    let f = await app.waitFor('Lọc: ? Chưa báo cáo');
    expect(listedNames(f)).toEqual(['TDP Lê Lợi', 'thôn Ngọc Động']);
    expect(f).toContain('2/15 tổ');
    await app.press('s', 's');
    f = await app.waitFor('Lọc: ! Chậm ·');
    expect(listedNames(f)).toEqual(['TDP Tây Tiến', 'thôn Châu Giang', 'TDP Đông Sơn', 'cấp xã/phường']);
    await app.press('s');
    f = await app.waitFor('Lọc: ✓ Đạt');
    expect(f).toContain('Không có tổ nào phù hợp');
    await app.press(KEYS.escape); // Esc clears the filter before it would leave
    f = await app.waitFor('Lọc: tất cả');
    expect(app.exited()).toBe(false);
  });

  it('/ filters by name ignoring diacritics: "dong" finds Đông, Đồng and Động', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('/');
    await app.type('dong');
    const f = await app.waitFor('tìm: dong');
    expect(listedNames(f).sort()).toEqual(['TDP Đông Sơn', 'thôn Đông Thượng', 'thôn Đồng Văn', 'thôn Ngọc Động'].sort());
    await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await app.type('ha vu'); // every word must match
    await waitUntil(() => listedNames(app.lastFrame()).length === 1);
    expect(listedNames(app.lastFrame())).toEqual(['làng Hạ Vũ']);
    await app.press(KEYS.escape);
    await app.waitFor('15/15 tổ');
  });

  it('←/→ move the as-of month but never past the last finished month', async () => {
    const pg = await demoDb();
    const sept = await computeStatus(pg, '2026-09');
    const app = await renderApp(pg);
    await app.waitFor('Tính đến tháng 10/2026');
    await app.press(KEYS.right);
    await app.press(KEYS.left);
    const f = await app.waitFor('Tính đến tháng 09/2026');
    expect(f).toContain(`Phiếu đã nhận ${sept.completeness.received}/${sept.completeness.due}`);
    await app.press(KEYS.right, KEYS.right, KEYS.right);
    await app.waitFor('Tính đến tháng 10/2026');
    expect(app.lastFrame()).not.toContain('11/2026 ·');
  });

  it('q quits from the home screen', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('q');
    await waitUntil(() => app.exited(), WAIT_CEILING_MS, 'thoát');
  });
});
