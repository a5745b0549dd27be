// Every test worker keeps PGlite's WebAssembly on V8's baseline compiler, as every process of the
// program does (src/store/wasm-tiering.ts, called first thing by cli/main.ts): a test opens a
// PGlite for a few statements and closes it, and the optimising recompile ran on background
// threads that took CPU from the other worker. Runs before the test file loads PGlite.
import { keepWasmOnBaseline } from '../../src/store/wasm-tiering.js';

keepWasmOnBaseline();
