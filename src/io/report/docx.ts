// The period report as a Word document laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4
// portrait, margins 20/20/30/15 mm, Times New Roman; agency block and national motto side by
// side in a borderless table with their rules; number, place and date; title and summary;
// "Kính gửi:"; justified body with a first-line indent; the results as a real Word table;
// recipients beside the signature; page numbers centred at the top from page 2. Same model as
// the .txt (model.ts): only the layout is Word's.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LeaderType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ReportData } from './data.js';
import { type Block, DOTS, type ReportColumn, type ReportModel, buildReport } from './model.js';

/** Twips (1/20 pt): A4 and the ND30 margins. */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 1134 } as const;
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 9071
const FONT = 'Times New Roman';
const pt = (n: number) => n * 2; // docx sizes are half-points
const INDENT = 720; // 1,27 cm first-line indent
const AFTER = 120; // 6 pt between paragraphs

export async function renderReportDocx(d: ReportData, opts: { recipient?: string | null } = {}): Promise<Uint8Array> {
  return renderModelDocx(buildReport(d, opts));
}

export async function renderModelDocx(m: ReportModel): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'tonghop',
    title: `${m.title} ${m.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true, // the first page has its own (empty) header: numbers start on page 2
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 567, footer: 567 },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({})] }),
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })] })],
          }),
        },
        children: [
          headerTable(m),
          centred(m.title, { bold: true, size: 14, before: 360 }),
          centred(m.summary, { bold: true, size: 14 }),
          rule(0.3, TEXT_WIDTH),
          centred(`Kính gửi: ${m.recipient ?? DOTS}`, { size: 14, before: 240, after: 240 }),
          body(m.intro),
          ...m.sections.flatMap((s) => [body(s.heading, { bold: true }), ...s.blocks.flatMap(block)]),
          body(m.closing),
          signatureTable(m),
          ...(m.preparedBy ? [new Paragraph({ spacing: { before: 480 }, children: [run(m.preparedBy, { size: 12, italics: true })] })] : []),
        ],
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number; // points
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, bold: s.bold, italics: s.italics, size: s.size ? pt(s.size) : undefined, font: FONT });
}

function centred(text: string, s: RunStyle & { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: s.before ?? 0, after: s.after ?? 0 }, children: [run(text, s)] });
}

/** A solid rule `share` of `width` long, centred: an empty paragraph's bottom border between indents. */
function rule(share: number, width: number): Paragraph {
  const side = Math.round((width * (1 - share)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

function body(text: string, s: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: AFTER, after: 0, line: 312 },
    children: [run(text, s)],
  });
}

/** A line of dots to write on, as wide as the text (a tab with a dotted leader to the right margin). */
function dotted(): Paragraph {
  return new Paragraph({
    spacing: { before: AFTER, line: 312 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
    children: [new TextRun({ children: [new Tab()] })],
  });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'para':
      return [body(b.text)];
    case 'item':
      return [body(`${b.label} ${b.text}`)];
    case 'sub':
      return [body(`- ${b.text}`)];
    case 'table':
      return [resultsTable(b.columns, b.rows), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'note':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { before: 60, after: 0 },
          children: [...(b.label ? [run(`${b.label} `, { size: 12, bold: true, italics: true })] : []), run(b.text, { size: 12, italics: true })],
        }),
      ];
    case 'placeholder':
      return [body(b.text, { italics: true }), dotted(), dotted()];
  }
}

// TT, Chỉ số, Đơn vị, Trong kỳ, Lũy kế, Kế hoạch, Tỉ lệ: the indicator's name takes the room.
const RESULT_WIDTHS = [567, 3540, 1000, 1000, 1000, 1000, 964];

/** Another table (the province's): TT narrow, the others as wide as the commune's, the wrapping column the rest. */
function fitWidths(columns: readonly ReportColumn[]): number[] {
  const fixed = columns.map((c, i) => (c.wrap ? 0 : i === 0 ? RESULT_WIDTHS[0]! : 1100));
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  return columns.some((c) => c.wrap) && rest > 1500 ? fixed.map((w) => w || rest) : columns.map(() => Math.floor(TEXT_WIDTH / columns.length));
}

function resultsTable(columns: readonly ReportColumn[], rows: readonly (readonly string[])[]): Table {
  const widths = columns.length === RESULT_WIDTHS.length ? RESULT_WIDTHS : fitWidths(columns);
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, { size: 12, bold: head })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.title, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

// The agency column is narrow enough that the quốc hiệu (12 pt bold) fits on one line beside it.
const LEFT_COL = 3200;
const RIGHT_COL = TEXT_WIDTH - LEFT_COL;
const SIGN_LEFT = 4300; // the recipients (11 pt) beside the signature
const SIGN_RIGHT = TEXT_WIDTH - SIGN_LEFT;

function plainCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, margins: { left: 0, right: 0 }, children });
}

/** Agency | motto, then number | place and date: a borderless two-column table. */
function headerTable(m: ReportModel): Table {
  const left = [
    ...m.agency.map((l) => centred(l, { bold: true, size: 13 })),
    rule(0.4, LEFT_COL),
    centred(m.number, { size: 13, before: 120 }),
  ];
  const right = [
    centred(m.motto[0], { bold: true, size: 12 }),
    centred(m.motto[1], { bold: true, size: 14 }),
    rule(0.6, RIGHT_COL),
    centred(m.placeDate, { italics: true, size: 14, before: 120 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_COL, RIGHT_COL],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [plainCell(LEFT_COL, left), plainCell(RIGHT_COL, right)] })],
  });
}

/** "Nơi nhận:" and its items | the signature block. */
function signatureTable(m: ReportModel): Table {
  const left = [
    new Paragraph({ spacing: { before: 240 }, children: [run(m.recipients.title, { size: 12, bold: true, italics: true })] }),
    ...m.recipients.items.map((i) => new Paragraph({ children: [run(i, { size: 11 })] })),
  ];
  const [first, ...rest] = m.signature.lines;
  const right = [
    centred(first ?? '', { bold: true, size: 14, before: 240 }),
    ...rest.map((l) => (/^\(.*\)$/u.test(l) ? centred(l, { italics: true, size: 14 }) : centred(l, { bold: true, size: 14 }))),
    centred(m.signature.name, { bold: true, size: 14, before: 1440 }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [SIGN_LEFT, SIGN_RIGHT],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(SIGN_LEFT, left), plainCell(SIGN_RIGHT, right)] })],
  });
}
