// Refresh test/support/durations.json (the sequencer's measures) from JSON reports, one per
// project (vitest's JSON report does not name the project of a file):
//   npx vitest run --project pglite --reporter=default --reporter=json --outputFile.json=/tmp/pglite.json
//   npx vitest run --project server --reporter=default --reporter=json --outputFile.json=/tmp/server.json
//   node test/support/write-durations.mjs /tmp/pglite.json pglite /tmp/server.json server
// Files of 5 s or more are kept (the others are guessed from their size); the rest of the
// committed figures stay.
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(import.meta.dirname, 'durations.json');
const root = path.resolve(import.meta.dirname, '../..');
const out = JSON.parse(fs.readFileSync(file, 'utf8'));
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  const report = JSON.parse(fs.readFileSync(args[i], 'utf8'));
  for (const f of report.testResults) {
    const seconds = Math.round((f.endTime - f.startTime) / 1000);
    const key = `${args[i + 1]}:${path.relative(root, f.name)}`;
    if (seconds >= 5) out[key] = seconds;
    else delete out[key];
  }
}
const sorted = Object.fromEntries(Object.entries(out).sort(([, a], [, b]) => b - a));
fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
process.stdout.write(`${Object.keys(sorted).length} files\n`);
