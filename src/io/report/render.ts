// The period report as plain UTF-8 text, laid out like a Vietnamese administrative report
// (Nghị định 30/2020/NĐ-CP): agency block and national motto side by side, number, place and
// date, title, sections I–V, recipients and signature. Pure: the report model in, text out;
// ≤ 100 columns. (docx.ts lays out the same model as a Word document.)
import type { ReportData } from './data.js';
import { padCell } from '../text-table.js';
import { WIDTH, center, pipeTable, sideBySide, wrap } from './layout.js';
import { type Block, DOTS, type ReportModel, buildReport } from './model.js';

export { monthWord, nextPeriod, periodPhrase, placeDateLine, placeName } from './model.js';

const LEFT = 40;
const INDENT = '         '; // under "Ghi chú: "

export function renderReport(d: ReportData, opts: { recipient?: string | null } = {}): string {
  return renderReportText(buildReport(d, opts));
}

/** The report as the .txt file: a BOM and CRLF line ends, like every other export (Notepad on older Windows). */
export function reportFileText(text: string): string {
  return '\uFEFF' + text.replace(/\r?\n/gu, '\r\n');
}

export function renderReportText(m: ReportModel): string {
  const L: string[] = [];
  const para = (text: string, first = '', rest = first) => L.push(...wrap(text, WIDTH, first, rest));

  // Header: agency | motto; number | place and date.
  L.push(...sideBySide([...m.agency, '-------', '', m.number], [...m.motto, '---------------------------', '', m.placeDate], LEFT));
  L.push('', '', center(m.title, WIDTH));
  L.push(...wrap(m.summary, WIDTH).map((l) => center(l, WIDTH)));
  L.push(center('-----------', WIDTH), '');
  // No recipient set: a dotted line the officer fills in by hand.
  L.push(...wrap(`Kính gửi: ${m.recipient ?? DOTS}`, WIDTH).map((l) => center(l, WIDTH)), '');
  para(m.intro);

  for (const s of m.sections) {
    L.push('', s.heading, '');
    for (const b of s.blocks) block(b, L, para);
  }
  para(m.closing);
  L.push('');

  // Recipients | signature
  L.push(...sideBySideLeftAligned([m.recipients.title, ...m.recipients.items], [...m.signature.lines, '', '', '', m.signature.name]));
  if (m.preparedBy) L.push('', m.preparedBy);
  return L.map((l) => l.trimEnd()).join('\n') + '\n';
}

function block(b: Block, L: string[], para: (text: string, first?: string, rest?: string) => void): void {
  switch (b.kind) {
    case 'para':
      return para(b.text);
    case 'item':
      return para(`${b.label} ${b.text}`, '', '   ');
    case 'sub':
      return para(b.text, '   - ', '     ');
    case 'table':
      L.push(...pipeTable(b.columns, b.rows), '');
      return;
    case 'note':
      return b.label ? para(b.text, `${b.label} `, INDENT) : para(b.text, INDENT);
    case 'placeholder':
      L.push(b.text, '…', '…', '');
      return;
  }
}

/** Recipients stay flush left (as on paper); the signature block is centred on the right. */
function sideBySideLeftAligned(left: readonly string[], right: readonly string[]): string[] {
  const leftWidth = 52;
  const n = Math.max(left.length, right.length);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((padCell(left[i] ?? '', leftWidth) + center(right[i] ?? '', WIDTH - leftWidth)).trimEnd());
  return out;
}
