// Every encoding an officer's file may come in decodes to the same text as the UTF-8 original;
// anything else is refused with the Excel menu to use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { delimiterName, detectDelimiter, parseCsv } from '../../../src/io/csv/parse.js';
import { FileRefusedError } from '../../../src/io/csv/problems.js';
import { decodeText, encodingLabel, parseEncodingOption } from '../../../src/io/text/decode.js';
import { asTcvn3Cells, asVniCells, tcvn3Typable, toCp1258, toTcvn3Bytes, toUtf16be, toUtf16le, toVniBytes } from './fixtures.js';

const CSV = [
  'ma_to,ten_to,dia_ban,loai_dia_ban,so_ho',
  'TDP01,Tổ CNSCĐ TDP Đông Sơn,Tổ dân phố Đông Sơn,tổ dân phố,312',
  'THON02,Tổ CNSCĐ thôn Phù Vân,Thôn Phù Vân,thôn,205',
  'XA,"Tổ CNSCĐ phường, cấp phường",,,',
  'TDP03,Tổ công nghệ số Nguyễn Trãi – Hưng Yên,Khu dân cư Ngõ Quỳnh,khu dân cư,98',
].join('\r\n').replace(' – ', ' - ') + '\r\n';

const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FileRefusedError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('decodeText: the encodings Excel writes', () => {
  it('UTF-8 with and without BOM', () => {
    const plain = decodeText(Buffer.from(CSV));
    expect(plain).toMatchObject({ text: CSV, encoding: 'utf8', bom: false, converted: false });
    const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]));
    expect(bom).toMatchObject({ text: CSV, encoding: 'utf8', bom: true });
    expect(encodingLabel(bom)).toBe('UTF-8 (có BOM)');
  });

  it('UTF-16 LE and BE with BOM (Excel\'s "Unicode Text", tab-separated)', () => {
    // Excel's tab-separated text: the same cells, a tab between them (quotes kept where the comma CSV had them).
    const tabs = CSV.split('\r\n').map((l) => (l.includes('"') ? l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gu, '\t') : l.replaceAll(',', '\t'))).join('\r\n');
    const le = decodeText(toUtf16le(tabs));
    expect(le).toMatchObject({ text: tabs, encoding: 'utf16', container: 'utf16le', converted: false });
    expect(decodeText(toUtf16be(tabs))).toMatchObject({ text: tabs, container: 'utf16be' });
    expect(encodingLabel(le)).toContain('Unicode Text');
    // The CSV layer takes tab as a delimiter: the same records as the comma file.
    expect(detectDelimiter(le.text)).toBe('\t');
    expect(parseCsv(le.text, '\t')).toEqual(parseCsv(CSV, ','));
    expect(delimiterName('\t')).toBe('dấu tab');
  });

  it('Windows-1258 with tone marks as combining characters comes out NFC', () => {
    const bytes = toCp1258(CSV);
    expect(bytes.includes(0xde)).toBe(true); // ễ written as ê + combining tilde, as Excel does
    const d = decodeText(bytes);
    expect(d).toMatchObject({ text: CSV, encoding: 'cp1258', converted: false });
    expect(d.sample).toBe('Tổ CNSCĐ TDP Đông Sơn');
  });

  it('TCVN3 text inside UTF-8, inside UTF-16, and as one-byte TCVN3', () => {
    const tcvn = asTcvn3Cells(CSV);
    expect(tcvn).toContain('Tæ CNSC§ TDP §«ng S¬n');
    for (const bytes of [Buffer.from(tcvn), toUtf16le(tcvn), toTcvn3Bytes(CSV)]) {
      const d = decodeText(bytes);
      expect(d.text).toBe(CSV);
      expect(d).toMatchObject({ encoding: 'tcvn3', converted: true, sample: 'Tổ CNSCĐ TDP Đông Sơn', sampleBefore: 'Tæ CNSC§ TDP §«ng S¬n' });
    }
  });

  it('TCVN3 ư is the soft hyphen U+00AD, kept through decoding', () => {
    const d = decodeText(Buffer.from(asTcvn3Cells('ma_to,ten_to\r\nT1,Tổ thôn Hưng Thịnh Trường\r\n')));
    expect(d.text).toBe('ma_to,ten_to\r\nT1,Tổ thôn Hưng Thịnh Trường\r\n');
  });

  it('VNI text inside UTF-8 and as one-byte VNI', () => {
    const vni = asVniCells(CSV);
    expect(vni).toContain('Toå CNSCÑ TDP Ñoâng Sôn');
    for (const bytes of [Buffer.from(vni), toVniBytes(CSV), toUtf16le(vni)]) {
      const d = decodeText(bytes);
      expect(d.text).toBe(CSV);
      expect(d).toMatchObject({ encoding: 'vni', converted: true, sample: 'Tổ CNSCĐ TDP Đông Sơn' });
    }
  });

  it('a heading typed in .VnTimeH (upper-case glyphs, lower-case codes) arrives as the table decodes it', () => {
    // TCVN3 has no capital toned vowels: "BÁO CÁO" typed in .VnTimeH is stored as "b¸o c¸o".
    expect(decodeText(Buffer.from('ma_to,ghi_chu\nT1,b¸o c¸o th«n\n')).text).toBe('ma_to,ghi_chu\nT1,báo cáo thôn\n');
  });

  it('--encoding forces one', () => {
    const tcvn = Buffer.from(asTcvn3Cells('ma_to,ten_to\nA,Lê Văn Tư\n'));
    expect(decodeText(tcvn, 'utf8')).toMatchObject({ encoding: 'utf8', converted: false, text: asTcvn3Cells('ma_to,ten_to\nA,Lê Văn Tư\n') });
    expect(decodeText(tcvn, 'tcvn3').text).toBe('ma_to,ten_to\nA,Lê Văn Tư\n');
    // A single word that would not be detected on its own is converted when forced.
    expect(decodeText(Buffer.from('ma_to\nTï\n'), 'tcvn3').text).toBe('ma_to\nTù\n');
    expect(decodeText(Buffer.from('ma_to\nLeâ\n'), 'vni').text).toBe('ma_to\nLê\n');
    expect(decodeText(toCp1258('ma_to\nNguyễn\n'), 'cp1258').text).toBe('ma_to\nNguyễn\n');
    const le = Buffer.from('ma_to\tten\n', 'utf16le');
    expect(decodeText(le, 'utf16')).toMatchObject({ text: 'ma_to\tten\n', container: 'utf16le', bom: false });
    expect(refused(() => decodeText(toCp1258('ma_to\nNguyễn\n'), 'utf8'))).toContain('--encoding utf8');
    expect(refused(() => decodeText(Buffer.from('abc'), 'utf16'))).toContain('UTF-16');
    expect(parseEncodingOption('Windows-1258')).toBe('cp1258');
    expect(parseEncodingOption('TCVN3')).toBe('tcvn3');
    expect(parseEncodingOption('latin1')).toBeNull();
  });
});

