// The small parts of a workbook read with saxes: package relations, the workbook (sheet names,
// 1904 dates), which cell styles are dates, the shared strings (streamed: they can be large).
import { SaxesParser } from 'saxes';
import { FileRefusedError } from '../csv/problems.js';
import { isDateFormat } from './formats.js';
import { type ZipEntry, readEntry } from './zip.js';

export function sax(onOpen: (name: string, attrs: Record<string, string>) => void, onText?: (t: string) => void, onClose?: (name: string) => void) {
  const p = new SaxesParser();
  p.on('opentag', (tag) => onOpen(local(tag.name), tag.attributes as Record<string, string>));
  if (onText) {
    p.on('text', onText);
    p.on('cdata', onText);
  }
  if (onClose) p.on('closetag', (tag) => onClose(local(tag.name)));
  return p;
}

function parseAll(xml: string, p: SaxesParser): void {
  try {
    p.write(xml).close();
  } catch {
    throw new FileRefusedError('Sổ Excel hỏng: nội dung XML không đọc được.');
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function relTargets(xml: string, dir: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  if (!xml) return out;
  parseAll(
    xml,
    sax((name, a) => {
      if (name !== 'Relationship' || !a.Target) return;
      const t = a.Target;
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: normalisePath(t.startsWith('/') ? t.slice(1) : dir + t) });
    }),
  );
  return out;
}

function normalisePath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s !== '') parts.push(s);
  }
  return parts.join('/');
}

export function parseWorkbook(xml: string): { sheets: { name: string; rid: string }[]; date1904: boolean } {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parseAll(
    xml,
    sax((name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') sheets.push({ name: (a.name ?? '').normalize('NFC'), rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
    }),
  );
  return { sheets, date1904 };
}

/** Which cell styles (index into cellXfs) show a date. */
export function parseStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inXfs = false;
  if (xml)
    parseAll(
      xml,
      sax(
        (name, a) => {
          if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
          else if (name === 'cellXfs') inXfs = true;
          else if (name === 'xf' && inXfs) xfs.push(Number(a.numFmtId ?? 0));
        },
        undefined,
        (name) => {
          if (name === 'cellXfs') inXfs = false;
        },
      ),
    );
  const out = new Set<number>();
  xfs.forEach((id, i) => {
    if (isDateFormat(id, custom.get(id))) out.add(i);
  });
  return out;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes CR as _x000D_). */
export function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Streams an entry into a SAX parser (the shared strings and the sheet can be large). */
export function streamEntry(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }, p: SaxesParser): void {
  const decoder = new TextDecoder('utf-8');
  try {
    readEntry(bytes, entry, (c) => void p.write(decoder.decode(c, { stream: true })), budget);
    p.write(decoder.decode()).close();
  } catch (e) {
    if (e instanceof FileRefusedError) throw e;
    throw new FileRefusedError(`Sổ Excel hỏng: ${entry.name} không đọc được.`);
  }
}

export function parseSharedStrings(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let phonetic = 0; // <rPh> runs: the reading aid of East Asian text, not the text
  const p = sax(
    (name) => {
      if (name === 'si') cur = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    (t) => {
      if (inT && phonetic === 0) cur += t;
    },
    (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(unescapeOoxml(cur));
    },
  );
  streamEntry(bytes, entry, budget, p);
  return out;
}

