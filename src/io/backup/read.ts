// Reading a backup file as a stream: gunzip chunk by chunk, split lines, hash the body as it
// passes, and refuse as soon as something is wrong. Never the whole uncompressed text in memory:
// a 1 MB gzip bomb (1 GB of one byte) must be refused after a few hundred KB, not after the
// program has tried to hold a gigabyte (or a string longer than V8 allows).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupHeader, type BackupSection, type ParsedBackup, corrupt, notBackup } from './format.js';
import { formatBytes } from './describe.js';
import { formatInt } from '../../domain/text.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Sizes no real backup comes near (a commune's database: rows of ~40 bytes on average, the
 * longest a plan of ~1.5 KB; 256 MB is decades of daily typing), so anything above is refused.
 */
export const BACKUP_LIMITS = {
  /** The header line (format, counts, checksum). */
  headerLine: 64 * KiB,
  /** A table's line (name, columns, types). */
  sectionLine: 64 * KiB,
  /** One row (a 2,000-character note is 8 KB at most). */
  row: 256 * KiB,
  /** Room per row the header announces, on average, and room for everything else. */
  perRow: 2 * KiB,
  base: 1 * MiB,
  /** Whatever the header says. */
  total: 256 * MiB,
  /** Rows in all (each one a string held until it is loaded). */
  rows: 5_000_000,
};

/** The most the body may unpack to, from the header's counts: a bomb is refused when it passes this. */
export function uncompressedCap(header: Pick<BackupHeader, 'counts'>): number {
  const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
  const tables = Object.keys(header.counts).length;
  return Math.min(BACKUP_LIMITS.total, BACKUP_LIMITS.base + tables * BACKUP_LIMITS.sectionLine + rows * BACKUP_LIMITS.perRow);
}

const tooBig = (file: string, what: string) =>
  new BackupError(
    'too-big',
    `Bản sao lưu "${file}" không được nhận: ${what}. Tệp này bị hỏng hoặc được tạo ra có chủ ý (không phải do tonghop ghi). Không có gì bị thay đổi; hãy chọn một bản sao lưu khác.`,
  );

function checkHeader(header: BackupHeader, file: string): void {
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
  if (typeof header.counts !== 'object' || !header.counts || Array.isArray(header.counts) || typeof header.sha256 !== 'string')
    throw corrupt(file, 'thiếu thông tin đầu tệp');
  for (const [t, n] of Object.entries(header.counts))
    if (!Number.isSafeInteger(n) || n < 0) throw corrupt(file, `số dòng của bảng ${t} ở đầu tệp không hợp lệ`);
  const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
  if (rows > BACKUP_LIMITS.rows) throw tooBig(file, `đầu tệp ghi ${formatInt(rows)} dòng, quá ${formatInt(BACKUP_LIMITS.rows)} dòng`);
}

/** Open the file and tell "missing", "a folder", "not ours" apart before any decompression. */
function openBackup(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new BackupError('not-backup', `"${file}" là một thư mục, không phải tệp sao lưu.`);
    throw new BackupError('missing', `Không đọc được tệp "${file}"${code === 'ENOENT' ? ': không có tệp này' : `: ${code}`}.`);
  }
  const magic = Buffer.alloc(2);
  let n = 0;
  try {
    n = fs.readSync(fd, magic, 0, 2, 0);
  } catch (e) {
    fs.closeSync(fd);
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new BackupError('not-backup', `"${file}" là một thư mục, không phải tệp sao lưu.`);
    throw new BackupError('missing', `Không đọc được tệp "${file}": ${(e as NodeJS.ErrnoException).code}.`);
  }
  if (n < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
    fs.closeSync(fd);
    throw notBackup(file);
  }
  return fd;
}

