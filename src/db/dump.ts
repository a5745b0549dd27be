// The whole database as text and back: every table's rows in PostgreSQL's text form of each
// value, which does not change between PostgreSQL (and so PGlite) versions, unlike a copy of the
// data folder. The backup file's format around it is io/backup/format.ts.
import { isUnitCode, unitSchemaName } from '../domain/unit-code.js';
import { type TableInfo, listTables } from './catalog.js';
import type { Db, DbRunner } from './database.js';
import { quoteIdent } from './database.js';
import { migrate, schemaVersion } from './migrate.js';
import { nestedRunner, scopedTx } from './scoped.js';
import { type BulkTable, KeyMismatchError, dropValueKey, openBulkKeys } from './bulk-keys.js';
import { SCHEMA_VERSION } from './migrations/index.js';

export interface TableDump {
  table: string;
  columns: string[];
  /** SQL types, as format_type prints them. */
  types: string[];
  count: number;
  /** One JSON array text per row (each value's text form, null for NULL), joined by '\n'; null when empty. */
  rows: string | null;
}

export interface DatabaseDump {
  schema: number;
  unit: string | null;
  tables: TableDump[];
}

/** Every table's rows (parents first, by primary key), read in one transaction: one consistent moment. */
export async function dumpTables(db: DbRunner): Promise<DatabaseDump> {
  return db.transaction(async (tx) => {
    // Fixed text forms whatever the session's settings: ISO dates, UTC times, exact floats.
    await tx.exec(`SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL TimeZone = 'UTC'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3`);
    const schema = await schemaVersion(tx);
    const unit = await tx
      .query<{ name: string }>(`SELECT name FROM unit LIMIT 1`)
      .then((r) => r.rows[0]?.name ?? null)
      .catch(() => null);
    const tables = await dumpSchema(tx, '');
    // A province's received communes, each in its schema: section names `unit_<code>.<table>`.
    for (const code of await receivedCodes(tx)) {
      const unitTx = scopedTx(tx, unitSchemaName(code));
      // Brought to this schema's version first (as opening it would), so the file has one version.
      if ((await schemaVersion(unitTx)) < schema) await migrate(nestedRunner(unitTx), schema);
      tables.push(...(await dumpSchema(unitTx, `${unitSchemaName(code)}.`)));
    }
    return { schema, unit, tables };
  });
}

async function dumpSchema(tx: Db, prefix: string): Promise<TableDump[]> {
  const tables: TableDump[] = [];
  for (const t of await listTables(tx)) {
    const row = `array_to_json(ARRAY[${t.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ')}]::text[])::text`;
    const order = t.key.length ? t.key.map(quoteIdent).join(', ') : row;
    const r = await tx.query<{ n: number; rows: string | null }>(`SELECT count(*) AS n, string_agg(${row}, E'\\n' ORDER BY ${order}) AS rows FROM ${quoteIdent(t.name)}`);
    const { n, rows } = r.rows[0]!;
    tables.push({ table: prefix + t.name, columns: t.columns.map((c) => c.name), types: t.columns.map((c) => c.type), count: n, rows });
  }
  return tables;
}

/** The codes of the communes a province holds (none on a commune, or before the table existed). */
async function receivedCodes(tx: Db): Promise<string[]> {
  const has = await tx.query<{ t: string | null }>(`SELECT to_regclass('received_unit')::text AS t`);
  if (!has.rows[0]?.t) return [];
  return (await tx.query<{ c: string }>(`SELECT unit_code AS c FROM received_unit ORDER BY unit_code`)).rows.map((r) => r.c);
}

export interface TableLoad {
  table: string;
  columns: string[];
  /** One JSON array text per row, as dumpTables wrote it. */
  rows: string[];
}

/** The rows do not fit this database's schema (a damaged or foreign dump): the message says how. */
export class LoadMismatchError extends Error {}

/** Rows per COPY: each chunk's JSON is parsed and its COPY text built only when it is written. */
const CHUNK = 20_000;

/** How a load went: the tables written with their per-row key triggers off (bulk-keys.ts). */
export interface LoadReport {
  fastTables: string[];
}

/**
 * Replace every table's rows with the dump's and move counters past them (call inside a
 * transaction). `schema` names the schema the rows were dumped from, for the messages.
 */
