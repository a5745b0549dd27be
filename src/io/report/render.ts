// The period report as plain UTF-8 text, laid out like a Vietnamese administrative report
// (Nghị định 30/2020/NĐ-CP): agency block and national motto side by side, number, place and
// date, title, sections I–V, recipients and signature. Pure: data in, text out; ≤ 100 columns.
import { describeTarget } from '../../domain/describe.js';
import { STATUS_LABELS } from '../../domain/labels.js';
import { type Period, addMonths, makeMonth, monthLabel, periodMonths, romanQuarter } from '../../domain/period.js';
import { formatInt, formatPercent, pad2 } from '../../domain/text.js';
import type { ReportData } from './data.js';
import { padCell } from '../text-table.js';
import { WIDTH, center, pipeTable, sideBySide, wrap } from './layout.js';

const LEFT = 40;

/** ND30: the day always has two digits; the month only for 01 and 02. */
export function monthWord(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

export function placeDateLine(place: string, now: Date): string {
  return `${place}, ngày ${pad2(now.getDate())} tháng ${monthWord(now.getMonth() + 1)} năm ${now.getFullYear()}`;
}

/** "Quý III năm 2026", "tháng 10 năm 2026", "năm 2026". */
export function periodPhrase(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${monthWord(p.month)} năm ${p.year}`;
    case 'quarter':
      return `Quý ${romanQuarter(p.quarter)} năm ${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

export function nextPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month': {
      const m = addMonths(makeMonth(p.year, p.month), 1);
      return { kind: 'month', year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) };
    }
    case 'quarter':
      return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: p.quarter + 1 };
    case 'year':
      return { kind: 'year', year: p.year + 1 };
  }
}

/** "phường Phù Vân" → "Phù Vân" (the place of the date line). */
export function placeName(unitName: string): string {
  return unitName.replace(/^\s*(xã|phường)\s+/iu, '').trim();
}

function agencyLines(agency: string): string[] {
  const m = /^UBND\s+(.+)$/iu.exec(agency.trim());
  return m ? ['ỦY BAN NHÂN DÂN', m[1]!.toLocaleUpperCase('vi')] : [agency.toLocaleUpperCase('vi')];
}

const n0 = (v: number | null) => (v === null ? '' : formatInt(v));

