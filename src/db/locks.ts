// Advisory locks: how programs sharing one server take turns where they must. Keyed by the
// schema the tables live in (a province keeps each commune in a schema of its own), so one
// commune's migration or import never waits for another's. On PGlite (one program) they cost
// nothing and never wait.
import type { Db, DbRunner } from './database.js';

/** 'tong' and one more: the two lock classes of tonghop (first key of the two-key form). */
const MIGRATING = 0x746f6e67;
const WRITING = MIGRATING + 1;
const KEY = `hashtext(current_schema())`;

/** Another program holds the migration lock for longer than we wait. */
export class MigrationBusyError extends Error {
  constructor(seconds: number) {
    super(`Một chương trình tonghop khác đang nâng cấp dữ liệu trên máy chủ (đã chờ ${seconds} giây). Hãy thử lại sau ít phút.`);
  }
}

/**
 * Run fn (the migrations) holding the session-level migration lock of this schema: programs
 * starting together migrate once, the others wait, then find the schema current. `session`
 * must be one connection (its transactions included).
 */
export async function withMigrationLock<T>(session: DbRunner, fn: () => Promise<T>, waitSeconds = 60): Promise<T> {
  await session.exec(`SET lock_timeout = '${Math.round(waitSeconds * 1000)}ms'`);
  try {
    await session.query(`SELECT pg_advisory_lock(${MIGRATING}, ${KEY})`);
  } catch (e) {
    if ((e as { code?: string }).code === '55P03') throw new MigrationBusyError(waitSeconds);
    throw e;
  } finally {
    await session.exec('RESET lock_timeout');
  }
  try {
    return await fn();
  } finally {
    await session.query(`SELECT pg_advisory_unlock(${MIGRATING}, ${KEY})`);
  }
}

/**
 * Writers that rewrite many rows at once (an import, a restore) take turns: the second waits
 * for the first to commit, then checks and writes against what the first wrote, instead of
 * failing on a form both created. Readers never wait (PostgreSQL's snapshots). Released when
 * the transaction ends.
 */
export async function lockWriters(tx: Db): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${WRITING}, ${KEY})`);
}
