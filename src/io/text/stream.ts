// A text file read as a stream, for files too big to hold (a province's 50 MB figures file):
// the encoding is decided as decode.ts decides it for a whole file, but from a sample — the
// first MiB plus every later line holding a byte beyond ASCII (the only lines where encodings
// differ), up to another MiB — and from one pass over all the bytes saying whether the file is
// UTF-8 throughout and has a NUL byte. Then the file is decoded piece by piece, each piece
// ending at a line break (so NFC and the TCVN3/VNI conversion never cut a letter or a field).
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { FileRefusedError } from '../csv/problems.js';
import { type DecodedText, type EncodingOption, RESAVE_ADVICE, type WholeFile, decodeText, guessUtf16, refuseKnownBinaries } from './decode.js';
import { type LegacyFont, convertWithPlan, planLegacy } from './legacy.js';

const MiB = 1024 * 1024;
const CHUNK = MiB;
/** The sample's two parts: the start of the file, then lines beyond ASCII from the rest. */
const SAMPLE_HEAD = MiB;
const SAMPLE_REST = MiB;
/** A piece with no line break in it is cut here all the same (one line of many MiB). */
const PIECE_MAX = 4 * MiB;

export type StreamInfo = Omit<DecodedText, 'text'>;

export interface TextStream {
  file: string;
  size: number;
  info: StreamInfo;
  /** The decoded start of the file (≥ 64 KiB, whole lines): its header, its kind, its delimiter. */
  head: string;
  /** The whole text (NFC, BOM removed), in pieces; each call reads the file again. `onBytes`: bytes read so far. */
  pieces(onBytes?: (read: number) => void): AsyncGenerator<string>;
}

async function* chunksOf(file: string): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

const utf16Of = (c: Buffer): 'utf-16le' | 'utf-16be' | null =>
  c[0] === 0xff && c[1] === 0xfe ? 'utf-16le' : c[0] === 0xfe && c[1] === 0xff ? 'utf-16be' : null;

/** Decide the encoding (refusing what decode.ts refuses), without holding the file. */
export async function openTextFile(file: string, option: EncodingOption = 'auto'): Promise<TextStream> {
  const size = (await fs.promises.stat(file)).size;
  if (size === 0) throw new FileRefusedError('Tệp rỗng: không có dòng tiêu đề nào.');
  let first: Buffer | null = null;
  for await (const c of chunksOf(file)) {
    first = c;
    break;
  }
  refuseKnownBinaries(first!);
  const utf8Bom = first![0] === 0xef && first![1] === 0xbb && first![2] === 0xbf;
  const wide = !utf8Bom && (utf16Of(first!) !== null || option === 'utf16' || (size % 2 === 0 && guessUtf16(first!) !== null));
  let info: StreamInfo;
  if (wide) {
    // UTF-16 is read as it is decided: from its first MiB (cut at a line break, whole code units).
    info = strip(decodeText(utf16Sample(first!, size), option));
  } else {
    const { sample, whole } = await sampleBytes(file);
    info = strip(decodeText(sample, option, whole));
  }
  const stream: TextStream = {
    file,
    size,
    info,
    head: '',
    pieces: (onBytes) => decodePieces(file, info, onBytes),
  };
  for await (const p of stream.pieces()) {
    stream.head += p;
    if (stream.head.length >= 64 * 1024) break;
  }
  return stream;
}

function strip(d: DecodedText): StreamInfo {
  const { text: _, ...info } = d;
  return info;
}

function utf16Sample(first: Buffer, size: number): Buffer {
  if (first.length === size) return first;
  const le = utf16Of(first) === 'utf-16le' || guessUtf16(first.subarray(0, first.length & ~1)) === 'utf-16le';
  // The last line feed (0x0A as a whole code unit), so the sample ends between characters.
  for (let i = (first.length & ~1) - 2; i >= 2; i -= 2) {
    if (le ? first[i] === 0x0a && first[i + 1] === 0 : first[i] === 0 && first[i + 1] === 0x0a) return first.subarray(0, i + 2);
  }
  return first.subarray(0, first.length & ~1);
}

