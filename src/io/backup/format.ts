// The backup file: gzip of UTF-8 text lines, readable by any later tonghop (and by a person with
// 7-Zip). Line 1 is the header:
//   {"format":"tonghop-backup","version":1,"schema":N,"created":ISO,"unit":NAME,
//    "counts":{table:n,…},"sha256":HEX}
// then, for every table in dependency order, a line {"table":T,"columns":[…],"types":[…]} followed
// by one JSON array per row, each value as PostgreSQL's text form (null for NULL). `sha256` covers
// every byte after the header line. Text forms are what pg_dump relies on too: they do not change
// between PostgreSQL (and so PGlite) versions, unlike a copy of the data folder.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { DatabaseDump } from '../../db/dump.js';

export const BACKUP_FORMAT = 'tonghop-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schema: number;
  created: string;
  unit: string | null;
  counts: Record<string, number>;
  sha256: string;
}

export interface BackupSection {
  table: string;
  columns: string[];
  /** Each row: a JSON array text, as in the file (loaded by the database itself, never re-encoded). */
  rows: string[];
}

export interface ParsedBackup {
  header: BackupHeader;
  sections: BackupSection[];
}

export type BackupProblem = 'missing' | 'not-backup' | 'corrupt' | 'newer' | 'too-big' | 'other-unit';

/** A backup file was refused: the message (Vietnamese) says why and what to do. */
export class BackupError extends Error {
  constructor(
    public readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
  }
}

export const notBackup = (file: string) =>
  new BackupError('not-backup', `Tệp "${file}" không phải là bản sao lưu của tonghop. Không có gì bị thay đổi.`);
export const corrupt = (file: string, why: string) =>
  new BackupError('corrupt', `Bản sao lưu "${file}" bị hỏng (${why}). Không có gì bị thay đổi; hãy chọn một bản sao lưu khác.`);

const gzip = promisify(zlib.gzip);

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The backup of a dump: the header (counts, checksum) and the body lines. */
export function buildBackup(dump: DatabaseDump, now: Date): { header: BackupHeader; body: string } {
  const counts: Record<string, number> = {};
  let body = '';
  for (const t of dump.tables) {
    counts[t.table] = t.count;
    body += JSON.stringify({ table: t.table, columns: t.columns, types: t.types }) + '\n';
    if (t.rows) body += t.rows + '\n';
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: dump.schema,
    created: now.toISOString(),
    unit: dump.unit,
    counts,
    sha256: sha256(body),
  };
  return { header, body };
}

/** The file's bytes (gzip runs off the main thread: the terminal stays responsive). */
export async function encodeBackup(header: BackupHeader, body: string): Promise<Buffer> {
  return gzip(Buffer.from(JSON.stringify(header) + '\n' + body, 'utf8'));
}

// Reading one back (streamed, checked, capped): read.ts.
