// "Now", for the whole program: the one place where the real clock is read for "today". src/domain
// never reads it; callers pass what this returns. `TONGHOP_TODAY=YYYY-MM-DD` pins the date (tests,
// an officer finishing last month's work on a laptop whose clock is wrong); the time of day stays
// the real one, so files written a second apart still get different times.

export const TODAY_ENV = 'TONGHOP_TODAY';

/** TONGHOP_TODAY is set but is not a real date: the program was started wrongly (exit 2). */
export class BadTodayError extends Error {
  constructor(value: string) {
    super(`Biến môi trường ${TODAY_ENV}="${value}" không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ ${TODAY_ENV}=2026-12-01 (hoặc bỏ biến này để dùng ngày của máy).`);
  }
}

/** The pinned date as [year, month, day], null when the variable is unset or empty; throws when it is malformed. */
export function pinnedToday(env: NodeJS.ProcessEnv = process.env): [number, number, number] | null {
  const raw = env[TODAY_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(raw.trim());
  if (!m) throw new BadTodayError(raw);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(y, mo - 1, d);
  if (y < 2000 || y > 2200 || check.getFullYear() !== y || check.getMonth() !== mo - 1 || check.getDate() !== d) throw new BadTodayError(raw);
  return [y, mo, d];
}

/** Now: the real time, on the pinned date when TONGHOP_TODAY is set. */
export function systemNow(env: NodeJS.ProcessEnv = process.env): Date {
  const real = new Date();
  const pinned = pinnedToday(env);
  if (!pinned) return real;
  const [y, mo, d] = pinned;
  return new Date(y, mo - 1, d, real.getHours(), real.getMinutes(), real.getSeconds(), real.getMilliseconds());
}
