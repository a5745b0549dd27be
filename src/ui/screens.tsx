// Which component draws which screen, and its title in the header.
import type { ReactNode } from 'react';
import type { Screen } from './context.js';
import type { ScreenName } from './keys/table.js';
import { HomeScreen } from './home/index.js';
import { TeamStatusScreen } from './team-status/index.js';
import { CommuneScreen } from './commune/index.js';
import { RankingScreen } from './ranking/index.js';
import { BackupScreen } from './backup/index.js';
import { MemberFormScreen } from './member-form/index.js';
import { MoveMemberScreen } from './move-member/index.js';
import { TeamFormScreen } from './team-form/index.js';
import { TeamScreen } from './team/index.js';
import { TeamsScreen } from './teams/index.js';
import { TrainingScreen } from './training/index.js';
import { EntryPickScreen } from './entry-pick/index.js';
import { EntryScreen } from './entry/index.js';
import { GridScreen } from './grid/index.js';
import { HistoryScreen } from './history/index.js';
import { ImportScreen } from './import/index.js';
import { ExportScreen } from './export/index.js';
import { PlanScreen } from './plan/index.js';

export const SCREEN_TITLES: Record<ScreenName, string> = {
  loading: 'Đang mở dữ liệu',
  wizard: 'Khởi tạo lần đầu',
  home: 'Tình hình thực hiện',
  teamStatus: 'Chi tiết chỉ tiêu của tổ',
  commune: 'Tổng hợp toàn xã/phường',
  ranking: 'Xếp hạng Tổ CNSCĐ tiêu biểu',
  teams: 'Danh sách tổ',
  team: 'Thông tin tổ',
  teamForm: 'Thông tin tổ',
  memberForm: 'Thành viên',
  training: 'Ghi tập huấn',
  moveMember: 'Chuyển tổ',
  entryPick: 'Nhập phiếu: chọn tháng và tổ',
  entry: 'Nhập phiếu báo cáo tháng',
  grid: 'Bảng số liệu tháng',
  history: 'Lịch sử thay đổi',
  import: 'Nhập tệp CSV',
  export: 'Xuất tệp',
  backup: 'Sao lưu và khôi phục',
  plan: 'Kế hoạch và chỉ tiêu',
  province: 'Các xã/phường đã gửi tệp tổng hợp',
  provinceTotals: 'Tổng hợp toàn tỉnh',
  bundleImport: 'Nhận tệp tổng hợp của xã/phường',
  confirm: 'Xác nhận',
  help: 'Phím tắt',
};

export function renderScreen(screen: Screen): ReactNode {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'teamStatus':
      return <TeamStatusScreen teamId={screen.teamId} asOf={screen.asOf} />;
    case 'commune':
      return <CommuneScreen asOf={screen.asOf} />;
    case 'ranking':
      return <RankingScreen />;
    case 'entryPick':
      return <EntryPickScreen month={screen.month} />;
    case 'entry':
      return <EntryScreen teamId={screen.teamId} month={screen.month} />;
    case 'grid':
      return <GridScreen month={screen.month} />;
    case 'history':
      return <HistoryScreen teamId={screen.teamId} month={screen.month} />;
    case 'teams':
      return <TeamsScreen />;
    case 'team':
      return <TeamScreen teamId={screen.teamId} />;
    case 'teamForm':
      return <TeamFormScreen teamId={screen.teamId} />;
    case 'memberForm':
      return <MemberFormScreen teamId={screen.teamId} memberId={screen.memberId} />;
    case 'training':
      return <TrainingScreen teamId={screen.teamId} memberIds={screen.memberIds} />;
    case 'moveMember':
      return <MoveMemberScreen teamId={screen.teamId} memberId={screen.memberId} />;
    case 'import':
      return <ImportScreen />;
    case 'export':
      return <ExportScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'plan':
      return <PlanScreen />;
    default: {
      // Every screen has its component: a new Screen without a case does not compile.
      const missing: never = screen;
      return missing;
    }
  }
}
