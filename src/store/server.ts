// Open the officer's database on a PostgreSQL server (--database-url): no data folder and no file
// lock — the server keeps its own files and lets several programs in at once. The schema is
// brought up to date under an advisory lock (two programs starting together migrate once), with
// the same migrations and the same before-upgrade hook as a data folder. The daily automatic
// backup is the embedded database's (domain.md); on a server, backups are made on demand.
import type { DbRunner } from '../db/database.js';
import { openPostgres } from '../db/engines/postgres.js';
import { withMigrationLock } from '../db/locks.js';
import { schemaVersion } from '../db/migrate.js';
import { NoDatabaseError } from './data-folder.js';
import { type Database, type OpenOptions, bringUpToDate } from './open.js';

/** Nothing on the server yet and not asked to create it: say how to, as for an empty folder. */
export class NoServerDatabaseError extends NoDatabaseError {
  constructor(label: string) {
    super(label);
    this.message = `Chưa có dữ liệu tonghop trên máy chủ ${label}. Hãy chạy "tonghop init --plan <mã kế hoạch> --unit "<tên xã/phường>" --database-url …" hoặc mở "tonghop --database-url …" để tạo mới.`;
  }
}

export async function openServerDatabase(opts: OpenOptions & { url: string }): Promise<Database> {
  const handle = await openPostgres(opts.url, { applicationName: `tonghop: ${opts.command}`.slice(0, 63) });
  const label = handle.address.label;
  try {
    await handle.session((session: DbRunner) =>
      withMigrationLock(session, async () => {
        if (!opts.create && (await schemaVersion(session)) === 0) throw new NoServerDatabaseError(label);
        await bringUpToDate(session, opts);
      }),
    );
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
  let closed = false;
  return {
    db: handle.db,
    dataDir: opts.dataDir,
    server: label,
    checkpoint: async () => undefined, // the server makes its own writes durable
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
