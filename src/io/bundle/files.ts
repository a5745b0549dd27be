// Several bundles at once — the CLI's `import bundle FILE…` and the province's import screen (a
// folder of e-mail attachments) — through one loop: each file all or nothing, the good ones land,
// a refused one is named with why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, DbRunner } from '../../db/database.js';
import { getSetting, setSetting } from '../../db/unit.js';
import { documentsExportsDir } from '../../paths.js';
import { BundleError } from './format.js';
import { type BundleSummary, importBundle, readBundleFile } from './import.js';

export type BundleOutcome = { file: string; summary: BundleSummary; refused?: undefined } | { file: string; refused: string; summary?: undefined };

export async function importBundleFiles(
  db: DbRunner,
  files: readonly string[],
  opts: { dryRun?: boolean; force?: boolean; now: Date; onOutcome?: (o: BundleOutcome) => void },
): Promise<{ outcomes: BundleOutcome[]; wrote: boolean }> {
  const outcomes: BundleOutcome[] = [];
  let wrote = false;
  for (const file of files) {
    try {
      const summary = await importBundle(db, file, await readBundleFile(file), { dryRun: !!opts.dryRun, force: !!opts.force, now: opts.now });
      wrote ||= !summary.dryRun && summary.unit !== 'unchanged';
      outcomes.push({ file, summary });
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      outcomes.push({ file, refused: e.message });
    }
    // Said as it happens: a later failure does not hide what has landed.
    opts.onOutcome?.(outcomes[outcomes.length - 1]!);
  }
  return { outcomes, wrote };
}

/** A bundle's file name as export writes it: `…_bundle.gz`, or `…_bundle-2.gz` when that was taken. */
const BUNDLE_NAME = /_bundle(?:-(\d+))?\.gz$/iu;

/**
 * Every bundle in a folder (not its subfolders), the re-exports (-2, -3…) after the file they
 * follow, so a commune's corrected bundle comes in after its first one.
 */
export function bundlesInFolder(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && BUNDLE_NAME.test(e.name)).map((e) => e.name);
  } catch {
    throw new BundleError(`Không đọc được thư mục "${dir}": kiểm tra lại đường dẫn.`);
  }
  const key = (n: string) => {
    const m = BUNDLE_NAME.exec(n)!;
    return { base: n.slice(0, m.index), n: Number(m[1] ?? 1) };
  };
  return names
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x.base < y.base ? -1 : x.base > y.base ? 1 : x.n - y.n;
    })
    .map((n) => path.join(dir, n));
}

/** The folder chosen last on the import screen (a machine setting: it ends in _dir). */
export const BUNDLE_DIR_SETTING = 'bundle_import_dir';

/** Where the import screen looks first: the folder chosen last, else Downloads (where attachments land), else Documents/tonghop. */
export async function bundleFolder(q: Db): Promise<string> {
  const known = await getSetting(q, BUNDLE_DIR_SETTING);
  if (known) return known;
  const downloads = path.join(os.homedir(), 'Downloads');
  return fs.existsSync(downloads) ? downloads : documentsExportsDir();
}

export async function rememberBundleFolder(q: Db, dir: string): Promise<void> {
  const abs = path.resolve(dir);
  if (abs !== (await getSetting(q, BUNDLE_DIR_SETTING))) await setSetting(q, BUNDLE_DIR_SETTING, abs);
}
