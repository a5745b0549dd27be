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
import { SCHEMA_VERSION } from '../../db/migrations/index.js';

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

export type BackupProblem = 'missing' | 'not-backup' | 'corrupt' | 'newer';

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
const gunzip = promisify(zlib.gunzip);

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

function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Check everything (format, version, checksum, counts) before anything uses the content. */
export async function parseBackup(buf: Buffer, file: string): Promise<ParsedBackup> {
  if (!isGzip(buf)) throw notBackup(file);
  let text: Buffer;
  try {
    text = await gunzip(buf);
  } catch (e) {
    throw corrupt(file, `không giải nén được: ${(e as Error).message}`);
  }
  const nl = text.indexOf(0x0a);
  if (nl < 0) throw notBackup(file);
  let header: BackupHeader;
  try {
    header = JSON.parse(text.subarray(0, nl).toString('utf8')) as BackupHeader;
  } catch {
    throw notBackup(file);
  }
  if (header?.format !== BACKUP_FORMAT) throw notBackup(file);
  if (typeof header.version !== 'number' || header.version > BACKUP_VERSION)
    throw new BackupError(
      'newer',
      `Bản sao lưu "${file}" có định dạng số ${header.version}, mới hơn chương trình này (số ${BACKUP_VERSION}). Hãy cập nhật tonghop rồi khôi phục. Không có gì bị thay đổi.`,
    );
  if (typeof header.schema !== 'number' || header.schema > SCHEMA_VERSION)
    throw new BackupError(
      'newer',
      `Bản sao lưu "${file}" được tạo bởi phiên bản tonghop mới hơn (lược đồ số ${header.schema}, chương trình này chỉ hiểu đến số ${SCHEMA_VERSION}). Hãy cập nhật tonghop rồi khôi phục. Không có gì bị thay đổi.`,
    );
  if (typeof header.counts !== 'object' || !header.counts || typeof header.sha256 !== 'string') throw corrupt(file, 'thiếu thông tin đầu tệp');
  const bodyBytes = text.subarray(nl + 1);
  if (sha256(bodyBytes) !== header.sha256) throw corrupt(file, 'mã kiểm tra SHA-256 không khớp');
  const sections: BackupSection[] = [];
  let current: BackupSection | null = null;
  const lines = bodyBytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('[')) {
      if (!current) throw corrupt(file, 'dòng dữ liệu nằm ngoài bảng');
      current.rows.push(line);
    } else {
      let s: { table?: unknown; columns?: unknown };
      try {
        s = JSON.parse(line) as typeof s;
      } catch {
        throw corrupt(file, 'dòng không đọc được');
      }
      if (typeof s.table !== 'string' || !Array.isArray(s.columns)) throw corrupt(file, 'thiếu tên bảng hoặc cột');
      current = { table: s.table, columns: s.columns.map(String), rows: [] };
      sections.push(current);
    }
  }
  const names = new Set(sections.map((s) => s.table));
  for (const table of Object.keys(header.counts)) if (!names.has(table)) throw corrupt(file, `thiếu bảng ${table}`);
  for (const s of sections) {
    const want = header.counts[s.table];
    if (want !== s.rows.length) throw corrupt(file, `bảng ${s.table} có ${s.rows.length} dòng, đầu tệp ghi ${want ?? 'không có'}`);
  }
  return { header, sections };
}

/** The header alone (for a list or a confirmation): still checks that the file is whole. */
export async function readHeader(buf: Buffer, file: string): Promise<BackupHeader> {
  return (await parseBackup(buf, file)).header;
}
