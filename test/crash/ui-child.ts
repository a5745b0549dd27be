// The real terminal UI (as `tonghop` starts it) on a given data folder: run by the crash test
// under a pseudo-terminal (`script`), typed into, and SIGKILLed. Its pid goes to PID_FILE, since
// `script` puts it in a session of its own.
import { writeFileSync } from 'node:fs';
import { runUi } from '../../src/ui/run.js';

if (process.env.PID_FILE) writeFileSync(process.env.PID_FILE, String(process.pid));
process.exitCode = await runUi({ dataDir: process.argv[2] });
