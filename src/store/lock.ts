// Single-instance lock. PGlite has none, and two processes on one data folder corrupt it
// silently. An O_EXCL lock file holds our pid, process start time and boot time; a lock whose
// process is gone (or whose pid was reused by another process, or that was written before the
// last reboot) is stale and taken over. No timer: a long query that blocks the event loop cannot
// make the lock go stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate, printable, todayIso } from '../domain/text.js';
import { writeErrorReason } from '../io/file-write.js';

export interface LockInfo {
  pid: number;
  start: string | null; // process start (Linux: boot ticks), to tell a reused pid apart
  command: string;
  host: string;
  since: string; // ISO timestamp
  boot?: string; // ISO time the machine booted: a lock from before a reboot is stale
}

export const LOCK_FILE = 'tonghop.lock';

/**
 * Windows: the holder keeps this file open, shared with no one, for as long as it runs; the system
 * closes it however the process ends. So whether the holder lives needs no pid there — Windows
 * gives pids out again soon, and Fast Startup keeps the boot time across a shutdown, so a dead
 * holder's pid often names another live program. (libuv's UV_FS_O_EXLOCK, not in fs.constants.)
 */
export const PIN_FILE = 'tonghop.lock.pin';
const UV_FS_O_EXLOCK = 0x10000000;

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export class LockedError extends Error {
  constructor(
    public readonly holder: LockInfo,
    /** The lock file: named when the officer may have to remove it (a lock from another computer). */
    file?: string,
  ) {
    const since = new Date(holder.since);
    const when = Number.isNaN(since.getTime()) ? '' : ` từ ${hhmm(since)} ngày ${formatDate(todayIso(since))}`;
    const command = printable(holder.command);
    if (holder.host && holder.host !== os.hostname()) {
      // A USB stick moved from one computer to another with tonghop still open (or killed) there:
      // we cannot ask that computer whether it still runs, so the officer decides.
      super(
        `Dữ liệu đang được mở trên máy khác: máy "${printable(holder.host)}" (PID ${holder.pid}, lệnh "${command}"${when}). ` +
          `Nếu tonghop vẫn mở trên máy đó, hãy đóng nó ở đó. Nếu máy đó đã tắt tonghop (hoặc ổ USB được rút ra khi tonghop còn mở), ` +
          `hãy xoá tệp khoá ${file ?? LOCK_FILE} rồi thử lại.`,
      );
      return;
    }
    const who = holder.pid > 0 ? ` (PID ${holder.pid}, lệnh "${command}"${when})` : '';
    super(`Dữ liệu đang được mở bởi một chương trình tonghop khác${who}. Hãy đóng cửa sổ đó rồi thử lại.`);
  }
}

/**
 * The lock file is not a file we can read (a folder of that name, no permission): we cannot tell
 * whether another tonghop holds the data, so we refuse at once and say what to remove. Never
 * removed automatically: it may be someone's folder.
 */
export class LockFileError extends Error {}

function lockFileProblem(file: string, code: string | undefined): LockFileError {
  const what =
    code === 'EISDIR'
      ? 'là một thư mục, không phải tệp khoá'
      : code === 'EACCES' || code === 'EPERM'
        ? 'không đọc được (không có quyền)'
        : `không đọc được (${code ?? 'lỗi không rõ'})`;
  return new LockFileError(
    `Tệp khoá ${file} ${what}. tonghop dùng tệp này để biết dữ liệu có đang được mở ở nơi khác không. ` +
      `Hãy đóng mọi cửa sổ tonghop, xoá ${code === 'EISDIR' ? 'thư mục' : 'tệp'} đó (hoặc sửa quyền của nó) rồi thử lại. tonghop không tự xoá nó.`,
  );
}

/** The data folder refuses the lock file itself (read-only stick, no permission, disk full). */
export class LockWriteError extends Error {}

function lockWriteProblem(dataDir: string, e: unknown): unknown {
  const why = writeErrorReason(e);
  if (!why) return e;
  return new LockWriteError(
    `Không mở được dữ liệu trong ${dataDir}: ${why}. tonghop cần ghi vào thư mục dữ liệu (tệp khoá ${LOCK_FILE}, cơ sở dữ liệu) kể cả khi chỉ xem. ` +
      'Hãy bỏ khoá chống ghi của ổ, cấp quyền ghi, giải phóng chỗ trống, hoặc chép thư mục dữ liệu sang ổ khác rồi dùng --data-dir.',
    { cause: e },
  );
}

