// Home's frame, drawn with fewer nodes and memoised rows, must be the very bytes of the full tree
// of Texts every row was before: demo and 2,000 teams, colour and NO_COLOR, 80×24 and wider, the
// selected row inverse. And the memo must never keep an old frame: a changed row, width or
// backup line is drawn.
import chalk from 'chalk';
import { Box, renderToString } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listIndicators } from '../../src/db/unit.js';
import type { Status } from '../../src/domain/targets.js';
import type { HomeModel, HomeRow } from '../../src/ui/home/model.js';
import { loadHomeModel } from '../../src/ui/home/model.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { demoDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

type Modules = {
  frame: typeof import('../../src/ui/home/frame.js');
  view: typeof import('../../src/ui/home/HomeView.js');
  list: typeof import('../../src/ui/components/SelectableList.js');
  text: typeof import('../../src/ui/components/Text.js');
  badge: typeof import('../../src/ui/components/StatusBadge.js');
  bar: typeof import('../../src/ui/components/Bar.js');
  table: typeof import('../../src/io/text-table.js');
  names: typeof import('../../src/ui/components/teamName.js');
};

/** The UI's modules as loaded under the environment now (theme.ts reads NO_COLOR when loaded). */
async function modules(): Promise<Modules> {
  return {
    frame: await import('../../src/ui/home/frame.js'),
    view: await import('../../src/ui/home/HomeView.js'),
    list: await import('../../src/ui/components/SelectableList.js'),
    text: await import('../../src/ui/components/Text.js'),
    badge: await import('../../src/ui/components/StatusBadge.js'),
    bar: await import('../../src/ui/components/Bar.js'),
    table: await import('../../src/io/text-table.js'),
    names: await import('../../src/ui/components/teamName.js'),
  };
}

const BADGE = 14;
const BAR = 8;
const NO_TARGETS = 'không có chỉ tiêu nào áp dụng cho tổ này';

/** The list as the tree of Texts each row was before (main 3a97842's HomeView), rendered by Ink. */
function referenceList(m: Modules, model: HomeModel, selected: number, columns: number, listRows: number): string[] {
  const { Text } = m.text;
  const { StatusBadge } = m.badge;
  const { padCell, truncate } = m.table;
  const nameWidth = Math.max(16, Math.min(30, columns - 58));
  const wordsWidth = Math.max(10, columns - 2 - nameWidth - 1 - BADGE - 1 - BAR - 1);
  const out = renderToString(
    <Box flexDirection="column">
      <m.list.SelectableList
        items={model.rows}
        selected={selected}
        rows={listRows}
        keyOf={(t) => t.teamId}
        render={(t) => (
          <>
            {padCell(truncate(m.names.displayName(t.name), nameWidth), nameWidth)} <StatusBadge status={t.status} width={BADGE} />{' '}
            {t.worstRatio === null ? <Text dimColor>{'·'.repeat(BAR)}</Text> : m.bar.barString(t.worstRatio, BAR)}{' '}
            {t.worst ? truncate(t.worst, wordsWidth) : <Text dimColor>{NO_TARGETS}</Text>}
          </>
        )}
      />
    </Box>,
    { columns },
  );
  return out.split('\n');
}

const STATUSES: Status[] = ['dat', 'cham', 'cham_nhieu', 'chua_bao_cao'];
const NAMES = ['Tổ dân phố Đông Sơn', 'Thôn Ngọc Động', 'Tổ Lê Lợi', 'Tổ dân phố số 12 phường Phù Vân mở rộng', 'Xóm Bãi Nghiêm'];

/** 2,000 teams: every status, a bar or none, words or none, short and long names and words. */
function bigModel(demo: HomeModel): HomeModel {
  const rows: HomeRow[] = Array.from({ length: 2000 }, (_, i) => {
    const worst = i % 7 === 3 ? '' : `${demo.rows[i % demo.rows.length]!.worst || 'Số hộ gia đình văn hóa'}${i % 3 ? '' : ' — còn thiếu nhiều so với kế hoạch năm của tổ'}`;
    return {
      teamId: i + 1,
      code: `T${i}`,
      name: `${NAMES[i % NAMES.length]} ${i + 1}`,
      status: STATUSES[i % 4]!,
      worst,
      worstRatio: i % 5 === 1 ? null : (i % 11) / 10,
      search: '',
    };
  });
  const teams = Array.from({ length: 2000 }, () => demo.report.teams[0]!);
  return { ...demo, rows, report: { ...demo.report, teams } };
}

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 30 },
  { columns: 200, rows: 40 },
];
const HEAD = 5; // completeness, deadline, who owes forms, filter line, column titles

