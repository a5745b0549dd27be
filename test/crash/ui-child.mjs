// The real terminal UI (as `tonghop` starts it) on a given data folder: run by the crash test
// under a pseudo-terminal (`script`), typed into, and SIGKILLed. Its pid goes to PID_FILE, since
// `script` puts it in a session of its own. The built program (dist/, rebuilt by the global setup
// when src/ is newer), not the sources through ts-loader: transpiling the UI's modules in the
// child cost ~14 s of CPU a run (~2 s from dist), since the loader's cache lives in the run's TMPDIR.
import { writeFileSync } from 'node:fs';
import { runUi } from '../../dist/src/ui/run.js';

if (process.env.PID_FILE) writeFileSync(process.env.PID_FILE, String(process.pid));
process.exitCode = await runUi({ dataDir: process.argv[2] });
