// Where things are: the package's own files (seeds, built template) and the user's data folder.
import envPaths from 'env-paths';
import fs from 'node:fs';
import os from 'node:os';
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
/** The program's own folder for its development outputs (bench results); never the officer's exports. */
export const DEFAULT_EXPORTS_DIR = path.join(PACKAGE_ROOT, 'exports');

/**
 * Where exports go when no folder is given or remembered: `tonghop` in the user's Documents
 * (Windows: the profile's Documents; elsewhere ~/Documents if it exists, else the home folder),
 * never the program's own folder (inside node_modules after a global install).
 */
export function documentsExportsDir(home: string = os.homedir(), platform: NodeJS.Platform = process.platform): string {
  const docs = path.join(home, 'Documents');
  const base = platform === 'win32' || fs.existsSync(docs) ? docs : home;
  return path.join(base, 'tonghop');
}

/** --data-dir, then TONGHOP_DATA_DIR, then the user's data folder (e.g. %LOCALAPPDATA%\tonghop\Data). */
export function resolveDataDir(option?: string | null): string {
  const chosen = option || process.env.TONGHOP_DATA_DIR || envPaths('tonghop', { suffix: '' }).data;
  return path.resolve(chosen);
}
