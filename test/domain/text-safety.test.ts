// Untrusted text (#10 item 15): the one set of sanitising functions every way in and out calls.
import { describe, expect, it } from 'vitest';
import { HOSTILE, TERMINAL_SAFE } from '../support/hostile.js';
import { cleanText, dropUnsafe, excerpt, findUnsafeChar, hasUnsafeChars, jsonSafe, printable, unsafeCharMessage } from '../../src/domain/text.js';

describe('untrusted text', () => {
  it('finds every hostile character and names it', () => {
    for (const h of HOSTILE) expect(findUnsafeChar(`Tổ ${h} Đông`), JSON.stringify(h)).not.toBeNull();
    expect(findUnsafeChar('Tổ\x1b]0;x\x07')).toMatchObject({ index: 2, code: 0x1b, label: 'ESC (U+001B)' });
    expect(findUnsafeChar('a\u009bb')!.label).toBe('CSI (U+009B)');
    expect(findUnsafeChar('a\u202eb')!.label).toBe('RLO (U+202E)');
    expect(unsafeCharMessage(findUnsafeChar('ab\0')!)).toBe('có ký tự điều khiển NUL (U+0000) ở vị trí 3, không được phép');
    expect(unsafeCharMessage(findUnsafeChar('\u202e')!)).toContain('ký tự đảo chiều chữ');
  });

  it('tab and line breaks only where a note allows them', () => {
    expect(hasUnsafeChars('dòng 1\r\ndòng 2\tcột')).toBe(true);
    expect(hasUnsafeChars('dòng 1\r\ndòng 2\tcột', { breaks: true })).toBe(false);
    expect(hasUnsafeChars('dòng 1\n\x1b[31m', { breaks: true })).toBe(true);
    expect(hasUnsafeChars('Nguyễn Thị Hoà — 山 ✓ € ‚')).toBe(false);
  });

  it('typed text drops them; names are cleaned of them too', () => {
    expect(dropUnsafe('Tổ\x1b]0;x\x07 Đông\u202e\b\0')).toBe('Tổ]0;x Đông');
    expect(dropUnsafe('a\tb\nc')).toBe('abc');
    expect(dropUnsafe('a\tb\nc', { breaks: true })).toBe('a\tb\nc');
    expect(cleanText('  Tổ \x1b]8;;http://x\x1b\\Đông\u009b  ')).toBe('Tổ ]8;;http://x\\Đông');
  });

  it('printable output: nothing a terminal acts on, whatever went in', () => {
    for (const h of HOSTILE) {
      expect(printable(`x${h}y`)).toMatch(TERMINAL_SAFE);
      expect(printable(`x${h}y\nz`, { breaks: true })).toMatch(TERMINAL_SAFE);
    }
    expect(printable('a\tb\nc\rd')).toBe('a b c d');
    expect(printable('a\r\nb\rc', { breaks: true })).toBe('a\nb\nc');
    const plain = 'Tổ Đông Sơn';
    expect(printable(plain)).toBe(plain);
  });

  it('JSON: C1 and bidi escaped, still valid and the same value', () => {
    const value = { ten_to: 'Tổ\u009b2J\u202e\u0085\x7f\x1b]0;x\x07\u2028' };
    const out = jsonSafe(JSON.stringify(value));
    expect(out).toMatch(TERMINAL_SAFE);
    expect(out).not.toMatch(/[\u2028\u2029]/u);
    expect(out).toContain('\\u009b');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('a huge cell is cut in messages, and says so', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const e = excerpt(big);
    expect(e.length).toBeLessThan(100);
    expect(e).toBe(`"${'x'.repeat(40)}…" (đã cắt, dài 10.485.760 ký tự)`);
    expect(excerpt('TDP\x1b]0;x\x07')).toBe('"TDP]0;x"');
    expect(excerpt('😀'.repeat(30), 41)).not.toMatch(/[\ud800-\udbff]…/u);
  });
});
