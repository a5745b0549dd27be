// The Word report: checked in its XML (the package stamps a creation time, so not by bytes).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { loadReportData } from '../../src/io/report/data.js';
import { renderReportDocx } from '../../src/io/report/docx.js';
import { buildReport } from '../../src/io/report/model.js';
import { renderReport } from '../../src/io/report/render.js';
import { demoDb } from '../support/db.js';

const unxml = (s: string) => s.replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

async function docx(recipient?: string) {
  const data = await loadReportData(await demoDb(), parsePeriod('2026-Q3')!, new Date(2027, 0, 5));
  const files = unzipSync(await renderReportDocx(data, { recipient }));
  const xml = strFromU8(files['word/document.xml']!);
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => unxml(m[1]!)).join('\n');
  const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/u.test(f)).map((f) => strFromU8(files[f]!));
  return { data, xml, text, headers, styles: strFromU8(files['word/styles.xml']!) };
}

describe('the report as a Word document (NĐ 30/2020, Phụ lục I)', () => {
  it('A4 portrait, ND30 margins, Times New Roman, page numbers from page 2', async () => {
    const { xml, styles, headers } = await docx('Sở Khoa học và Công nghệ tỉnh Hà Nam');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/u);
    const margin = /<w:pgMar ([^>]*)\/>/u.exec(xml)![1]!;
    const twips = (k: string) => Number(new RegExp(`w:${k}="(\\d+)"`, 'u').exec(margin)![1]) / 56.7; // mm
    expect(twips('top')).toBeGreaterThanOrEqual(20);
    expect(twips('top')).toBeLessThanOrEqual(25);
    expect(twips('bottom')).toBeGreaterThanOrEqual(20);
    expect(twips('left')).toBeGreaterThanOrEqual(30);
    expect(twips('left')).toBeLessThanOrEqual(35);
    expect(twips('right')).toBeGreaterThanOrEqual(15);
    expect(twips('right')).toBeLessThanOrEqual(20);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/u); // body 14 pt
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:headerReference w:type="first"/u);
    expect(xml).toMatch(/<w:headerReference w:type="default"/u);
    expect(headers.some((h) => h.includes('PAGE') && h.includes('w:val="center"'))).toBe(true);
  });

  it('the fixed texts, the recipient, and the sizes of the header block', async () => {
    const { xml, text } = await docx('Sở Khoa học và Công nghệ tỉnh Hà Nam');
    for (const t of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: …/BC-UBND', 'BÁO CÁO', 'ỦY BAN NHÂN DÂN', 'PHƯỜNG PHÙ VÂN', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'])
      expect(text.split('\n')).toContain(t);
    expect(text).toContain('Kết quả hoạt động của Tổ Công nghệ số cộng đồng Quý III năm 2026');
    expect(text).toContain('Kính gửi: Sở Khoa học và Công nghệ tỉnh Hà Nam');
    expect(text).toContain('Phù Vân, ngày 05 tháng 01 năm 2027');
    const runOf = (t: string) => new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>${t}</w:t>`, 'u').exec(xml)![1]!;
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="2[46]"\/>/u);
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:b\/>.*<w:sz w:val="2[68]"\/>/u);
    expect(runOf('Phù Vân, ngày 05 tháng 01 năm 2027')).toMatch(/<w:i\/>.*<w:sz w:val="2[68]"\/>/u);
    expect(runOf('Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/u);
    // Body: justified, first-line indent 1–1,27 cm, ≥ 6 pt before.
    expect(xml).toMatch(/<w:spacing w:after="0" w:before="120" w:line="312"\/><w:ind w:firstLine="720"\/><w:jc w:val="both"\/>/u);
    // Rules under the agency and the motto are paragraph borders.
    expect(xml.match(/<w:bottom w:val="single"/gu)!.length).toBeGreaterThanOrEqual(3);
  });

  it('a real table with the results, and the teams behind by their full names — as in the .txt', async () => {
    const { xml, text, data } = await docx();
    expect(text).toContain('Kính gửi: ……………………………');
    expect(xml.match(/<w:tbl>/gu)!.length).toBe(3); // header block, results, signature
    expect(xml).toContain('<w:tblHeader/>');
    const model = buildReport(data);
    const table = model.sections[1]!.blocks[0]!;
    if (table.kind !== 'table') throw new Error('no table');
    for (const row of table.rows) for (const cell of row.filter(Boolean)) expect(text.split('\n')).toContain(cell);
    const behind = data.statuses.filter((s) => s.status !== 'dat');
    expect(behind.length).toBeGreaterThan(0);
    const txt = renderReport(data);
    for (const s of behind) {
      expect(text).toContain(`${s.ten_to} (${s.ma_to}):`);
      expect(txt).toContain(`${s.ten_to} (${s.ma_to}):`);
    }
    // Every paragraph of the model is in the document, word for word.
    for (const sec of model.sections) {
      expect(text).toContain(sec.heading);
      for (const b of sec.blocks) if (b.kind === 'item') expect(text).toContain(`${b.label} ${b.text}`);
    }
  });
});
