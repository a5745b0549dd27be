// THE key table: every key the officer can press, on which screens, and what it does (in
// Vietnamese). The footer hints, the `?` help overlay and every key named in a screen's text
// (keys/hint.ts) are generated from it; a test checks that no key is bound twice on a screen and
// that every binding has a description. Binding ids are a type derived from this table: a screen's
// useKeys accepts only the ids bound on that screen (see BindingOn).
import type { KeySpec } from './keymap.js';

export const SCREENS = [
  'loading',
  'wizard',
  'home',
  'teamStatus',
  'commune',
  'ranking',
  'teams',
  'team',
  'teamForm',
  'memberForm',
  'training',
  'moveMember',
  'entryPick',
  'entry',
  'grid',
  'history',
  'import',
  'export',
  'backup',
  'plan',
  // A province database's first screen: its communes.
  'province',
  // The province's totals of every indicator across its communes.
  'provinceTotals',
  // The province's import of the communes' bundles from a folder.
  'bundleImport',
  // Not screens: the yes/no or one-line question the shell asks over any screen, and the `?`
  // help drawn over it.
  'confirm',
  'help',
] as const;
export type ScreenName = (typeof SCREENS)[number];

interface BindingDef {
  id: string;
  keys: readonly KeySpec[];
  /** One or two words for the footer. */
  label: string;
  /** A full sentence for the help overlay. */
  description: string;
  screens: readonly ScreenName[] | 'all';
  /** Shown in the footer (the help always shows every binding). */
  footer?: boolean;
  /** Footer order: lower first (default 0, table order within a rank). */
  hintRank?: number;
  /** The footer names only the first of the keys that act now (the help lists them all). */
  hintFirstKey?: boolean;
  /** It writes the database (or opens a screen only for writing): off for a role that may only read. */
  writes?: true;
}

const c = (char: string): KeySpec => ({ char });
const k = (name: KeySpec['name']): KeySpec => ({ name });
const ctrl = (char: string): KeySpec => ({ char, ctrl: true });

const LISTS = ['home', 'teams', 'team', 'ranking', 'history', 'entryPick', 'backup', 'province'] as const;
/** Pages that scroll as a whole (no row is selected). */
const PAGES = ['teamStatus', 'commune', 'provinceTotals', 'bundleImport', 'help'] as const;
const FORMS = ['wizard', 'teamForm', 'memberForm', 'training', 'moveMember', 'entry', 'import', 'export', 'plan'] as const;

