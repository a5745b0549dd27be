// "Now", for the whole program: the one place outside a few timestamps (lock, backup names)
// where the real clock is read. src/domain never reads it; callers pass what this returns.
export function systemNow(): Date {
  return new Date();
}
