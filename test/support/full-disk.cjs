// Makes the disk under a data folder full, deterministically and without root (#10 item 18).
// Preloaded (node --require) into a real tonghop process, configured by its environment; or
// installed inside a test's own process (`install`, for a screen over a real data folder).
// Once the file named by FULL_DISK_AFTER_READING has been read (unset: from the start), every
// write that would grow a table's file under FULL_DISK_UNDER fails with ENOSPC, as on a full
// drive; rewriting bytes already on disk still works (a full ext4/NTFS drive behaves so:
// PostgreSQL's WAL segments are allocated ahead). FULL_DISK_FILES=all: every file under it
// (pg_control, the relation cache PostgreSQL writes when it starts), not only tables'.
const fs = require('node:fs');
const path = require('node:path');

/** Install the full disk; returns the way to take it away again (a test's own process). */
function install({ under, afterReading, allFiles = false }) {
  const root = path.resolve(under) + path.sep;
  const trigger = afterReading ? path.resolve(afterReading) : null;
  let full = !trigger;
  const watched = new Set();

  const { openSync, closeSync, readFileSync, writeSync, fstatSync } = fs;
  fs.readFileSync = function (p, ...rest) {
    const out = readFileSync.call(this, p, ...rest);
    if (trigger && typeof p === 'string' && path.resolve(p) === trigger) full = true;
    return out;
  };
  // A text file being imported is read as a stream (io/text/stream.ts), not by readFileSync.
  const openAsync = fs.promises.open;
  fs.promises.open = async function (p, ...rest) {
    const fh = await openAsync.call(this, p, ...rest);
    if (trigger && typeof p === 'string' && path.resolve(p) === trigger) full = true;
    return fh;
  };
  fs.openSync = function (p, ...rest) {
    const fd = openSync.call(this, p, ...rest);
    // Tables' and indexes' files (base/5/16384…): the rows an import adds are what fill the disk.
    if (typeof p === 'string' && path.resolve(p).startsWith(root) && (allFiles || /^\d+(\.\d+)?$/u.test(path.basename(p)))) watched.add(fd);
    return fd;
  };
  fs.closeSync = function (fd) {
    watched.delete(fd);
    return closeSync.call(this, fd);
  };
  fs.writeSync = function (fd, buffer, offset, length, position) {
    if (full && watched.has(fd)) {
      const bytes = typeof length === 'number' ? length : buffer.length;
      // No position: written where the file ends, so it grows.
      if (typeof position !== 'number' || position + bytes > fstatSync(fd).size) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      }
    }
    return writeSync.call(this, fd, buffer, offset, length, position);
  };
  return () => {
    Object.assign(fs, { openSync, closeSync, readFileSync, writeSync });
    fs.promises.open = openAsync;
  };
}

module.exports = { install };

if (process.env.FULL_DISK_UNDER)
  install({ under: process.env.FULL_DISK_UNDER, afterReading: process.env.FULL_DISK_AFTER_READING, allFiles: process.env.FULL_DISK_FILES === 'all' });
