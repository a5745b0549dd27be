// Strict test setup: a React act() warning or any console.error from React fails the test.
import { afterEach, vi } from 'vitest';

const errors: string[] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/act\(|Warning:|React/u.test(text)) errors.push(text);
  original(...args);
};

afterEach(() => {
  vi.useRealTimers();
  if (errors.length) {
    const msg = errors.splice(0).join('\n');
    throw new Error(`React warned during the test:\n${msg}`);
  }
});
