// The PostgreSQL server adapter (node-postgres): the one file of the program that knows `pg`.
// It hands the repositories the same plain values as the PGlite adapter — dates as 'YYYY-MM-DD'
// text (pg would make a local-midnight Date of them: in Asia/Ho_Chi_Minh the day before in UTC),
// bigint and numeric as numbers, json parsed, timestamptz as Date — with type parsers of its own
// pool, never pg's global ones. Rows are copied by COPY … FROM STDIN (pg-copy-streams). Every
// error that leaves it has the password taken out.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyText } from '../copy-text.js';
import type { Db, DbHandle, DbRunner, QueryResult } from '../database.js';
import { quoteIdent } from '../database.js';
import { ServerConnectError, ServerVersionError, serverError } from './server-errors.js';
import { type ServerAddress, parseServerUrl, redactSecret } from './server-url.js';

export { ServerConnectError, ServerVersionError } from './server-errors.js';
export { ServerUrlError, redactUrl } from './server-url.js';

/** Oldest server accepted: 15 (MERGE, the public schema's PG15 privileges, the COPY of today). */
export const MIN_SERVER_VERSION = 150000;
/** A server that does not answer is given up after this long: a message, not a hang. */
export const CONNECT_TIMEOUT_MS = 6000;

const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, INT8_ARRAY: 1016, NUMERIC_ARRAY: 1231, DATE_ARRAY: 1182, TEXT_ARRAY: 1009 } as const;

/** This pool's parsers (pg.types stays untouched for anyone else in the process). */
function typeParsers(): pg.CustomTypesConfig {
  const t = new pg.TypeOverrides();
  const textArray = pg.types.getTypeParser(OID.TEXT_ARRAY as Parameters<typeof pg.types.getTypeParser>[0], 'text') as (v: string) => (string | null)[];
  const array = <T>(fn: (v: string) => T) => (v: string) => textArray(v).map((x) => (x === null ? null : fn(x)));
  const text = (v: string) => v;
  t.setTypeParser(OID.DATE, text);
  t.setTypeParser(OID.DATE_ARRAY, array(text));
  t.setTypeParser(OID.INT8, Number);
  t.setTypeParser(OID.INT8_ARRAY, array(Number));
  t.setTypeParser(OID.NUMERIC, Number);
  t.setTypeParser(OID.NUMERIC_ARRAY, array(Number));
  return t;
}

/** Statements whose row count PGlite reports as affectedRows (a SELECT's rows are not "affected"). */
const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

type Client = pg.PoolClient | pg.Pool;

// The refresh announcement (migration 9): inside our transactions the triggers only note the
// channel (tonghop.changed, a session setting kept only if the transaction commits); the same
// message that commits then notifies in a transaction of its own, not flushed to disk. A NOTIFY
// in the writer's own transaction would hold PostgreSQL's one global NOTIFY lock through the
// writer's WAL flush, and every writing transaction on the server would commit one at a time.
const BEGIN_ANNOUNCING_AFTER = `BEGIN; SET LOCAL tonghop.announce = 'after_commit'`;
// The announcement after the COMMIT must not fail the message: the data is committed by then, and
// a save reported as failed when it was saved would be a lie. One plain statement, no plpgsql: a
// DO block was compiled at every commit, and its EXCEPTION clause opened a subtransaction (0.2 ms
// of the server's CPU a save, measured). Nothing in it can raise: a channel name pg_notify would
// refuse (empty, or too long: a schema of 56 bytes or more, whose LISTEN is cut to 63 and never
// hears it) is left out, and the noted channels are cleared whatever is sent. Only a full NOTIFY
// queue, at this transaction's own commit, could still fail it — as it could the DO block.
const COMMIT_THEN_ANNOUNCE = `COMMIT;
  SELECT set_config('synchronous_commit', 'off', true), count(pg_notify(c, '')) FILTER (WHERE octet_length(c) BETWEEN 1 AND 63), set_config('tonghop.changed', '', false)
  FROM unnest(string_to_array(nullif(current_setting('tonghop.changed', true), ''), ',')) AS c`;

export interface PostgresHandle extends DbHandle {
  readonly address: ServerAddress;
  /** Run fn on one connection of its own (session-level advisory locks: migrations). */
  session<T>(fn: (db: DbRunner) => Promise<T>): Promise<T>;
  /**
   * Call fn when another program changes the data of this schema (LISTEN on a connection of its
   * own; this handle's own writes are not reported). Returns the way to stop.
   */
  listen(fn: () => void): Promise<() => Promise<void>>;
}

