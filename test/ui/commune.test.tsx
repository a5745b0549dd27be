import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { statusCounts } from '../../src/domain/status.js';
import { formatInt, formatPercent } from '../../src/domain/text.js';
import { demoDb } from '../support/db.js';
import { KEYS, renderApp } from '../support/ui.js';

type Pg = Awaited<ReturnType<typeof demoDb>>;

/** Sum of a flow indicator over months, straight from the tables. */
async function sqlSum(pg: Pg, code: string, from: string, to: string): Promise<number> {
  const r = await pg.query<{ s: number }>(
    `SELECT coalesce(sum(v.value), 0)::int AS s FROM form f JOIN form_value v ON v.form_id = f.id
     WHERE v.indicator = $1 AND f.month BETWEEN $2 AND $3`,
    [code, from, to],
  );
  return r.rows[0]!.s;
}

/** A stock indicator: each team's latest non-blank value in the window, added across teams. */
async function sqlLatest(pg: Pg, code: string, from: string, to: string): Promise<number> {
  const r = await pg.query<{ s: number }>(
    `SELECT coalesce(sum(x.value), 0)::int AS s FROM (
       SELECT DISTINCT ON (f.team_id) v.value FROM form f JOIN form_value v ON v.form_id = f.id
       WHERE v.indicator = $1 AND f.month BETWEEN $2 AND $3 ORDER BY f.team_id, f.month DESC) x`,
    [code, from, to],
  );
  return r.rows[0]!.s;
}

const row = (frame: string, label: string) => frame.split('\n').find((l) => l.startsWith(label)) ?? '';

describe('commune view', () => {
  it('c shows every indicator\'s totals for the month, the quarter and the year', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg);
    await app.waitFor('Phiếu đã nhận');
    await app.press('c');
    const f = await app.waitFor('Toàn phường · tính đến tháng 10/2026');
    expect(f).toMatch(/Chỉ số\s+Tháng 10\/2026\s+Quý IV\/2026\s+Năm 2026/u);
    const flows = [await sqlSum(pg, 'luot_ho_tro', '2026-10', '2026-10'), await sqlSum(pg, 'luot_ho_tro', '2026-10', '2026-10'), await sqlSum(pg, 'luot_ho_tro', '2026-01', '2026-10')];
    expect(row(f, 'Lượt hỗ trợ ').split(/\s{2,}/u).slice(1)).toEqual(flows.map(formatInt));
    const stocks = [await sqlLatest(pg, 'ho_dung_nen_tang', '2026-10', '2026-10'), await sqlLatest(pg, 'ho_dung_nen_tang', '2026-10', '2026-10'), await sqlLatest(pg, 'ho_dung_nen_tang', '2026-01', '2026-10')];
    expect(row(f, 'Hộ dùng nền tảng số *').split(/\s{2,}/u).slice(1)).toEqual(stocks.map(formatInt));
    // A stock is not added over months: the year is not the sum of the months.
    expect(stocks[2]).toBeLessThan(await sqlSum(pg, 'ho_dung_nen_tang', '2026-01', '2026-10'));
    expect(f).toContain('* Chỉ số tồn: lấy số mới nhất trong kỳ của từng tổ rồi cộng các tổ lại.');
  });

  it('sets the plan against the commune and shows the share of teams per status', async () => {
    const pg = await demoDb();
    const counts = statusCounts(await computeStatus(pg, '2026-10'));
    const app = await renderApp(pg, { screen: { name: 'commune', asOf: '2026-10' } });
    await app.waitFor('Toàn phường');
    await app.press(KEYS.pageDown);
    let f = await app.waitFor('So với kế hoạch');
    expect(f).toMatch(/Lượt hỗ trợ mỗi quý [!✓✗?] [^·]+ · \d+\/15 tổ đạt/u);
    expect(f).toMatch(/cộng các tổ, trong quý: [\d.]+ · tiến độ 250 · cả quý 750 · [\d,]+%/u);
    expect(f).toMatch(/toàn phường: [\d,]+% \([\d.]+\/[\d.]+ hộ\) · tiến độ cần 66,7% · mục tiêu 80%/u);
    await app.press(KEYS.pageDown, KEYS.pageDown);
    f = await app.waitFor('Tổ theo trạng thái (15 tổ)');
    expect(f).toContain('Mục tiêu toàn phường: 100% sản phẩm OCOP');
    const n = counts.chua_bao_cao;
    expect(f).toMatch(new RegExp(`\\? Chưa báo cáo\\s+${n} tổ\\s+${formatPercent(n / 15).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
    expect(f).toMatch(new RegExp(`✗ Chậm nhiều\\s+${counts.cham_nhieu} tổ`, 'u'));
  });

  it('←/→ change the month', async () => {
    const pg = await demoDb();
    const app = await renderApp(pg, { screen: { name: 'commune', asOf: '2026-10' } });
    await app.waitFor('Toàn phường');
    await app.press(KEYS.left);
    const f = await app.waitFor('tính đến tháng 09/2026');
    expect(f).toMatch(/Tháng 09\/2026\s+Quý III\/2026\s+Năm 2026/u);
    const q3 = await sqlSum(pg, 'luot_ho_tro', '2026-07', '2026-09');
    expect(row(f, 'Lượt hỗ trợ ').split(/\s{2,}/u)[2]).toBe(formatInt(q3));
  });
});
