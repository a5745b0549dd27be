// Bytes of an imported text file → text, in the encodings an officer's files really come in:
// UTF-8 (BOM or not), UTF-16 with BOM (Excel's "Unicode Text"), Windows-1258 (Excel's
// "CSV (Comma delimited)" on Vietnamese Windows: tone marks as separate combining characters,
// so NFC after decoding), and TCVN3 / VNI text inside any of them. `--encoding` forces one.
// Anything else is refused with the Excel menu to use: a guess would corrupt names silently.
import { isUtf8 } from 'node:buffer';
import { FileRefusedError } from '../csv/problems.js';
import { type LegacyFont, convertLegacyText } from './legacy.js';
import { isSyllable, wordsOf } from './syllable.js';

export const ENCODING_OPTIONS = ['auto', 'utf8', 'utf16', 'cp1258', 'tcvn3', 'vni'] as const;
export type EncodingOption = (typeof ENCODING_OPTIONS)[number];

/** What the text was written in: the file's encoding, or the old font inside it. */
export type TextEncoding = 'utf8' | 'utf16' | 'cp1258' | LegacyFont;
/** How the file's bytes were read (TCVN3/VNI bytes outside UTF-8/16 are read one byte a letter). */
export type Container = 'utf8' | 'utf16le' | 'utf16be' | 'cp1258' | 'bytes';

export interface DecodedText {
  text: string; // NFC, BOM removed
  encoding: TextEncoding;
  container: Container;
  bom: boolean;
  /** TCVN3/VNI text was converted to Unicode. */
  converted: boolean;
  /** A field as read (converted, or decoded from Windows-1258), for the dry run and summary. */
  sample: string | null;
  /** The same field as it was in the file, when it was converted. */
  sampleBefore: string | null;
}

export const RESAVE_ADVICE =
  'Hãy mở tệp bằng Excel, chọn File → Save As (Lưu thành), chọn kiểu tệp "CSV UTF-8 (Comma delimited) (*.csv)" ' +
  '(Excel 2016 trở lên), "Unicode Text (*.txt)" (Excel 2010, 2013) hoặc "Excel Workbook (*.xlsx)", rồi nhập lại tệp mới.';

export function parseEncodingOption(s: string): EncodingOption | null {
  const k = s.trim().toLowerCase().replace(/[-_\s]/gu, '');
  const aliases: Record<string, EncodingOption> = {
    auto: 'auto', utf8: 'utf8', utf16: 'utf16', unicode: 'utf16', cp1258: 'cp1258', windows1258: 'cp1258',
    tcvn3: 'tcvn3', tcvn: 'tcvn3', abc: 'tcvn3', vntime: 'tcvn3', vni: 'vni',
  };
  return aliases[k] ?? null;
}

/** The encoding in Vietnamese, for the dry run, the summary and the import preview. */
export function encodingLabel(d: Pick<DecodedText, 'encoding' | 'container' | 'bom'>): string {
  const inside = d.container === 'utf16le' || d.container === 'utf16be' ? 'tệp UTF-16' : d.container === 'utf8' ? 'tệp UTF-8' : 'tệp một byte';
  switch (d.encoding) {
    case 'utf8':
      return d.bom ? 'UTF-8 (có BOM)' : 'UTF-8';
    case 'utf16':
      return `UTF-16 ${d.container === 'utf16be' ? 'BE' : 'LE'} (Unicode Text của Excel)`;
    case 'cp1258':
      return 'Windows-1258 (CSV của Excel trên Windows tiếng Việt)';
    case 'tcvn3':
      return `TCVN3 (ABC, phông .VnTime) trong ${inside}, đã chuyển sang Unicode`;
    case 'vni':
      return `VNI (phông VNI-Times) trong ${inside}, đã chuyển sang Unicode`;
  }
}

/**
 * What is known of a whole file when only a sample of it is decoded (a file read as a stream,
 * text/stream.ts): whether every byte of it is UTF-8, and whether it holds a NUL byte.
 */
export interface WholeFile {
  utf8: boolean;
  nul: boolean;
}

export function decodeText(bytes: Uint8Array, option: EncodingOption = 'auto', whole?: WholeFile): DecodedText {
  refuseKnownBinaries(bytes);
  const read = readContainer(bytes, option, whole);
  const legacyMode = option === 'tcvn3' || option === 'vni' ? option : option === 'auto' ? 'auto' : 'none';
  let text = read.text;
  let encoding: TextEncoding = read.container === 'utf8' ? 'utf8' : read.container === 'cp1258' ? 'cp1258' : 'utf16';
  let sample: string | null = null;
  let sampleBefore: string | null = null;
  let converted = false;
  if (read.container === 'bytes' || legacyMode !== 'none') {
    // A one-byte file is compared with its Windows-1258 reading, field by field.
    const baseline = read.container === 'bytes' ? (f: string) => cp1258FromLatin(f) : undefined;
    const legacy = convertLegacyText(text, legacyMode, baseline);
    if (legacy.font) {
      text = legacy.text;
      encoding = legacy.font;
      converted = true;
      sample = legacy.sample?.after ?? null;
      sampleBefore = legacy.sample?.before ?? null;
    } else if (read.container === 'bytes') {
      // One-byte text that is not TCVN3/VNI: Windows-1258, if it reads as Vietnamese.
      text = WIN1258.decode(bytes);
      encoding = 'cp1258';
      read.container = 'cp1258';
    }
  }
  text = text.normalize('NFC');
  const guessed = option === 'auto' && (read.container === 'cp1258' || read.container === 'bytes');
  if (guessed && !readsAsVietnamese(text))
    throw new FileRefusedError(`Không đọc được mã chữ của tệp (không phải UTF-8, UTF-16, Windows-1258, TCVN3 hay VNI). ${RESAVE_ADVICE}`);
  if (read.container === 'cp1258') sample = firstNonAscii(text);
  if (text.trim() === '') throw new FileRefusedError('Tệp rỗng: không có dòng tiêu đề nào.');
  return { text, encoding, container: read.container, bom: read.bom, converted, sample, sampleBefore };
}

