// Is a word a Vietnamese syllable? The test that tells text typed in an old font from real
// Unicode: "th«n" is not a syllable and "thôn" is, while "Phù" stays one as written.
// Onset + vowel nucleus + coda, at most one tone mark; spelling rules are not checked (the
// point is to tell Vietnamese from mojibake, not to correct spelling).

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
];
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.sort((a, b) => b.length - a.length).join('|')})${CODA}$`, 'u');

export function isSyllable(word: string): boolean {
  const lower = word.normalize('NFC').toLocaleLowerCase('vi');
  const nfd = lower.normalize('NFD');
  const tones = nfd.match(TONES);
  if (tones && tones.length > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

/** The words of a text: runs of letters (Latin, with the Latin-1 and Vietnamese ranges) and marks. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{M}\u00a1-\u00bf\u00d7\u00f7]+/gu) ?? [];
}
