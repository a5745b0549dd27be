// The month grid's rows as the officer sees them, in colour: a plain row (a form, no cursor) is
// drawn as one string, and must be the very characters and styles of the row's full tree (mark
// column, name, cells), which the rows with a '?' or the cursor still use.
import chalk from 'chalk';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/domain/schemas.js';
import { padCell, truncate } from '../../src/io/text-table.js';
import { selectionMark } from '../../src/ui/components/SelectableList.js';
import { Text } from '../../src/ui/components/Text.js';
import { displayName } from '../../src/ui/components/teamName.js';
import { GridView } from '../../src/ui/grid/GridView.js';
import { type GridValues, gridReducer, initialGrid } from '../../src/ui/grid/reducer.js';
import { STATUS_COLORS, tint } from '../../src/ui/theme.js';

const CODES = ['a', 'b', 'c'];
const INDICATORS: Indicator[] = CODES.map((code) => ({ code, label: `Chỉ số ${code}`, unit: 'người', aggregation: 'sum' }) as Indicator);
const TEAMS = [
  { id: 1, code: 'T01', name: 'Tổ Đông Hưng' },
  { id: 2, code: 'T02', name: 'Tổ Lê Lợi' },
  { id: 3, code: 'T03', name: 'Tổ Ngọc Động' },
  { id: 4, code: 'T04', name: 'Tổ Bắc Hà' },
];
// T02 has no form; T04's form has a blank cell.
const VALUES: GridValues = new Map<number, Record<string, number>>([
  [1, { a: 12, b: 1234, c: 0 }],
  [3, { a: 7, b: 8, c: 9 }],
  [4, { a: 5, c: 6 }],
]);
const LAYOUT = { nameWidth: 18, cols: 3, rows: 10 };

/** The row as the tree of Texts every row was before (the reference for a plain row). */
function TreeRow({ name, cells }: { name: string; cells: string[] }) {
  return (
    <Text wrap="truncate-end" bold={false}>
      {selectionMark(false, 1)}
      <Text color={undefined}>{' '}</Text>{' '}
      {padCell(truncate(displayName(name), LAYOUT.nameWidth), LAYOUT.nameWidth)}
      {' ' + cells.map((c) => padCell(c, 8, 'right')).join(' ')}
    </Text>
  );
}

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 1; // colours on, as in the officer's terminal (the tests run with FORCE_COLOR=0)
});
afterAll(() => {
  chalk.level = level;
});

describe('month grid rows', () => {
  it('draws a plain row exactly as the full tree of the row, beside styled rows', () => {
    let s = gridReducer(initialGrid('2026-11', CODES), { type: 'load', month: '2026-11', teams: TEAMS, values: VALUES });
    s = gridReducer(s, { type: 'view', rows: LAYOUT.rows, cols: LAYOUT.cols });
    s = gridReducer(s, { type: 'move', dr: 2, dc: 1 }); // the cursor on T03, column b
    const grid = render(<GridView state={s} layout={LAYOUT} indicators={INDICATORS} loadError={null} />).lastFrame()!;
    const reference = render(
      <Box flexDirection="column">
        <TreeRow name="Tổ Đông Hưng" cells={['12', '1.234', '0']} />
        <TreeRow name="Tổ Bắc Hà" cells={['5', '—', '6']} />
      </Box>,
    ).lastFrame()!;
    const lines = grid.split('\n');
    const [first, fourth] = reference.split('\n');
    expect(lines).toContain(first);
    expect(lines).toContain(fourth);
    expect(first).toBe(`   ${padCell('Tổ Đông Hưng', 18)}       12    1.234        0`);
    // The styled rows are still there: T02's '?' in its colour, T03 bold with its cell inverse.
    expect(grid).toContain(chalk[tint(STATUS_COLORS.chua_bao_cao) as 'magenta']('?'));
    expect(lines.find((l) => l.includes('Tổ Ngọc Động'))).toContain(chalk.inverse('       8'));
    expect(lines.find((l) => l.includes('Tổ Ngọc Động'))).toContain('\u001b[1m');
  });
});
