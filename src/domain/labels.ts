// Vietnamese words and symbols for statuses and target kinds. Symbols carry the meaning
// when colour is off (NO_COLOR) or the terminal cannot show it.
import type { TargetKind } from './schemas.js';
import type { Status } from './targets.js';

export const STATUS_LABELS: Record<Status, string> = {
  dat: 'Đạt',
  cham: 'Chậm',
  cham_nhieu: 'Chậm nhiều',
  chua_bao_cao: 'Chưa báo cáo',
};

export const STATUS_SYMBOLS: Record<Status, string> = {
  dat: '✓',
  cham: '!',
  cham_nhieu: '✗',
  chua_bao_cao: '?',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  per_quarter: 'Mỗi quý tối thiểu',
  per_member: 'Theo số thành viên',
  share: 'Tỉ lệ trên địa bàn',
  monthly_min: 'Mỗi tháng tối thiểu',
  team_size: 'Số thành viên tối thiểu',
  trained: 'Tỉ lệ thành viên được tập huấn',
  leadership: 'Có Tổ trưởng và Tổ phó',
};
