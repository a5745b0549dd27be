// Fixtures of the files figures (#16 item 3), in their own process: `node stream-fixtures.js ROOT`.
// ROOT/year: 2,000 teams × 12 months on disk (what is exported and backed up); ROOT/teams: the
// same 2,000 teams, no forms (what the figures are imported and the backup restored into);
// ROOT/big.csv: a long-layout figures file of over 50 MB (2,000 teams × 66 months × 13
// indicators, ~1.7 million rows: a province's history), the streaming import's test.
process.env.NODE_ENV = 'production';
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../src/domain/random.js';
import { monthRange } from '../../src/domain/period.js';
import { listIndicators } from '../../src/db/unit.js';
import { openDatabase } from '../../src/store/open.js';
import { buildProvince, teamCode } from './fixtures.js';

const BIG_CSV_MONTHS = { from: '2021-06', to: '2026-11' } as const;

const root = process.argv[2]!;
const t0 = performance.now();
for (const [dir, to] of [
  ['year', '2026-12'],
  ['teams', '2025-12'], // from 2026-01 to 2025-12: no months, no forms
] as const) {
  const db = await openDatabase({ dataDir: path.join(root, dir), command: 'bench', create: true });
  try {
    await buildProvince(db.db, { teams: 2000, from: '2026-01', to });
    if (dir === 'teams') {
      const codes = (await listIndicators(db.db)).map((i) => i.code);
      writeBigCsv(path.join(root, 'big.csv'), codes);
    }
  } finally {
    await db.close();
  }
}
process.stdout.write(`\n${JSON.stringify({ ms: performance.now() - t0, bigCsvBytes: fs.statSync(path.join(root, 'big.csv')).size })}\n`);

/** Written in pieces: the file is bigger than the program that reads it may hold. */
function writeBigCsv(file: string, codes: readonly string[]): void {
  const r = mulberry32(7);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'ma_to,thang,chi_so,gia_tri\n');
  for (const month of monthRange(BIG_CSV_MONTHS.from, BIG_CSV_MONTHS.to)) {
    let chunk = '';
    for (let t = 0; t < 2000; t++) {
      let days = 0;
      for (const c of codes) {
        let v = Math.floor(r() * 60);
        if (c === 'ngay_hoat_dong') v = days = v % 29;
        if (c === 'gio_hoat_dong') v = Math.min(v, 8 * days);
        chunk += `${teamCode(t)},${month},${c},${v}\n`;
      }
    }
    fs.writeSync(fd, chunk);
  }
  fs.closeSync(fd);
}
