// Every write of the entry form, the month grid and undo runs one after another, in the order
// the officer left the fields: the screen moves on at once (no waiting for the disk per key),
// an undo never overtakes the save it should undo, and `whenSaved` lets a caller wait for all.
const chains = new WeakMap<object, Promise<unknown>>();

/** Run `job` after every write queued before it on the same database. */
export function enqueueWrite<T>(db: object, job: () => Promise<T>): Promise<T> {
  const prev = chains.get(db) ?? Promise.resolve();
  // Start after the pending frame is drawn: the key's answer on screen never waits for the disk.
  const next = prev.then(() => new Promise<void>((r) => setImmediate(r))).then(job);
  chains.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/** Resolves once every write queued so far has finished (successfully or not). */
export async function whenSaved(db: object): Promise<void> {
  await (chains.get(db) ?? Promise.resolve());
}