/** One pass over the bytes: the sample, and what holds for the whole file. */
async function sampleBytes(file: string): Promise<{ sample: Buffer; whole: WholeFile }> {
  const whole: WholeFile = { utf8: true, nul: false };
  const parts: Buffer[] = [];
  let head = 0;
  let rest = 0;
  let carry: Buffer | null = null;
  const block = (b: Buffer) => {
    if (whole.utf8 && !isUtf8(b)) whole.utf8 = false;
    if (!whole.nul && b.includes(0)) whole.nul = true;
    if (head < SAMPLE_HEAD) {
      parts.push(b);
      head += b.length;
      return;
    }
    if (rest >= SAMPLE_REST || isAscii(b)) return;
    for (let start = 0; start < b.length && rest < SAMPLE_REST; ) {
      const nl = b.indexOf(0x0a, start);
      const end = nl < 0 ? b.length : nl + 1;
      const line = b.subarray(start, end);
      if (!isAscii(line)) {
        parts.push(Buffer.from(line));
        rest += line.length;
      }
      start = end;
    }
  };
  for await (const c of chunksOf(file)) {
    const b: Buffer = carry ? Buffer.concat([carry, c]) : c;
    // Blocks end at a line feed: a UTF-8 sequence never holds 0x0A, so none is cut.
    const nl = b.lastIndexOf(0x0a);
    if (nl < 0 && b.length < PIECE_MAX) {
      carry = Buffer.from(b);
      continue;
    }
    const cut = nl < 0 ? b.length : nl + 1;
    block(head < SAMPLE_HEAD ? Buffer.from(b.subarray(0, cut)) : b.subarray(0, cut));
    carry = cut < b.length ? Buffer.from(b.subarray(cut)) : null;
  }
  if (carry) block(carry);
  return { sample: Buffer.concat(parts), whole };
}

const WIN1252 = new TextDecoder('windows-1252');

/** The file decoded as `info` says, piece by piece, each ending at a line break. */
async function* decodePieces(file: string, info: StreamInfo, onBytes?: (read: number) => void): AsyncGenerator<string> {
  const label =
    info.container === 'utf8' ? 'utf-8' : info.container === 'utf16le' ? 'utf-16le' : info.container === 'utf16be' ? 'utf-16be' : info.container === 'cp1258' ? 'windows-1258' : null;
  // 'bytes': TCVN3/VNI held one byte a letter, read through Windows-1252's view (as decode.ts does).
  const decoder = label ? new TextDecoder(label, { fatal: label !== 'windows-1258' }) : WIN1252;
  const font: LegacyFont | null = info.converted ? (info.encoding as LegacyFont) : null;
  const plan = planLegacy([], font ?? 'none');
  const finish = (s: string) => convertWithPlan(s, plan).normalize('NFC');
  let carry = '';
  let read = 0;
  try {
    for await (const c of chunksOf(file)) {
      read += c.length;
      const text = carry + (label ? decoder.decode(c, { stream: true }) : decoder.decode(c));
      const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
      if (cut === 0 && text.length < PIECE_MAX) {
        carry = text;
        continue;
      }
      const end = cut === 0 ? text.length : cut;
      carry = text.slice(end);
      onBytes?.(read);
      yield finish(text.slice(0, end));
    }
    const last = carry + (label ? decoder.decode() : '');
    if (last) yield finish(last);
  } catch (e) {
    if (e instanceof TypeError && /decode|encoded/iu.test(e.message))
      throw new FileRefusedError(`Tệp có chỗ không đọc được ở mã ${label} (tệp bị hỏng hoặc đổi mã giữa chừng). ${RESAVE_ADVICE}`);
    throw e;
  }
}
