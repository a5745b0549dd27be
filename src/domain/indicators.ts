// The standard indicators every preset uses (domain.md, "Standard indicators").
import type { Indicator, Plan } from './schemas.js';

export const STANDARD_INDICATORS: readonly Indicator[] = [
  { code: 'ho_huong_dan', label: 'Số hộ được hướng dẫn kỹ năng số (lần đầu trong kỳ kế hoạch)', unit: 'hộ', aggregation: 'sum' },
  { code: 'luot_ho_tro', label: 'Số lượt người dân được hỗ trợ', unit: 'lượt', aggregation: 'sum' },
  { code: 'ho_dung_nen_tang', label: 'Số hộ sử dụng ít nhất một nền tảng số thiết yếu', unit: 'hộ', aggregation: 'last' },
  { code: 'ho_tuyen_truyen', label: 'Số hộ được tuyên truyền', unit: 'hộ', aggregation: 'last' },
  { code: 'vneid_muc2', label: 'Số tài khoản định danh điện tử mức 2 được kích hoạt', unit: 'tài khoản', aggregation: 'sum' },
  { code: 'ho_so_dvc', label: 'Số hồ sơ dịch vụ công trực tuyến được hỗ trợ nộp', unit: 'hồ sơ', aggregation: 'sum' },
  { code: 'chu_ky_so', label: 'Số chứng thư chữ ký số được tạo lập', unit: 'chứng thư', aggregation: 'sum' },
  { code: 'tk_thanh_toan', label: 'Số tài khoản thanh toán điện tử được mở', unit: 'tài khoản', aggregation: 'sum' },
  { code: 'ocop_len_san', label: 'Số sản phẩm OCOP đưa lên sàn TMĐT', unit: 'sản phẩm', aggregation: 'last' },
  { code: 'nguoi_pho_cap', label: 'Số người được xác nhận phổ cập kỹ năng số trên VNeID', unit: 'người', aggregation: 'last' },
  { code: 'nguoi_co_smartphone', label: 'Số người trưởng thành có điện thoại thông minh', unit: 'người', aggregation: 'last' },
  { code: 'ngay_hoat_dong', label: 'Số ngày hoạt động trong tháng', unit: 'ngày', aggregation: 'sum' },
  { code: 'gio_hoat_dong', label: 'Số giờ hoạt động trong tháng', unit: 'giờ', aggregation: 'sum' },
];

/** Standard indicators first (fixed order of the paper form), then the plan's own. */
export function planIndicators(plan: Pick<Plan, 'indicators'>): Indicator[] {
  const std = new Set(STANDARD_INDICATORS.map((i) => i.code));
  return [...STANDARD_INDICATORS, ...plan.indicators.filter((i) => !std.has(i.code))];
}

/** Short column titles for grids and the report (the full label is in help and the form). */
export const SHORT_LABELS: Record<string, string> = {
  ho_huong_dan: 'Hộ HD',
  luot_ho_tro: 'Lượt HT',
  ho_dung_nen_tang: 'Hộ NTS',
  ho_tuyen_truyen: 'Hộ TT',
  vneid_muc2: 'VNeID2',
  ho_so_dvc: 'Hồ sơ',
  chu_ky_so: 'CKS',
  tk_thanh_toan: 'TK TT',
  ocop_len_san: 'OCOP',
  nguoi_pho_cap: 'Phổ cập',
  nguoi_co_smartphone: 'ĐTTM',
  ngay_hoat_dong: 'Ngày',
  gio_hoat_dong: 'Giờ',
  ho_dung_dvc: 'Hộ DVC',
  nguoi_dinh_danh_muc2: 'ĐD mức2',
  nguoi_co_tk_thanh_toan: 'Người TT',
};

export function shortLabel(ind: Pick<Indicator, 'code'>): string {
  return SHORT_LABELS[ind.code] ?? ind.code.slice(0, 8);
}
