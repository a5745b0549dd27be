// The period report: header block, date-line rules, title per period kind, totals, teams behind.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { lastFinishedPeriod, parsePeriod, periodAsOf } from '../../src/domain/period.js';
import { statusCounts } from '../../src/domain/status.js';
import { loadReportData } from '../../src/io/report/data.js';
import { buildReport } from '../../src/io/report/model.js';
import { periodPhrase, placeDateLine, placeName, renderReport } from '../../src/io/report/render.js';
import { demoDb } from '../support/db.js';
import { NOW } from './helpers.js';

describe('report text rules', () => {
  it('date line: day always two digits, month padded only for 01 and 02', () => {
    expect(placeDateLine('Phù Vân', new Date(2027, 0, 5))).toBe('Phù Vân, ngày 05 tháng 01 năm 2027');
    expect(placeDateLine('Phù Vân', new Date(2027, 1, 28))).toBe('Phù Vân, ngày 28 tháng 02 năm 2027');
    expect(placeDateLine('Phù Vân', new Date(2026, 2, 9))).toBe('Phù Vân, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Phù Vân', new Date(2026, 10, 23))).toBe('Phù Vân, ngày 23 tháng 11 năm 2026');
  });
  it('title per period kind, with the Roman quarter', () => {
    expect(periodPhrase(parsePeriod('2026-Q3')!)).toBe('Quý III năm 2026');
    expect(periodPhrase(parsePeriod('2026-Q4')!)).toBe('Quý IV năm 2026');
    expect(periodPhrase(parsePeriod('2026-10')!)).toBe('tháng 10 năm 2026');
    expect(periodPhrase(parsePeriod('2026-02')!)).toBe('tháng 02 năm 2026');
    expect(periodPhrase(parsePeriod('2026')!)).toBe('năm 2026');
  });
  it('place name strips xã/phường', () => {
    expect(placeName('phường Phù Vân')).toBe('Phù Vân');
    expect(placeName('xã Ngọc Liên')).toBe('Ngọc Liên');
  });
});

