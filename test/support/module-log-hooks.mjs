// The loader hook of module-log.mjs (it runs off the main thread).
import fs from 'node:fs';

const log = process.env.TONGHOP_MODULE_LOG;

export async function load(url, context, next) {
  if (log) fs.appendFileSync(log, `${url}\n`);
  return next(url, context);
}
