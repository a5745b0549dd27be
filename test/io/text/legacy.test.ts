// The TCVN3 and VNI tables, character by character, against encoders that share nothing with
// them: glibc's TCVN5712-1 (iconv) and a VNI encoder built from Unicode decomposition.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TCVN3 } from '../../../src/io/text/legacy-tables.js';
import { convertTcvn3, convertVni, detectLegacy, isLegacyCandidate, latinFields } from '../../../src/io/text/legacy.js';
import { mulberry32 } from '../../../src/domain/random.js';
import { isSyllable } from '../../../src/io/text/syllable.js';
import { asVniCells, tcvn3Typable } from './fixtures.js';

/** Every Vietnamese letter: a–y with each tone, the modified vowels, đ; lower and upper case. */
function vietnameseLetters(): string[] {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const lower = [...bases.flatMap((b) => tones.map((t) => (b + t).normalize('NFC'))), 'đ'];
  return [...lower, ...lower.map((c) => c.toUpperCase())];
}

describe('TCVN3 against glibc iconv (TCVN5712-1)', () => {
  it('decodes every byte of the VN3 table as glibc does', () => {
    const bytes = Buffer.from(Array.from({ length: 0x5f }, (_, i) => 0xa1 + i));
    // glibc decodes byte by byte (its VN1 combining marks 0xB0–0xB4 never follow a base here).
    const glibc = [...bytes].map((b) => execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([b]) }).toString('utf8'));
    let compared = 0;
    for (const [i, b] of [...bytes].entries()) {
      const ours = TCVN3.get(String.fromCharCode(b));
      if (ours === undefined) continue; // not in VN3: the fonts hold capitals or marks there
      expect(ours, `byte 0x${b.toString(16)}`).toBe(glibc[i]);
      compared++;
    }
    expect(compared).toBe(74); // 67 lower-case letters and Ă Â Ê Ô Ơ Ư Đ
  });

  it('round-trips every letter a .VnTime typist can type', () => {
    const letters = vietnameseLetters().map(tcvn3Typable);
    const encoded = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'TCVN5712-1'], { input: Buffer.from(letters.join(' ')) }).toString('latin1');
    expect(convertTcvn3(encoded).split(' ')).toEqual(letters);
  });

  it('positions TCVN3 does not define stay as they are', () => {
    for (const b of [0xa0, 0xaf, 0xb0, 0xb4, 0xba, 0xbf, 0xc0, 0xc5, 0xcd, 0xd9, 0xdb, 0xe0, 0xf0, 0xff])
      expect(convertTcvn3(String.fromCharCode(b))).toBe(String.fromCharCode(b));
  });
});

describe('VNI against an encoder built from Unicode decomposition', () => {
  it('every letter, lower and upper case, and mixed-case marks', () => {
    const letters = vietnameseLetters();
    expect(letters).toHaveLength(146);
    for (const l of letters) expect(convertVni(asVniCells(l)), `${l} = ${asVniCells(l)}`).toBe(l);
    // A capital letter typed with a lower-case mark still becomes a capital.
    expect(convertVni('Oâng')).toBe('Ông');
    expect(convertVni('AÙnh')).toBe('Ánh');
  });
  it('whole words', () => {
    for (const w of ['Nguyễn', 'Trường', 'Quỳnh', 'Đặng', 'Hưởng', 'khuyến', 'Nghĩa', 'ỵ', 'Thủy', 'Ưng', 'CNSCĐ'])
      expect(convertVni(asVniCells(w))).toBe(w);
  });
});

describe('syllables and detection', () => {
  it('tells syllables from garbage', () => {
    for (const w of ['thôn', 'Nguyễn', 'nghiêng', 'khuỷu', 'gì', 'quốc', 'Phù', 'Vân', 'TRƯỜNG', 'oai', 'ưu', 'yêu'])
      expect(isSyllable(w), w).toBe(true);
    for (const w of ['th«n', 'Tæ', 'S¬n', 'Nguyeãn', 'café', 'ngừờì', 'CNSC§', 'Ã¡'])
      expect(isSyllable(w), w).toBe(false);
  });
  it('picks the font from the words, not from one character', () => {
    expect(detectLegacy(['Tæ CNSC§ th«n §«ng'])).toBe('tcvn3');
    expect(detectLegacy(['Toå CNSCÑ thoân Ñoâng'])).toBe('vni');
    expect(detectLegacy(['Phù Vân', 'Hà Nội', 'Võ Thị Sáu', 'café'])).toBeNull();
    expect(detectLegacy(['TDP01', '2026-10', '12'])).toBeNull();
  });
});

describe('the fields detection reads', () => {
  it('are the split fields holding a Latin-1 letter, every candidate among them, in order', () => {
    const next = mulberry32(3122026);
    const alphabet = ['a', '1', ' ', ',', ';', '\t', '"', '\r', '\n', 'æ', '«', '§', 'ô', 'ổ', 'Ñ'];
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let i = Math.floor(next() * 20); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)];
      const split = text.split(/[,;\t"\r\n]+/u).filter((f) => /[\u00a0-\u00ff]/u.test(f));
      expect([...latinFields(text)], JSON.stringify(text)).toEqual(split);
      for (const f of text.split(/[,;\t"\r\n]+/u)) if (isLegacyCandidate(f)) expect(split).toContain(f);
    }
  });
});
