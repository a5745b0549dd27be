// The output guard passes bytes through undecoded only when printable() would leave their text
// unchanged: the same verdict as decoding and cleaning, character by character.
import { describe, expect, it } from 'vitest';
import { bytesArePrintable } from '../../src/cli/output.js';
import { printable } from '../../src/domain/text.js';

const samples = [
  '{"ma_to":"T0001","ten_to":"Tổ Công nghệ số cộng đồng ấp Bình Minh"}\n',
  'tab\tand LF\n',
  'CR\r',
  'ESC \u001b[2J',
  'NUL \u0000',
  'DEL \u007f',
  'CSI \u009b',
  'U+0080 \u0080 and U+00A0 \u00a0 (kept)',
  'RLO \u202e',
  'LRE \u202a',
  'U+2029 \u2029 and U+2030 \u2030 (kept)',
  'LRI \u2066 PDI \u2069',
  'U+2065 \u2065 U+206A \u206a (kept)',
  'đ Ư ạ ẻ 😀 ',
  '',
];

describe('bytesArePrintable', () => {
  it('agrees with printable(text, { breaks: true }) on every kind of character', () => {
    for (const s of samples) expect(bytesArePrintable(Buffer.from(s, 'utf8')), JSON.stringify(s)).toBe(printable(s, { breaks: true }) === s);
    for (let c = 0; c < 0x2100; c++) {
      const s = `a${String.fromCodePoint(c)}b`;
      expect(bytesArePrintable(new TextEncoder().encode(s)), `U+${c.toString(16)}`).toBe(printable(s, { breaks: true }) === s);
    }
  });

  it('refuses bytes that are not UTF-8 (they are decoded and cleaned instead)', () => {
    expect(bytesArePrintable(Buffer.from([0x61, 0xc3]))).toBe(false);
    expect(bytesArePrintable(Buffer.from([0xff, 0x61]))).toBe(false);
  });
});
