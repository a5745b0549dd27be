// Bring a database up to this program's schema; refuse one made by a newer program.
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations/index.js';
import type { Db, DbRunner } from './database.js';

export class NewerDatabaseError extends Error {
  constructor(public readonly found: number) {
    super(
      `Dữ liệu được tạo bởi phiên bản tonghop mới hơn (lược đồ số ${found}, chương trình này chỉ hiểu đến số ${SCHEMA_VERSION}). ` +
        'Hãy cập nhật tonghop rồi mở lại; dữ liệu chưa bị thay đổi.',
    );
  }
}

/** A migration failed (its transaction rolled back): the database stays at the version before it. */
export class MigrationFailedError extends Error {
  constructor(
    public readonly version: number,
    public readonly from: number,
    cause: unknown,
  ) {
    super(
      `Không nâng cấp được dữ liệu lên lược đồ số ${version} (${String((cause as Error)?.message ?? cause)}). ` +
        `Dữ liệu vẫn ở lược đồ số ${from}, chưa bị thay đổi; hãy báo cho người hỗ trợ kỹ thuật.`,
      { cause },
    );
  }
}

export async function schemaVersion(q: Db): Promise<number> {
  const t = await q.query<{ found: boolean }>(
    // This schema's (a server may hold other schemas; a province holds each commune in one: db/scoped.ts).
    // to_regclass, not information_schema: its views cost a fresh process ~50 ms to plan (every command pays it).
    `SELECT to_regclass(quote_ident(current_schema()) || '.schema_version') IS NOT NULL AS found`,
  );
  if (!t.rows[0]?.found) return 0;
  const r = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return r.rows[0]?.v ?? 0;
}

/**
 * Apply pending migrations (up to `upTo`, for tests of old schemas). Returns versions applied.
 * `found`: the version the caller has just read (the open path asks once, not twice: each cold
 * statement costs a command start-up).
 */
export async function migrate(
  db: DbRunner,
  upTo: number = SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
  found?: number,
): Promise<number[]> {
  const current = found ?? (await schemaVersion(db));
  const known = migrations[migrations.length - 1]?.version ?? 0;
  if (current > known) throw new NewerDatabaseError(current);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    await db
      .transaction(async (tx) => {
        await tx.exec(`CREATE TABLE IF NOT EXISTS schema_version (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
      })
      .catch((e: unknown) => {
        throw new MigrationFailedError(m.version, applied[applied.length - 1] ?? current, e);
      });
    applied.push(m.version);
  }
  return applied;
}
