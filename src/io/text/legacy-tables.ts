// The two one-byte Vietnamese font encodings still found in commune offices, as Excel keeps
// them: a cell typed in a .VnTime (TCVN3/ABC) or VNI-Times font holds the code points
// U+00A0–U+00FF of the font's bytes, so "Tổ" arrives as "Tæ" (TCVN3) or "Toå" (VNI).
//
// TCVN3 is TCVN 5712:1993's VN3 table: lower-case letters plus Ă Â Ê Ô Ơ Ư Đ. Its fonts hold
// no capital toned vowels (those are the VN1 positions below 0xA0 and a few above), so only
// VN3's 74 positions are decoded; a heading typed in .VnTimeH arrives lower-case, as the
// table decodes it. Checked against glibc's TCVN5712-1 in test/io/text/legacy.test.ts.

/** TCVN3 byte (as a U+00xx code point) → Unicode letter. */
export const TCVN3: ReadonlyMap<string, string> = new Map(
  (
    [
      [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
      [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
      [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
      [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'],
      [0xc6, 'ặ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
      [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
      [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
      [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
      [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
      [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
      [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
      [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
      [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
      [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
    ] as const
  ).map(([byte, letter]) => [String.fromCharCode(byte), letter]),
);

// VNI writes a vowel as its base letter followed by one mark character (the tone, or the
// circumflex/breve with or without a tone); i, đ, ơ, ư and ỵ are single characters of their
// own, and ơ/ư take a tone mark after them. Upper-case text uses the upper-case marks.

/** VNI sequence (lower case) → Unicode letter. The upper-case table is derived from it. */
const VNI_LOWER: ReadonlyArray<readonly [string, string]> = [
  // a: tones, circumflex (â) and breve (ă), each with the five tones
  ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'],
  ['aâ', 'â'], ['aá', 'ấ'], ['aà', 'ầ'], ['aå', 'ẩ'], ['aã', 'ẫ'], ['aä', 'ậ'],
  ['aê', 'ă'], ['aé', 'ắ'], ['aè', 'ằ'], ['aú', 'ẳ'], ['aü', 'ẵ'], ['aë', 'ặ'],
  // e, ê
  ['eù', 'é'], ['eø', 'è'], ['eû', 'ẻ'], ['eõ', 'ẽ'], ['eï', 'ẹ'],
  ['eâ', 'ê'], ['eá', 'ế'], ['eà', 'ề'], ['eå', 'ể'], ['eã', 'ễ'], ['eä', 'ệ'],
  // o, ô
  ['où', 'ó'], ['oø', 'ò'], ['oû', 'ỏ'], ['oõ', 'õ'], ['oï', 'ọ'],
  ['oâ', 'ô'], ['oá', 'ố'], ['oà', 'ồ'], ['oå', 'ổ'], ['oã', 'ỗ'], ['oä', 'ộ'],
  // ơ is the single character ô; its tones follow it
  ['ôù', 'ớ'], ['ôø', 'ờ'], ['ôû', 'ở'], ['ôõ', 'ỡ'], ['ôï', 'ợ'], ['ô', 'ơ'],
  // u, and ư (the single character ö)
  ['uù', 'ú'], ['uø', 'ù'], ['uû', 'ủ'], ['uõ', 'ũ'], ['uï', 'ụ'],
  ['öù', 'ứ'], ['öø', 'ừ'], ['öû', 'ử'], ['öõ', 'ữ'], ['öï', 'ự'], ['ö', 'ư'],
  // y (ỵ is a single character)
  ['yù', 'ý'], ['yø', 'ỳ'], ['yû', 'ỷ'], ['yõ', 'ỹ'], ['î', 'ỵ'],
  // i: every toned i is a single character
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['ñ', 'đ'],
];

/**
 * Every VNI sequence, longest first (so "ôù" wins over "ô"). Upper case is derived; a mark's
 * case may differ from its letter's ("Oâ" as well as "OÂ"), and the letter's case decides.
 */
export const VNI: ReadonlyMap<string, string> = new Map(
  VNI_LOWER.flatMap(([v, u]) => {
    if (v.length === 1) return [[v, u] as const, [v.toUpperCase(), u.toUpperCase()] as const];
    const [base, mark] = [v[0]!, v[1]!];
    const upper = u.toUpperCase();
    return [
      [v, u] as const,
      [base + mark.toUpperCase(), u] as const,
      [base.toUpperCase() + mark.toUpperCase(), upper] as const,
      [base.toUpperCase() + mark, upper] as const,
    ];
  }).sort((a, b) => b[0].length - a[0].length),
);
