// What the province's period report says: the same ReportModel as a commune's (model.ts), so the
// .txt (render.ts) and the .docx (docx.ts) lay it out by the same rules — only the words and the
// numbers are the province's: its communes, the indicators totalled across them, the communes
// that have not sent or are behind.
import { STATUS_LABELS } from '../../domain/labels.js';
import { monthLabel } from '../../domain/period.js';
import { lastQuarterEnded } from '../../domain/province.js';
import { STATUS_ORDER, type Status } from '../../domain/targets.js';
import { formatDate, formatInt, formatPercent, printableDeep, todayIso } from '../../domain/text.js';
import { type Block, DOTS, type ReportModel, agencyLines, asOfPhrase, nextPeriod, periodPhrase, placeDateLine, placeName } from './model.js';
import type { ProvinceReportData } from './province-data.js';

const n0 = (v: number | null) => (v === null ? '' : formatInt(v));
const items = (texts: readonly string[]): Block[] => texts.map((text, i) => ({ kind: 'item', label: `${i + 1}.`, text }));

export function buildProvinceReport(d: ProvinceReportData, opts: { recipient?: string | null } = {}): ReportModel {
  const phrase = periodPhrase(d.period);
  const city = d.province.name.startsWith('thành phố');
  const word = city ? 'thành phố' : 'tỉnh';
  const sent = d.units.filter((u) => u.sent);
  const notSent = d.units.filter((u) => !u.sent);
  const behind = sent.filter((u) => u.status !== 'dat');
  const sections: ReportModel['sections'] = [];

  // I. Situation: communes received and sent; their teams and forms; communes by status.
  const teams: Record<Status, number> = { dat: 0, cham: 0, cham_nhieu: 0, chua_bao_cao: 0 };
  let due = 0;
  let received = 0;
  // Teams and forms of the communes that sent the quarter: one not sent would count as unreported.
  for (const u of sent) {
    for (const s of STATUS_ORDER) teams[s] += u.teams[s];
    due += u.completeness.due;
    received += u.completeness.received;
  }
  const byStatus: Record<Status, number> = { dat: 0, cham: 0, cham_nhieu: 0, chua_bao_cao: 0 };
  for (const u of sent) byStatus[u.status]++;
  const teamCount = STATUS_ORDER.reduce((n, s) => n + teams[s], 0);
  const first =
    d.units.length === 0
      ? `Đến nay ${word} chưa nhận tệp tổng hợp nào của xã, phường.`
      : `${cap(word)} đã nhận tệp tổng hợp của ${formatInt(d.units.length)} xã, phường; ${formatInt(sent.length)} xã, phường đã gửi số liệu ` +
        `đến hết tháng ${monthLabel(lastQuarterEnded(d.asOf))}, ${formatInt(notSent.length)} xã, phường chưa gửi.`;
  sections.push({
    heading: 'I. TÌNH HÌNH CHUNG',
    blocks: items([
      first,
      `Các xã, phường đã gửi số liệu có ${formatInt(teamCount)} Tổ Công nghệ số cộng đồng đang hoạt động: ${teams.dat} tổ đạt tiến độ, ${teams.cham} tổ chậm, ` +
        `${teams.cham_nhieu} tổ chậm nhiều, ${teams.chua_bao_cao} tổ chưa báo cáo.`,
      `Phiếu báo cáo tháng các tổ đã nộp: ${formatInt(received)}/${formatInt(due)} phiếu phải nộp` + (due ? ` (${formatPercent(received / due)}).` : '.'),
      `Đánh giá các xã, phường đã gửi số liệu theo kế hoạch của từng xã, phường (${asOfPhrase(d)}; một xã, phường lấy trạng thái của tổ kém nhất): ` +
        `${byStatus.dat} đạt tiến độ, ${byStatus.cham} chậm, ${byStatus.cham_nhieu} chậm nhiều, ${byStatus.chua_bao_cao} chưa báo cáo.`,
    ]),
  });

  // II. Results: every indicator totalled across communes.
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
          { title: 'Số xã có số liệu', align: 'right' },
        ],
        rows: d.totals.map((r, i) => [
          String(i + 1),
          r.indicator.label + (r.indicator.aggregation === 'last' ? ' (*)' : ''),
          r.indicator.unit,
          n0(r.period),
          n0(r.cumulative),
          `${r.communes}/${d.units.length}`,
        ]),
      },
      {
        kind: 'note',
        label: 'Ghi chú:',
        text: `Lũy kế: từ tháng ${monthLabel(d.cumulativeFrom)} đến hết tháng ${monthLabel(d.asOf)}. Ô để trống: chưa có xã, phường nào báo cáo. Số liệu theo tệp tổng hợp ${word} đang giữ của từng xã, phường.`,
      },
      {
        kind: 'note',
        label: null,
        text: '(*) Chỉ số tính theo số hiện có: mỗi tổ lấy số báo cáo mới nhất trong khoảng thời gian rồi cộng các tổ của mọi xã, phường; các chỉ số khác cộng dồn số báo cáo của các tháng.',
      },
    ],
  });

  // III. The communes not sending, then those behind.
  const third: Block[] = [];
  const behindTeams = (u: (typeof d.units)[number]) => u.teams.cham + u.teams.cham_nhieu + u.teams.chua_bao_cao;
  [...notSent, ...behind].forEach((u, i) => {
    const held = `tệp đang giữ: kỳ ${u.received.period}, lập ngày ${formatDate(todayIso(new Date(u.received.created)))}`;
    const text = u.sent
      ? `${u.unit} (mã ${u.unit_code}): ${STATUS_LABELS[u.status].toLowerCase()} (theo tổ kém nhất); ${behindTeams(u)} tổ chưa đạt tiến độ ` +
        `(${u.teams.cham} chậm, ${u.teams.cham_nhieu} chậm nhiều, ${u.teams.chua_bao_cao} chưa báo cáo); phiếu đã nhận ${u.completeness.received}/${u.completeness.due}.`
      : `${u.unit} (mã ${u.unit_code}): chưa gửi số liệu đến hết tháng ${monthLabel(lastQuarterEnded(d.asOf))} (${held}).`;
    third.push({ kind: 'item', label: `${i + 1}.`, text });
  });
  if (third.length === 0)
    third.push({ kind: 'para', text: d.units.length ? 'Tất cả các xã, phường đều đã gửi số liệu và đạt tiến độ kế hoạch.' : `${cap(word)} chưa nhận số liệu của xã, phường nào.` });
  sections.push({ heading: 'III. CÁC XÃ, PHƯỜNG CHƯA GỬI SỐ LIỆU HOẶC CHẬM TIẾN ĐỘ', blocks: third });

  // IV. Tasks, from what III found.
  const tasks: string[] = [];
  if (notSent.length) tasks.push(`Đôn đốc các xã, phường chưa gửi tệp tổng hợp: ${notSent.map((u) => u.unit).join(', ')}.`);
  if (behind.length) tasks.push(`Kiểm tra, hỗ trợ ${behind.length} xã, phường chậm tiến độ (mục III) để bảo đảm chỉ tiêu kế hoạch.`);
  tasks.push(
    'Tiếp tục chỉ đạo các Tổ Công nghệ số cộng đồng "đi từng ngõ, gõ từng nhà, hướng dẫn từng người" sử dụng VNeID, dịch vụ công trực tuyến, ' +
      'thanh toán không dùng tiền mặt và kỹ năng an toàn trên không gian mạng, hưởng ứng phong trào "Bình dân học vụ số".',
  );
  sections.push({ heading: `IV. NHIỆM VỤ TRỌNG TÂM ${periodPhrase(nextPeriod(d.period)).toLocaleUpperCase('vi')}`, blocks: items(tasks) });
  sections.push({ heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ', blocks: [{ kind: 'placeholder', text: '[CÁN BỘ PHỤ TRÁCH ĐIỀN NỘI DUNG ĐỀ XUẤT, KIẾN NGHỊ TRƯỚC KHI TRÌNH KÝ]' }] });

  const recipient = opts.recipient?.trim();
  const party = city ? 'Thành ủy' : 'Tỉnh ủy';
  // Commune names came in bundles: untrusted text, printed clean (as the commune report does).
  return printableDeep({
    agency: agencyLines(d.province.agency),
    number: 'Số: …/BC-UBND',
    motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    placeDate: placeDateLine(placeName(d.province.name), d.now),
    title: 'BÁO CÁO',
    summary: `Kết quả hoạt động của Tổ Công nghệ số cộng đồng các xã, phường ${phrase}`,
    recipient: recipient ? recipient : null,
    intro:
      `Ủy ban nhân dân ${d.province.name} báo cáo kết quả hoạt động của các Tổ Công nghệ số cộng đồng trên địa bàn ${phrase} ` +
      `(số liệu tổng hợp từ tệp tổng hợp các xã, phường gửi lên, ${asOfPhrase(d)}) như sau:`,
    sections,
    closing: `Trên đây là báo cáo kết quả hoạt động của Tổ Công nghệ số cộng đồng các xã, phường ${phrase} của Ủy ban nhân dân ${d.province.name}.`,
    recipients: {
      title: 'Nơi nhận:',
      items: ['- Bộ Khoa học và Công nghệ;', `- TT ${party}, HĐND ${word};`, `- Chủ tịch, các PCT UBND ${word};`, '- Sở Khoa học và Công nghệ;', '- Lưu: VT, KGVX.'],
    },
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '(Ký, ghi rõ họ tên, đóng dấu)'], name: DOTS },
    preparedBy: d.province.officer ? `Người lập báo cáo: ${d.province.officer}` : null,
  });
}

function cap(s: string): string {
  return s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s;
}
