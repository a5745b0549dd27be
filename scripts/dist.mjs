// npm run dist: the officer's downloads, made on this machine from the built program (npm run
// build) and the pinned Node.js (scripts/release/runtime.json), reaching only the npm registry:
//   release/tonghop-<version>-win-x64.zip      tonghop.cmd, HUONG-DAN.txt, app\ (node.exe, program)
//   release/tonghop-<version>-linux-x64.tar.gz  tonghop, HUONG-DAN.txt, app/ (node, program)
// app/ holds the bundle (dist/bundle), PGlite (external to the bundle: it loads its WebAssembly
// and data files from beside its own module), the seeds and the template database. Nothing in
// it is written at run time: the data live in the user's data folder.
import { zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { RUNTIME, fetchNode, nodeLicense } from './release/runtime.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(import.meta.dirname, 'release');
const RELEASE = path.join(ROOT, 'release');
const CACHE = path.join(RELEASE, '.cache');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** One time for every entry of both archives. */
const BUILT = new Date();

const PGLITE = path.join(ROOT, 'node_modules/@electric-sql/pglite');
/** PGlite's files the program does not need: source maps, type declarations, extensions. */
const PGLITE_SKIP = /\.(map|d\.ts|d\.cts)$|\.tar\.gz$/u;

function copyTree(from, to, skip = null) {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (skip?.test(e.name)) continue;
    if (e.isDirectory()) copyTree(src, dst, skip);
    else {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, dst);
    }
  }
}

const crlf = (s) => s.replace(/\r?\n/gu, '\r\n');

/** The program's folder, the same on both platforms but for the Node.js binary. */
async function stageApp(app, platform) {
  for (const need of ['dist/bundle/main.js', 'dist/template']) {
    if (!fs.existsSync(path.join(ROOT, need))) throw new Error(`${need} is missing: run "npm run build" first`);
  }
  fs.mkdirSync(app, { recursive: true });
  // package.json + seeds/ is how the program finds its own folder (src/paths.ts).
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'tonghop', version: VERSION, private: true, type: 'module' }, null, 2) + '\n');
  copyTree(path.join(ROOT, 'dist/bundle'), path.join(app, 'dist/bundle'));
  copyTree(path.join(ROOT, 'dist/template'), path.join(app, 'dist/template'), /^\./u);
  copyTree(path.join(ROOT, 'seeds'), path.join(app, 'seeds'));
  const pglite = path.join(app, 'node_modules/@electric-sql/pglite');
  copyTree(path.join(PGLITE, 'dist'), path.join(pglite, 'dist'), PGLITE_SKIP);
  for (const f of ['package.json', 'LICENSE']) fs.copyFileSync(path.join(PGLITE, f), path.join(pglite, f));
  const exe = platform === 'win-x64' ? 'node.exe' : 'node';
  await fetchNode(platform, path.join(app, exe), CACHE);
  const license = await nodeLicense(CACHE);
  fs.writeFileSync(path.join(app, 'LICENSE-node.txt'), platform === 'win-x64' ? crlf(license) : license);
}

function guide(platform) {
  const text = fs.readFileSync(path.join(SRC, 'HUONG-DAN.txt'), 'utf8').replaceAll('{version}', VERSION);
  // Windows: CRLF and a BOM, so every Notepad shows the Vietnamese letters.
  return platform === 'win-x64' ? `\ufeff${crlf(text)}` : text;
}

/** Every file under dir, as zip entries named `<prefix>/<relative path>` with forward slashes. */
function zipEntries(dir, prefix, into = {}) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) zipEntries(p, `${prefix}/${e.name}`, into);
    else into[`${prefix}/${e.name}`] = new Uint8Array(fs.readFileSync(p));
  }
  return into;
}

async function build(platform) {
  const name = `tonghop-${VERSION}-${platform}`;
  const stage = path.join(RELEASE, '.stage');
  const top = path.join(stage, name);
  fs.rmSync(stage, { recursive: true, force: true });
  await stageApp(path.join(top, 'app'), platform);
  fs.writeFileSync(path.join(top, 'HUONG-DAN.txt'), guide(platform));
  let archive;
  if (platform === 'win-x64') {
    fs.writeFileSync(path.join(top, 'tonghop.cmd'), crlf(fs.readFileSync(path.join(SRC, 'tonghop.cmd'), 'utf8')));
    archive = path.join(RELEASE, `${name}.zip`);
    const zipped = zipSync(zipEntries(top, name), { level: 6, mtime: BUILT });
    fs.writeFileSync(`${archive}.tmp`, zipped);
  } else {
    const launcher = path.join(top, 'tonghop');
    fs.copyFileSync(path.join(SRC, 'tonghop.sh'), launcher);
    fs.chmodSync(launcher, 0o755);
    archive = path.join(RELEASE, `${name}.tar.gz`);
    await tar.c({ gzip: { level: 6 }, file: `${archive}.tmp`, cwd: stage, portable: true, mtime: BUILT }, [name]);
  }
  fs.renameSync(`${archive}.tmp`, archive);
  fs.rmSync(stage, { recursive: true, force: true });
  return archive;
}

const only = process.argv.slice(2);
for (const platform of ['win-x64', 'linux-x64']) {
  if (only.length && !only.includes(platform)) continue;
  const t0 = Date.now();
  const file = await build(platform);
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  process.stdout.write(`${path.relative(ROOT, file)} (${mb} MB, Node.js ${RUNTIME.node}, ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
