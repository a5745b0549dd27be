// Files made the way Excel and the old Vietnamese fonts make them, from a known UTF-8 text,
// with encoders independent of the decoders under test: glibc's iconv (Windows-1258, the
// decomposed form Excel writes; TCVN 5712), Node's Buffer (UTF-16), and a VNI encoder built
// from Unicode decomposition rather than from a table.
import { execFileSync } from 'node:child_process';

export function iconv(text: string, to: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: Buffer.from(text, 'utf8') });
}

/** Excel's "CSV (Comma delimited)" on Vietnamese Windows: Windows-1258, tones as combining marks. */
export function toCp1258(text: string): Buffer {
  return iconv(text, 'CP1258');
}

/** Excel's "Unicode Text": UTF-16 LE with BOM. */
export function toUtf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export function toUtf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

/** What a typist can write in .VnTime: a capital toned vowel (no such glyph) in lower case. */
export function tcvn3Typable(text: string): string {
  return [...text.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      return /[A-Z]/u.test(d[0]!) && d.length > 1 && !'ĂÂÊÔƠƯ'.includes(ch) ? ch.toLowerCase() : ch;
    })
    .join('');
}

/** Text typed in a .VnTime font as Excel keeps it: each TCVN3 byte as the code point U+00xx. */
export function asTcvn3Cells(text: string): string {
  return iconv(tcvn3Typable(text), 'TCVN5712-1').toString('latin1');
}

/** The same text as TCVN3 bytes (a one-byte file, as Excel writes it on English Windows). */
export function toTcvn3Bytes(text: string): Buffer {
  return Buffer.from(asTcvn3Cells(text), 'latin1');
}

// VNI from the rules of the encoding: base letter, then one mark for the tone or for the
// circumflex/breve with its tone; i, đ, ơ, ư and ỵ are letters of their own.
const TONE = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // none, sắc, huyền, hỏi, ngã, nặng
const PLAIN = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const HAT = ['â', 'á', 'à', 'å', 'ã', 'ä'];
const BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
const I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];

function vniLetter(ch: string): string {
  if (ch === 'đ') return 'ñ';
  if (ch === 'Đ') return 'Ñ';
  const upper = ch !== ch.toLowerCase();
  const d = ch.toLowerCase().normalize('NFD');
  const base = d[0]!;
  if (!'aeiouy'.includes(base) || d.length === 1) return ch;
  const rest = d.slice(1);
  const tone = Math.max(0, TONE.findIndex((t, i) => i > 0 && rest.includes(t)));
  let out: string;
  if (base === 'i') out = I[tone]!;
  else if (base === 'y' && tone === 5) out = 'î';
  else if (rest.includes('\u031b')) out = (base === 'o' ? 'ô' : 'ö') + PLAIN[tone]!;
  else if (rest.includes('\u0302')) out = base + HAT[tone]!;
  else if (rest.includes('\u0306')) out = base + BREVE[tone]!;
  else out = base + PLAIN[tone]!;
  return upper ? out.toUpperCase() : out;
}

export function asVniCells(text: string): string {
  return [...text.normalize('NFC')].map(vniLetter).join('');
}

export function toVniBytes(text: string): Buffer {
  return Buffer.from(asVniCells(text), 'latin1');
}
