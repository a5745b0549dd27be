// Which component draws which screen, and its title in the header. Home's code loads before the
// first frame; every other screen's when it is first shown or preloaded (lazyScreen.tsx).
import type { ReactNode } from 'react';
import type { Screen } from './context.js';
import type { ScreenName } from './keys/table.js';
import { HomeScreen } from './home/index.js';
import { lazyScreen } from './lazyScreen.js';
const TeamStatusScreen = lazyScreen(() => import('./team-status/index.js').then((m) => m.TeamStatusScreen));
const CommuneScreen = lazyScreen(() => import('./commune/index.js').then((m) => m.CommuneScreen));
const RankingScreen = lazyScreen(() => import('./ranking/index.js').then((m) => m.RankingScreen));
const BackupScreen = lazyScreen(() => import('./backup/index.js').then((m) => m.BackupScreen));
const MemberFormScreen = lazyScreen(() => import('./member-form/index.js').then((m) => m.MemberFormScreen));
const MoveMemberScreen = lazyScreen(() => import('./move-member/index.js').then((m) => m.MoveMemberScreen));
const TeamFormScreen = lazyScreen(() => import('./team-form/index.js').then((m) => m.TeamFormScreen));
const TeamScreen = lazyScreen(() => import('./team/index.js').then((m) => m.TeamScreen));
const TeamsScreen = lazyScreen(() => import('./teams/index.js').then((m) => m.TeamsScreen));
const TrainingScreen = lazyScreen(() => import('./training/index.js').then((m) => m.TrainingScreen));
const EntryPickScreen = lazyScreen(() => import('./entry-pick/index.js').then((m) => m.EntryPickScreen));
const EntryScreen = lazyScreen(() => import('./entry/index.js').then((m) => m.EntryScreen));
const GridScreen = lazyScreen(() => import('./grid/index.js').then((m) => m.GridScreen));
const HistoryScreen = lazyScreen(() => import('./history/index.js').then((m) => m.HistoryScreen));
const ImportScreen = lazyScreen(() => import('./import/index.js').then((m) => m.ImportScreen));
const ExportScreen = lazyScreen(() => import('./export/index.js').then((m) => m.ExportScreen));
const PlanScreen = lazyScreen(() => import('./plan/index.js').then((m) => m.PlanScreen));

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

// Every screen is listed (a new one without an entry does not compile): a lazy one left out here
// would be pushed before its code loaded, and the keys typed meanwhile would reach nothing.
const LAZY: Record<Screen['name'], { loading(): Promise<unknown> | null } | null> = {
  home: null, // loaded before the first frame
  teamStatus: TeamStatusScreen,
  commune: CommuneScreen,
  ranking: RankingScreen,
  backup: BackupScreen,
  memberForm: MemberFormScreen,
  moveMember: MoveMemberScreen,
  teamForm: TeamFormScreen,
  team: TeamScreen,
  teams: TeamsScreen,
  training: TrainingScreen,
  entryPick: EntryPickScreen,
  entry: EntryScreen,
  grid: GridScreen,
  history: HistoryScreen,
  import: ImportScreen,
  export: ExportScreen,
  plan: PlanScreen,
};

/** Null when the screen's code is there; else its loading (lazyScreen.tsx). */
export function screenLoading(screen: Screen): Promise<unknown> | null {
  return LAZY[screen.name]?.loading() ?? null;
}

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