async function checkFrames(m: Modules, demo: HomeModel) {
  let compared = 0;
  for (const model of [demo, bigModel(demo)]) {
    for (const size of SIZES) {
      const listRows = m.frame.bodyRowsFor(size.rows) - 6;
      for (const selected of [0, 3, Math.min(40, model.rows.length - 1), model.rows.length - 1]) {
        const lines = m.frame.homeFrame(model, { ...size, selectedIndex: selected }).split('\n');
        const reference = referenceList(m, model, selected, size.columns, listRows);
        expect(lines.slice(HEAD, HEAD + reference.length)).toEqual(reference);
        compared += reference.length;
      }
    }
  }
  return compared;
}

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 1; // escapes on, as in the officer's terminal (the tests run with FORCE_COLOR=0)
});
afterAll(() => {
  chalk.level = level;
  vi.unstubAllEnvs();
});

async function demoModel(): Promise<HomeModel> {
  const pg = await demoDb();
  return loadHomeModel(pg, '2026-10', TEST_NOW, await listIndicators(pg));
}

describe('home rows', () => {
  it('are the bytes of the full tree of Texts, in colour, demo and 2,000 teams, 80×24 and wider', async () => {
    const m = await modules();
    const demo = await demoModel();
    expect(await checkFrames(m, demo)).toBeGreaterThan(100);
    // Colour is really on here: the badge's colour and the selected row's inverse are in the frame.
    const frame = m.frame.homeFrame(demo);
    expect(frame).toContain('\u001b[7m');
    expect(frame).toMatch(/\u001b\[3[1-6]m/u);
  });

  it('are the same bytes with NO_COLOR', async () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.resetModules();
    const m = await modules();
    const demo = await demoModel();
    expect(await checkFrames(m, demo)).toBeGreaterThan(100);
    const frame = m.frame.homeFrame(demo);
    expect(frame).not.toMatch(/\u001b\[3[1-6]m/u); // no colour
    expect(frame).toContain('\u001b[7m'); // the selection still shows (inverse)
    vi.unstubAllEnvs();
    vi.resetModules();
  });
});

describe('home memo', () => {
  it('draws a changed row, width or backup line, and nothing stale', async () => {
    const { HomeView } = await import('../../src/ui/home/HomeView.js');
    const { Text } = await import('../../src/ui/components/Text.js');
    const demo = await demoModel();
    const props = {
      model: demo,
      asOf: demo.report.as_of,
      rows: demo.rows,
      selectedIndex: 0,
      statusFilter: 'all' as const,
      query: '',
      filtering: false,
      error: null,
      bodyRows: 19,
      columns: 80,
      backupLine: <Text>Sao lưu gần nhất: hôm nay</Text>,
    };
    const r = render(<HomeView {...props} />);
    const first = r.lastFrame()!;
    expect(first).toContain('Sao lưu gần nhất: hôm nay');
    // A new element with the same props, a new rows array of equal rows: the same frame.
    r.rerender(<HomeView {...props} rows={demo.rows.map((x) => ({ ...x }))} backupLine={<Text>Sao lưu gần nhất: hôm nay</Text>} />);
    expect(r.lastFrame()).toBe(first);
    // The second row's team changes status and words: its row is drawn again.
    const changed = demo.rows.map((x, i) => (i === 1 ? { ...x, status: 'dat' as const, worst: 'Đã đạt mọi chỉ tiêu', worstRatio: 1 } : x));
    r.rerender(<HomeView {...props} rows={changed} backupLine={<Text>Sao lưu gần nhất: hôm nay</Text>} />);
    const row = r.lastFrame()!.split('\n').find((l) => l.startsWith('  ') && l.includes(displayName(demo.rows[1]!.name)))!;
    expect(row).toContain('Đã đạt mọi chỉ tiêu');
    expect(row).toContain('█'.repeat(8));
    r.rerender(<HomeView {...props} rows={changed} backupLine={<Text>Chưa có bản sao lưu nào</Text>} />);
    expect(r.lastFrame()).toContain('Chưa có bản sao lưu nào');
    r.rerender(<HomeView {...props} rows={changed} columns={120} backupLine={<Text>Chưa có bản sao lưu nào</Text>} />);
    expect(r.lastFrame()!.split('\n').find((l) => l.includes('Tổ CNSCĐ'))).toContain(`${'Tổ CNSCĐ'.padEnd(30)} Trạng thái`);
  });
});
