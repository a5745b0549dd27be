import { describe, expect, it } from 'vitest';
import { checkUnitCode, provinceFromName, unitSchemaName } from '../../src/domain/unit-code.js';

describe('unit codes (QĐ 19/2025/QĐ-TTg)', () => {
  it('takes exactly five digits, spaces around dropped', () => {
    expect(checkUnitCode(' 00004 ')).toEqual({ ok: true, code: '00004' });
    expect(checkUnitCode('26734')).toEqual({ ok: true, code: '26734' });
    for (const bad of ['0004', '000045', '0000a', '', '12 345x', '١٢٣٤٥'])
      expect(checkUnitCode(bad)).toMatchObject({ ok: false, message: expect.stringContaining('5 chữ số') });
  });
  it('names the schema of a received commune, and only for a code', () => {
    expect(unitSchemaName('00004')).toBe('unit_00004');
    expect(() => unitSchemaName('x; DROP')).toThrow();
  });
  it('reads a province name', () => {
    expect(provinceFromName('tỉnh Phú Thọ')).toEqual({ name: 'tỉnh Phú Thọ', kind: 'tinh', agency: 'UBND TỈNH PHÚ THỌ' });
    expect(provinceFromName('Thành phố  Hà Nội')).toEqual({ name: 'thành phố Hà Nội', kind: 'thanh_pho', agency: 'UBND THÀNH PHỐ HÀ NỘI' });
    expect(provinceFromName('Ninh Bình')?.kind).toBe('tinh');
    expect(provinceFromName('  ')).toBeNull();
  });
});
