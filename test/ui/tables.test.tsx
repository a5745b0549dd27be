// The project's own tables (padCell/truncate of io/text-table, measured by string-width) at 80
// columns: a long name is cut with …, a wide character takes two columns and a decomposed
// Vietnamese name (combining marks) takes none extra, so every column still lines up. This is
// what @alcalzone/ink-table (String.length, no cut, a separator between rows) does not do; see
// the README, "Tables".
import { renderToString } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { RankRow } from '../../src/domain/ranking.js';
import { RankingView } from '../../src/ui/ranking/RankingView.js';

const names: [string, string][] = [
  ['TDP01', 'Tổ CNSCĐ TDP Đông Sơn'],
  ['THON-HV', 'Tổ CNSCĐ thôn Hạ Vũ'.normalize('NFD')],
  ['TDP03', 'Tổ CNSCĐ TDP Trung Thành – khu dân cư số 3 mở rộng'],
  ['KP4', 'Tổ CNSCĐ khu phố 4 (山)'],
];
const rows: RankRow[] = names.map(([ma_to, ten_to], i) => ({
  rank: i + 1,
  teamId: i + 1,
  ma_to,
  ten_to,
  status: 'dat',
  score: 0.9 - i / 10,
  met: 7,
  targets: 8,
  received: 10,
  due: 10,
  completeness: 1,
}));

describe('tables cut by display width', () => {
  it('keep every column in line at 80 columns, whatever the names hold', () => {
    const frame = renderToString(
      <RankingView asOf="2026-10" spanEnd="2026-12" rows={rows} shown={rows} selectedIndex={1} query="" filtering={false} error={null} bodyRows={19} columns={80} />,
      { columns: 80 },
    );
    const lines = frame.split('\n');
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    const data = lines.filter((l) => /%/u.test(l) && /\d\/\d/u.test(l));
    expect(data).toHaveLength(4);
    // The score column ends at the same display column on every row.
    const scoreEnd = data.map((l) => stringWidth(l.slice(0, l.indexOf('%') + 1)));
    expect(new Set(scoreEnd).size).toBe(1);
    expect(frame).toContain('TDP Trung Thành – khu d…');
    expect(frame).toContain('khu phố 4 (山)');
  });
});
