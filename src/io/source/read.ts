// An import file's bytes → what the checks read, whatever made the file: an .xlsx workbook
// (by its name or its `PK` zip signature) goes to the workbook reader, anything else to the
// text decoder (UTF-8, UTF-16, Windows-1258, TCVN3/VNI). Both say what they read, so the dry
// run, the summary and the Import screen can name the encoding and show a converted sample.
import fs from 'node:fs';
import { cleanText } from '../../domain/text.js';
import type { TableInput } from '../csv/table.js';
import { type EncodingOption, decodeText, encodingLabel } from '../text/decode.js';
import { openTextFile } from '../text/stream.js';
import { workbookRecords } from '../xlsx/import.js';

export interface SourceInfo {
  format: 'text' | 'xlsx';
  /** The encoding in Vietnamese (for a workbook: the font its cells were typed in). */
  encoding: string;
  /** The sheet read, and every sheet of the workbook. */
  sheet: string | null;
  sheets: string[];
  /** A field as imported (converted or decoded), and as it stood in the file when converted. */
  sample: string | null;
  sampleBefore: string | null;
}

export interface ImportSource {
  input: TableInput;
  info: SourceInfo;
}

export interface ReadOptions {
  /** The file's name: `.xlsx` (or `.xlsm`) means a workbook even before its bytes are looked at. */
  name?: string;
  encoding?: EncodingOption;
  sheet?: string;
}

const WORKBOOK_NAME = /\.xls[xm]$/iu;

/** A zip's local-file signature: an .xlsx saved under another name is still a workbook. */
export function looksLikeWorkbook(bytes: Uint8Array, name?: string): boolean {
  return (name !== undefined && WORKBOOK_NAME.test(name)) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

export function readImportFile(bytes: Uint8Array, opts: ReadOptions = {}): ImportSource {
  if (looksLikeWorkbook(bytes, opts.name)) {
    const wb = workbookRecords(bytes, { sheet: opts.sheet, encoding: opts.encoding });
    const encoding =
      wb.legacy === 'tcvn3'
        ? 'sổ Excel, chữ TCVN3 (ABC, phông .VnTime) đã chuyển sang Unicode'
        : wb.legacy === 'vni'
          ? 'sổ Excel, chữ VNI (phông VNI-Times) đã chuyển sang Unicode'
          : 'sổ Excel (chữ Unicode)';
    const sample = wb.sample ?? firstVietnamese(wb.records.flatMap((r) => r.cells));
    return {
      input: { records: wb.records },
      info: { format: 'xlsx', encoding, sheet: wb.sheet, sheets: wb.sheets, sample, sampleBefore: wb.sampleBefore },
    };
  }
  const d = decodeText(bytes, opts.encoding ?? 'auto');
  const sample = d.sample ?? firstVietnamese(d.text.slice(0, 65_536).split(/[,;\t"\r\n]+/u));
  return {
    input: d.text,
    info: { format: 'text', encoding: encodingLabel(d), sheet: null, sheets: [], sample, sampleBefore: d.sampleBefore },
  };
}

/**
 * The same from a file's path, without holding a text file: its encoding is decided from a
 * sample and its rows are read as a stream when checked (text/stream.ts). A workbook is read
 * whole (its cells are inside a zip).
 */
export async function openImportFile(file: string, opts: Omit<ReadOptions, 'name'> = {}): Promise<ImportSource> {
  const fh = await fs.promises.open(file, 'r');
  const magic = Buffer.alloc(4);
  try {
    await fh.read(magic, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (looksLikeWorkbook(magic, file)) return readImportFile(await fs.promises.readFile(file), { ...opts, name: file });
  const stream = await openTextFile(file, opts.encoding ?? 'auto');
  const d = stream.info;
  const sample = d.sample ?? firstVietnamese(stream.head.slice(0, 65_536).split(/[,;\t"\r\n]+/u));
  return {
    input: { stream },
    info: { format: 'text', encoding: encodingLabel(d), sheet: null, sheets: [], sample, sampleBefore: d.sampleBefore },
  };
}

/** The first field with a letter beyond ASCII: the officer sees at once whether the diacritics read right. */
function firstVietnamese(fields: readonly string[]): string | null {
  const hit = fields.find((f) => /[^\u0000-\u007f]/u.test(f));
  return hit === undefined ? null : hit.trim();
}

const quoted = (s: string) => `"${cleanText(s).slice(0, 60)}"`;

/** The lines the dry run, the summary and the Import screen show about the file itself. */
export function describeSource(info: SourceInfo): string[] {
  const lines = [`Mã chữ: ${info.encoding}.`];
  if (info.sheet !== null)
    lines.push(`Trang tính: "${cleanText(info.sheet)}"` + (info.sheets.length > 1 ? ` (sổ có ${info.sheets.length} trang tính; chọn trang khác bằng --sheet).` : '.'));
  if (info.sample !== null)
    lines.push(info.sampleBefore !== null ? `Ví dụ: ${quoted(info.sampleBefore)} → ${quoted(info.sample)}.` : `Ví dụ chữ đọc được: ${quoted(info.sample)}.`);
  return lines;
}
