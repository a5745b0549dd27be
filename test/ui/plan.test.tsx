// The Plan screen ("Kế hoạch và chỉ tiêu"): reached with p from home, shows the plan in force,
// edits its numbers and the thresholds with messages by field, saves both in one transaction,
// and the status (dashboard, `status`) uses them at once.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { setupUnit } from '../../src/db/setup.js';
import { getPlan, getThresholds } from '../../src/db/unit.js';
import type { Thresholds } from '../../src/domain/schemas.js';
import type { Status } from '../../src/domain/targets.js';
import { loadPreset } from '../../src/io/presets.js';
import { demoDb, emptyDb } from '../support/db.js';
import { renderAppIn } from '../support/terminal.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, type Rendered, erase, renderApp } from '../support/ui.js';

// Phù Vân's fields, in order: name, span start, span end, deadline day, đạt, chậm, then the
// targets: per member, per quarter, days, hours, trained, communication, platform, team size, commune team size.
const FIELD = { onTrack: 4, behind: 5, perQuarter: 7, platform: 12 } as const;

async function openPlan(app: Rendered): Promise<string> {
  await app.waitFor('Phiếu đã nhận');
  await app.press('p');
  return app.waitFor('Tên kế hoạch');
}

async function down(app: Rendered, n: number) {
  for (let i = 0; i < n; i++) await app.press(KEYS.down);
}

function statusOf(ratio: number | null, t: Thresholds): Status {
  if (ratio === null) return 'chua_bao_cao';
  return ratio >= t.onTrack - 1e-9 ? 'dat' : ratio >= t.behind - 1e-9 ? 'cham' : 'cham_nhieu';
}