describe('decodeText: refusals with advice', () => {
  it('an empty file', () => {
    expect(refused(() => decodeText(new Uint8Array()))).toContain('rỗng');
    expect(refused(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a])))).toContain('rỗng');
  });
  it('UTF-16 without BOM, binary, .xls and .xlsx', () => {
    expect(refused(() => decodeText(Buffer.from('ma_to,ten_to\n', 'utf16le')))).toContain('--encoding utf16');
    expect(refused(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x9f, 0x80, 0x81])))).toMatch(/Save As/u);
    expect(refused(() => decodeText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toContain('Excel Workbook (*.xlsx)');
    expect(refused(() => decodeText(Buffer.from('PK\x03\x04rest', 'latin1')))).toContain('.xlsx');
  });
  it('UTF-8 with one broken byte, and text in none of the encodings, name the Excel menus', () => {
    const broken = Buffer.concat([Buffer.from('ma_to,ten_to\nA,Nguyễn Thị Hằng\nB,'), Buffer.from([0xc3]), Buffer.from(' Lê\n')]);
    const msg = refused(() => decodeText(broken));
    expect(msg).toContain('CSV UTF-8 (Comma delimited)');
    expect(msg).toContain('Unicode Text (*.txt)');
    // Shift-JIS-like bytes: no Vietnamese in any one-byte reading.
    expect(refused(() => decodeText(Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x8a, 0xbf, 0x8e, 0x9a, 0x0a])))).toContain('Save As');
  });
});

