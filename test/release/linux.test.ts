// The Linux download (release/tonghop-<version>-linux-x64.tar.gz) as the officer runs it:
// unpacked into a folder whose path has Vietnamese letters and spaces, run through its own
// launcher with the Node.js inside it, nothing written into the program's folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNTIME, VERSION, linuxFirstDay, snapshot } from './support.js';

let tmp: string;
let day: Awaited<ReturnType<typeof linuxFirstDay>>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-linux-release-'));
  day = await linuxFirstDay(tmp);
}, 180_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the Linux release', () => {
  it('runs on the Node.js it ships, not the one on PATH', async () => {
    const node = path.join(path.dirname(day.launcher), 'app', 'node');
    expect(fs.statSync(node).mode & 0o111).not.toBe(0);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()).toBe(`v${RUNTIME.node}`);
    expect(fs.existsSync(path.join(path.dirname(day.launcher), 'HUONG-DAN.txt'))).toBe(true);
    expect(path.basename(path.dirname(day.launcher))).toBe(`tonghop-${VERSION}-linux-x64`);
  });

  it('the first day: init, three imports, status --json and the report', () => {
    const status = JSON.parse(day.status);
    expect(status.as_of).toBe('2026-11');
    expect(status.teams.map((t: { ma_to: string }) => t.ma_to).sort()).toEqual(['PHUONG', 'TDP01', 'TDP02', 'TDP03']);
    expect(day.report.toString('utf8')).toContain('Phường Phù Vân'.toUpperCase());
  });

  it('backup and restore, then the same status', async () => {
    const usb = path.join(tmp, 'USB của tôi');
    fs.mkdirSync(usb);
    const b = await day.run(['backup', usb]);
    expect(b.code, b.stderr).toBe(0);
    const [file] = fs.readdirSync(usb);
    expect(file).toMatch(/\.backup\.gz$/u);
    const r = await day.run(['restore', path.join(usb, file!)]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(day.dataDir).some((n) => n.startsWith('pgdata.replaced-'))).toBe(true);
    const s = await day.run(['status', '--as-of', '2026-11', '--json']);
    expect(s.stdout).toBe(day.status);
  });

  it('wrote nothing into the program folder', () => {
    expect(snapshot(path.dirname(day.launcher))).toEqual(day.programBefore);
  });
});
