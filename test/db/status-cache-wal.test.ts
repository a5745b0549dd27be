// A status that finds nothing changed writes nothing, so it must not leave anything for its
// closing checkpoint and fsync sweep (store/open.ts skips them when the log did not move). With
// data checksums on, the first reader of a newly stored row logs whole pages (hint bits): the
// status that stored the text reads it back itself, so the next one logs nothing.
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/db/evaluation.js';
import { enterField } from '../../src/db/forms.js';
import { cachedStatusJson } from '../../src/db/status-cache.js';
import { getTeamByCode } from '../../src/db/teams.js';
import { statusJson } from '../../src/domain/status.js';
import { type Database, openDatabase } from '../../src/store/open.js';
import { dataDirFrom } from '../support/datadir.js';
import { ON_SERVER } from '../support/server.js';

const M = '2026-10';
const lsn = async (d: Database) => (await d.db.query<{ at: string }>('SELECT pg_current_wal_insert_lsn()::text AS at')).rows[0]!.at;

async function withOpen<T>(dataDir: string, fn: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase({ dataDir, command: 'test' });
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

describe.skipIf(ON_SERVER)('a status with nothing changed, on a data folder', () => {
  it('logs nothing (no page images), before and after a change, and prints the full evaluation', async () => {
    const dir = await dataDirFrom('demo');
    await withOpen(dir, (d) => cachedStatusJson(d.db, M, { store: true })); // the first look stores
    const nothingChanged = () =>
      withOpen(dir, async (d) => {
        const before = await lsn(d);
        const text = await cachedStatusJson(d.db, M, { store: true });
        expect(await lsn(d)).toBe(before);
        expect(text).toBe(statusJson(await computeStatus(d.db, M)));
      });
    await nothingChanged();
    await withOpen(dir, async (d) => {
      const a = (await getTeamByCode(d.db, 'TDP01'))!;
      await d.db.transaction((tx) => enterField(tx, a.id, M, 'ho_huong_dan', 977, '2026-10-28'));
    });
    await withOpen(dir, (d) => cachedStatusJson(d.db, M, { store: true })); // after the change: stores
    await nothingChanged();
    await nothingChanged();
  }, 120_000);
});
