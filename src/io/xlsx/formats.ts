// Telling a date cell from a number cell: .xlsx stores both as numbers, and only the cell's
// number format says "date". Excel's built-in date formats by id, and custom format codes
// with day/month/year/hour parts once quoted text, escapes and [colour]/[$-locale] are removed.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATES.has(id);
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[(?!(?:h|hh|m|mm|s|ss)\])[^\]]*\]/giu, '')
    .replace(/_.|\*./gu, '');
  if (/^general$/iu.test(bare.trim())) return false;
  return /[dmyhs]/iu.test(bare.split(';')[0] ?? '');
}
