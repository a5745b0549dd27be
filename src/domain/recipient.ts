// The report's recipient ("Kính gửi: …", e.g. Sở Khoa học và Công nghệ tỉnh Ninh Bình): one
// line of text from the officer, checked the same way typed in the UI or given on the command line.
import { cleanText } from './text.js';
import type { Parsed } from './validation.js';

export const RECIPIENT_MAX = 200;
// C0/C1 controls and bidirectional overrides never get in (domain.md, "Untrusted text").
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** A blank recipient clears it (the report then leaves a dotted line after "Kính gửi:"). */
export function checkRecipient(input: string): Parsed<string | null> {
  if (UNSAFE.test(input)) return { ok: false, error: 'Nơi nhận có ký tự điều khiển: hãy gõ lại bằng chữ thường' };
  const s = cleanText(input);
  if (s === '') return { ok: true, value: null };
  if (s.length > RECIPIENT_MAX) return { ok: false, error: `Nơi nhận dài quá ${RECIPIENT_MAX} ký tự` };
  return { ok: true, value: s };
}
