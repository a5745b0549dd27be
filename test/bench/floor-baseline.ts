// The floor with PGlite's WebAssembly on V8's baseline compiler, as `status` runs it
// (store/wasm-tiering.ts): how much of status ÷ floor is that one flag, and how much our own work.
import { keepWasmOnBaseline } from '../../src/store/wasm-tiering.js';

keepWasmOnBaseline();
await import('./floor.js');
