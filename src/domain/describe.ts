// A target's result in words, as the officer would say it: "còn thiếu 17 lượt hỗ trợ so với
// tiến độ quý". Used by the dashboard, `tonghop status` and the report.
import type { Indicator } from './schemas.js';
import type { TargetResult } from './targets.js';
import { formatDecimal, formatInt, formatPercent } from './text.js';

/** What one unit of each standard indicator is, as a noun phrase. */
const NOUNS: Record<string, string> = {
  ho_huong_dan: 'hộ được hướng dẫn',
  luot_ho_tro: 'lượt hỗ trợ',
  ho_dung_nen_tang: 'hộ dùng nền tảng số',
  ho_tuyen_truyen: 'hộ được tuyên truyền',
  vneid_muc2: 'tài khoản VNeID mức 2',
  ho_so_dvc: 'hồ sơ DVC trực tuyến',
  chu_ky_so: 'chứng thư chữ ký số',
  tk_thanh_toan: 'tài khoản thanh toán',
  ocop_len_san: 'sản phẩm OCOP lên sàn',
  nguoi_pho_cap: 'người được phổ cập kỹ năng số',
  nguoi_co_smartphone: 'người có điện thoại thông minh',
  ngay_hoat_dong: 'ngày hoạt động',
  gio_hoat_dong: 'giờ hoạt động',
  ho_dung_dvc: 'hộ dùng DVC trực tuyến mức 3, 4',
  nguoi_dinh_danh_muc2: 'người có định danh mức 2',
  nguoi_co_tk_thanh_toan: 'người có tài khoản thanh toán',
};

export function indicatorNoun(code: string | null, indicators?: ReadonlyMap<string, Indicator>): string {
  if (!code) return '';
  const ind = indicators?.get(code);
  return NOUNS[code] ?? (ind ? `${ind.unit} (${ind.label.toLocaleLowerCase('vi')})` : code);
}

const num = (n: number) => (Number.isInteger(n) ? formatInt(n) : formatDecimal(n, 1));

/** One line saying where the target stands. */
export function describeTarget(t: TargetResult, indicators?: ReadonlyMap<string, Indicator>): string {
  const noun = indicatorNoun(t.chi_so, indicators);
  if (t.actual === null) {
    // The window the target reads (domain.md): M alone, M's quarter so far, or the span so far.
    const window = t.kind === 'monthly_min' ? 'tháng này' : t.kind === 'per_quarter' ? 'nào trong quý' : 'nào trong kỳ';
    return `chưa có phiếu báo cáo ${window} (${noun})`;
  }
  const a = t.actual;
  const gap = Math.ceil(t.expected - a - 1e-9);
  switch (t.kind) {
    case 'per_quarter':
      return gap > 0
        ? `còn thiếu ${formatInt(gap)} ${noun} so với tiến độ quý (${num(a)}/${num(t.expected)})`
        : `đạt ${num(a)} ${noun} trong quý (tiến độ ${num(t.expected)})`;
    case 'per_member':
      return gap > 0
        ? `còn thiếu ${formatInt(gap)} ${noun} so với tiến độ (${num(a)}/${num(t.expected)}; cả kỳ ${num(t.target)})`
        : `đạt ${num(a)} ${noun} (tiến độ ${num(t.expected)}; cả kỳ ${num(t.target)})`;
    case 'share':
      return `${formatPercent(a)} ${noun}, tiến độ cần ${formatPercent(t.expected)} (mục tiêu ${formatPercent(t.target, 0)})`;
    case 'monthly_min':
      return gap > 0 ? `trong tháng mới có ${num(a)}/${num(t.target)} ${noun}` : `đủ ${num(a)}/${num(t.target)} ${noun} trong tháng`;
    case 'team_size':
      return gap > 0 ? `mới có ${num(a)}/${num(t.target)} thành viên` : `đủ ${num(a)} thành viên (tối thiểu ${num(t.target)})`;
    case 'trained':
      return `${formatPercent(a)} thành viên đã được tập huấn, tiến độ cần ${formatPercent(t.expected)}`;
    case 'leadership':
      return a >= 1 ? 'có đủ Tổ trưởng và Tổ phó' : 'chưa có đủ Tổ trưởng và Tổ phó';
  }
}

/** The target a team most needs to work on: no data first, then the lowest ratio. */
export function worstTarget(targets: readonly TargetResult[]): TargetResult | null {
  let worst: TargetResult | null = null;
  for (const t of targets) {
    if (!worst) worst = t;
    else if (t.ratio === null && worst.ratio !== null) worst = t;
    else if (t.ratio !== null && worst.ratio !== null && t.ratio < worst.ratio) worst = t;
  }
  return worst;
}
