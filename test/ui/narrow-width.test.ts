// The bundle's string-width (cachedStringWidth) counts a text of one-column characters by its
// length, skipping string-width's grapheme segmenting: every character it takes that way must be
// one that string-width itself measures as 1, alone and inside Vietnamese text.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import cachedStringWidth, { NARROW_TEXT } from '../../src/ui/cachedStringWidth.js';

const everyBmpCharacter = Array.from({ length: 0xffff + 1 }, (_, c) => String.fromCharCode(c)).filter((ch) => !/[\ud800-\udfff]/u.test(ch));

describe('one-column text measured by its length', () => {
  it('takes only characters string-width measures as one column', () => {
    const taken = everyBmpCharacter.filter((ch) => NARROW_TEXT.test(ch));
    expect(taken.length).toBeGreaterThan(1000); // ASCII, Latin, Vietnamese, punctuation, boxes
    for (const ch of taken) expect([ch.codePointAt(0)!.toString(16), stringWidth(ch)]).toEqual([ch.codePointAt(0)!.toString(16), 1]);
  });

  it('measures any mix of them as string-width does (each its own grapheme)', () => {
    const taken = everyBmpCharacter.filter((ch) => NARROW_TEXT.test(ch));
    let seed = 16;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: 1 + (next() % 40) }, () => taken[next() % taken.length]).join('');
      expect([s, cachedStringWidth(s)]).toEqual([s, stringWidth(s)]);
      expect(cachedStringWidth(s)).toBe(s.length);
    }
  });

  it('leaves to string-width what is not one column: marks, wide, emoji, controls, escapes', () => {
    for (const s of ['e\u0301', 'Tổ\u200b1', '中文', 'Tổ 👍', '\u00ad', '☺\ufe0f', '#\u20e3', '⌚', '\x1b[1mđậm\x1b[22m', '\u0085', '✔️', 'a\u2028b']) {
      expect(NARROW_TEXT.test(s)).toBe(false);
      expect(cachedStringWidth(s)).toBe(stringWidth(s));
    }
  });

  it('gives string-width’s width for the screens’ Vietnamese text', () => {
    for (const s of ['✓ Đạt · ✗ Chậm nhiều · ← → ↑ ↓ · ● ○ ◐ ▲', 'Tình hình thực hiện', 'Phiếu đã nhận: 1.234/2.013 — Quý IV/2026…', '██████▏░░░ 45%', '│ Tổ CNSCĐ thôn Đông │', 'Ơ ư ă đ Ử Ỹ ỹ «Chậm»', '']) {
      expect(NARROW_TEXT.test(s)).toBe(true);
      expect(cachedStringWidth(s)).toBe(stringWidth(s));
    }
  });
});
