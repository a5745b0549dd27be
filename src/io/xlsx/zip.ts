// Reading the zip inside an .xlsx without trusting it: the central directory's sizes are
// checked against the caps before anything is inflated (a zip bomb is refused unopened), and
// inflating stops the moment an entry gives more than it declared or the total passes the cap.
import { Inflate } from 'fflate';
import { FileRefusedError } from '../csv/problems.js';

export interface ZipLimits {
  compressed: number;
  uncompressed: number;
  entries: number;
}

export const XLSX_LIMITS: Readonly<ZipLimits> = {
  compressed: 20 * 1024 * 1024,
  uncompressed: 200 * 1024 * 1024,
  entries: 10_000,
};

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  compressedSize: number;
  size: number; // declared uncompressed size
  offset: number; // of the local header
}

const NOT_XLSX = 'Tệp không phải sổ Excel .xlsx đọc được (tệp nén bị hỏng).';

export function listZip(bytes: Uint8Array, limits: Readonly<ZipLimits> = XLSX_LIMITS): Map<string, ZipEntry> {
  if (bytes.length > limits.compressed)
    throw new FileRefusedError(`Sổ Excel quá lớn (${mb(bytes.length)} MB; tối đa ${mb(limits.compressed)} MB).`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: its signature within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FileRefusedError(NOT_XLSX);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new FileRefusedError(`${NOT_XLSX} (dạng ZIP64 không được hỗ trợ)`);
  if (count > limits.entries) throw new FileRefusedError(`Sổ Excel có quá nhiều phần (${count}).`);
  if (dirOffset + dirSize > eocd) throw new FileRefusedError(NOT_XLSX);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw new FileRefusedError(NOT_XLSX);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw new FileRefusedError('Sổ Excel có đặt mật khẩu (mã hoá): hãy bỏ mật khẩu rồi lưu lại.');
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new FileRefusedError(`${NOT_XLSX} (dạng ZIP64 không được hỗ trợ)`);
    total += size;
    if (total > limits.uncompressed)
      throw new FileRefusedError(`Sổ Excel khi giải nén quá lớn (trên ${mb(limits.uncompressed)} MB): không mở.`);
    entries.set(name, { name, method, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflate one entry in chunks, handing each piece to `sink`. Stops with a refusal as soon as the
 * entry yields more than it declared or than `budget.left` (shared by all entries of one file).
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, sink: (chunk: Uint8Array) => void, budget: { left: number }): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.offset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw new FileRefusedError(NOT_XLSX);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new FileRefusedError(NOT_XLSX);
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    budget.left -= chunk.length;
    if (produced > entry.size || budget.left < 0) throw new FileRefusedError(`Sổ Excel khi giải nén lớn hơn kích thước khai báo: tệp hỏng hoặc nguy hiểm, không mở.`);
    sink(chunk);
  };
  if (entry.method === 0) {
    take(bytes.subarray(start, end));
    return;
  }
  if (entry.method !== 8) throw new FileRefusedError(`${NOT_XLSX} (kiểu nén ${entry.method})`);
  const inflater = new Inflate((chunk) => take(chunk));
  const STEP = 64 * 1024;
  try {
    for (let i = start; i < end; i += STEP) inflater.push(bytes.subarray(i, Math.min(end, i + STEP)), i + STEP >= end);
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    throw new FileRefusedError(`${NOT_XLSX} (${entry.name})`);
  }
  if (produced !== entry.size) throw new FileRefusedError(`${NOT_XLSX} (${entry.name})`);
}

/** A whole (small) entry as text: the workbook, its relations, styles. */
export function readEntryText(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }): string {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  readEntry(bytes, entry, (c) => (out += decoder.decode(c, { stream: true })), budget);
  return out + decoder.decode();
}

function mb(n: number): string {
  return String(Math.round((n / 1024 / 1024) * 10) / 10).replace('.', ',');
}
