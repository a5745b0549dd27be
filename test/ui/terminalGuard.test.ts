// The net under components/Text (#10 item 15): whatever a component lets through, the UI's
// stdout never carries an OSC/DCS string, a C1 or stray C0 control or a bidi control, while
// Ink's own output (cursor movement, erase, colours, synchronized output) passes untouched.
import { describe, expect, it } from 'vitest';
import { guardedStdout, stripHijacks } from '../../src/ui/terminalGuard.js';
import { FakeStdout } from '../support/terminal.js';

const INK_OWN = '\x1b[?2026h\x1b[2K\x1b[1A\x1b[G\x1b[31mĐông\x1b[39m\n\x1b[?25l\x1b[?2026l';

describe('stripHijacks', () => {
  it("leaves Ink's own CSI output and Vietnamese text alone", () => {
    expect(stripHijacks(INK_OWN)).toBe(INK_OWN);
    expect(stripHijacks('Tổ Đông\tphố\n')).toBe('Tổ Đông\tphố\n');
  });

  it('removes window titles, hidden links, clipboard writes, C1, BEL, backspace and bidi', () => {
    const hostile = 'a\x1b]0;title\x07b\x1b]8;;http://x\x1b\\c\x1b]8;;\x1b\\d\x1b]52;c;aGVsbG8=\x07e\u009d0;t\u009cf\u009b2Jg\bh\u202ei\u2066j\x1bPq\x1b\\k\0l';
    expect(stripHijacks(hostile)).toBe('abcdef2Jghijkl');
    expect(stripHijacks('\x1b[31mx\x1b]0;unterminated')).toBe('\x1b[31mx0;unterminated');
  });
});

describe('guardedStdout', () => {
  it('cleans every string written, keeps size and events of the real stream', () => {
    const out = new FakeStdout(80, 24);
    const guarded = guardedStdout(out as unknown as NodeJS.WriteStream);
    guarded.write(`${INK_OWN}\x1b]0;x\x07Tổ`);
    expect(out.frames).toEqual([`${INK_OWN}Tổ`]);
    expect(guarded.columns).toBe(80);
    let resized = 0;
    guarded.on('resize', () => resized++);
    out.resize(100, 30);
    expect(resized).toBe(1);
    expect(guarded.columns).toBe(100);
  });
});
