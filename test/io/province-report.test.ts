// The province's period report (issue #14, item 5), on a real province database that received
// three communes' bundles: every indicator's total equals the communes' own reports added up
// (sums; latest-per-team for stocks), the commune that sent nothing for the quarter is listed as
// not sent, and the .txt and .docx are laid out by the commune report's own writers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbRunner } from '../../src/db/database.js';
import { setupProvince } from '../../src/db/province.js';
import { setSetting } from '../../src/db/unit.js';
import { setUnitCode } from '../../src/db/unit-level.js';
import { type Period, parsePeriod } from '../../src/domain/period.js';
import { formatInt } from '../../src/domain/text.js';
import { exportBundle } from '../../src/io/bundle/export.js';
import { importBundle, readBundleFile } from '../../src/io/bundle/import.js';
import { renderExport } from '../../src/io/export/run.js';
import { type ReportData, loadReportData } from '../../src/io/report/data.js';
import { RECIPIENT_SETTING } from '../../src/io/report/model.js';
import { loadProvinceReportData } from '../../src/io/report/province-data.js';
import { demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-tinh-bc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const Q3 = parsePeriod('2026-Q3')!;

/** A demo commune with its own code (and, for some, its figures changed), its own report of `period`, its bundle imported. */
async function send(province: DbRunner, code: string, quarter: number, bump: number): Promise<ReportData> {
  const commune = await demoDb();
  await setUnitCode(commune, code);
  // Each commune's figures its own: every value of the quarter's first month raised by `bump`.
  if (bump) await commune.query(`UPDATE form_value SET value = value + $1 WHERE form_id IN (SELECT id FROM form WHERE month = $2)`, [bump, `2026-0${quarter * 3 - 2}`]);
  const period: Period = { kind: 'quarter', year: 2026, quarter };
  const { path: file } = await exportBundle(commune, period, { outDir: path.join(dir, code), now: TEST_NOW });
  await importBundle(province, file, await readBundleFile(file), { now: TEST_NOW });
  return loadReportData(commune, period, TEST_NOW);
}

async function provinceWithThree() {
  const province = await emptyDb();
  await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
  const a = await send(province, '00004', 3, 0);
  const b = await send(province, '00007', 3, 5);
  const c = await send(province, '00010', 2, 3); // only the second quarter: not sent for the third
  return { province, a, b, c };
}

const add = (...vs: (number | null | undefined)[]) => (vs.every((v) => v === null || v === undefined) ? null : vs.reduce<number>((s, v) => s + (v ?? 0), 0));

describe("the province's report", () => {
  it('totals every indicator across communes as their own reports do, and lists the commune not sent', async () => {
    const { province, a, b, c } = await provinceWithThree();
    const d = await loadProvinceReportData(province, Q3, TEST_NOW);
    expect(d.asOf).toBe('2026-09');
    expect(d.units.map((u) => [u.unit_code, u.sent])).toEqual([['00010', false], ...d.units.slice(1).map((u) => [u.unit_code, true])]);
    // The demo plan starts in January: each commune's cumulative runs over the same months.
    expect(a.cumulativeFrom).toBe('2026-01');
    expect(d.cumulativeFrom).toBe('2026-01');
    const own = (r: ReportData, code: string) => r.totals.find((t) => t.indicator.code === code);
    let stocks = 0;
    for (const t of d.totals) {
      const code = t.indicator.code;
      // In the quarter only A and B hold figures; C's held bundle ends in June (its cumulative is Jan–Jun).
      expect(t.period, code).toBe(add(own(a, code)?.period, own(b, code)?.period));
      expect(t.cumulative, code).toBe(add(own(a, code)?.cumulative, own(b, code)?.cumulative, own(c, code)?.cumulative));
      if (t.indicator.aggregation === 'last' && t.cumulative !== null) stocks++;
    }
    expect(stocks).toBeGreaterThan(0); // latest-per-team indicators are among those checked
    // B's bump shows: the province's July figures are not twice A's.
    const sumCode = d.totals.find((t) => t.indicator.aggregation === 'sum' && t.period !== null)!;
    expect(sumCode.period).not.toBe(2 * own(a, sumCode.indicator.code)!.period!);

    const txt = await renderExport(province, { kind: 'report', period: Q3, format: 'txt', now: TEST_NOW });
    expect(txt.name).toBe('tinh-phu-tho_2026-Q3_bao-cao.txt');
    const text = txt.text as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replace(/\r\n/gu, '')).not.toContain('\n'); // CRLF only
    const lines = text.slice(1).split('\r\n');
    expect(lines.some((l) => l.includes('ỦY BAN NHÂN DÂN') && l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(text).toContain('TỈNH PHÚ THỌ');
    expect(text).toContain('Phú Thọ, ngày 23 tháng 11 năm 2026');
    expect(text).toContain('các xã, phường Quý III năm 2026');
    // The results table: one row per indicator, its numbers as totalled, in Vietnamese format.
    const header = lines.findIndex((l) => /^TT \| Chỉ số/u.test(l));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 2).filter((l) => /^\s*\d+ \|/u.test(l)).map((l) => l.split(' | ').map((s) => s.trim()));
    expect(rows.length).toBe(d.totals.length);
    d.totals.forEach((t, i) => {
      expect(rows[i]![3] ?? '').toBe(t.period === null ? '' : formatInt(t.period));
      expect(rows[i]![4] ?? '').toBe(t.cumulative === null ? '' : formatInt(t.cumulative));
    });
    expect(rows.some((r) => /\d\.\d{3}/u.test(r[4] ?? ''))).toBe(true); // thousands with a dot
    // III: the commune not sent, by name and code, with the bundle it holds.
    const third = text.slice(text.indexOf('III. CÁC XÃ, PHƯỜNG CHƯA GỬI'), text.indexOf('IV. NHIỆM VỤ'));
    expect(third).toMatch(/phường Phù Vân \(mã 00010\): chưa gửi số liệu đến hết tháng 09\/2026 \(tệp đang giữ: kỳ 2026-Q2/u);
    expect(text).toContain('3 xã, phường; 2 xã, phường đã gửi số liệu');
    // I counts the teams and forms of the communes that sent: A's and B's, not C's unreported quarter.
    const teams = [a, b].reduce((n, r) => n + r.teams.active, 0);
    expect(text).toContain(`đã gửi số liệu có ${teams} Tổ`);
    expect(text).toMatch(/\(mã 00004\): [^;]+ \(theo tổ kém nhất\); \d+ tổ chưa đạt/u);
  }, 120_000);

  it('writes the same report as a Word document through the commune report writer', async () => {
    const { province } = await provinceWithThree();
    await setSetting(province, RECIPIENT_SETTING, 'Bộ Khoa học và Công nghệ');
    const d = await loadProvinceReportData(province, Q3, TEST_NOW);
    const r = await renderExport(province, { kind: 'report', period: Q3, format: 'docx', now: TEST_NOW });
    expect(r.name).toBe('tinh-phu-tho_2026-Q3_bao-cao.docx');
    const files = unzipSync(r.text as Uint8Array);
    const xml = strFromU8(files['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]!.replace(/&amp;/gu, '&'));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/u);
    expect(texts).toContain('Kính gửi: Bộ Khoa học và Công nghệ');
    expect(texts).toContain('Số xã có số liệu');
    // The results as a real Word table: a header row plus one row per indicator, the name column widest.
    const table = xml.split('<w:tbl>').find((t) => t.includes('Số xã có số liệu'))!;
    expect((table.match(/<w:tr>|<w:tr /gu) ?? []).length).toBe(1 + d.totals.length);
    const widths = [...table.split('</w:tblGrid>')[0]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((m) => Number(m[1]));
    expect(widths.length).toBe(6);
    expect(Math.max(...widths)).toBe(widths[1]);
    const first = d.totals.find((t) => t.cumulative !== null)!;
    expect(texts).toContain(formatInt(first.cumulative!));
    expect(texts.join('\n')).toContain('(mã 00010): chưa gửi số liệu');
  }, 120_000);

  it('a province with no commune yet still reports, saying so', async () => {
    const province = await emptyDb();
    await setupProvince(province, { name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    const r = await renderExport(province, { kind: 'report', period: Q3, format: 'txt', now: TEST_NOW });
    expect(r.text as string).toContain('chưa nhận tệp tổng hợp nào của xã, phường');
    expect(r.text as string).toContain('tỉnh chưa nhận số liệu của xã, phường nào'.replace(/^t/u, 'T'));
  });
});
