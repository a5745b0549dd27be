// What the period report says, once: titles, paragraphs, the results table, the list of teams
// behind, recipients and signature. The text renderer (render.ts) and the Word renderer
// (docx.ts) lay out this one model, so the .txt and the .docx never say different things.
import { describeTarget } from '../../domain/describe.js';
import { STATUS_LABELS } from '../../domain/labels.js';
import { type Period, addMonths, makeMonth, monthLabel, periodKindWord, periodMonths, romanQuarter } from '../../domain/period.js';
import { formatDate, formatInt, formatPercent, pad2, printableDeep, todayIso } from '../../domain/text.js';
import type { ReportData } from './data.js';

/** The unit setting (table `setting`) holding the report's recipient, e.g. "Sở Khoa học và Công nghệ tỉnh Hà Nam". */
export const RECIPIENT_SETTING = 'report_recipient';
export const DOTS = '……………………………';

export interface ReportColumn {
  title: string;
  align?: 'left' | 'right';
  /** The column that wraps to fit (in the text layout). */
  wrap?: boolean;
}

export type Block =
  | { kind: 'para'; text: string }
  /** A numbered paragraph: "1. …" */
  | { kind: 'item'; label: string; text: string }
  /** A dash item under a numbered one. */
  | { kind: 'sub'; text: string }
  | { kind: 'table'; columns: ReportColumn[]; rows: string[][] }
  /** A note under the table; `label` ("Ghi chú:") on the first note only. */
  | { kind: 'note'; label: string | null; text: string }
  /** Left for the officer to fill in before signing. */
  | { kind: 'placeholder'; text: string };

export interface ReportModel {
  agency: string[]; // ['ỦY BAN NHÂN DÂN', 'PHƯỜNG PHÙ VÂN']
  number: string;
  motto: [string, string];
  placeDate: string;
  title: string;
  summary: string;
  /** "Kính gửi:" and whom; null when no recipient is set (a dotted line is left). */
  recipient: string | null;
  intro: string;
  sections: { heading: string; blocks: Block[] }[];
  closing: string;
  recipients: { title: string; items: string[] };
  signature: { lines: string[]; name: string };
  preparedBy: string | null;
}

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

/** "phường Phù Vân" → "Phù Vân", "tỉnh Phú Thọ" → "Phú Thọ" (the place of the date line). */
export function placeName(unitName: string): string {
  return unitName.replace(/^\s*(xã|phường|tỉnh|thành phố)\s+/iu, '').trim();
}

export function agencyLines(agency: string): string[] {
  const m = /^UBND\s+(.+)$/iu.exec(agency.trim());
  return m ? ['ỦY BAN NHÂN DÂN', m[1]!.toLocaleUpperCase('vi')] : [agency.toLocaleUpperCase('vi')];
}

/**
 * "tính đến hết tháng 11/2026"; while the period has not ended "…, quý chưa kết thúc"; and for a
 * period with no finished month yet, "tính đến ngày 05/12/2026, tháng chưa kết thúc".
 */
export function asOfPhrase(d: Pick<ReportData, 'asOf' | 'ended' | 'period' | 'now'>): string {
  if (d.ended) return `tính đến hết tháng ${monthLabel(d.asOf)}`;
  const open = `${periodKindWord(d.period)} chưa kết thúc`;
  return d.asOf === todayIso(d.now).slice(0, 7) ? `tính đến ngày ${formatDate(todayIso(d.now))}, ${open}` : `tính đến hết tháng ${monthLabel(d.asOf)}, ${open}`;
}

/** "thôn", "tổ dân phố" or both, as the commune's area-level teams are. */
function areaWords(t: ReportData['teams']): string {
  return t.urban && t.rural ? 'thôn, tổ dân phố' : t.urban ? 'tổ dân phố' : 'thôn';
}

const n0 = (v: number | null) => (v === null ? '' : formatInt(v));

