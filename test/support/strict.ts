// Strict test setup: a React act() warning or any console.error from React fails the test.
// In a reused worker (the "pure" project: isolate false) this file runs before every test file:
// console.error is wrapped once per worker and every file's hook reads the same list.
import { afterEach, vi } from 'vitest';

const worker = globalThis as typeof globalThis & { tonghopReactWarnings?: string[] };
if (!worker.tonghopReactWarnings) {
  const errors: string[] = (worker.tonghopReactWarnings = []);
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (/act\(|Warning:|React/u.test(text)) errors.push(text);
    original(...args);
  };
}
const errors = worker.tonghopReactWarnings;

afterEach(() => {
  vi.useRealTimers();
  if (errors.length) {
    const msg = errors.splice(0).join('\n');
    throw new Error(`React warned during the test:\n${msg}`);
  }
});
