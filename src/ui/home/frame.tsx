// The home screen as text, outside the app (no keys, no terminal): what the 80×24 tests read.
// (`npm run bench` times home's reload in the running App instead: test/bench/measures/dashboard-app.tsx.)
import { renderToString } from 'ink';
import { frameRows } from '../App.js';
import { HomeView } from './HomeView.js';
import type { HomeModel } from './model.js';

/** Rows the app leaves to a screen's body in a terminal of `terminalRows` (header, message line, footer). */
export function bodyRowsFor(terminalRows: number): number {
  return frameRows(terminalRows) - 4;
}

/** Render the home body for `model` as the app would in a columns × rows terminal. */
export function homeFrame(model: HomeModel, opts: { columns?: number; rows?: number; selectedIndex?: number } = {}): string {
  const columns = opts.columns ?? 80;
  return renderToString(
    <HomeView
      model={model}
      asOf={model.report.as_of}
      rows={model.rows}
      selectedIndex={opts.selectedIndex ?? 0}
      statusFilter="all"
      query=""
      filtering={false}
      error={null}
      bodyRows={bodyRowsFor(opts.rows ?? 24)}
      columns={columns}
    />,
    { columns },
  );
}