function readContainer(bytes: Uint8Array, option: EncodingOption, whole?: WholeFile): { text: string; container: Container; bom: boolean } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const utf8Bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null;
  if (option === 'cp1258') return { text: new TextDecoder('windows-1258').decode(bytes), container: 'cp1258', bom: false };
  if (utf16 && !utf8Bom) {
    if (option === 'utf8') throw new FileRefusedError(`Tệp ở mã UTF-16, không phải UTF-8 như đã chọn (--encoding utf8). Hãy bỏ --encoding hoặc chọn --encoding utf16.`);
    return { text: decodeUtf16(bytes.subarray(2), utf16), container: utf16 === 'utf-16le' ? 'utf16le' : 'utf16be', bom: true };
  }
  if (option === 'utf16') {
    const guess = guessUtf16(bytes);
    if (!guess) throw new FileRefusedError(`Tệp không phải mã UTF-16 như đã chọn (--encoding utf16). ${RESAVE_ADVICE}`);
    return { text: decodeUtf16(bytes, guess), container: guess === 'utf-16le' ? 'utf16le' : 'utf16be', bom: false };
  }
  if (guessUtf16(bytes))
    throw new FileRefusedError(`Tệp có vẻ ở mã UTF-16 nhưng thiếu dấu BOM ở đầu. Hãy thử --encoding utf16, hoặc: ${RESAVE_ADVICE}`);
  if (whole ? whole.utf8 && isUtf8(bytes) : isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes); // drops the BOM
    return { text, container: 'utf8', bom: utf8Bom };
  }
  if (option === 'utf8') throw new FileRefusedError(`Tệp không phải mã UTF-8 như đã chọn (--encoding utf8). ${RESAVE_ADVICE}`);
  if (whole?.nul || bytes.includes(0)) throw new FileRefusedError(`Tệp có ký tự NUL: không phải tệp văn bản (CSV). ${RESAVE_ADVICE}`);
  // One byte a character. Windows-1252's view keeps TCVN3/VNI bytes as Excel held them.
  return { text: WIN1252.decode(bytes), container: 'bytes', bom: false };
}

const WIN1252 = new TextDecoder('windows-1252');
const WIN1258 = new TextDecoder('windows-1258');

/** A field read one byte a character (Windows-1252's view) read again as Windows-1258. */
function cp1258FromLatin(field: string): string {
  return WIN1258.decode(Uint8Array.from(encode1252(field))).normalize('NFC');
}

// Windows-1252's view back to its bytes (each character came from exactly one byte).
const BACK_1252 = new Map<string, number>();
for (let b = 0; b < 256; b++) BACK_1252.set(WIN1252.decode(Uint8Array.of(b)), b);
function encode1252(s: string): number[] {
  return [...s].map((ch) => BACK_1252.get(ch) ?? 0x3f);
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefusedError(`Tệp UTF-16 bị hỏng (độ dài lẻ hoặc ký tự không hợp lệ). ${RESAVE_ADVICE}`);
  }
}

/** ASCII text in UTF-16 has a zero in every other byte: which side says LE or BE. */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2) return null;
  const n = Math.min(bytes.length, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

export function refuseKnownBinaries(bytes: Uint8Array): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    throw new FileRefusedError('Tệp là một tệp nén (ví dụ sổ Excel .xlsx), không phải CSV: hãy đặt tên tệp có đuôi .xlsx để nhập như sổ Excel.');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new FileRefusedError(
      'Tệp ở dạng Excel 97-2003 (.xls) cũ, không đọc được. Hãy mở tệp bằng Excel, chọn File → Save As, kiểu tệp "Excel Workbook (*.xlsx)", rồi nhập tệp .xlsx mới.',
    );
}

/** Windows-1258 guessed right reads as Vietnamese: most words with non-ASCII letters are syllables. */
function readsAsVietnamese(text: string): boolean {
  if (/[\u0080-\u009f]/u.test(text)) return false; // bytes Windows-1258 leaves undefined
  let words = 0;
  let syllables = 0;
  for (const w of wordsOf(text)) {
    if (!/[^\u0000-\u007f]/u.test(w)) continue;
    words++;
    if (isSyllable(w)) syllables++;
  }
  return words === 0 || syllables * 2 >= words;
}

function firstNonAscii(text: string): string | null {
  const field = text.split(/[,;\t"\r\n]+/u).find((f) => /[^\u0000-\u007f]/u.test(f));
  return field ? field.trim() : null;
}
