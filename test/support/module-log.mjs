// Loaded with `node --import`: every module the program loads is appended to $TONGHOP_MODULE_LOG
// (one URL a line), so a test can say what a command did not need to load.
import { register } from 'node:module';

register(new URL('./module-log-hooks.mjs', import.meta.url));
