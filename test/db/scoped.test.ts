// The scoped handle: the commune's own repository code, unchanged, on a schema of a province database.
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { schemaVersion } from '../../src/db/migrate.js';
import { SCHEMA_VERSION } from '../../src/db/migrations/index.js';
import { ensureUnitSchema, openUnitDb } from '../../src/db/province.js';
import { scopedTx } from '../../src/db/scoped.js';
import { setupUnit } from '../../src/db/setup.js';
import { getUnit } from '../../src/db/unit.js';
import { statusJson } from '../../src/domain/status.js';
import { loadPreset } from '../../src/io/presets.js';
import { demoDb, emptyDb } from '../support/db.js';
import { TEST_NOW } from '../support/templates.js';

describe('a schema per received commune', () => {
  it('builds a commune database in its own schema with the same migrations, apart from the province’s tables', async () => {
    const db = await emptyDb();
    await db.transaction((tx) => ensureUnitSchema(tx, '00004'));
    const unitDb = await openUnitDb(db, '00004');
    expect(await schemaVersion(unitDb)).toBe(SCHEMA_VERSION);
    await setupUnit(unitDb, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', demo: true, now: TEST_NOW });
    expect((await getUnit(unitDb))?.name).toBe('phường Phù Vân');
    // The province's own tables saw nothing.
    expect(await getUnit(db)).toBeNull();
    expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM team')).rows[0]!.n).toBe(0);
    // Inside a transaction that also works on its own tables, scopedTx puts the search_path back.
    const n = await db.transaction(async (tx) => {
      await scopedTx(tx, 'unit_00004').query('SELECT count(*) FROM team');
      return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM team')).rows[0]!.n;
    });
    expect(n).toBe(0);
    expect((await unitDb.query<{ n: number }>('SELECT count(*) AS n FROM team')).rows[0]!.n).toBeGreaterThan(0);
  });

  it('evaluates exactly what the commune evaluates', async () => {
    const commune = await demoDb();
    const own = statusJson(await computeStatus(commune, '2026-09'));
    const db = await emptyDb();
    await db.transaction((tx) => ensureUnitSchema(tx, '00004'));
    const unitDb = await openUnitDb(db, '00004');
    await setupUnit(unitDb, { preset: loadPreset('phu-van-2026')!, unitName: 'phường Phù Vân', officer: 'Nguyễn Thị Lan', demo: true, now: TEST_NOW });
    expect(statusJson(await computeStatus(unitDb, '2026-09'))).toBe(own);
  });
});
