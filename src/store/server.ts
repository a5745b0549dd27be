// Open the officer's database on a PostgreSQL server (--database-url): no data folder and no file
// lock — the server keeps its own files and lets several programs in at once. The schema is
// brought up to date under an advisory lock (two programs starting together migrate once), with
// the same migrations and the same before-upgrade hook as a data folder. The daily automatic
// backup is the embedded database's (domain.md); on a server, backups are made on demand.
import type { DbRunner } from '../db/database.js';
import { openPostgres } from '../db/engines/postgres.js';
import { withMigrationLock } from '../db/locks.js';
import { schemaVersion } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { canWrite } from '../db/privileges.js';
import { NoDatabaseError } from './data-folder.js';
import { type Database, type OpenOptions, bringUpToDate } from './open.js';
import { ReadOnlyError } from './read-only.js';

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
  let readOnly = false;
  try {
    await handle.session((session: DbRunner) =>
      withMigrationLock(session, async () => {
        const found = await schemaVersion(session);
        if (!opts.create && found === 0) throw new NoServerDatabaseError(label);
        readOnly = !(await canWrite(session));
        // A reader opens a current schema and writes nothing; it cannot create or upgrade one.
        const latest = (opts.migrations ?? MIGRATIONS).at(-1)!.version;
        if (readOnly && found < latest) throw new ReadOnlyError(label, found === 0 ? 'tạo dữ liệu' : 'nâng cấp dữ liệu lên phiên bản này của tonghop');
        await bringUpToDate(session, opts); // for a reader: only the check for a newer schema
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
    readOnly,
    onChange: (fn) => handle.listen(fn),
    checkpoint: async () => undefined, // the server makes its own writes durable
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
