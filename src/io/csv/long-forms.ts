// The long layout's forms while its file is read: a team-month's rows may be anywhere in the
// file, so they are gathered before any form is judged (days and hours are judged together).
// A 50 MB file has 1.7 million rows: kept as numbers in typed arrays (~20 bytes a row), not as
// objects (~300 bytes a row, which took a 50 MB import past 1.3 GB).
import type { Month } from '../../domain/period.js';

/** A growable column of 32-bit integers. */
class Ints {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

export interface GatheredForm {
  key: string;
  teamId: number;
  month: Month;
  codes: string[];
  values: number[];
  /** The line of each value's row. */
  lines: number[];
}

export class LongForms {
  private readonly keys = new Map<string, number>();
  private readonly formKeys: string[] = [];
  private readonly teams = new Ints();
  private readonly months: Month[] = [];
  private readonly bad: number[] = [];
  private readonly seenBits: Ints = new Ints();
  private readonly words: number;
  // One entry per good row.
  private readonly rowForm = new Ints();
  private readonly rowCode = new Ints();
  private readonly rowValue = new Ints();
  private readonly rowLine = new Ints();
  /** First lines of the refused rows that named an indicator (a later row for it is a duplicate). */
  private readonly refusedLines = new Map<number, number>();
  /** Built on the first duplicate: form × indicator → the line of its good row. */
  private lineIndex: Map<number, number> | null = null;

  constructor(private readonly codes: readonly string[]) {
    this.words = Math.ceil(codes.length / 32) || 1;
  }

  /** The form of a team-month, made on its first row. */
  form(key: string, teamId: number, month: Month): number {
    let fi = this.keys.get(key);
    if (fi === undefined) {
      fi = this.formKeys.length;
      this.keys.set(key, fi);
      this.formKeys.push(key);
      this.teams.push(teamId);
      this.months.push(month);
      for (let w = 0; w < this.words; w++) this.seenBits.push(0);
    }
    return fi;
  }

  /** The line of an earlier row of the same form and indicator, or undefined (and it is now seen). */
  see(fi: number, code: number): number | undefined {
    const w = fi * this.words + (code >> 5);
    const bit = 1 << (code & 31);
    if ((this.seenBits.a[w]! & bit) === 0) {
      this.seenBits.a[w]! |= bit;
      return undefined;
    }
    const k = fi * this.codes.length + code;
    const refused = this.refusedLines.get(k);
    if (refused !== undefined) return refused;
    if (!this.lineIndex) {
      this.lineIndex = new Map();
      for (let r = 0; r < this.rowForm.n; r++) this.lineIndex.set(this.rowForm.a[r]! * this.codes.length + this.rowCode.a[r]!, this.rowLine.a[r]!);
    }
    return this.lineIndex.get(k);
  }

  /** A refused row: its form will not be written; the indicator it named keeps its line. */
  refuse(fi: number, code: number | undefined, line: number, firstOfCode: boolean): void {
    this.bad[fi] = 1;
    if (code !== undefined && firstOfCode) this.refusedLines.set(fi * this.codes.length + code, line);
  }

  add(fi: number, code: number, value: number, line: number): void {
    this.rowForm.push(fi);
    this.rowCode.push(code);
    this.rowValue.push(value);
    this.rowLine.push(line);
    this.lineIndex?.set(fi * this.codes.length + code, line);
  }

  /** The forms with no refused row, in the order of their first rows, each with its values in file order. */
  *forms(): Generator<GatheredForm> {
    const nForms = this.formKeys.length;
    // Counting sort of the rows by form.
    const start = new Int32Array(nForms + 1);
    for (let r = 0; r < this.rowForm.n; r++) start[this.rowForm.a[r]! + 1]!++;
    for (let f = 0; f < nForms; f++) start[f + 1]! += start[f]!;
    const order = new Int32Array(this.rowForm.n);
    const fill = start.slice(0, nForms);
    for (let r = 0; r < this.rowForm.n; r++) order[fill[this.rowForm.a[r]!]!++] = r;
    for (let f = 0; f < nForms; f++) {
      if (this.bad[f]) continue;
      const codes: string[] = [];
      const values: number[] = [];
      const lines: number[] = [];
      for (let i = start[f]!; i < start[f + 1]!; i++) {
        const r = order[i]!;
        codes.push(this.codes[this.rowCode.a[r]!]!);
        values.push(this.rowValue.a[r]!);
        lines.push(this.rowLine.a[r]!);
      }
      yield { key: this.formKeys[f]!, teamId: this.teams.a[f]!, month: this.months[f]!, codes, values, lines };
    }
  }
}