/** Linux: field 22 of /proc/PID/stat (start time in clock ticks since boot). Elsewhere null. */
export function processStartId(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function bootTime(): Date {
  return new Date(Date.now() - os.uptime() * 1000);
}

/** Is the process that wrote this lock still running? When unsure, say yes. */
export function holderAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // a shared folder: we cannot tell, be safe
  if (info.boot) {
    const written = new Date(info.boot).getTime();
    // Written before the last reboot (a power cut): its pid means nothing now. The slack covers
    // clock adjustments; a reboot within 2 minutes of the last one is still caught by the pid test.
    if (Number.isFinite(written) && Math.abs(written - bootTime().getTime()) > 120_000) return false;
  }
  if (!Number.isInteger(info.pid) || info.pid <= 0) return false;
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPERM') return true;
    return false;
  }
  const start = processStartId(info.pid);
  return !(start && info.start && start !== info.start);
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v?.pid !== 'number' || typeof v.command !== 'string' || typeof v.since !== 'string') return null;
    return { start: null, host: '', ...v } as LockInfo;
  } catch {
    return null;
  }
}

/** The lock file's content; null if it is gone (released in between). Anything else that stops us reading it is refused. */
function readLock(file: string): { info: LockInfo | null; raw: string; ageMs: number } | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    return { info: parseLock(raw), raw, ageMs };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw lockFileProblem(file, code);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface Lock {
  file: string;
  release(): void;
}

/** A garbage lock file younger than this may be one being written right now: wait for it. */
const GARBAGE_GRACE_MS = 2000;

/**
 * Move a stale lock out of the way. Renaming is atomic, so of several processes taking over at
 * once exactly one moves it; if what we moved turns out to be a fresh lock (another process took
 * over and locked between our look and our move), we put it back and report that holder.
 */
function takeOver(file: string, judged: string): LockInfo | null {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return null; // someone else moved it first: try again
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved === judged) {
    fs.rmSync(aside, { force: true });
    return null;
  }
  const info = parseLock(moved);
  try {
    fs.linkSync(aside, file); // fails if yet another lock appeared; then that one stands
  } catch {
    // leave it
  }
  fs.rmSync(aside, { force: true });
  return info;
}

/**
 * Windows: take the pin (an fd), or throw LockedError when a live process holds it for a whole
 * second (a virus scanner may hold a file for a moment). null elsewhere, or when the folder
 * cannot hold it: then the pid test decides, as on Linux.
 */
function takePin(dataDir: string, file: string): number | null {
  if (process.platform !== 'win32') return null;
  const deadline = Date.now() + 1000;
  for (;;) {
    try {
      return fs.openSync(path.join(dataDir, PIN_FILE), fs.constants.O_RDWR | fs.constants.O_CREAT | UV_FS_O_EXLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EBUSY') return null;
    }
    if (Date.now() > deadline) {
      const info = readLock(file)?.info;
      throw new LockedError(info ?? { pid: 0, start: null, command: '', host: '', since: '' });
    }
    sleepSync(50);
  }
}

export function acquireLock(dataDir: string, command: string): Lock {
  const file = path.join(dataDir, LOCK_FILE);
  // Holding the pin, no other tonghop runs here: any lock file found is a dead one's.
  const pin = takePin(dataDir, file);
  const alive = (info: LockInfo) => pin === null && holderAlive(info);
  const me: LockInfo = {
    pid: process.pid,
    start: processStartId(process.pid),
    command,
    host: os.hostname(),
    since: new Date().toISOString(),
    boot: bootTime().toISOString(),
  };
  const mine = JSON.stringify(me);
  const deadline = Date.now() + GARBAGE_GRACE_MS + 1000;
  try {
    for (;;) {
      try {
        const fd = fs.openSync(file, 'wx');
        try {
          fs.writeSync(fd, mine);
        } catch (e) {
          fs.closeSync(fd);
          fs.rmSync(file, { force: true }); // a half-written lock of ours (disk full) must not stay
          throw e;
        }
        fs.closeSync(fd);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          const cur = readLock(file);
          if (cur?.raw === mine) fs.rmSync(file, { force: true });
          if (pin !== null) fs.closeSync(pin);
        };
        return { file, release };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw lockWriteProblem(dataDir, e);
      }
      const found = readLock(file);
      if (!found) {
        // Released between our open and our read. Never spin for good on a lock that keeps vanishing.
        if (Date.now() > deadline + 5000) throw new LockedError(me);
        continue;
      }
      if (found.info && alive(found.info)) throw new LockedError(found.info, file);
      if (!found.info && pin === null && found.ageMs < GARBAGE_GRACE_MS && Date.now() < deadline) {
        sleepSync(50); // half-written by a process starting right now
        continue;
      }
      // Stale (dead holder, or garbage left by a process killed while writing it): take it over.
      const other = takeOver(file, found.raw);
      if (other && alive(other)) throw new LockedError(other, file);
      if (Date.now() > deadline + 5000) throw new LockedError(found.info ?? me, file);
    }
  } catch (e) {
    if (pin !== null) fs.closeSync(pin);
    throw e;
  }
}
