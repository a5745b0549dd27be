// Refresh test/support/durations.json (the sequencer's measures) from a whole run's JSON report:
//   npx vitest run --reporter=default --reporter=json --outputFile.json=/tmp/run.json
//   node test/support/write-durations.mjs /tmp/run.json
// Only files of 5 s or more are kept: the rest are guessed from their size.
import fs from 'node:fs';
import path from 'node:path';

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const root = path.resolve(import.meta.dirname, '../..');
const out = {};
for (const file of report.testResults) {
  const tests = file.assertionResults;
  const project = tests.find((t) => t.meta?.project)?.meta.project ?? file.name.includes('/server/') ? 'server' : undefined;
  const seconds = Math.round((file.endTime - file.startTime) / 1000);
  if (seconds >= 5) out[`${file.projectName ?? project ?? 'pglite'}:${path.relative(root, file.name)}`] = seconds;
}
const sorted = Object.fromEntries(Object.entries(out).sort(([, a], [, b]) => b - a));
fs.writeFileSync(path.join(import.meta.dirname, 'durations.json'), `${JSON.stringify(sorted, null, 2)}\n`);
process.stdout.write(`${Object.keys(sorted).length} files\n`);
