// The message line's wrapping (components/MessageLines): what the App lays out above the footer.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { messageRows } from '../../src/ui/components/MessageLines.js';

describe('messageRows', () => {
  it('wraps at words, indents under the mark, keeps every word', () => {
    const text = 'Không đọc được bản sao lưu: tệp bị cắt ngang (có thể do chép chưa xong) hoặc không phải tệp của tonghop.';
    const rows = messageRows('✗ ', text, 40, 6);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]!.startsWith('✗ ')).toBe(true);
    for (const r of rows.slice(1)) expect(r.startsWith('  ') && !r.startsWith('   ')).toBe(true);
    for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(40);
    expect(rows.map((r) => r.slice(2)).join(' ')).toBe(text);
  });

  it('breaks a path wider than the row instead of cutting it, keeps line breaks', () => {
    const file = '/home/can-bo/Tài liệu/tonghop/sao-lưu-của-xã/'.replace(/ /gu, '_') + 'x'.repeat(90) + '.backup.gz';
    const rows = messageRows('', `Tệp:\n${file}`, 40, 10);
    expect(rows[0]).toBe('Tệp:');
    expect(rows.slice(1).join('')).toBe(file);
    for (const r of rows) expect(stringWidth(r)).toBeLessThanOrEqual(40);
  });

  it('more than the cap: the last row says there was more', () => {
    const rows = messageRows('! ', 'chữ '.repeat(200), 30, 3);
    expect(rows).toHaveLength(3);
    expect(rows[2]!.endsWith('…')).toBe(true);
    expect(stringWidth(rows[2]!)).toBeLessThanOrEqual(30);
  });
});
