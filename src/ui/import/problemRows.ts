// The refused rows and warnings of a check as screen rows: each problem wrapped whole over as
// many rows as it needs at the terminal's width (#10 item 22: they were cut at 80 columns), so
// the list scrolls by rows and "dòng N, cột X: why" is always readable to its end.
import { formatProblem } from '../../io/csv/problems.js';
import { messageRows } from '../components/MessageLines.js';
import type { ImportState } from './reducer.js';

export interface ProblemRow {
  text: string;
  color: 'error' | 'warn';
}

export function problemRows(s: Pick<ImportState, 'problems' | 'warnings'>, columns: number): ProblemRow[] {
  const rows = (mark: string, color: ProblemRow['color']) => (p: ImportState['problems'][number]) =>
    messageRows(mark, formatProblem(p), columns, Infinity).map((text) => ({ text, color }));
  return [...s.problems.flatMap(rows('✗ ', 'error')), ...s.warnings.flatMap(rows('! ', 'warn'))];
}
