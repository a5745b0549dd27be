// PGlite is PostgreSQL compiled to WebAssembly. V8 runs it first on its baseline compiler
// (Liftoff) and, in background threads, recompiles the hot functions with its optimising one
// (TurboFan). A command that is over in a second or two never earns that back: measured on the
// 2,000-team fixture, it was ~850 ms of CPU of a ~2 s process (a bare PGlite open included),
// on threads that compete with the command itself on a busy two-core machine; `init --demo` paid
// 7.4 s of CPU with it and 4.6 s without. So every process of the program keeps PGlite on the
// baseline code (cli/main.ts, first thing). The budget only delays tiering (a function that runs
// for long still tiers up; Liftoff's own fallback to TurboFan stays): the same code runs, and a
// long import of a 2,000-team year was no slower (CPU 11.1 / 9.6 s with TurboFan, 8.6 / 9.6 s without).

import v8 from 'node:v8';

/** V8's dynamic-tiering budget (bytes executed before a function tiers up), raised for the program's processes. */
export const SHORT_COMMAND_TIERING_BUDGET = 2_000_000_000;

let applied = false;

/**
 * Before PGlite compiles its WebAssembly (the first open of the process): keep it on the baseline
 * compiler. Only on the V8 versions known to have the flag (an unknown one prints an error).
 * True when applied.
 */
export function keepWasmOnBaseline(): boolean {
  if (applied) return true;
  const major = Number(process.versions.v8.split('.')[0]);
  if (!(major >= 10 && major <= 13)) return false;
  v8.setFlagsFromString(`--wasm-tiering-budget=${SHORT_COMMAND_TIERING_BUDGET}`);
  applied = true;
  return true;
}
