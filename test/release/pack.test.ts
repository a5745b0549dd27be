// `npm pack` → `npm install -g` → `tonghop` from any folder: the developer's way to install the
// command. The tarball's dependencies come from the registry or npm's cache; the program runs
// from another folder on its own data folder and writes nothing into the installed package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW, ROOT, TEST_ENV, VERSION, runToFiles, snapshot, writeCsvFiles } from './support.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });

let tmp: string;
let bin: string;
let installed: string;
let before: string[];

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/bundle/main.js'))) throw new Error('dist/bundle is missing: run "npm run build" first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-pack-'));
  // The build is there already (npm run dist made it): pack it as it is.
  npm(['pack', '--ignore-scripts', '--pack-destination', tmp, '--silent'], ROOT);
  const tgz = path.join(tmp, `tonghop-${VERSION}.tgz`);
  const prefix = path.join(tmp, 'toàn cục');
  npm(['install', '-g', '--prefix', prefix, tgz, '--prefer-offline', '--no-audit', '--no-fund', '--silent'], tmp);
  bin = path.join(prefix, 'bin', 'tonghop');
  installed = path.join(prefix, 'lib', 'node_modules', 'tonghop');
  before = snapshot(installed);
}, 600_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm pack, installed globally as the tonghop command', () => {
  it('holds only the program: bundle, template database, seeds', () => {
    expect(fs.readdirSync(installed).filter((n) => n !== 'node_modules').sort()).toEqual(['README.md', 'dist', 'package.json', 'seeds']);
    expect(fs.readdirSync(path.join(installed, 'dist')).sort()).toEqual(['bundle', 'template']);
  });

  it('runs from another folder: init, imports, status --json; nothing written into the package', async () => {
    const elsewhere = path.join(tmp, 'một thư mục khác');
    const dataDir = path.join(tmp, 'Dữ liệu');
    const files = writeCsvFiles(elsewhere);
    const env = { PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}`, HOME: elsewhere, TONGHOP_DATA_DIR: dataDir, ...TEST_ENV };
    const run = async (args: string[]) => {
      const r = await runToFiles('tonghop', args, { cwd: elsewhere, env, timeoutMs: 300_000, scratch: tmp });
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    await run(FLOW.init);
    for (const kind of ['teams', 'members', 'figures'] as const) await run(['import', kind, files[kind]]);
    const status = JSON.parse((await run(FLOW.status)).stdout);
    expect(status.as_of).toBe('2026-11');
    expect(status.teams).toHaveLength(4);
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(snapshot(installed)).toEqual(before);
  });
});
