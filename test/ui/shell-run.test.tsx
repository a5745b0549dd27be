// runUi with a fake terminal and a fake process: the alternate screen is entered first and left
// last on every way out — quitting, a signal from outside, a crash.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTER_ALT, LEAVE_ALT, runUi } from '../../src/ui/run.js';
import { FakeStdin, FakeStdout } from '../support/terminal.js';
import { TEST_NOW } from '../support/templates.js';
import { KEYS, WAIT_CEILING_MS, waitUntil } from '../support/ui.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function start(tty = true) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tonghop-run-'));
  dirs.push(dataDir);
  const stdout = new FakeStdout(80, 24);
  stdout.isTTY = tty;
  const stderr = new FakeStdout(80, 24);
  const stdin = new FakeStdin();
  const proc = Object.assign(new EventEmitter(), { exit: vi.fn() });
  const done = runUi(
    { dataDir, now: () => TEST_NOW, signalGraceSeconds: 1 },
    { stdout: stdout as never, stderr: stderr as never, stdin: stdin as never, process: proc },
  );
  const output = () => stdout.frames.join('');
  return { stdout, stderr, stdin, proc, done, output, ready: () => waitUntil(() => output().includes('khởi tạo lần đầu'), WAIT_CEILING_MS, 'trình khởi tạo') };
}

const HANDLED = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGBREAK', 'uncaughtException', 'unhandledRejection', 'exit'];

describe('runUi restores the terminal', () => {
  it('on quitting with Ctrl+C: alternate screen first, left last, handlers removed', async () => {
    const t = start();
    await t.ready();
    expect(t.stdout.frames[0]).toBe(ENTER_ALT);
    t.stdin.write(KEYS.ctrl('c'));
    expect(await t.done).toBe(0);
    expect(t.output().endsWith(LEAVE_ALT)).toBe(true);
    expect(t.output().split(LEAVE_ALT).length).toBe(2); // once
    for (const e of HANDLED) expect(t.proc.listenerCount(e), e).toBe(0);
  });

  // SIGTERM: `kill`; SIGHUP: the terminal closed (on Windows also the console window's close
  // button); SIGBREAK: Ctrl+Break on Windows, which stays a signal in raw mode, unlike Ctrl+C.
  it.each(['SIGTERM', 'SIGHUP', 'SIGBREAK'])('on %s from outside', async (signal) => {
    const t = start();
    await t.ready();
    t.proc.emit(signal);
    expect(await t.done).toBe(0);
    expect(t.output().endsWith(LEAVE_ALT)).toBe(true);
  });

  it('on a crash: leaves the alternate screen before reporting, exits 70', async () => {
    const t = start();
    await t.ready();
    t.proc.emit('uncaughtException', new Error('hỏng'));
    expect(t.output().endsWith(LEAVE_ALT)).toBe(true);
    expect(t.stderr.frames.join('')).toContain('Lỗi không mong đợi: Error: hỏng');
    expect(t.proc.exit).toHaveBeenCalledWith(70);
    // The fake process did not really exit: end the UI.
    t.stdin.write(KEYS.ctrl('c'));
    await t.done;
    expect(t.output().split(LEAVE_ALT).length).toBe(2);
  });

  it('does not touch the alternate screen when stdout is not a terminal', async () => {
    const t = start(false);
    await t.ready();
    t.stdin.write(KEYS.ctrl('c'));
    expect(await t.done).toBe(0);
    expect(t.output()).not.toContain(ENTER_ALT);
    expect(t.output()).not.toContain(LEAVE_ALT);
  });

  it('output that is not a terminal (a file, a pipe) carries no escape sequence at all (#10 item 15)', async () => {
    const t = start(false);
    await t.ready();
    t.stdin.write(KEYS.ctrl('c'));
    expect(await t.done).toBe(0);
    expect(t.output()).toContain('khởi tạo lần đầu');
    expect(t.output()).not.toMatch(/[\u001b\u009b]/u);
  });
});
