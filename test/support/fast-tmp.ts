// Where the tests' temp folders go (TMPDIR for the workers and every process they spawn): a folder
// of this run in memory (/dev/shm, tmpfs) when the machine has one. Data folders, backups and
// exports run the very same code there — every fsync is still called — but a flush of a fresh
// PGlite folder (~1,000 files) costs milliseconds instead of seconds on a shared disk, and no
// test measures the disk. Elsewhere (Windows, macOS, no /dev/shm) the system's temp folder.
import fs from 'node:fs';
import path from 'node:path';

const SHM = '/dev/shm';

const PREFIX = 'tonghop-test-';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A killed run cannot remove its folder, and tmpfs is memory: the next run does. */
function removeOrphans(): void {
  for (const name of fs.readdirSync(SHM)) {
    const pid = Number(/^tonghop-test-(\d+)-/u.exec(name)?.[1]);
    if (pid && !alive(pid)) fs.rmSync(path.join(SHM, name), { recursive: true, force: true });
  }
}

/**
 * A fresh folder of this run on tmpfs (removed when the run's process exits), or undefined.
 * TONGHOP_TEST_DISK_TMP=1 keeps the system's temp folder (to run the suite on a real disk).
 */
export function fastTmpDir(): string | undefined {
  if (process.platform !== 'linux' || process.env.TONGHOP_TEST_DISK_TMP) return undefined;
  try {
    fs.accessSync(SHM, fs.constants.W_OK);
    removeOrphans();
    const dir = fs.mkdtempSync(path.join(SHM, `${PREFIX}${process.pid}-`));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  } catch {
    return undefined;
  }
}
