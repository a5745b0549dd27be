// Single-instance lock. PGlite has none, and two processes on one data folder corrupt it
// silently. An O_EXCL lock file holds our pid, process start time and boot time; a lock whose
// process is gone (or whose pid was reused by another process, or that was written before the
// last reboot) is stale and taken over. No timer: a long query that blocks the event loop cannot
// make the lock go stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate, todayIso } from '../domain/text.js';

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
  constructor(public readonly holder: LockInfo) {
    const since = new Date(holder.since);
    const when = Number.isNaN(since.getTime()) ? '' : ` từ ${hhmm(since)} ngày ${formatDate(todayIso(since))}`;
    const who = holder.pid > 0 ? ` (PID ${holder.pid}, lệnh "${holder.command}"${when})` : '';
    super(
      `Dữ liệu đang được mở bởi một chương trình tonghop khác${who}. ` +
        'Hãy đóng cửa sổ đó rồi thử lại.',
    );
  }
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

function readLock(file: string): { info: LockInfo | null; raw: string; ageMs: number } | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const ageMs = Date.now() - fs.statSync(file).mtimeMs;
    return { info: parseLock(raw), raw, ageMs };
  } catch {
    return null; // gone in between
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
        } finally {
          fs.closeSync(fd);
        }
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
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const found = readLock(file);
      if (!found) continue; // released between our open and our read
      if (found.info && alive(found.info)) throw new LockedError(found.info);
      if (!found.info && pin === null && found.ageMs < GARBAGE_GRACE_MS && Date.now() < deadline) {
        sleepSync(50); // half-written by a process starting right now
        continue;
      }
      // Stale (dead holder, or garbage left by a process killed while writing it): take it over.
      const other = takeOver(file, found.raw);
      if (other && alive(other)) throw new LockedError(other);
      if (Date.now() > deadline + 5000) throw new LockedError(found.info ?? me);
    }
  } catch (e) {
    if (pin !== null) fs.closeSync(pin);
    throw e;
  }
}
