// Where things are: the package's own files (seeds, built template) and the user's data folder.
import envPaths from 'env-paths';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Không tìm thấy thư mục cài đặt của tonghop (thiếu seeds/)');
    dir = up;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const SEEDS_DIR = path.join(PACKAGE_ROOT, 'seeds');
export const TEMPLATE_DIR = path.join(PACKAGE_ROOT, 'dist', 'template');
export const DEFAULT_EXPORTS_DIR = path.join(PACKAGE_ROOT, 'exports');

/** --data-dir, then TONGHOP_DATA_DIR, then the user's data folder (e.g. %LOCALAPPDATA%\tonghop\Data). */
export function resolveDataDir(option?: string | null): string {
  const chosen = option || process.env.TONGHOP_DATA_DIR || envPaths('tonghop', { suffix: '' }).data;
  return path.resolve(chosen);
}
