// The key table is the one source of the footer and the help: check it is sound on every
// screen, and that Ink's quirks are turned into the right key names.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { footerHints } from '../../src/ui/components/Footer.js';
import { helpLines } from '../../src/ui/components/HelpOverlay.js';
import { keysLabel, matchesSpec, parseKey, specLabel } from '../../src/ui/keys/keymap.js';
import { BINDINGS, SCREENS, bindingsFor } from '../../src/ui/keys/table.js';
import { type ActiveKeys, liveKeys, resolveBinding } from '../../src/ui/keys/useKeys.js';
import type { BindingId } from '../../src/ui/keys/table.js';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

describe('the key table', () => {
  it('binds no key twice on any screen', () => {
    const clashes: string[] = [];
    for (const screen of SCREENS) {
      const seen = new Map<string, string>();
      for (const b of bindingsFor(screen)) {
        for (const spec of b.keys) {
          const k = specLabel(spec);
          const other = seen.get(k);
          if (other) clashes.push(`${screen}: ${k} → ${other} và ${b.id}`);
          seen.set(k, b.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every binding a unique id, keys, a short label and a Vietnamese description', () => {
    const ids = BINDINGS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of BINDINGS) {
      expect(b.keys.length, b.id).toBeGreaterThan(0);
      expect(b.label.trim().length, b.id).toBeGreaterThan(0);
      expect(b.label.length, `${b.id}: nhãn ngắn`).toBeLessThanOrEqual(16);
      expect(b.description, b.id).toMatch(VIETNAMESE);
      expect(b.description.length, b.id).toBeGreaterThan(b.label.length);
      if (b.screens !== 'all') {
        expect(b.screens.length, b.id).toBeGreaterThan(0);
        for (const s of b.screens) expect(SCREENS, `${b.id}: ${s}`).toContain(s);
      }
    }
  });

  it('lets every screen go back, see the help and quit', () => {
    for (const screen of SCREENS) {
      const ids = bindingsFor(screen).map((b) => b.id);
      expect(ids, screen).toEqual(expect.arrayContaining(['help', 'back', 'quit']));
    }
  });

  it('resolves a key to the binding of that screen only', () => {
    const ev = parseKey('a', key());
    const all = () => true;
    expect(resolveBinding('teams', ev, all, false)?.id).toBe('addTeam');
    expect(resolveBinding('team', ev, all, false)?.id).toBe('addMember');
    // While a field is typed into, printable keys are text, not commands; Enter still acts.
    expect(resolveBinding('teams', ev, all, 'text')).toBeUndefined();
    expect(resolveBinding('teams', parseKey('q', key()), all, 'text')).toBeUndefined();
    expect(resolveBinding('teams', parseKey('', key({ escape: true, meta: true })), all, 'text')?.id).toBe('back');
    expect(resolveBinding('memberForm', parseKey('\r', key({ return: true })), all, 'text')?.id).toBe('nextField');
  });
});

describe('footer and help are generated from the table', () => {
  it('shows the footer bindings the screen handles, fitted to the width, help last', () => {
    const active: ActiveKeys = { screen: 'teams', ids: ['help', 'back', 'quit', 'up', 'down', 'open', 'filter', 'addTeam', 'editTeam', 'showDissolved'], disabled: {} };
    const hints = footerHints('teams', active, 200);
    expect(hints).toEqual(['q/Esc Quay lại', 'Enter Mở', '/ Lọc', 'a Thêm tổ', 'e Sửa tổ', '? Trợ giúp']);
    const narrow = footerHints('teams', active, 40);
    expect(narrow.at(-1)).toBe('? Trợ giúp');
    expect(narrow.join('  ').length).toBeLessThanOrEqual(40);
  });

  it('leaves out the keys that type text while a field is being typed into', () => {
    const active: ActiveKeys = { screen: 'memberForm', ids: ['help', 'back', 'quit', 'nextField', 'save'], disabled: {}, typing: 'text' };
    // `?` types a "?" there; the help stays reachable with Ctrl+G, and the footer says so.
    expect(footerHints('memberForm', active, 200)).toEqual(['Esc Quay lại', 'Tab/Enter Ô sau', 'Ctrl+S Lưu', 'Ctrl+G Trợ giúp']);
    expect(footerHints('memberForm', { ...active, typing: false }, 200).at(-1)).toBe('? Trợ giúp');
    expect(keysLabel(liveKeys(BINDINGS.find((b) => b.id === 'back')!.keys, 'text'))).toBe('Esc');
    expect(keysLabel(liveKeys(BINDINGS.find((b) => b.id === 'help')!.keys, 'digits'))).toBe('?/Ctrl+G');
  });

  it('lists every handled binding in the help, with why a disabled one cannot be used', () => {
    const lines = helpLines('team', { screen: 'team', ids: ['help', 'back', 'quit', 'addMember'], disabled: { moveMember: 'đã rời tổ' } });
    expect(lines.map((l) => l.keys)).toEqual(['?/Ctrl+G', 'q/Esc', 'Ctrl+C', 'a', 'v']);
    expect(lines.find((l) => l.keys === 'v')?.off).toBe('đã rời tổ');
    expect(lines.every((l) => VIETNAMESE.test(l.text))).toBe(true);
  });
});

function key(over: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...over,
  } as Key;
}

describe('keys named in screen text', () => {
  it('come from the key table', async () => {
    const { hint, keyName } = await import('../../src/ui/keys/hint.js');
    expect(keyName('addMember')).toBe('a');
    expect(keyName('markMember')).toBe('Space');
    expect(keyName('resetField')).toBe('Ctrl+R');
    expect(`${keyName('gridPrevMonth')}/${keyName('gridNextMonth')}`).toBe('[/]');
    expect(hint('goCommune')).toBe('c Toàn xã');
    expect(() => keyName('noSuchBinding' as BindingId)).toThrow();
  });
});

describe('parseKey (Ink 6 quirks)', () => {
  it('reads Backspace, which Ink reports as delete', () => {
    expect(parseKey('', key({ delete: true })).name).toBe('backspace');
    expect(parseKey('', key({ backspace: true })).name).toBe('backspace');
  });

  it('reads Esc, which Ink also marks as meta', () => {
    const ev = parseKey('', key({ escape: true, meta: true }));
    expect(ev).toEqual({ name: 'escape', text: '', ctrl: false });
  });

  it('tells Shift+Tab from Tab', () => {
    expect(parseKey('', key({ tab: true })).name).toBe('tab');
    expect(parseKey('', key({ tab: true, shift: true })).name).toBe('shiftTab');
  });

  it('reads Enter also from a bare CR or LF in the input', () => {
    expect(parseKey('\r', key({ return: true })).name).toBe('enter');
    expect(parseKey('\r', key()).name).toBe('enter');
    expect(parseKey('\n', key()).name).toBe('enter');
  });

  it('reads Space as a key that is also text', () => {
    expect(parseKey(' ', key())).toEqual({ name: 'space', text: ' ', ctrl: false });
  });

  it('reads Ctrl+letters in lower case and matches them only to Ctrl bindings', () => {
    const ev = parseKey('S', key({ ctrl: true, shift: true }));
    expect(ev).toEqual({ name: null, text: 's', ctrl: true });
    expect(matchesSpec(ev, { char: 's', ctrl: true })).toBe(true);
    expect(matchesSpec(ev, { char: 's' })).toBe(false);
    expect(matchesSpec(parseKey('s', key()), { char: 's', ctrl: true })).toBe(false);
  });

  it('keeps a typed capital and normalises Vietnamese typed in decomposed form to NFC', () => {
    expect(parseKey('L', key({ shift: true })).text).toBe('L');
    const decomposed = 'Đông'.normalize('NFD');
    expect(parseKey(decomposed, key()).text).toBe('Đông'.normalize('NFC'));
  });

  it('reads arrows, pages, home and end', () => {
    expect(parseKey('', key({ upArrow: true })).name).toBe('up');
    expect(parseKey('', key({ downArrow: true })).name).toBe('down');
    expect(parseKey('', key({ leftArrow: true })).name).toBe('left');
    expect(parseKey('', key({ rightArrow: true })).name).toBe('right');
    expect(parseKey('', key({ pageUp: true })).name).toBe('pageUp');
    expect(parseKey('', key({ pageDown: true })).name).toBe('pageDown');
    expect(parseKey('', key({ home: true })).name).toBe('home');
    expect(parseKey('', key({ end: true })).name).toBe('end');
  });

  it('passes a paste through as one piece of text', () => {
    expect(parseKey('Tổ dân phố 3', key())).toEqual({ name: null, text: 'Tổ dân phố 3', ctrl: false });
  });
});

describe('keys in one chunk', () => {
  it('splits Enter, Tab and Backspace out of a chunk of typed text', async () => {
    const { splitKeys, isBurst } = await import('../../src/ui/keys/keymap.js');
    expect(splitKeys('12\r3\t\x7f4')).toEqual([
      { kind: 'text', text: '12' },
      { kind: 'enter' },
      { kind: 'text', text: '3' },
      { kind: 'tab' },
      { kind: 'backspace' },
      { kind: 'text', text: '4' },
    ]);
    expect(splitKeys('7')).toEqual([{ kind: 'text', text: '7' }]);
    expect(isBurst('C:\\Users\\lan\\so-lieu.csv')).toBe(false);
    expect(isBurst('dong\r')).toBe(true);
  });
});

describe('help overlay', () => {
  it('wraps long descriptions within the width and scrolls when taller than the screen', async () => {
    const { helpText } = await import('../../src/ui/components/HelpOverlay.js');
    const { default: stringWidth } = await import('string-width');
    const { bindingsFor } = await import('../../src/ui/keys/table.js');
    const ids = bindingsFor('grid').map((b) => b.id);
    const lines = helpText('grid', { screen: 'grid', ids, disabled: {} }, 80);
    expect(lines.length).toBeGreaterThan(ids.length); // some descriptions took two lines
    for (const l of lines) expect(stringWidth(`│ ${l.keys} ${l.text} │`)).toBeLessThanOrEqual(80);
    expect(lines.map((l) => l.text).join(' ')).toContain('ở bảng tháng: của tháng đang xem');
  });
});

describe('the key table is complete', () => {
  it("holds the help overlay's own keys (close, scroll, quit)", () => {
    const ids = bindingsFor('help').map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['help', 'back', 'quit', 'scrollUp', 'scrollDown', 'scrollPageUp', 'scrollPageDown']));
  });

  it('gives the yes/no of every question from the table', async () => {
    const { yesNo } = await import('../../src/ui/keys/hint.js');
    expect(yesNo()).toBe('(y/n)');
  });

  it('says which key was pressed and why it is off', async () => {
    const { refusal } = await import('../../src/ui/keys/useKeys.js');
    const { bindingById } = await import('../../src/ui/keys/table.js');
    expect(refusal(bindingById('nextMonth'), 'chưa hết tháng sau, chưa tính được')).toBe('→ Tháng sau: chưa hết tháng sau, chưa tính được');
  });

  it('names no key in the UI except through the table (keys/hint.ts)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.join(import.meta.dirname, '../../src/ui');
    // Key names as the footer writes them. `onBackspace` is an option name, ↓ alone marks "more below".
    const KEY = /\b(Esc|Enter|Tab|Shift\+Tab|Ctrl\+[A-Z]|PgUp|PgDn|Backspace)\b|←\/→|↑\/↓|\(y\/n\)/u;
    const found: string[] = [];
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(root)) {
      if (!/\.tsx?$/u.test(file) || file.includes(`${path.sep}keys${path.sep}`)) continue;
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/u, '').replace(/\{\/\*.*\*\/\}/u, '');
          if (/^\s*\*/u.test(line) || /^\s*\/\*/u.test(line)) return;
          if (KEY.test(code)) found.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