export function renderReport(d: ReportData): string {
  const L: string[] = [];
  const para = (text: string, first = '', rest = first) => L.push(...wrap(text, WIDTH, first, rest));
  const unitWord = d.unit.kind === 'xa' ? 'xã' : 'phường';
  const place = placeName(d.unit.name);
  const phrase = periodPhrase(d.period);

  // Header: agency | motto; number | place and date.
  const agency = agencyLines(d.unit.agency);
  L.push(
    ...sideBySide(
      [...agency, '-------', '', 'Số: …/BC-UBND'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '---------------------------', '', placeDateLine(place, d.now)],
      LEFT,
    ),
  );
  L.push('', '', center('BÁO CÁO', WIDTH));
  L.push(...wrap(`Kết quả hoạt động của Tổ Công nghệ số cộng đồng ${phrase}`, WIDTH).map((l) => center(l, WIDTH)));
  L.push(center('-----------', WIDTH), '');
  para(
    `Thực hiện ${d.plan.name}, Ủy ban nhân dân ${d.unit.name} báo cáo kết quả hoạt động của các Tổ Công nghệ số ` +
      `cộng đồng ${phrase} (số liệu tổng hợp từ phiếu báo cáo tháng của các tổ, tính đến hết tháng ${monthLabel(d.asOf)}) như sau:`,
  );

  // I. Situation
  L.push('', 'I. TÌNH HÌNH CHUNG', '');
  const t = d.teams;
  const levels = [t.areaLevel ? `${formatInt(t.areaLevel)} tổ ở thôn, tổ dân phố` : '', t.communeLevel ? `${formatInt(t.communeLevel)} tổ cấp ${unitWord}` : '']
    .filter(Boolean)
    .join(', ');
  para(
    `1. Toàn ${unitWord} có ${formatInt(t.active)} Tổ Công nghệ số cộng đồng đang hoạt động${levels ? ` (${levels})` : ''}, ` +
      `với ${formatInt(d.members.active)} thành viên.`,
    '',
    '   ',
  );
  const share = d.members.active ? ` (${formatPercent(d.members.trained / d.members.active)})` : '';
  para(`2. Số thành viên đã được tập huấn kỹ năng số từ đầu kỳ kế hoạch: ${formatInt(d.members.trained)}/${formatInt(d.members.active)}${share}.`, '', '   ');
  const f = d.forms;
  para(
    `3. Phiếu báo cáo tháng đã nhận trong kỳ: ${formatInt(f.received)}/${formatInt(f.due)} phiếu phải nộp` +
      (f.due ? ` (${formatPercent(f.received / f.due)}).` : '.'),
    '',
    '   ',
  );
  const counts = d.counts;
  para(
    `4. Đánh giá theo kế hoạch (tính đến hết tháng ${monthLabel(d.asOf)}): ${counts.dat} tổ đạt tiến độ, ${counts.cham} tổ chậm, ` +
      `${counts.cham_nhieu} tổ chậm nhiều, ${counts.chua_bao_cao} tổ chưa báo cáo.`,
    '',
    '   ',
  );

  // II. Results
  L.push('', 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ', '');
  const rows = d.totals.map((r, i) => [
    String(i + 1),
    r.indicator.label + (r.indicator.aggregation === 'last' ? ' (*)' : ''),
    r.indicator.unit,
    n0(r.period),
    n0(r.cumulative),
    r.target === null ? '' : formatInt(r.target),
    r.target && r.cumulative !== null ? formatPercent(r.cumulative / r.target) : '',
  ]);
  L.push(
    ...pipeTable(
      [
        { title: 'TT', align: 'right' },
        { title: 'Chỉ số', wrap: true },
        { title: 'Đơn vị' },
        { title: 'Trong kỳ', align: 'right' },
        { title: 'Lũy kế', align: 'right' },
        { title: 'Kế hoạch', align: 'right' },
        { title: 'Tỉ lệ', align: 'right' },
      ],
      rows,
    ),
  );
  L.push('');
  para(`Lũy kế: từ tháng ${monthLabel(d.cumulativeFrom)} đến hết tháng ${monthLabel(d.asOf)}. Ô để trống: chưa có tổ nào báo cáo.`, 'Ghi chú: ', '         ');
  para(
    '(*) Chỉ số tính theo số hiện có: mỗi tổ lấy số báo cáo mới nhất trong khoảng thời gian rồi cộng các tổ; ' +
      'các chỉ số khác cộng dồn số báo cáo của các tháng.',
    '         ',
  );
  para(
    `Kế hoạch: chỉ tiêu cả kỳ kế hoạch (${monthLabel(d.plan.span_start)} - ${monthLabel(d.plan.span_end)}) của các tổ cộng lại; ` +
      'Tỉ lệ = Lũy kế / Kế hoạch.',
    '         ',
  );

  // III. Teams behind
  L.push('', 'III. CÁC TỔ CHẬM TIẾN ĐỘ HOẶC CHƯA BÁO CÁO', '');
  const behind = d.statuses.filter((s) => s.status !== 'dat');
  if (behind.length === 0) para('Tất cả các tổ đều đạt tiến độ kế hoạch.');
  const months = new Set(periodMonths(d.period));
  behind.forEach((s, i) => {
    para(`${i + 1}. ${s.ten_to} (${s.ma_to}): ${STATUS_LABELS[s.status].toLowerCase()}.`, '', '   ');
    const lacks = s.targets.filter((r) => r.status !== 'dat').map((r) => describeTarget(r, d.indicators));
    const missing = s.missing.filter((m) => months.has(m));
    if (missing.length) lacks.push(`chưa nộp phiếu tháng ${missing.map(monthLabel).join(', ')}`);
    lacks.forEach((text, k) => para(`${text}${k === lacks.length - 1 ? '.' : ';'}`, '   - ', '     '));
  });

  // IV. Tasks
  const next = nextPeriod(d.period);
  L.push('', `IV. NHIỆM VỤ TRỌNG TÂM ${periodPhrase(next).toLocaleUpperCase('vi')}`, '');
  const tasks: string[] = [];
  const late = d.statuses.filter((s) => s.missing.length > 0).map((s) => s.ma_to);
  const deadline = d.plan.deadline_day ? ` trước ngày ${d.plan.deadline_day} của tháng cuối quý` : ' đúng hạn';
  tasks.push(`Đôn đốc các tổ nộp phiếu báo cáo tháng${deadline}${late.length ? `; các tổ còn thiếu phiếu: ${late.join(', ')}` : ''}.`);
  if (behind.length) tasks.push(`Kiểm tra, hỗ trợ ${behind.length} tổ chậm tiến độ hoặc chưa báo cáo (mục III) để bảo đảm chỉ tiêu kế hoạch.`);
  const untrained = d.members.active - d.members.trained;
  if (untrained > 0) tasks.push(`Tổ chức tập huấn kỹ năng số cho ${formatInt(untrained)} thành viên chưa được tập huấn.`);
  tasks.push(
    'Tiếp tục "đi từng ngõ, gõ từng nhà, hướng dẫn từng người" sử dụng VNeID, dịch vụ công trực tuyến, thanh toán ' +
      'không dùng tiền mặt và kỹ năng an toàn trên không gian mạng, hưởng ứng phong trào "Bình dân học vụ số".',
  );
  tasks.forEach((task, i) => para(task, `${i + 1}. `, '   '));

  // V. Proposals: the officer's own words.
  L.push('', 'V. ĐỀ XUẤT, KIẾN NGHỊ', '');
  L.push('[CÁN BỘ PHỤ TRÁCH ĐIỀN NỘI DUNG ĐỀ XUẤT, KIẾN NGHỊ TRƯỚC KHI TRÌNH KÝ]', '…', '…', '');
  para(`Trên đây là báo cáo kết quả hoạt động của Tổ Công nghệ số cộng đồng ${phrase} của Ủy ban nhân dân ${d.unit.name}.`);
  L.push('');

  // Recipients | signature
  const province = d.unit.province ? `tỉnh ${d.unit.province}` : 'tỉnh';
  L.push(
    ...sideBySideLeftAligned(
      ['Nơi nhận:', `- Sở Khoa học và Công nghệ ${province};`, '- TT Đảng ủy, HĐND ' + unitWord + ';', '- Chủ tịch, các PCT UBND ' + unitWord + ';', '- Lưu: VT, VHXH.'],
      ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Ký, ghi rõ họ tên, đóng dấu)', '', '', '', '……………………………'],
    ),
  );
  if (d.unit.officer) L.push('', `Người lập báo cáo: ${d.unit.officer}`);
  return L.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** Recipients stay flush left (as on paper); the signature block is centred on the right. */
function sideBySideLeftAligned(left: readonly string[], right: readonly string[]): string[] {
  const leftWidth = 52;
  const n = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((padCell(left[i] ?? '', leftWidth) + center(right[i] ?? '', WIDTH - leftWidth)).trimEnd());
  return out;
}
