// Preloaded (node --require) into a real tonghop process to make the disk under a data folder
// full, deterministically and without root (#10 item 18): once the file named by
// FULL_DISK_AFTER_READING has been read, every write that would grow a table's file under
// FULL_DISK_UNDER fails with ENOSPC, as on a full drive; rewriting bytes already on disk still
// works (a full ext4/NTFS drive behaves so: PostgreSQL's WAL segments are allocated ahead).
const fs = require('node:fs');
const path = require('node:path');

const under = path.resolve(process.env.FULL_DISK_UNDER) + path.sep;
const trigger = path.resolve(process.env.FULL_DISK_AFTER_READING);
let full = false;
const watched = new Set();

const { openSync, closeSync, readFileSync, writeSync, fstatSync } = fs;
fs.readFileSync = function (p, ...rest) {
  const out = readFileSync.call(this, p, ...rest);
  if (typeof p === 'string' && path.resolve(p) === trigger) full = true;
  return out;
};
fs.openSync = function (p, ...rest) {
  const fd = openSync.call(this, p, ...rest);
  // Tables' and indexes' files (base/5/16384…): the rows an import adds are what fill the disk.
  if (typeof p === 'string' && path.resolve(p).startsWith(under) && /^\d+(\.\d+)?$/u.test(path.basename(p))) watched.add(fd);
  return fd;
};
fs.closeSync = function (fd) {
  watched.delete(fd);
  return closeSync.call(this, fd);
};
fs.writeSync = function (fd, buffer, offset, length, position) {
  if (full && watched.has(fd) && typeof position === 'number') {
    const bytes = typeof length === 'number' ? length : buffer.length;
    if (position + bytes > fstatSync(fd).size) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    }
  }
  return writeSync.call(this, fd, buffer, offset, length, position);
};