export async function loadTables(tx: Db, sections: readonly TableLoad[], schema: number): Promise<LoadReport> {
  const report: LoadReport = { fastTables: [] };
  const own = sections.filter((s) => !s.table.includes('.'));
  const units = new Map<string, TableLoad[]>();
  for (const s of sections) {
    if (!s.table.includes('.')) continue;
    const m = /^unit_(\d{5})\.([a-z0-9_]+)$/u.exec(s.table);
    if (!m || !isUnitCode(m[1]!)) throw new LoadMismatchError(`tên bảng lạ: ${s.table}`);
    const list = units.get(m[1]!) ?? [];
    list.push({ ...s, table: m[2]! });
    units.set(m[1]!, list);
  }
  // The communes held now go (a server's are replaced; they are in the backup written before).
  for (const code of await receivedCodes(tx)) await tx.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(unitSchemaName(code))} CASCADE`);
  await loadSchema(tx, own, schema, report);
  const held = new Set(await receivedCodes(tx));
  for (const [code, list] of units) {
    if (!held.has(code)) throw new LoadMismatchError(`có dữ liệu của đơn vị ${code} nhưng không có trong danh sách đơn vị đã nhận`);
    const name = unitSchemaName(code);
    await tx.exec(`CREATE SCHEMA ${quoteIdent(name)}`);
    const unitTx = scopedTx(tx, name);
    await migrate(nestedRunner(unitTx), schema);
    await loadSchema(unitTx, list, schema, report, `${name}.`);
  }
  const missing = [...held].filter((c) => !units.has(c));
  if (missing.length) throw new LoadMismatchError(`thiếu dữ liệu của các đơn vị đã nhận ${missing.join(', ')}`);
  return report;
}

/** The import's tables: written through bulk-keys (key triggers off, every key checked after). */
const BULK = new Set<string>(['value_change', 'form', 'form_value'] satisfies BulkTable[]);

/**
 * The rows go in by COPY (each value's text form is what COPY reads, as the cast did), the
 * import's three big tables with their key triggers off and their keys checked after, once, as
 * the import does; the other tables keep their triggers (a few thousand rows each).
 */
async function loadSchema(tx: Db, sections: readonly TableLoad[], schema: number, report: LoadReport, prefix = ''): Promise<void> {
  const tables = new Map<string, TableInfo>((await listTables(tx)).map((t) => [t.name, t]));
  // Emptied with every trigger on (form_value's rows go with their form: ON DELETE CASCADE).
  for (const s of [...sections].reverse()) if (tables.has(s.table)) await tx.exec(`DELETE FROM ${quoteIdent(s.table)}`);
  // bulk-keys' checks are written against today's schema: an older backup's rows load with the triggers on.
  const keys = await openBulkKeys(tx, schema === SCHEMA_VERSION);
  for (const s of sections) {
    const t = tables.get(s.table);
    if (!t) throw new LoadMismatchError(`bảng ${s.table} không có trong lược đồ số ${schema}`);
    const types = new Map(t.columns.map((c) => [c.name, c.type]));
    const missing = s.columns.filter((c) => !types.has(c));
    if (missing.length) throw new LoadMismatchError(`bảng ${s.table} có cột lạ: ${missing.join(', ')}`);
    const copy = async () => {
      for (let i = 0; i < s.rows.length; i += CHUNK) await tx.copyRows(s.table, s.columns, parsedRows(s, i, i + CHUNK));
    };
    if (keys.fast && BULK.has(s.table)) {
      // The values' key built once after their rows, as a first import does: the table was emptied above.
      const buildKey = s.table === 'form_value' ? await dropValueKey(tx) : null;
      await keys.writing(copy);
      await buildKey?.();
      report.fastTables.push(prefix + s.table);
    } else await copy();
    for (const c of t.columns) {
      if (!c.sequence) continue;
      await tx.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(c.name)}) FROM ${quoteIdent(t.name)}), 0) + 1, false)`, [c.sequence]);
    }
    const n = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(s.table)}`);
    if (n.rows[0]?.n !== s.rows.length) throw new LoadMismatchError(`bảng ${s.table}: nạp ${n.rows[0]?.n} dòng thay vì ${s.rows.length}`);
  }
  try {
    await keys.finish();
  } catch (e) {
    // bulk-keys' refusal speaks of an import: say what it means for a backup (anything else as it is).
    if (!(e instanceof KeyMismatchError)) throw e;
    throw new LoadMismatchError(`${e.rows} dòng của bảng ${e.table} không khớp tổ/chỉ số/phiếu`);
  }
}

/**
 * The key bulk-keys bounds its checks by (rows above the largest before: 0 here, the tables were
 * emptied): a sequence starts at 1, so a row at 0 or below is not ours, and would go unchecked.
 */
const BOUND: Record<string, string> = { value_change: 'id', form: 'id', form_value: 'form_id' };

/** Rows [from, to) of a section as values (JSON arrays of text or null, as dumpTables wrote them). */
function* parsedRows(s: TableLoad, from: number, to: number): Generator<(string | null)[]> {
  const bound = BOUND[s.table] ? s.columns.indexOf(BOUND[s.table]!) : -1;
  for (let i = from; i < Math.min(to, s.rows.length); i++) {
    const values = JSON.parse(s.rows[i]!) as unknown;
    if (!Array.isArray(values) || values.length !== s.columns.length || values.some((v) => v !== null && typeof v !== 'string'))
      throw new LoadMismatchError(`bảng ${s.table}, dòng ${i + 1} không phải ${s.columns.length} giá trị văn bản`);
    if (bound >= 0 && !/^[1-9]\d*$/u.test(String(values[bound])))
      throw new LoadMismatchError(`bảng ${s.table}, dòng ${i + 1}: mã ${BOUND[s.table]} không hợp lệ (${String(values[bound]).slice(0, 20)})`);
    yield values as (string | null)[];
  }
}