describe('the demo commune report, Quý III/2026', async () => {
  const render = async (p: string) => renderReport(await loadReportData(await demoDb(), parsePeriod(p)!, new Date(2027, 0, 5)));

  it('has the ND30 header, the title and every section, lines ≤ 100 columns', async () => {
    const text = await render('2026-Q3');
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\s+ỦY BAN NHÂN DÂN\s{3,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u);
    expect(lines[1]).toMatch(/^\s+PHƯỜNG PHÙ VÂN\s{3,}Độc lập - Tự do - Hạnh phúc$/u);
    expect(text).toMatch(/Số: …\/BC-UBND\s{3,}Phù Vân, ngày 05 tháng 01 năm 2027\n/u);
    expect(text).toContain('BÁO CÁO\n');
    expect(text).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng Quý III năm 2026\n');
    for (const h of ['I. TÌNH HÌNH CHUNG', 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ', 'III. CÁC TỔ CHẬM TIẾN ĐỘ HOẶC CHƯA BÁO CÁO', 'IV. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026', 'V. ĐỀ XUẤT, KIẾN NGHỊ', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'])
      expect(text).toContain(h);
    expect(text).toContain('[CÁN BỘ PHỤ TRÁCH ĐIỀN NỘI DUNG ĐỀ XUẤT, KIẾN NGHỊ TRƯỚC KHI TRÌNH KÝ]');
    expect(text).toContain('(*) Chỉ số tính theo số hiện có');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(100);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('totals: sum indicators add up the quarter; last indicators take each team’s latest', async () => {
    const pg = await demoDb();
    const data = await loadReportData(pg, parsePeriod('2026-Q3')!, NOW);
    const sum = await pg.query<{ s: number }>(
      `SELECT sum(v.value)::int AS s FROM form_value v JOIN form f ON f.id = v.form_id WHERE v.indicator = 'luot_ho_tro' AND f.month BETWEEN '2026-07' AND '2026-09'`,
    );
    const last = await pg.query<{ s: number }>(
      `SELECT sum(x.value)::int AS s FROM (SELECT DISTINCT ON (f.team_id) v.value FROM form_value v JOIN form f ON f.id = v.form_id
       WHERE v.indicator = 'ho_tuyen_truyen' AND f.month BETWEEN '2026-07' AND '2026-09' ORDER BY f.team_id, f.month DESC) x`,
    );
    const byCode = new Map(data.totals.map((t) => [t.indicator.code, t]));
    expect(byCode.get('luot_ho_tro')!.period).toBe(sum.rows[0]!.s);
    expect(byCode.get('ho_tuyen_truyen')!.period).toBe(last.rows[0]!.s);
    // per_quarter 50 lượt × 4 quarters × active teams
    expect(byCode.get('luot_ho_tro')!.target).toBe(50 * 4 * data.teams.active);
    const text = renderReport(data);
    const row = text.split('\n').find((l) => l.includes('Số lượt người dân được hỗ trợ'))!;
    expect(row).toContain(new Intl.NumberFormat('vi-VN').format(sum.rows[0]!.s));
  });

  it('Kế hoạch of a share target counts an area served by two teams once', async () => {
    const pg = await demoDb();
    // TDP02 now serves TDP01's area too.
    await pg.query(`UPDATE team SET area_id = (SELECT area_id FROM team WHERE code = 'TDP01') WHERE code = 'TDP02'`);
    const data = await loadReportData(pg, parsePeriod('2026-Q3')!, NOW);
    const ids = data.statuses.map((s) => s.teamId);
    expect(ids.length).toBeGreaterThan(2);
    const served = await pg.query<{ h: number }>(
      `SELECT sum(households)::int AS h FROM area WHERE id IN (SELECT area_id FROM team WHERE id = ANY($1::int[]))`,
      [ids],
    );
    const households = served.rows[0]!.h;
    const byCode = new Map(data.totals.map((t) => [t.indicator.code, t]));
    expect(byCode.get('ho_tuyen_truyen')!.target).toBeCloseTo(1.0 * households);
    expect(byCode.get('ho_dung_nen_tang')!.target).toBeCloseTo(0.8 * households);
  });

  it('a year report whose plan starts after January still adds up the whole year', async () => {
    const pg = await demoDb();
    // The status path loads forms from April only; January–March must be read for the totals.
    await pg.query(`UPDATE plan SET definition = jsonb_set(definition::jsonb, '{span_start}', '"2026-04"') WHERE id = 1`);
    const data = await loadReportData(pg, parsePeriod('2026')!, NOW);
    expect(data.plan.span_start).toBe('2026-04');
    const sum = async (from: string) =>
      (
        await pg.query<{ s: number }>(
          `SELECT sum(v.value)::int AS s FROM form_value v JOIN form f ON f.id = v.form_id WHERE v.indicator = 'luot_ho_tro' AND f.month BETWEEN $1 AND '2026-12'`,
          [from],
        )
      ).rows[0]!.s;
    const row = data.totals.find((t) => t.indicator.code === 'luot_ho_tro')!;
    expect(row.period).toBe(await sum('2026-01'));
    expect(row.cumulative).toBe(await sum('2026-04'));
    expect(row.period).toBeGreaterThan(row.cumulative!);
  });

  it('names the teams behind or not reporting, with what they lack', async () => {
    const pg = await demoDb();
    const data = await loadReportData(pg, parsePeriod('2026-Q3')!, NOW);
    const text = renderReport(data);
    const behind = data.statuses.filter((s) => s.status !== 'dat');
    expect(behind.length).toBeGreaterThan(0);
    for (const s of behind) expect(text).toContain(`${s.ten_to} (${s.ma_to}):`);
    const notReporting = behind.find((s) => s.status === 'chua_bao_cao');
    expect(notReporting).toBeDefined();
    expect(text).toMatch(/chưa nộp phiếu tháng 09\/2026/u);
    for (const s of data.statuses.filter((x) => x.status === 'dat')) expect(text).not.toContain(`${s.ma_to}):`);
  });

  it('a month report and a year report', async () => {
    expect(await render('2026-10')).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng tháng 10 năm 2026');
    const year = await render('2026');
    expect(year).toContain('cộng đồng năm 2026');
    expect(year).toContain('IV. NHIỆM VỤ TRỌNG TÂM NĂM 2027');
  });
});

// Issue #10 item 5: the export screen proposed Quý IV on 01/12 and the report said "tính đến
// hết tháng 12/2026" with every team "chưa nộp phiếu tháng 12/2026".
describe('a period that has not ended', () => {
  it('is evaluated as of the last finished month inside it, and says so', async () => {
    const pg = await demoDb();
    const dec1 = new Date(2026, 11, 1, 9, 0, 0);
    const data = await loadReportData(pg, parsePeriod('2026-Q4')!, dec1);
    expect(data.asOf).toBe('2026-11');
    expect(data.ended).toBe(false);
    const status = await computeStatus(pg, '2026-11');
    expect(data.counts).toEqual(statusCounts(status)); // what home says for 11/2026
    const text = renderReport(data);
    expect(text).toContain('tính đến hết tháng 11/2026, quý chưa kết thúc');
    expect(text).not.toContain('hết tháng 12/2026');
    expect(text).not.toMatch(/chưa nộp phiếu tháng[^\n]*12\/2026/u);
    // Only October and November are due.
    const due = status.teams.reduce((n, t) => n + t.due.filter((m) => m >= '2026-10').length, 0);
    expect(data.forms.due).toBe(due);
  });

  it('the current month itself, with nothing finished inside it: as of today, in progress', async () => {
    const data = await loadReportData(await demoDb(), parsePeriod('2026-12')!, new Date(2026, 11, 5, 9, 0, 0));
    expect(data.asOf).toBe('2026-12');
    expect(renderReport(data)).toContain('tính đến ngày 05/12/2026, tháng chưa kết thúc');
  });

  it('an ended period still reads "tính đến hết tháng" alone', async () => {
    const text = renderReport(await loadReportData(await demoDb(), parsePeriod('2026-Q3')!, new Date(2026, 11, 1)));
    expect(text).toContain('tính đến hết tháng 09/2026)');
    expect(text).not.toContain('chưa kết thúc');
  });

  it('periodAsOf and lastFinishedPeriod', () => {
    expect(periodAsOf(parsePeriod('2026-Q4')!, '2026-12')).toEqual({ asOf: '2026-11', ended: false });
    expect(periodAsOf(parsePeriod('2026-Q4')!, '2027-01')).toEqual({ asOf: '2026-12', ended: true });
    expect(periodAsOf(parsePeriod('2026-Q4')!, '2026-10')).toEqual({ asOf: '2026-10', ended: false });
    expect(periodAsOf(parsePeriod('2027')!, '2026-12')).toBeNull();
    expect(lastFinishedPeriod('quarter', '2026-12')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(lastFinishedPeriod('quarter', '2027-01')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
    expect(lastFinishedPeriod('quarter', '2026-01')).toEqual({ kind: 'quarter', year: 2025, quarter: 4 });
    expect(lastFinishedPeriod('month', '2026-01')).toEqual({ kind: 'month', year: 2025, month: 12 });
    expect(lastFinishedPeriod('year', '2026-12')).toEqual({ kind: 'year', year: 2025 });
    expect(lastFinishedPeriod('year', '2027-01')).toEqual({ kind: 'year', year: 2026 });
  });
});

// Issue #10 item 6: I.3 said 3/3 forms, III listed none missing, IV.1 listed every team (by code).
describe('IV.1 names the teams missing forms due in the period', () => {
  const task1 = (text: string) => text.split('\n').find((l) => l.startsWith('1. Đôn đốc') || l.startsWith('1. Đã nhận đủ'))!;

  it('by team name, exactly those missing a form of the period', async () => {
    const pg = await demoDb();
    const data = await loadReportData(pg, parsePeriod('2026-10')!, NOW);
    const late = data.statuses.filter((s) => s.missing.includes('2026-10'));
    expect(late.length).toBeGreaterThan(0);
    const others = data.statuses.filter((s) => s.missing.length > 0 && !s.missing.includes('2026-10'));
    const text = renderReport(data).replace(/\n {3}/gu, ' ');
    const line = task1(text);
    expect(line).toContain('các tổ còn thiếu phiếu trong kỳ: ' + late.map((s) => s.ten_to).join(', ') + '.');
    for (const s of others) expect(line).not.toContain(s.ten_to);
  });

  it('says all were received when every form of the period is in', async () => {
    const pg = await demoDb();
    // A form, even a blank one, counts as received.
    await pg.query(
      `INSERT INTO form (team_id, month, source) SELECT t.id, '2026-10', 'typed' FROM team t
       WHERE NOT EXISTS (SELECT 1 FROM form f WHERE f.team_id = t.id AND f.month = '2026-10')`,
    );
    const data = await loadReportData(pg, parsePeriod('2026-10')!, NOW);
    expect(data.forms.received).toBe(data.forms.due);
    const text = renderReport(data).replace(/\n {3}/gu, ' ');
    expect(task1(text)).toMatch(/^1\. Đã nhận đủ phiếu báo cáo tháng của các tổ trong kỳ/u);
    expect(text).not.toContain('còn thiếu phiếu');
  });
});

// Issue #10 item 22: "(3 tổ ở thôn, tổ dân phố)" for a xã that has only thôn.
describe('the area-level teams are named as the commune’s areas are', () => {
  it('only rural areas: "ở thôn"; only urban: "ở tổ dân phố"; both: "ở thôn, tổ dân phố"', async () => {
    const data = await loadReportData(await demoDb(), parsePeriod('2026-Q3')!, NOW);
    const says = (rural: number, urban: number) =>
      buildReport({ ...data, teams: { ...data.teams, areaLevel: rural + urban, rural, urban } }).sections[0]!.blocks[0]!;
    expect(JSON.stringify(says(3, 0))).toContain('(3 tổ ở thôn, ');
    expect(JSON.stringify(says(0, 2))).toContain('(2 tổ ở tổ dân phố, ');
    expect(JSON.stringify(says(3, 2))).toContain('(5 tổ ở thôn, tổ dân phố, ');
  });
});
