// Untrusted text: control characters and bidi overrides are found (to refuse a row), dropped
// (typed text) and never printed.
import { describe, expect, it } from 'vitest';
import { codePointName, findUnsafeChar, printable, stripUnsafe } from '../../src/domain/text.js';

const hostile = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u009b31m', 'a\bb', 'x\u0000y', '\u202eabc', '\u2066z\u2069', '\u007f'];

describe('untrusted text', () => {
  it('finds every control character and bidi override, naming where and which', () => {
    for (const s of hostile) expect(findUnsafeChar(`Tổ ${s}`)).not.toBeNull();
    expect(findUnsafeChar('Tổ dân phố Đông Sơn – “1”')).toBeNull();
    expect(findUnsafeChar('ab\u001bc')).toMatchObject({ index: 2, code: 0x1b, label: 'ESC (U+001B)' });
    expect(codePointName(0x1b)).toBe('U+001B');
    expect(codePointName(0x202e)).toBe('U+202E');
  });

  it('a note may hold tab and line breaks; a name may not', () => {
    expect(findUnsafeChar('dòng 1\r\ndòng 2\tcột', { lineBreaks: true })).toBeNull();
    expect(findUnsafeChar('dòng 1\ndòng 2')).toMatchObject({ index: 6, code: 10 });
    expect(findUnsafeChar('ghi chú\u001b[31m', { lineBreaks: true })).not.toBeNull();
  });

  it('strips them from typed text and from anything printed', () => {
    expect(stripUnsafe('Tổ \u001b]0;x\u0007Đông\u202e Sơn')).toBe('Tổ ]0;xĐông Sơn');
    expect(stripUnsafe('a\nb\tc', { lineBreaks: true })).toBe('a\nb\tc');
    // A name prints on one line; a note keeps its line breaks only when asked.
    expect(printable('Tổ\u001b[2J\u009b1m Đông\r\nSơn')).toBe('Tổ[2J1m Đông  Sơn');
    expect(printable('Tổ\u001b[2J\u009b1m Đông\r\nSơn', { breaks: true })).toBe('Tổ[2J1m Đông\nSơn');
  });
});
