// A database whose every call can be made to fail or to wait, for the screens' "while loading",
// "after a failed load" and "while saving" moments that a real PGlite passes too fast to catch.
import type { Database } from '../../src/store/open.js';
import type { DbRunner } from '../../src/db/database.js';
import { asDatabase } from './db.js';

export const FAILURE = 'ổ đĩa không đọc được (giả lập)';

export interface Controlled {
  database: Database;
  /** Every call from now on fails with FAILURE. */
  fail(): void;
  /** Every call from now on waits until `release()`. */
  hold(): void;
  /** Back to normal; the calls held meanwhile go on. */
  release(): void;
  /** Calls waiting now. */
  waiting(): number;
}

export function controlledDatabase(pg: DbRunner): Controlled {
  let mode: 'pass' | 'fail' | 'hold' = 'pass';
  let held: (() => void)[] = [];
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    if (mode === 'fail') throw new Error(FAILURE);
    if (mode === 'hold') await new Promise<void>((r) => held.push(r));
    return run();
  };
  const db: DbRunner = {
    query: (sql, params) => guard(() => pg.query(sql, params)),
    exec: (sql) => guard(() => pg.exec(sql)),
    copyRows: (table, columns, rows) => guard(() => pg.copyRows(table, columns, rows)),
    transaction: (fn) => guard(() => pg.transaction(fn)),
  };
  return {
    database: { ...asDatabase(pg), db },
    fail: () => void (mode = 'fail'),
    hold: () => void (mode = 'hold'),
    release: () => {
      mode = 'pass';
      const go = held;
      held = [];
      for (const r of go) r();
    },
    waiting: () => held.length,
  };
}