describe('plan screen', () => {
  it('opens from home with p and shows the plan in force in Vietnamese', async () => {
    const app = await renderApp(await demoDb());
    await app.waitFor('Phiếu đã nhận');
    await app.press('?');
    await app.waitFor('Phím tắt của màn hình này');
    await app.press(KEYS.pageDown);
    expect(await app.waitFor('Xem và sửa kế hoạch')).toMatch(/│ p +Xem và sửa kế hoạch/u);
    await app.press('?');
    const f = await openPlan(app);
    expect(f).toContain('Kế hoạch và chỉ tiêu');
    // The preset it was copied from, by name (not its file's slug).
    expect(f).toContain('Mẫu: Kế hoạch hoạt động Tổ CNSCĐ phường Phù Vân năm 2026');
    expect(f).not.toContain('phu-van-2026');
    expect(f).toMatch(/Tên kế hoạch\s+…?.*phường Phù Vân năm 2026▏/u);
    expect(f).toMatch(/Tháng đầu \(YYYY-MM\)\s+2026-01/u);
    expect(f).toMatch(/Tháng cuối \(YYYY-MM\)\s+2026-12\s+12 tháng, tiến độ chia đều/u);
    expect(f).toMatch(/Hạn báo cáo \(ngày\)\s+21\s+trước ngày 21 tháng cuối quý/u);
    expect(f).toMatch(/Ngưỡng đạt \(%\)\s+100\b/u);
    expect(f).toMatch(/Ngưỡng chậm \(%\)\s+70\b/u);
    expect(f).toContain('1. Theo số thành viên · Số hộ được hướng dẫn kỹ năng số');
    expect(f).toContain('Mỗi thành viên hướng dẫn tối thiểu 10 hộ gia đình');
    expect(f).toMatch(/Mỗi quý \(lượt\)\s+50/u);
    // Further down: shares as percentages with their base, team size with the ward team's number, the commune goal.
    await down(app, 14);
    const g = await app.waitFor(/› Tổ cấp phường \(người\)\s+15▏/u);
    expect(g).toContain('7. Tỉ lệ trên địa bàn · Số hộ sử dụng ít nhất một nền tảng số thiết yếu');
    expect(g).toContain('trên số hộ · Trên 80% hộ gia đình sử dụng ít nhất một nền tảng số');
    expect(g).toMatch(/Tỉ lệ \(%\)\s+80\n/u);
    expect(g).toMatch(/Tổ địa bàn \(người\)\s+9\n/u);
    await down(app, 1);
    await app.waitFor(/› Kính gửi \(báo cáo\)/u);
    // The last field, the unit code for the province, shows the page to its end.
    await down(app, 1);
    const r = await app.waitFor(/› Mã đơn vị \(5 chữ số\)/u);
    expect(r).toContain('100% sản phẩm OCOP của địa phương được đưa lên sàn thương mại điện tử');
    expect(r).toContain('Thêm/bớt chỉ tiêu hay chỉ số: không làm được ở màn hình này.');
  });

  it('saves a per-quarter target of 40 instead of 50, and the status uses it at once', async () => {
    const pg = await demoDb();
    const before = await computeStatus(pg, '2026-10');
    const app = await renderApp(pg);
    await openPlan(app);
    await down(app, FIELD.perQuarter);
    await app.waitFor(/› Mỗi quý \(lượt\)\s+50▏/u);
    await erase(app, 2);
    await app.type('40');
    await app.waitFor(/Mỗi quý \(lượt\)\s+40▏\s+mẫu: 50/u);
    expect(app.lastFrame()).toContain('● Có thay đổi chưa lưu');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch và ngưỡng');
    await app.waitFor('Phiếu đã nhận'); // back on the dashboard

    const row = (await getPlan(pg))!;
    expect(row.presetId).toBe('phu-van-2026');
    expect(row.plan.targets.find((t) => t.id === 'per_quarter_luot_ho_tro')!.value).toBe(40);
    // Nothing else changed.
    expect(row.plan).toEqual({ ...before.input.plan, targets: before.input.plan.targets.map((t) => (t.id === 'per_quarter_luot_ho_tro' ? { ...t, value: 40 } : t)) });

    const after = await computeStatus(pg, '2026-10');
    let changed = 0;
    for (const team of after.teams) {
      const t = team.targets.find((x) => x.id === 'per_quarter_luot_ho_tro')!;
      const old = before.teams.find((x) => x.ma_to === team.ma_to)!.targets.find((x) => x.id === t.id)!;
      expect(t.target).toBe(40);
      expect(t.expected).toBeCloseTo(40 / 3, 12); // first month of Quý IV: N × 1/3
      expect(old.expected).toBeCloseTo(50 / 3, 12);
      if (t.ratio !== null) expect(t.ratio).toBeCloseTo(t.actual! / (40 / 3), 12);
      if (t.status !== old.status) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('refuses a bad value with its message by the field and saves nothing', async () => {
    const pg = await demoDb();
    const before = await getPlan(pg);
    const app = await renderApp(pg);
    await openPlan(app);
    await down(app, FIELD.perQuarter);
    await app.type('abc');
    await app.waitFor('✗ Mỗi quý (lượt): chỉ gõ chữ số');
    expect(app.lastFrame()).toMatch(/Mỗi quý \(lượt\)\s+50▏/u);
    await down(app, FIELD.platform - FIELD.perQuarter);
    await erase(app, 2);
    await app.type('150');
    await app.press(KEYS.up);
    await app.waitFor('✗ Tỉ lệ phải từ 0 đến 100%');
    await app.press(KEYS.ctrl('s'));
    const f = await app.waitFor('Chưa lưu: hãy sửa các ô có dấu ✗');
    // The focus went back to the field in error.
    expect(f).toMatch(/› Tỉ lệ \(%\)\s+150▏/u);
    expect(await getPlan(pg)).toEqual(before);
    expect(await getThresholds(pg)).toEqual({ onTrack: 1, behind: 0.7 });
  });

  it('edits the thresholds; the status compares with them', async () => {
    const pg = await demoDb();
    const before = await computeStatus(pg, '2026-10');
    const app = await renderApp(pg);
    await openPlan(app);
    await down(app, FIELD.onTrack);
    await erase(app, 3);
    await app.type('90');
    await app.press(KEYS.down);
    await erase(app, 2);
    await app.type('95');
    await app.press(KEYS.up);
    await app.waitFor('✗ Ngưỡng chậm không được lớn hơn ngưỡng đạt');
    await app.press(KEYS.down);
    await erase(app, 2);
    await app.type('50');
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch và ngưỡng');
    const thresholds = await getThresholds(pg);
    expect(thresholds).toEqual({ onTrack: 0.9, behind: 0.5 });

    const after = await computeStatus(pg, '2026-10');
    let changed = 0;
    for (const team of after.teams) {
      for (const t of team.targets) {
        expect(t.status, `${team.ma_to} ${t.id}`).toBe(statusOf(t.ratio, thresholds));
        const old = before.teams.find((x) => x.ma_to === team.ma_to)!.targets.find((x) => x.id === t.id)!;
        expect(old.ratio).toBe(t.ratio); // the plan did not change, only the thresholds
        if (old.status !== t.status) changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('asks before Esc throws edits away', async () => {
    const pg = await demoDb();
    const before = await getPlan(pg);
    const app = await renderApp(pg);
    await openPlan(app);
    await down(app, FIELD.perQuarter);
    await erase(app, 1);
    await app.press(KEYS.escape);
    await app.waitFor('Bỏ dữ liệu chưa lưu? (y/n)');
    await app.press('n');
    await app.waitFor(/Mỗi quý \(lượt\)\s+5▏/u);
    await app.press(KEYS.escape);
    await app.waitFor('Bỏ dữ liệu chưa lưu? (y/n)');
    await app.press('y');
    await app.waitFor('Phiếu đã nhận');
    expect(await getPlan(pg)).toEqual(before);
    // Nothing typed: Esc leaves at once.
    await app.press('p');
    await app.waitFor('Tên kế hoạch');
    await app.press(KEYS.escape);
    await app.waitFor('Phiếu đã nhận');
  });

  it('Ctrl+R puts the preset\'s value back; span, deadline and name save too, the header follows', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg);
    await openPlan(app);
    await down(app, FIELD.perQuarter);
    await erase(app, 2);
    await app.type('7');
    await app.press(KEYS.ctrl('r'));
    await app.waitFor(/› Mỗi quý \(lượt\)\s+50▏/u);
    expect(app.lastFrame()).toContain('"Mỗi quý (lượt)" về giá trị của kế hoạch mẫu: 50');
    expect(app.lastFrame()).not.toContain('● Có thay đổi chưa lưu');

    for (let i = 0; i < FIELD.perQuarter; i++) await app.press(KEYS.up);
    await erase(app, 60);
    await app.type('Kế hoạch CNSCĐ 2026 (sửa)');
    await app.press(KEYS.down);
    await erase(app, 7);
    await app.type('2026-13');
    await app.press(KEYS.tab);
    await app.waitFor('✗ Gõ tháng dạng YYYY-MM, ví dụ 2026-01');
    await app.press(KEYS.shiftTab);
    await erase(app, 7);
    await app.type('2026-02');
    await app.press(KEYS.tab);
    await app.waitFor(/2026-12▏\s+11 tháng, tiến độ chia đều/u);
    await app.press(KEYS.tab);
    await erase(app, 2);
    await app.press(KEYS.tab);
    await app.waitFor(/Hạn báo cáo \(ngày\)\s+cuối quý\s+trống: hạn là ngày cuối quý · mẫu: 21/u);
    await app.press(KEYS.ctrl('s'));
    await app.waitFor('Đã lưu kế hoạch và ngưỡng');
    // The dashboard recomputes with the new plan: no deadline day now, the quarter's last day.
    const f = await app.waitFor('Hạn báo cáo Quý IV/2026: hết ngày 31/12/2026');
    expect(f.split('\n')[1]).toContain('Kế hoạch CNSCĐ 2026 (sửa)');
    expect((await getPlan(pg))!.plan).toMatchObject({ name: 'Kế hoạch CNSCĐ 2026 (sửa)', span_start: '2026-02', span_end: '2026-12', deadline_day: null });
  });

  it('fits 80×24 and scrolls to the last target and the read-only parts', async () => {
    const pg = await demoDb();
    const app = await renderAppIn(pg, { screen: { name: 'plan' } });
    const fits = (f: string) => {
      const lines = f.split('\n');
      expect(lines.length, f).toBeLessThanOrEqual(24);
      expect(lines.filter((l) => stringWidth(l) > 80), f).toEqual([]);
      expect(lines.at(-1), f).toMatch(/Esc (Quay lại|Thoát)/u);
    };
    fits(await app.waitFor('Tên kế hoạch'));
    expect(app.lastFrame()).toContain('↓ còn');
    for (let i = 1; i <= 16; i++) {
      await app.press(KEYS.down);
      const f = app.lastFrame();
      fits(f);
      expect(f).toMatch(/› /u); // the focused field is always on screen
    }
    const last = await app.waitFor(/› Mã đơn vị \(5 chữ số\)/u);
    expect(last).toContain('Gửi tỉnh (tệp tổng hợp)');
    expect(last).toContain('Tổ cấp phường (người)');
    expect(last).toContain('Báo cáo gửi lên');
    expect(last).toContain('Mục tiêu chung toàn xã/phường');
    expect(last).toContain('Thêm/bớt chỉ tiêu hay chỉ số');
    expect(last).not.toContain('↓ còn');
    // A message under a field (too long beside it) keeps the page within the screen.
    await app.press(KEYS.up, KEYS.up);
    await app.waitFor(/› Tổ cấp phường \(người\)/u);
    await app.press(KEYS.backspace, KEYS.backspace);
    await app.type('x');
    const msg = await app.waitFor('✗ Tổ cấp phường (người): chỉ gõ chữ số');
    fits(msg);
    expect(msg).toMatch(/› Tổ cấp phường \(người\)\s+▏/u);
  });

  it('shows another preset\'s own indicators, urban-only shares, leadership and the age advice', async () => {
    const pg = await emptyDb();
    await setupUnit(pg, { preset: loadPreset('ngoc-hoi-2026')!, unitName: 'xã Ngọc Hồi', now: TEST_NOW });
    const app = await renderAppIn(pg, { screen: { name: 'plan' }, columns: 120, rows: 60 });
    const f = await app.waitFor('Tên kế hoạch');
    expect(f).toMatch(/Hạn báo cáo \(ngày\)\s+cuối quý\s+trống: hạn là ngày cuối quý/u);
    expect(f).toContain('Thành viên nên dưới 40 tuổi (khuyến nghị, không phải chỉ tiêu)');
    expect(f).toContain('1. Có Tổ trưởng và Tổ phó');
    expect(f).toContain('có hoặc không, không có số để sửa');
    expect(f).toContain('trên số người trưởng thành · chỉ địa bàn thành thị');
    expect(f).toMatch(/Tỉ lệ \(%\)\s+50\n/u);
    expect(f).toContain('Chỉ số riêng của kế hoạch (chỉ xem)');
    expect(f).toContain('• Số người trưởng thành có tài khoản thanh toán điện tử (người, lấy số mới nhất)');
  });
});
