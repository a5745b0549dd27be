// The child of the crash test. `init DIR`: create a demo database in DIR. `type DIR MONTH SEED`:
// type figures through the real save path of the entry form (one transaction per field left,
// `enterField`), printing `saved <teamId> <month> <field> <value>` after each commit — the parent
// SIGKILLs it right after such a line and checks that nothing acknowledged was lost.
import { writeSync } from 'node:fs';
import { enterField } from '../../src/db/forms.js';
import { openDatabase } from '../../src/store/open.js';
import { setupUnit } from '../../src/db/setup.js';
import { listTeams } from '../../src/db/teams.js';
import { listIndicators } from '../../src/db/unit.js';
import { loadPreset } from '../../src/io/presets.js';

const [mode, dataDir, month = '2026-11', seedArg = '1'] = process.argv.slice(2);
if (!dataDir || (mode !== 'init' && mode !== 'type')) throw new Error('usage: typist.ts init|type DATA_DIR [MONTH] [SEED]');

if (mode === 'init') {
  const database = await openDatabase({ dataDir, command: 'crash-init', create: true });
  await setupUnit(database.db, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', demo: true, now: new Date(2026, 10, 23) });
  await database.close();
  writeSync(1, 'initialised\n');
} else {
  const database = await openDatabase({ dataDir, command: 'crash-typist' });
  const teams = await listTeams(database.db);
  const indicators = await listIndicators(database.db);
  let n = Number(seedArg) * 7919;
  writeSync(1, `ready ${teams.length} ${indicators.length}\n`);
  for (let k = 0; ; k++) {
    const team = teams[Math.floor(k / indicators.length) % teams.length]!;
    const ind = indicators[k % indicators.length]!;
    n = (n * 1103515245 + 12345) % 2147483648;
    // Now and then a blank (null): "not reported" must survive too.
    const value = n % 11 === 0 ? null : n % 5000;
    await database.db.transaction((tx) => enterField(tx, team.id, month, ind.code, value, '2026-11-23'));
    writeSync(1, `saved ${team.id} ${month} ${ind.code} ${value === null ? '-' : value}\n`);
  }
}