/** Connect to the server of `url` (checked: reachable, PostgreSQL ≥ 15, the schema there). */
export async function openPostgres(url: string, opts: { max?: number; applicationName?: string } = {}): Promise<PostgresHandle> {
  const address = parseServerUrl(url);
  const hide = (e: unknown) => serverError(e, address, redactSecret);
  const pool = new pg.Pool({
    ...address.config,
    application_name: opts.applicationName ?? 'tonghop',
    types: typeParsers(),
    max: opts.max ?? 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    keepAlive: true,
  });
  // A connection dropped while idle (server restart): forget it; the next query opens another.
  pool.on('error', () => undefined);
  // Our own connections' server processes: their NOTIFY is not news to us.
  const ours = new Set<number>();
  const pidOf = (c: pg.Client) => (c as pg.Client & { processID?: number }).processID;
  pool.on('connect', (c) => void (pidOf(c) && ours.add(pidOf(c)!)));
  pool.on('remove', (c) => void ours.delete(pidOf(c) ?? -1));

  const wrap = (c: Client): Db => {
    // One connection runs one statement at a time: a transaction's Promise.all waits its turn
    // here (as PGlite's queries do), not in pg's deprecated queue. The pool runs them side by side.
    let turn: Promise<unknown> = Promise.resolve();
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
      if (!('release' in c)) return fn();
      const run = turn.then(fn, fn);
      turn = run.catch(() => undefined);
      return run;
    };
    return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      try {
        const r = (await serial(() => c.query(sql, params as unknown[]))) as pg.QueryResult | pg.QueryResult[];
        const last = Array.isArray(r) ? r[r.length - 1]! : r;
        return { rows: last.rows as T[], affectedRows: COUNTED.has(last.command) ? (last.rowCount ?? 0) : 0 };
      } catch (e) {
        throw hide(e);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await serial(() => c.query(sql));
      } catch (e) {
        throw hide(e);
      }
    },
    async copyRows(table, columns, rows): Promise<number> {
      const { text: body, rows: n } = copyText(rows);
      if (n === 0) return 0;
      const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
      const copy = async (client: pg.PoolClient) => {
        const stream = client.query(copyFrom(sql));
        await pipeline(Readable.from([body]), stream);
        return stream.rowCount || n;
      };
      try {
        if ('release' in c) return await serial(() => copy(c));
        const client = await c.connect();
        try {
          return await copy(client);
        } finally {
          client.release();
        }
      } catch (e) {
        throw hide(e);
      }
    },
    };
  };

  const runnerOn = (c: Client, connect: () => Promise<pg.PoolClient>): DbRunner => ({
    ...wrap(c),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const client = await connect();
      let broken: Error | undefined;
      try {
        await client.query(BEGIN_ANNOUNCING_AFTER);
        const out = await fn(wrap(client));
        await client.query(COMMIT_THEN_ANNOUNCE);
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch((err: Error) => (broken = err));
        throw hide(e);
      } finally {
        if (connect === poolConnect) client.release(broken);
      }
    },
  });
  const poolConnect = async () => pool.connect().catch((e: unknown) => Promise.reject(hide(e)));
  const db: DbRunner = {
    ...runnerOn(pool, poolConnect),
    // BEGIN, the statement, COMMIT and the announcement in one simple-protocol message: the
    // parameters become literals (pg's own escaping), as the server would infer their types alike.
    async atomic<T>(sql: string, params: readonly (string | number | boolean | null)[] = []): Promise<QueryResult<T>> {
      const literal = (v: string | number | boolean | null | undefined) => {
        if (v === null || v === undefined) return 'NULL';
        if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`atomic: parameter ${v} is not a finite number`);
        return pg.escapeLiteral(String(v));
      };
      const inlined = sql.replace(/\$(\d+)\b/gu, (_, n: string) => literal(params[Number(n) - 1]));
      const client = await poolConnect();
      let broken: Error | undefined;
      try {
        const rs = (await client.query(`${BEGIN_ANNOUNCING_AFTER}; ${inlined}; ${COMMIT_THEN_ANNOUNCE}`)) as unknown as pg.QueryResult[];
        const r = rs[2]!;
        return { rows: r.rows as T[], affectedRows: COUNTED.has(r.command) ? (r.rowCount ?? 0) : 0 };
      } catch (e) {
        await client.query('ROLLBACK').catch((err: Error) => (broken = err));
        throw hide(e);
      } finally {
        client.release(broken);
      }
    },
  };

  try {
    const r = await db.query<{ v: string; schema: string | null }>(`SELECT current_setting('server_version_num') AS v, current_schema() AS schema`);
    const v = Number(r.rows[0]?.v ?? 0);
    if (v < MIN_SERVER_VERSION) throw new ServerVersionError(address.label, v);
    if (r.rows[0]?.schema !== address.schema) throw new ServerConnectError(`Trên máy chủ ${address.label} không có lược đồ "${address.schema}" (search_path). Hãy nhờ người quản trị tạo: CREATE SCHEMA ${quoteIdent(address.schema)};`);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw hide(e);
  }

  return {
    address,
    db,
    flush: async () => undefined, // the server keeps its own files safe
    close: () => pool.end(),
    async listen(fn) {
      const client = new pg.Client({ ...address.config, application_name: opts.applicationName ?? 'tonghop', connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
      client.on('error', () => undefined); // lost: no more refreshes, the data itself is unharmed
      client.on('notification', (n) => {
        if (!ours.has(n.processId)) fn();
      });
      try {
        await client.connect();
        const channel = await client.query<{ c: string }>(`SELECT 'tonghop_' || current_schema() AS c`);
        await client.query(`LISTEN ${quoteIdent(channel.rows[0]!.c)}`);
      } catch (e) {
        await client.end().catch(() => undefined);
        throw hide(e);
      }
      return () => client.end().catch(() => undefined);
    },
    async session<T>(fn: (db: DbRunner) => Promise<T>): Promise<T> {
      const client = await poolConnect();
      let broken: Error | undefined;
      try {
        return await fn(runnerOn(client, async () => client));
      } catch (e) {
        broken = e as Error;
        throw e;
      } finally {
        client.release(broken); // a session that failed is not handed to anyone else
      }
    },
  };
}
