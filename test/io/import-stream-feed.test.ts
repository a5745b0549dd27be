// The streamed CSV parser is fed in slices (src/io/csv/parse.ts: feedSlices): a 1 MiB piece
// parsed in one go made ~35,000 records alive at once, which outlived V8's young generation and
// grew the heap of a 50 MB import. The slices must change nothing: the same records, the same
// "dòng N" (a quoted cell with line breaks across a slice's end), the same refusals.
import { describe, expect, it } from 'vitest';
import { FEED_MAX, feedSlices, parseCsv, parseCsvStream } from '../../src/io/csv/parse.js';
import { FileRefusedError } from '../../src/io/csv/problems.js';

async function* once(...pieces: string[]): AsyncGenerator<string> {
  yield* pieces;
}

async function streamed(...pieces: string[]) {
  const out = [];
  for await (const r of parseCsvStream(once(...pieces), ',')) out.push(r);
  return out;
}

describe('the parser fed in slices', () => {
  it('cuts a piece at line breaks into slices of at most FEED_MAX characters, losing nothing', () => {
    const piece = Array.from({ length: 20_000 }, (_, i) => `T${i},2026-01,ho_huong_dan,${i % 60}`).join('\n') + '\n';
    expect(piece.length).toBeGreaterThan(4 * FEED_MAX);
    const slices = [...feedSlices(piece)];
    expect(slices.length).toBeGreaterThan(4);
    expect(slices.join('')).toBe(piece);
    for (const s of slices) {
      expect(s.length).toBeLessThanOrEqual(FEED_MAX);
      expect(s.endsWith('\n')).toBe(true);
    }
  });

  it('cuts a line longer than a slice without splitting a surrogate pair', () => {
    const piece = `${'a'.repeat(9)}😀${'b'.repeat(20)}`; // the emoji's two halves sit at 9 and 10
    const slices = [...feedSlices(piece, 10)];
    expect(slices.join('')).toBe(piece);
    for (const s of slices) expect(Buffer.from(s).toString()).toBe(s); // a lone surrogate would come back as U+FFFD
  });

  it('gives the records and lines the whole text gives, a quoted cell with CRLFs across slices included', async () => {
    const note = `"Họp thôn\r\nlần ${'x'.repeat(FEED_MAX)}\r\nhai"`;
    const rows = ['ma_to,thang,ho_huong_dan,ghi_chu'];
    for (let i = 0; i < 6000; i++) rows.push(`T${i},2026-01,${i % 60},${i === 3000 ? note : 'ok'}`);
    const text = rows.join('\r\n') + '\r\n';
    const whole = parseCsv(text, ',');
    const inOne = await streamed(text);
    expect(inOne).toEqual(whole);
    // The record after the note starts three lines later (two CRLFs inside its quotes).
    const after = inOne.find((r) => r.cells[0] === 'T3001')!;
    expect(after.line).toBe(3002 + 1 + 2);
    // Pieces ending on a CR whose LF starts the next piece.
    const cut = text.indexOf('\r\n', 100_000) + 1;
    expect(await streamed(text.slice(0, cut), text.slice(cut))).toEqual(whole);
  });

  it('still names the line of a quote opened and never closed, past many slices', async () => {
    const rows = ['ma_to,thang,ho_huong_dan'];
    for (let i = 0; i < 10_000; i++) rows.push(`T${i},2026-01,${i % 60}`);
    rows.push('T9,2026-02,"5');
    const text = rows.join('\n') + '\nT10,2026-03,1\n';
    await expect(streamed(text)).rejects.toThrow(FileRefusedError);
    await expect(streamed(text)).rejects.toThrow(/dòng 10002:/u);
  });
});
