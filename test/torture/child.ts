// One torture child: open the data folder the way the app does (lock, PGlite replaying its log
// after the previous child was killed, migrations), report what is there, then work like an
// officer until killed: typing figures one field per transaction (as the entry screen saves) and
// importing figures files (the real CSV importer, one transaction), flushing now and then.
// Every operation is announced before it starts (waiting until the parent has the message) and
// reported committed only after its transaction returned.
import { setValue } from '../../src/db/forms.js';
import { openDatabase } from '../../src/store/open.js';
import type { Db } from '../../src/db/database.js';
import { mulberry32 } from '../../src/domain/random.js';
import { importFigures } from '../../src/io/csv/import.js';
import { type ChildMessage, ENTRY_MONTHS, INDICATORS, TEAMS, batchCsv, monthBatch } from './shared.js';

// Started ahead of time (node and the modules loaded while the previous child still works); it
// opens the database only when told to, with the first free batch number.
const go = await new Promise<{ dataDir: string; firstBatch: number; seed: number }>((resolve) => process.once('message', resolve));
const dataDir = go.dataDir;
const random = mulberry32(go.seed);
let nextBatch = go.firstBatch;
let opId = go.seed * 1_000_000;

function send(msg: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(msg, undefined, {}, (e) => (e ? reject(e) : resolve())));
}

async function readState(q: Db): Promise<ChildMessage> {
  const v = await q.query<{ k: string; value: number }>(
    `SELECT f.team_id || '|' || f.month || '|' || v.indicator AS k, v.value
     FROM form f JOIN form_value v ON v.form_id = f.id WHERE f.month >= '2026-01'`,
  );
  const b = await q.query<{ month: string; forms: number; values: number; sum: number }>(
    `SELECT f.month, count(DISTINCT f.id)::int AS forms, count(v.form_id)::int AS values, coalesce(sum(v.value), 0)::int AS sum
     FROM form f LEFT JOIN form_value v ON v.form_id = f.id WHERE f.month < '2026-01' GROUP BY f.month`,
  );
  return {
    t: 'state',
    values: Object.fromEntries(v.rows.map((r) => [r.k, r.value])),
    batches: Object.fromEntries(b.rows.map((r) => [String(monthBatch(r.month)), { forms: r.forms, values: r.values, sum: r.sum }])),
  };
}

const t0 = Date.now();
const database = await openDatabase({ dataDir, command: 'tonghop torture' });
await send({ t: 'open', ms: Date.now() - t0 });
await send(await readState(database.db));

const teamIds = (await database.db.query<{ id: number }>('SELECT id FROM team ORDER BY code')).rows.map((r) => r.id);
if (teamIds.length !== TEAMS) throw new Error(`expected ${TEAMS} teams, found ${teamIds.length}`);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

let sinceFlush = 0;
for (;;) {
  if (random() < 0.2) {
    const batch = nextBatch++;
    const id = ++opId;
    await send({ t: 'begin', id, op: { kind: 'import', batch } });
    await importFigures(database.db, batchCsv(batch), { now: new Date(2026, 10, 23) });
    await send({ t: 'commit', id });
    const c0 = Date.now();
    await database.checkpoint(); // after each import, as the app does
    await send({ t: 'checkpoint', ms: Date.now() - c0 });
    sinceFlush = 0;
  } else {
    // An entry session: a few fields of one form, each saved in its own transaction.
    const team = pick(teamIds);
    const month = pick(ENTRY_MONTHS);
    for (let n = 1 + Math.floor(random() * 6); n > 0; n--) {
      const indicator = pick(INDICATORS);
      const value = random() < 0.1 ? null : Math.floor(random() * 500);
      const id = ++opId;
      await send({ t: 'begin', id, op: { kind: 'entry', key: `${team}|${month}|${indicator}`, value } });
      await database.db.transaction((tx) => setValue(tx, team, month, indicator, value));
      await send({ t: 'commit', id });
      if (++sinceFlush >= 25) {
        const c0 = Date.now();
        await database.checkpoint(); // the app's periodic flush, compressed in time
        await send({ t: 'checkpoint', ms: Date.now() - c0 });
        sinceFlush = 0;
      }
    }
  }
}
