// Where exports go and what they are called: `<unit>_<period>_<kind>.<ext>`, ASCII only (safe in
// e-mail attachments and on every file system); never overwriting an earlier export.
import fs from 'node:fs';
import path from 'node:path';
import { asFileWriteError, writeFileAtomic } from '../file-write.js';
import { fold } from '../../domain/text.js';

/** `phường Phù Vân` → `phuong-phu-van`. */
export function slug(s: string): string {
  return (
    fold(s)
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'tonghop'
  );
}

export function exportFileName(unitName: string, part: string, kind: string, ext: 'csv' | 'txt' | 'xlsx' | 'docx'): string {
  return `${slug(unitName)}_${part}_${kind}.${ext}`;
}

/** Write to DIR/name, or name-2, name-3… if taken. Creates DIR. Returns the path written. */
export function writeExportFile(folder: string, name: string, content: string | Uint8Array): string {
  // The path printed ("Đã ghi …") is absolute, even for --out given relative.
  const dir = path.resolve(folder);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw asFileWriteError(e, dir);
  }
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${base}-${n}${ext}`);
    if (fs.existsSync(candidate)) continue;
    writeFileAtomic(candidate, content);
    return candidate;
  }
}
