// Bytes of a CSV file → text. Only UTF-8 is accepted (with or without BOM): guessing at
// Windows-1258 or TCVN3 would silently corrupt Vietnamese names, so we say how to re-save.
import { FileRefusedError } from './problems.js';

export const RESAVE_HINT =
  'Hãy mở tệp bằng Excel, chọn File → Save As (Lưu thành), kiểu tệp "CSV UTF-8 (Comma delimited) (*.csv)", rồi nhập lại tệp mới.';

/** Decode UTF-8 strictly, drop the BOM, normalise to NFC. Refuses an empty or non-UTF-8 file. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    // ignoreBOM: false (the default) strips a leading BOM for us.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefusedError(`Tệp không phải mã UTF-8 (có thể đang ở mã Windows-1258 hoặc TCVN3). ${RESAVE_HINT}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new FileRefusedError('Tệp rỗng: không có dòng tiêu đề nào.');
  return text.normalize('NFC');
}