/** Check everything (format, version, sizes, checksum, counts) before anything uses the content. */
export async function readBackup(file: string): Promise<ParsedBackup> {
  const fd = openBackup(file);
  let header: BackupHeader | null = null;
  let cap = BACKUP_LIMITS.headerLine;
  let unpacked = 0;
  const hash = createHash('sha256');
  const sections: BackupSection[] = [];
  let current: BackupSection | null = null;

  const lineLimit = () => (!header ? BACKUP_LIMITS.headerLine : current ? BACKUP_LIMITS.row : BACKUP_LIMITS.sectionLine);
  const onLine = (bytes: Buffer, ended: boolean) => {
    if (!header) {
      try {
        header = JSON.parse(bytes.toString('utf8')) as BackupHeader;
      } catch {
        throw notBackup(file);
      }
      checkHeader(header, file);
      cap = bytes.length + 1 + uncompressedCap(header);
      return;
    }
    hash.update(bytes);
    if (ended) hash.update('\n');
    if (bytes[0] === 0x5b /* [ */) {
      if (!current) throw corrupt(file, 'dòng dữ liệu nằm ngoài bảng');
      if (current.rows.length >= (header.counts[current.table] ?? 0))
        throw corrupt(file, `bảng ${current.table} có nhiều dòng hơn đầu tệp ghi (${formatInt(header.counts[current.table] ?? 0)})`);
      current.rows.push(bytes.toString('utf8'));
      return;
    }
    let s: { table?: unknown; columns?: unknown };
    try {
      s = JSON.parse(bytes.toString('utf8')) as typeof s;
    } catch {
      throw corrupt(file, 'dòng không đọc được');
    }
    if (typeof s.table !== 'string' || !Array.isArray(s.columns)) throw corrupt(file, 'thiếu tên bảng hoặc cột');
    if (!Object.hasOwn(header.counts, s.table)) throw corrupt(file, `bảng ${s.table} không có trong đầu tệp`);
    if (sections.some((x) => x.table === s.table)) throw corrupt(file, `bảng ${s.table} xuất hiện hai lần`);
    current = { table: s.table, columns: s.columns.map(String), rows: [] };
    sections.push(current);
  };

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const tooLong = () => tooBig(file, `có một dòng dài hơn ${formatBytes(lineLimit())}`);
  let refusal: BackupError | null = null;
  const consume = (chunk: Buffer) => {
    try {
      split(chunk);
    } catch (e) {
      if (e instanceof BackupError) refusal = e;
      throw e;
    }
  };
  const split = (chunk: Buffer) => {
    unpacked += chunk.length;
    if (unpacked > cap) throw header ? tooBig(file, `giải nén ra hơn ${formatBytes(cap)}, nhiều hơn số dòng ghi ở đầu tệp có thể chiếm`) : notBackup(file);
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl < 0) {
        if (start < chunk.length) {
          pending.push(chunk.subarray(start));
          pendingBytes += chunk.length - start;
          if (pendingBytes > lineLimit()) throw header ? tooLong() : notBackup(file);
        }
        break;
      }
      if (pendingBytes + nl - start > lineLimit()) throw header ? tooLong() : notBackup(file);
      const line = pendingBytes ? Buffer.concat([...pending, chunk.subarray(start, nl)]) : chunk.subarray(start, nl);
      pending = [];
      pendingBytes = 0;
      onLine(line, true);
      start = nl + 1;
    }
  };
  try {
    await pipeline(fs.createReadStream('', { fd, highWaterMark: 64 * KiB }), zlib.createGunzip({ chunkSize: 64 * KiB }), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) consume(chunk);
    });
  } catch (e) {
    // pipeline reports our own refusal as an AbortError of the streams it destroyed
    if (refusal) throw refusal;
    if (e instanceof BackupError) throw e;
    throw corrupt(file, `không giải nén được: ${(e as Error).message}`);
  }
  if (pendingBytes) onLine(Buffer.concat(pending), false);
  if (!header) throw notBackup(file);
  const h: BackupHeader = header;
  if (hash.digest('hex') !== h.sha256) throw corrupt(file, 'mã kiểm tra SHA-256 không khớp');
  const names = new Set(sections.map((s) => s.table));
  for (const table of Object.keys(h.counts)) if (!names.has(table)) throw corrupt(file, `thiếu bảng ${table}`);
  for (const s of sections) {
    const want = h.counts[s.table];
    if (want !== s.rows.length) throw corrupt(file, `bảng ${s.table} có ${s.rows.length} dòng, đầu tệp ghi ${want ?? 'không có'}`);
  }
  return { header: h, sections };
}
