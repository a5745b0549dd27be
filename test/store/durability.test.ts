// The power-cut flush really reaches the changed files: a CHECKPOINT then syncTree fsyncs the
// WAL and the table files that changed, and only those (the others cost a stat), also in the
// next process (the marker kept in the folder).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_MARKER, forgetSynced, syncTree } from '../../src/store/durability.js';
import { setValue } from '../../src/db/forms.js';
import { openDatabase } from '../../src/store/open.js';
import { pgDir } from '../../src/store/data-folder.js';
import { dataDirFrom, tempDir } from '../support/datadir.js';

afterEach(() => vi.restoreAllMocks());

/** The files syncTree opens to fsync, relative to root. */
function fsynced(root: string, run: () => void): string[] {
  const opened: string[] = [];
  const open = fs.openSync;
  vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    if (flags === 'r+') opened.push(path.relative(root, String(p)));
    return open(p, flags ?? 'r', mode);
  }) as typeof fs.openSync);
  const fsync = vi.spyOn(fs, 'fsyncSync');
  run();
  expect(fsync.mock.calls.length).toBeGreaterThanOrEqual(opened.length);
  vi.restoreAllMocks();
  return opened.sort();
}

describe('syncTree', () => {
  it('first sync of a tree covers every file; later ones only what changed; a new process reads the marker', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'base'));
    for (const f of ['a', 'b', 'base/c']) fs.writeFileSync(path.join(root, f), f);
    const old = new Date(Date.now() - 60_000);
    for (const f of ['a', 'b', 'base/c']) fs.utimesSync(path.join(root, f), old, old);
    expect(fsynced(root, () => syncTree(root))).toEqual(['a', 'b', 'base/c']);
    fs.writeFileSync(path.join(root, 'base/c'), 'changed');
    expect(fsynced(root, () => syncTree(root))).toEqual(['base/c']);
    expect(fs.existsSync(path.join(root, SYNC_MARKER))).toBe(true);
    // Another process (no memory of this one): the marker says what was already flushed.
    forgetSynced(root);
    fs.utimesSync(path.join(root, 'base/c'), old, old); // (changes within 2 s of a sync are synced again: coarse clocks)
    fs.writeFileSync(path.join(root, 'b'), 'changed');
    expect(fsynced(root, () => syncTree(root))).toEqual(['b']);
  });

  it('after a typed value, checkpoint() fsyncs the write-ahead log and the changed table files', async () => {
    const dir = await dataDirFrom('demo');
    const db = await openDatabase({ dataDir: dir, command: 'test' });
    await db.checkpoint(); // settle what opening wrote
    const root = pgDir(dir);
    const before = new Date(Date.now() - 60_000);
    // Age every file so that only what the next write touches counts as changed.
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const f of walk(root)) fs.utimesSync(f, before, before);
    forgetSynced(root);
    fs.writeFileSync(path.join(root, SYNC_MARKER), String(Date.now() - 30_000));
    await db.db.transaction((tx) => setValue(tx, 1, '2026-11', 'luot_ho_tro', 12));
    const open = fs.openSync;
    const opened: string[] = [];
    vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (flags === 'r+') opened.push(path.relative(root, String(p)));
      return open(p, flags ?? 'r', mode);
    }) as typeof fs.openSync);
    await db.checkpoint();
    vi.restoreAllMocks();
    const files = opened;
    expect(files.some((f) => f.startsWith('pg_wal/'))).toBe(true);
    expect(files.some((f) => f.startsWith('base/'))).toBe(true); // the table and index files of form, form_value, value_change
    expect(files).toContain('global/pg_control');
    expect(files.length).toBeLessThan(walk(root).length / 4); // not the whole folder
    await db.close();
  });
});