export const BINDINGS = [
  // Everywhere
  // Ctrl+G: `?` types a "?" while a text field is being typed into; Ctrl+G never types anything.
  { id: 'help', keys: [c('?'), ctrl('g')], label: 'Trợ giúp', description: 'Hiện hoặc ẩn bảng phím tắt của màn hình này (Ctrl+G cả khi đang gõ vào một ô)', screens: 'all', footer: true, hintFirstKey: true },
  { id: 'back', keys: [c('q'), k('escape')], label: 'Quay lại', description: 'Quay lại màn hình trước (ở màn hình chính: thoát, hỏi lại nếu còn dữ liệu chưa lưu)', screens: 'all', footer: true },
  { id: 'quit', keys: [ctrl('c')], label: 'Thoát', description: 'Thoát chương trình (mọi số đã rời ô đều đã được lưu; hỏi lại nếu còn dữ liệu đang gõ dở, Ctrl+C lần nữa để thoát ngay)', screens: 'all' },
  { id: 'confirmYes', keys: [c('y'), k('enter')], label: 'Đồng ý', description: 'Trả lời "có" (hoặc nhận nội dung vừa gõ)', screens: ['confirm'], footer: true },
  { id: 'confirmNo', keys: [c('n')], label: 'Không', description: 'Trả lời "không" và quay lại việc đang làm', screens: ['confirm'], footer: true },

  // Moving in lists
  { id: 'up', keys: [k('up')], label: 'Lên', description: 'Chọn dòng trên', screens: [...LISTS, 'grid', 'wizard', 'export', 'import'] },
  { id: 'down', keys: [k('down')], label: 'Xuống', description: 'Chọn dòng dưới', screens: [...LISTS, 'grid', 'wizard', 'export', 'import'] },
  { id: 'pageUp', keys: [k('pageUp')], label: 'Trang trước', description: 'Lên một trang', screens: [...LISTS, 'grid', 'import'] },
  { id: 'pageDown', keys: [k('pageDown')], label: 'Trang sau', description: 'Xuống một trang', screens: [...LISTS, 'grid', 'import'] },
  { id: 'scrollUp', keys: [k('up')], label: 'Cuộn lên', description: 'Cuộn lên một dòng', screens: PAGES },
  { id: 'scrollDown', keys: [k('down')], label: 'Cuộn xuống', description: 'Cuộn xuống một dòng', screens: PAGES },
  { id: 'scrollPageUp', keys: [k('pageUp')], label: 'Trang trước', description: 'Cuộn lên một trang', screens: PAGES },
  { id: 'scrollPageDown', keys: [k('pageDown')], label: 'Trang sau', description: 'Cuộn xuống một trang', screens: PAGES },
  { id: 'open', keys: [k('enter')], label: 'Mở', description: 'Mở mục đang chọn (ở tỉnh: bảng tình hình của xã/phường, chỉ xem)', screens: ['home', 'teams', 'team', 'ranking', 'entryPick', 'province'], footer: true },
  { id: 'filter', keys: [c('/')], label: 'Lọc', description: 'Gõ để lọc theo tên hoặc mã (không phân biệt dấu, hoa thường: "dong" tìm được "Đông")', screens: ['home', 'teams', 'ranking'], footer: true },

  // Month and status navigation
  { id: 'prevMonth', keys: [k('left')], label: 'Tháng trước', description: 'Xem tháng trước', screens: ['home', 'commune', 'teamStatus', 'entryPick', 'provinceTotals'], footer: true },
  { id: 'nextMonth', keys: [k('right')], label: 'Tháng sau', description: 'Xem tháng sau', screens: ['home', 'commune', 'teamStatus', 'entryPick', 'provinceTotals'] },
  { id: 'statusFilter', keys: [c('s')], label: 'Trạng thái', description: 'Lọc theo trạng thái: tất cả → chưa báo cáo → chậm nhiều → chậm → đạt', screens: ['home'], footer: true },

  // Home: where to go
  { id: 'goEntry', keys: [c('n')], label: 'Nhập phiếu', description: 'Nhập phiếu báo cáo tháng từ giấy', screens: ['home', 'team', 'teamStatus'], footer: true, hintRank: -1, writes: true },
  { id: 'goGrid', keys: [c('g')], label: 'Bảng tháng', description: 'Bảng số liệu cả tháng: mọi tổ × mọi chỉ số, sửa tại chỗ', screens: ['home'], footer: true, hintRank: -1, writes: true },
  { id: 'goTeams', keys: [c('t')], label: 'Các tổ', description: 'Danh sách tổ và thành viên', screens: ['home'], footer: true, hintRank: -1 },
  { id: 'goCommune', keys: [c('c')], label: 'Toàn xã', description: 'Tổng hợp toàn xã/phường: tháng, quý, năm so với kế hoạch', screens: ['home'] },
  { id: 'goRanking', keys: [c('k')], label: 'Khen thưởng', description: 'Xếp hạng "Tổ CNSCĐ tiêu biểu" cuối năm', screens: ['home'] },
  { id: 'goImport', keys: [c('i')], label: 'Nhập CSV', description: 'Nhập tổ, thành viên hoặc số liệu từ tệp CSV hoặc sổ Excel', screens: ['home'], writes: true },
  { id: 'goExport', keys: [c('x')], label: 'Xuất', description: 'Xuất số liệu CSV hoặc báo cáo văn bản', screens: ['home'], footer: true, hintRank: -1 },
  { id: 'goBackup', keys: [c('b')], label: 'Sao lưu', description: 'Sao lưu và khôi phục dữ liệu', screens: ['home'] },
  { id: 'goPlan', keys: [c('p')], label: 'Kế hoạch', description: 'Xem và sửa kế hoạch: tên, kỳ, hạn báo cáo, con số của từng chỉ tiêu, ngưỡng đạt/chậm', screens: ['home'] },

  // The province
  { id: 'goProvinceTotals', keys: [c('c')], label: 'Toàn tỉnh', description: 'Tổng hợp các chỉ số của mọi xã/phường: tháng, quý, năm (chỉ số tồn: số mới nhất của từng tổ rồi cộng)', screens: ['province'], footer: true },

  { id: 'goProvinceReport', keys: [c('x')], label: 'Báo cáo', description: 'Ghi báo cáo của tỉnh cho một kỳ (tổng hợp các xã/phường, như lệnh tonghop export report): Word .docx hoặc văn bản .txt, vào thư mục chọn được; tệp cũ không bị ghi đè', screens: ['province'], footer: true },
  { id: 'goBundleImport', keys: [c('i')], label: 'Nhận tệp', description: 'Nhận tệp tổng hợp của các xã/phường: mọi tệp *_bundle.gz trong một thư mục, chạy thử trước rồi mới nhập', screens: ['province'], footer: true, writes: true },
  { id: 'checkBundles', keys: [k('enter')], label: 'Chạy thử', description: 'Đọc mọi tệp *_bundle.gz trong thư mục và cho biết sẽ nhận gì (chưa ghi gì vào dữ liệu)', screens: ['bundleImport'], footer: true },
  { id: 'importBundles', keys: [c('y')], label: 'Nhập', description: 'Nhập các tệp vừa chạy thử (mỗi tệp tất cả hoặc không có gì; tệp bị từ chối không làm thay đổi gì)', screens: ['bundleImport'], footer: true, writes: true },
  { id: 'editFolder', keys: [c('e')], label: 'Đổi thư mục', description: 'Sửa lại thư mục rồi chạy thử lại', screens: ['bundleImport'], footer: true },

  // Teams and members
  { id: 'addTeam', keys: [c('a')], label: 'Thêm tổ', description: 'Thêm một tổ mới', screens: ['teams'], footer: true, writes: true },
  { id: 'showDissolved', keys: [c('d')], label: 'Tổ đã giải thể', description: 'Hiện hoặc ẩn các tổ đã giải thể', screens: ['teams'] },
  { id: 'editTeam', keys: [c('e')], label: 'Sửa tổ', description: 'Sửa thông tin tổ (tên, địa bàn, số hộ, quyết định)', screens: ['teams', 'team'], footer: true, writes: true },
  { id: 'addMember', keys: [c('a')], label: 'Thêm TV', description: 'Thêm thành viên vào tổ', screens: ['team'], footer: true, writes: true },
  { id: 'editMember', keys: [c('m')], label: 'Sửa TV', description: 'Sửa thành viên đang chọn', screens: ['team'], writes: true },
  { id: 'moveMember', keys: [c('v')], label: 'Chuyển tổ', description: 'Chuyển thành viên đang chọn sang tổ khác', screens: ['team'], writes: true },
  { id: 'markMember', keys: [k('space')], label: 'Đánh dấu', description: 'Đánh dấu hoặc bỏ đánh dấu thành viên rồi xuống người tiếp theo (giữ phím để đánh dấu liền nhiều người; để ghi tập huấn hoặc đặt ngày tham gia cho nhiều người cùng lúc)', screens: ['team'] },
  { id: 'recordTraining', keys: [c('h')], label: 'Tập huấn', description: 'Ghi một buổi tập huấn cho các thành viên đã đánh dấu (hoặc đang chọn)', screens: ['team'], footer: true, writes: true },
  { id: 'setJoinedOn', keys: [c('t')], label: 'Ngày tham gia', description: 'Đặt một ngày tham gia cho các thành viên đã đánh dấu (hoặc đang chọn); để trống: đã ở tổ từ trước khi theo dõi', screens: ['team'], writes: true },
  { id: 'dissolveTeam', keys: [c('x')], label: 'Giải thể', description: 'Giải thể tổ (giữ nguyên lịch sử, không tính chỉ tiêu) hoặc khôi phục', screens: ['team'], writes: true },

  // Editing forms (team, member, training, wizard, entry)
  { id: 'nextField', keys: [k('tab'), k('enter')], label: 'Ô sau', description: 'Lưu ô này và sang ô sau', screens: FORMS, footer: true },
  { id: 'prevField', keys: [k('shiftTab')], label: 'Ô trước', description: 'Lưu ô này và về ô trước', screens: FORMS, footer: true },
  { id: 'fieldUp', keys: [k('up')], label: 'Ô trên', description: 'Về ô trên', screens: ['teamForm', 'memberForm', 'training', 'moveMember', 'entry', 'plan'] },
  { id: 'fieldDown', keys: [k('down')], label: 'Ô dưới', description: 'Sang ô dưới', screens: ['teamForm', 'memberForm', 'training', 'moveMember', 'entry', 'plan'] },
  { id: 'save', keys: [ctrl('s')], label: 'Lưu', description: 'Lưu cả biểu mẫu', screens: ['teamForm', 'memberForm', 'training', 'moveMember', 'wizard', 'plan'], footer: true, writes: true },
  { id: 'resetField', keys: [ctrl('r')], label: 'Giá trị mẫu', description: 'Đưa ô đang chọn về giá trị của kế hoạch mẫu (ngưỡng: mặc định 100% và 70%); Ctrl+S mới lưu', screens: ['plan'] },
  { id: 'choicePrev', keys: [k('left')], label: 'Chọn', description: 'Ở ô lựa chọn: giá trị trước', screens: ['teamForm', 'memberForm', 'training', 'wizard', 'export', 'import'] },
  { id: 'choiceNext', keys: [k('right')], label: 'Chọn', description: 'Ở ô lựa chọn: giá trị sau', screens: ['teamForm', 'memberForm', 'training', 'wizard', 'export', 'import'] },

  // Monthly entry and grid
  { id: 'undo', keys: [c('u')], label: 'Hoàn tác', description: 'Hoàn tác thay đổi gõ tay gần nhất của phiếu đang xem (ở bảng tháng: của tháng đang xem), không vượt qua lần nhập tệp hay khôi phục; đang gõ dở thì bỏ giá trị đang gõ', screens: ['entry', 'grid', 'history'], footer: true, writes: true },
  { id: 'history', keys: [c('l'), ctrl('l')], label: 'Lịch sử', description: 'Xem lịch sử thay đổi của phiếu', screens: ['entry', 'grid'], footer: true },
  { id: 'nextTeam', keys: [k('pageDown')], label: 'Tổ sau', description: 'Sang tổ tiếp theo chưa có phiếu', screens: ['entry'] },
  { id: 'gridPrevMonth', keys: [c('[')], label: 'Tháng trước', description: 'Bảng của tháng trước', screens: ['grid'], footer: true },
  { id: 'gridNextMonth', keys: [c(']')], label: 'Tháng sau', description: 'Bảng của tháng sau', screens: ['grid'] },
  { id: 'cellLeft', keys: [k('left'), k('shiftTab')], label: 'Trái', description: 'Sang ô bên trái (lưu ô đang sửa)', screens: ['grid'] },
  { id: 'cellRight', keys: [k('right'), k('tab')], label: 'Phải', description: 'Sang ô bên phải (lưu ô đang sửa)', screens: ['grid'] },
  { id: 'cellCommit', keys: [k('enter')], label: 'Lưu ô', description: 'Lưu ô đang sửa và xuống dòng dưới', screens: ['grid'], footer: true },
  { id: 'cellClear', keys: [k('backspace')], label: 'Xoá', description: 'Xoá chữ số cuối; ô trống là "chưa báo cáo", khác số 0', screens: ['grid', 'entry'] },

  // Files and backups
  { id: 'confirm', keys: [c('y')], label: 'Đồng ý', description: 'Xác nhận ghi vào dữ liệu', screens: ['import'], footer: true, writes: true },
  { id: 'undoImport', keys: [ctrl('z')], label: 'Hoàn tác nhập', description: 'Hoàn tác cả lần nhập tệp số liệu gần nhất (hỏi lại trước; không được nếu đã sửa phiếu do tệp ghi)', screens: ['import'], footer: true, writes: true },
  { id: 'runExport', keys: [ctrl('s')], label: 'Xuất', description: 'Ghi tệp xuất', screens: ['export'], footer: true },
  { id: 'backupNow', keys: [c('b')], label: 'Sao lưu ngay', description: 'Tạo một bản sao lưu mới', screens: ['backup'], footer: true },
  { id: 'restore', keys: [c('r')], label: 'Khôi phục', description: 'Khôi phục dữ liệu từ bản sao lưu đang chọn (hỏi lại trước; dữ liệu hiện tại được giữ lại, không bị xoá)', screens: ['backup'], footer: true, writes: true },
  { id: 'backupDir', keys: [c('d')], label: 'Đổi thư mục', description: 'Chọn thư mục sao lưu (ví dụ ổ USB); để trống để dùng thư mục mặc định', screens: ['backup'], footer: true, writes: true },
] as const satisfies readonly BindingDef[];

type AnyBinding = (typeof BINDINGS)[number];
export type BindingId = AnyBinding['id'];
export type Binding = BindingDef & { id: BindingId };

/** The ids of the bindings a screen has (its own and those of every screen). */
export type BindingOn<S extends ScreenName> = AnyBinding extends infer B
  ? B extends { id: infer I; screens: infer On }
    ? On extends 'all'
      ? I
      : On extends readonly (infer E)[]
        ? S extends E
          ? I
          : never
        : never
    : never
  : never;


export function bindingsFor(screen: ScreenName): readonly Binding[] {
  return (BINDINGS as readonly Binding[]).filter((b) => b.screens === 'all' || b.screens.includes(screen));
}

export function bindingById(id: BindingId): Binding {
  const b = (BINDINGS as readonly Binding[]).find((x) => x.id === id);
  if (!b) throw new Error(`unknown binding ${id}`);
  return b;
}
