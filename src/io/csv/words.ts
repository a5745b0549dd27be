// Words officers write in spreadsheets, matched ignoring case and diacritics.
import type { Role, TeamLevel } from '../../domain/schemas.js';
import { fold } from '../../domain/text.js';

const key = (s: string) => fold(s).replace(/[_\s]+/gu, ' ').trim();

const URBAN = ['to dan pho', 'tdp', 'khu pho', 'pho', 'khu dan cu', 'do thi', 'thanh thi', 'urban'];
const RURAL = ['thon', 'lang', 'ban', 'xom', 'ap', 'nong thon', 'rural'];

/** loai_dia_ban → urban (true) or rural (false); null when the word is not known. */
export function areaKindUrban(kind: string): boolean | null {
  const k = key(kind);
  if (URBAN.includes(k)) return true;
  if (RURAL.includes(k)) return false;
  return null;
}

/** The kind word an area's name starts with ("Tổ dân phố Đông Sơn" → tổ dân phố), if any. */
export function kindFromAreaName(name: string): { kind: string; urban: boolean } | null {
  const words = name.trim().split(/\s+/u);
  for (let n = 3; n >= 1; n--) {
    if (words.length <= n) continue;
    const head = words.slice(0, n).join(' ');
    const urban = areaKindUrban(head);
    if (urban !== null) return { kind: head.toLocaleLowerCase('vi'), urban };
  }
  return null;
}

export const AREA_KIND_WORDS =
  'tổ dân phố, TDP, khu phố, phố, khu dân cư, đô thị, thành thị, urban (đô thị); thôn, làng, bản, xóm, ấp, nông thôn, rural (nông thôn)';

const AREA_LEVEL = ['area', 'thon', 'lang', 'to dan pho', 'tdp', 'ban', 'xom', 'ap', 'khu pho', 'khu dan cu', 'dia ban'];
const COMMUNE_LEVEL = ['commune', 'xa', 'phuong', 'cap xa', 'cap phuong', 'xa phuong'];

export function parseLevel(s: string): TeamLevel | null {
  const k = key(s);
  if (AREA_LEVEL.includes(k)) return 'area';
  if (COMMUNE_LEVEL.includes(k)) return 'commune';
  return null;
}

export function parseRole(s: string): Role | null {
  const k = key(s);
  if (k === 'to truong') return 'to_truong';
  if (k === 'to pho') return 'to_pho';
  if (k === 'thanh vien' || k === 'tv') return 'thanh_vien';
  return null;
}
