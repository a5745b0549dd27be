// Single-instance lock. PGlite has none, and two processes on one data folder corrupt it
// silently. An O_EXCL lock file holds our pid and process start time; a lock whose process is
// gone (or whose pid was reused by another process) is stale and taken over. No timer: a long
// query that blocks the event loop cannot make the lock go stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDate } from '../domain/text.js';

export interface LockInfo {
  pid: number;
  start: string | null; // process start (Linux: boot ticks), to tell a reused pid apart
  command: string;
  host: string;
  since: string; // ISO timestamp
}

export class LockedError extends Error {
  constructor(public readonly holder: LockInfo) {
    const since = new Date(holder.since);
    const when = Number.isNaN(since.getTime())
      ? ''
      : ` từ ${since.toTimeString().slice(0, 5)} ngày ${formatDate(holder.since.slice(0, 10))}`;
    super(
      `Dữ liệu đang được mở bởi một chương trình tonghop khác (PID ${holder.pid}, lệnh "${holder.command}"${when}). ` +
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

function isAlive(info: LockInfo): boolean {
  if (info.host !== os.hostname()) return true; // a shared folder: we cannot tell, be safe
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPERM') return true;
    return false;
  }
  const start = processStartId(info.pid);
  return !(start && info.start && start !== info.start);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null; // half-written by a process killed mid-write: treat as stale
  }
}

export interface Lock {
  file: string;
  release(): void;
}

export function acquireLock(dataDir: string, command: string): Lock {
  const file = path.join(dataDir, 'tonghop.lock');
  const me: LockInfo = {
    pid: process.pid,
    start: processStartId(process.pid),
    command,
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const cur = readLock(file);
        if (cur?.pid === me.pid && cur.start === me.start) fs.rmSync(file, { force: true });
      };
      return { file, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(file);
      if (holder && isAlive(holder)) throw new LockedError(holder);
      // Stale: the holder died without cleaning up. Remove and retry.
      fs.rmSync(file, { force: true });
    }
  }
  const holder = readLock(file);
  throw new LockedError(holder ?? me);
}
