// Unit codes and levels (QĐ 19/2025/QĐ-TTg): 34 provinces and 3,321 communes, each commune with a
// 5-digit code. A database is a commune's (xã/phường) or a province's (tỉnh/thành phố).
import { cleanText } from './text.js';

export const UNIT_LEVELS = ['commune', 'province'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export type UnitCodeCheck = { ok: true; code: string } | { ok: false; message: string };

/** A commune's code as typed: digits only, exactly five ("00004"; spaces around are dropped). */
export function checkUnitCode(raw: string): UnitCodeCheck {
  const s = cleanText(raw).replace(/\s+/gu, '');
  if (/^\d{5}$/u.test(s)) return { ok: true, code: s };
  return {
    ok: false,
    message: `Mã đơn vị "${cleanText(raw)}" không hợp lệ: mã xã/phường theo QĐ 19/2025/QĐ-TTg gồm đúng 5 chữ số (ví dụ 00004).`,
  };
}

export const isUnitCode = (s: string): boolean => /^\d{5}$/u.test(s);

/** The PostgreSQL schema that holds a received commune in a province database. */
export function unitSchemaName(code: string): string {
  if (!isUnitCode(code)) throw new Error(`bad unit code ${code}`);
  return `unit_${code}`;
}

export type ProvinceKind = 'tinh' | 'thanh_pho';

/** "tỉnh Phú Thọ" → kind tinh, agency "UBND TỈNH PHÚ THỌ"; "thành phố Hà Nội" → thanh_pho; a bare name is a tỉnh. */
export function provinceFromName(name: string): { name: string; kind: ProvinceKind; agency: string } | null {
  const clean = cleanText(name).replace(/\s+/gu, ' ');
  const m = /^(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(clean);
  const bare = (m ? m[2]! : clean).trim();
  if (!bare || bare.length > 100) return null;
  const kind: ProvinceKind = m && m[1]!.toLowerCase() !== 'tỉnh' ? 'thanh_pho' : 'tinh';
  const word = kind === 'tinh' ? 'tỉnh' : 'thành phố';
  return { name: `${word} ${bare}`, kind, agency: `UBND ${word} ${bare}`.toLocaleUpperCase('vi') };
}