// Ordinary Unicode Vietnamese and ASCII must never be "converted".
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Lò', 'Hà', 'Tô', 'Mai', 'Đinh', 'Lâm', 'Tạ', 'Cù', 'Quách', 'Kiều'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Xuân', 'Bá', 'Công', 'Quốc', 'Thanh', 'Kim', 'Diệu', 'Mỹ', 'Tú'];
const GIVEN = ['An', 'Bình', 'Chí', 'Dũng', 'Giang', 'Hà', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nhung', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Việt', 'Xuân', 'Yến', 'Ánh', 'Ân', 'Ý', 'Uyên', 'Châu', 'Tú', 'Hòa', 'Thúy', 'Thùy', 'Loan', 'Trà', 'Mùi', 'Gái', 'Lụa'];
const PLACES = ['Phù Vân', 'Trần Liễu', 'Ngọc Liên', 'Ngọc Hồi', 'Trung Thành', 'Đông Sơn', 'Hà Nam', 'Phủ Lý', 'Kon Tum', 'Đắk Tô', 'Ba Vì', 'Tây Hồ', 'Hòa Bình', 'Cà Mau', 'Bà Rịa', 'Thủ Đức', 'Sa Pa', 'Mù Cang Chải', 'Lào Cai', 'Châu Đốc'];

function names(): string[] {
  const out: string[] = [];
  for (const s of SURNAMES) for (const m of MIDDLE) for (const g of GIVEN) out.push(`${s} ${m} ${g}`);
  for (const s of SURNAMES) for (const g of GIVEN) out.push(`${s} ${g}`); // two-word names: more Latin-1-only fields
  return out;
}

describe('detection does not misfire', () => {
  it(`on ${SURNAMES.length * MIDDLE.length * GIVEN.length + SURNAMES.length * GIVEN.length} real-shaped names, one file and one name at a time`, () => {
    const all = names();
    const file = 'ma_to,ho_ten\n' + all.map((n, i) => `T${i},${n}`).join('\n') + '\n';
    expect(decodeText(Buffer.from(file))).toMatchObject({ text: file, converted: false });
    const one = (n: string) => `ma_to,ho_ten\nT1,${n}\n`;
    for (const n of [...all, ...PLACES]) {
      const d = decodeText(Buffer.from(one(n)));
      if (d.converted) throw new Error(`"${n}" was taken for ${d.encoding}`);
    }
    // The same names as one-byte Windows-1258 files (one iconv run, split at the line ends).
    const list = [...SURNAMES.flatMap((s) => GIVEN.map((g) => `${s} ${g}`)), ...PLACES];
    const encoded = toCp1258(list.join('\n'));
    let start = 0;
    list.forEach((n) => {
      const end = encoded.indexOf(0x0a, start);
      const bytes = encoded.subarray(start, end < 0 ? encoded.length : end);
      start = end + 1;
      const d = decodeText(Buffer.concat([Buffer.from('ma_to,ho_ten\nT1,'), bytes, Buffer.from('\n')]));
      if (d.text !== one(n)) throw new Error(`"${n}" in Windows-1258 read as ${d.encoding}: ${d.text}`);
    });
  });

  it('on the five plans and the demo commune (Unicode Vietnamese) and plain ASCII', () => {
    const dir = path.resolve(import.meta.dirname, '../../../docs/plans');
    const plans = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(plans.length).toBe(5);
    const texts = [...plans.map((f) => fs.readFileSync(path.join(dir, f))), fs.readFileSync(path.resolve(import.meta.dirname, '../../../seeds/demo-commune.json'))];
    for (const bytes of texts) {
      const d = decodeText(bytes);
      expect(d.converted).toBe(false);
      expect(d.text).toBe(bytes.toString('utf8').replace(/^\uFEFF/u, '').normalize('NFC'));
      // Each line on its own too (a file may hold a single line of it).
      for (const line of d.text.split('\n')) if (line.trim()) expect(decodeText(Buffer.from(line)).converted, line).toBe(false);
    }
    const ascii = 'ma_to,thang,ho_dung_nen_tang\nTDP01,2026-10,12\nTDP02,2026-10,\n';
    expect(decodeText(Buffer.from(ascii))).toMatchObject({ text: ascii, encoding: 'utf8', converted: false });
  });

  it('converts the same names typed in TCVN3 and in VNI', () => {
    const file = 'ma_to,ho_ten\n' + names().map((n, i) => `T${i},${n}`).join('\n') + '\n';
    expect(decodeText(Buffer.from(asTcvn3Cells(file))).text).toBe(tcvn3Typable(file));
    expect(decodeText(Buffer.from(asVniCells(file))).text).toBe(file);
  });
});
