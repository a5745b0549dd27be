// The text report byte for byte, pinned before it was split into a model and a renderer (the
// .docx renders the same model): any change to the .txt shows here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { loadReportData } from '../../src/io/report/data.js';
import { renderReport } from '../../src/io/report/render.js';
import { demoDb } from '../support/db.js';

const DIR = path.join(import.meta.dirname, 'golden');

describe('the text report is unchanged', () => {
  for (const p of ['2026-Q3', '2026-10', '2026']) {
    it(p, async () => {
      const text = renderReport(await loadReportData(await demoDb(), parsePeriod(p)!, new Date(2027, 0, 5)));
      const file = path.join(DIR, `demo-${p}.txt`);
      if (process.env.TONGHOP_WRITE_GOLDEN) fs.writeFileSync(file, text);
      expect(text).toBe(fs.readFileSync(file, 'utf8'));
    });
  }
});