export function buildReport(d: ReportData, opts: { recipient?: string | null } = {}): ReportModel {
  const unitWord = d.unit.kind === 'xa' ? 'xã' : 'phường';
  const phrase = periodPhrase(d.period);
  const sections: ReportModel['sections'] = [];

  // I. Situation
  const t = d.teams;
  const levels = [t.areaLevel ? `${formatInt(t.areaLevel)} tổ ở ${areaWords(t)}` : '', t.communeLevel ? `${formatInt(t.communeLevel)} tổ cấp ${unitWord}` : '']
    .filter(Boolean)
    .join(', ');
  const share = d.members.active ? ` (${formatPercent(d.members.trained / d.members.active)})` : '';
  const f = d.forms;
  const counts = d.counts;
  sections.push({
    heading: 'I. TÌNH HÌNH CHUNG',
    blocks: [
      `Toàn ${unitWord} có ${formatInt(t.active)} Tổ Công nghệ số cộng đồng đang hoạt động${levels ? ` (${levels})` : ''}, với ${formatInt(d.members.active)} thành viên.`,
      `Số thành viên đã được tập huấn kỹ năng số từ đầu kỳ kế hoạch: ${formatInt(d.members.trained)}/${formatInt(d.members.active)}${share}.`,
      `Phiếu báo cáo tháng đã nhận trong kỳ: ${formatInt(f.received)}/${formatInt(f.due)} phiếu phải nộp` + (f.due ? ` (${formatPercent(f.received / f.due)}).` : '.'),
      `Đánh giá theo kế hoạch (${asOfPhrase(d)}): ${counts.dat} tổ đạt tiến độ, ${counts.cham} tổ chậm, ` +
        `${counts.cham_nhieu} tổ chậm nhiều, ${counts.chua_bao_cao} tổ chưa báo cáo.`,
    ].map((text, i) => ({ kind: 'item', label: `${i + 1}.`, text })),
  });

  // II. Results
  const rows = d.totals.map((r, i) => [
    String(i + 1),
    r.indicator.label + (r.indicator.aggregation === 'last' ? ' (*)' : ''),
    r.indicator.unit,
    n0(r.period),
    n0(r.cumulative),
    r.target === null ? '' : formatInt(r.target),
    r.target && r.cumulative !== null ? formatPercent(r.cumulative / r.target) : '',
  ]);
  sections.push({
    heading: 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ',
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: 'TT', align: 'right' },
          { title: 'Chỉ số', wrap: true },
          { title: 'Đơn vị' },
          { title: 'Trong kỳ', align: 'right' },
          { title: 'Lũy kế', align: 'right' },
          { title: 'Kế hoạch', align: 'right' },
          { title: 'Tỉ lệ', align: 'right' },
        ],
        rows,
      },
      { kind: 'note', label: 'Ghi chú:', text: `Lũy kế: từ tháng ${monthLabel(d.cumulativeFrom)} đến hết tháng ${monthLabel(d.asOf)}. Ô để trống: chưa có tổ nào báo cáo.` },
      {
        kind: 'note',
        label: null,
        text: '(*) Chỉ số tính theo số hiện có: mỗi tổ lấy số báo cáo mới nhất trong khoảng thời gian rồi cộng các tổ; các chỉ số khác cộng dồn số báo cáo của các tháng.',
      },
      {
        kind: 'note',
        label: null,
        text: `Kế hoạch: chỉ tiêu cả kỳ kế hoạch (${monthLabel(d.plan.span_start)} - ${monthLabel(d.plan.span_end)}) của các tổ cộng lại; Tỉ lệ = Lũy kế / Kế hoạch.`,
      },
    ],
  });

  // III. Teams behind, by their full names
  const behind = d.statuses.filter((s) => s.status !== 'dat');
  const months = new Set(periodMonths(d.period));
  const third: Block[] = behind.length === 0 ? [{ kind: 'para', text: 'Tất cả các tổ đều đạt tiến độ kế hoạch.' }] : [];
  behind.forEach((s, i) => {
    third.push({ kind: 'item', label: `${i + 1}.`, text: `${s.ten_to} (${s.ma_to}): ${STATUS_LABELS[s.status].toLowerCase()}.` });
    const lacks = s.targets.filter((r) => r.status !== 'dat').map((r) => describeTarget(r, d.indicators));
    const missing = s.missing.filter((m) => months.has(m));
    if (missing.length) lacks.push(`chưa nộp phiếu tháng ${missing.map(monthLabel).join(', ')}`);
    lacks.forEach((text, k) => third.push({ kind: 'sub', text: `${text}${k === lacks.length - 1 ? '.' : ';'}` }));
  });
  sections.push({ heading: 'III. CÁC TỔ CHẬM TIẾN ĐỘ HOẶC CHƯA BÁO CÁO', blocks: third });

  // IV. Tasks
  const tasks: string[] = [];
  // The teams missing a form due in the period, by name: the same ones I.3 and III count.
  const late = d.statuses.filter((s) => s.missing.some((m) => months.has(m))).map((s) => s.ten_to);
  const deadline = d.plan.deadline_day ? ` trước ngày ${d.plan.deadline_day} của tháng cuối quý` : ' đúng hạn';
  tasks.push(
    late.length
      ? `Đôn đốc các tổ nộp phiếu báo cáo tháng${deadline}; các tổ còn thiếu phiếu trong kỳ: ${late.join(', ')}.`
      : `Đã nhận đủ phiếu báo cáo tháng của các tổ trong kỳ; tiếp tục đôn đốc các tổ nộp phiếu${deadline}.`,
  );
  if (behind.length) tasks.push(`Kiểm tra, hỗ trợ ${behind.length} tổ chậm tiến độ hoặc chưa báo cáo (mục III) để bảo đảm chỉ tiêu kế hoạch.`);
  const untrained = d.members.active - d.members.trained;
  if (untrained > 0) tasks.push(`Tổ chức tập huấn kỹ năng số cho ${formatInt(untrained)} thành viên chưa được tập huấn.`);
  tasks.push(
    'Tiếp tục "đi từng ngõ, gõ từng nhà, hướng dẫn từng người" sử dụng VNeID, dịch vụ công trực tuyến, thanh toán ' +
      'không dùng tiền mặt và kỹ năng an toàn trên không gian mạng, hưởng ứng phong trào "Bình dân học vụ số".',
  );
  sections.push({
    heading: `IV. NHIỆM VỤ TRỌNG TÂM ${periodPhrase(nextPeriod(d.period)).toLocaleUpperCase('vi')}`,
    blocks: tasks.map((text, i) => ({ kind: 'item', label: `${i + 1}.`, text })),
  });

  // V. Proposals: the officer's own words.
  sections.push({ heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ', blocks: [{ kind: 'placeholder', text: '[CÁN BỘ PHỤ TRÁCH ĐIỀN NỘI DUNG ĐỀ XUẤT, KIẾN NGHỊ TRƯỚC KHI TRÌNH KÝ]' }] });

  const province = d.unit.province ? `tỉnh ${d.unit.province}` : 'tỉnh';
  const recipient = opts.recipient?.trim();
  // Names, notes and the unit's own lines are untrusted text: the report (text or Word, e-mailed
  // on) carries none of the characters a terminal or a viewer would act on.
  return printableDeep({
    agency: agencyLines(d.unit.agency),
    number: 'Số: …/BC-UBND',
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    placeDate: placeDateLine(placeName(d.unit.name), d.now),
    title: 'BÁO CÁO',
    summary: `Kết quả hoạt động của Tổ Công nghệ số cộng đồng ${phrase}`,
    recipient: recipient ? recipient : null,
    intro:
      `Thực hiện ${d.plan.name}, Ủy ban nhân dân ${d.unit.name} báo cáo kết quả hoạt động của các Tổ Công nghệ số ` +
      `cộng đồng ${phrase} (số liệu tổng hợp từ phiếu báo cáo tháng của các tổ, ${asOfPhrase(d)}) như sau:`,
    sections,
    closing: `Trên đây là báo cáo kết quả hoạt động của Tổ Công nghệ số cộng đồng ${phrase} của Ủy ban nhân dân ${d.unit.name}.`,
    recipients: {
      title: 'Nơi nhận:',
      items: [`- Sở Khoa học và Công nghệ ${province};`, `- TT Đảng ủy, HĐND ${unitWord};`, `- Chủ tịch, các PCT UBND ${unitWord};`, '- Lưu: VT, VHXH.'],
    },
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Ký, ghi rõ họ tên, đóng dấu)'], name: DOTS },
    preparedBy: d.unit.officer ? `Người lập báo cáo: ${d.unit.officer}` : null,
  });
}
