// CSV text into records, fed in pieces: the same records csv-parse gives with the options the
// program used (`,` `;` or tab; CRLF, LF and CR line ends, mixed in one file; "" inside quotes;
// any number of cells; an empty line is a record of one empty cell; relax_quotes), tested against
// csv-parse on random text (test/io/csv-scan.test.ts).
//
// Why not csv-parse itself: it turns every field into bytes and back (a Buffer per field), which
// was 0.5 s of the 1.2 s a 2,000-team year's 2 MB file took to check, before any of it was
// written, and most of the check's garbage. Papa Parse is as fast as this but takes one line end
// for the whole file, and an officer's file edited in two programs mixes them.
//
// What csv-parse does with a quote that closes early (`"ab"x,c`) is kept: the field is read
// again as unquoted text, its quotes literal (`"ab"x`). A quote opened and never closed is an
// error, raised at the end (QuoteNotClosedError): the file's records up to it have been given.

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** Before a field's first character. */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: "" is one quote, else the field ends (or is read again unquoted). */
  QuoteInQuoted,
  /** A record just ended on CR: an LF next belongs to it. */
  AfterCr,
}

export class QuoteNotClosedError extends Error {
  readonly code = 'CSV_QUOTE_NOT_CLOSED';
  constructor() {
    super('Quote Not Closed');
  }
}

export class CsvScanner {
  private readonly delimiter: number;
  private state = State.FieldStart;
  private field = '';
  private cells: string[] = [];

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The records `text` completes, in order (a record may have started in an earlier piece). */
  push(text: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const state = this.state;
      if (state === State.AfterCr) {
        this.state = State.FieldStart;
        if (text.charCodeAt(i) === LF) i++;
      } else if (state === State.FieldStart) {
        if (text.charCodeAt(i) === QUOTE) {
          this.state = State.Quoted;
          i++;
        } else this.state = State.Unquoted;
      } else if (state === State.Unquoted) {
        const start = i;
        let c = 0;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        this.field += text.slice(start, i);
        if (i < n) {
          i++;
          this.endField(c, out);
        }
      } else if (state === State.Quoted) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.field += text.slice(i, end);
        i = end;
        if (q >= 0) {
          this.state = State.QuoteInQuoted;
          i++;
        }
      } else {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          this.field += '"';
          this.state = State.Quoted;
          i++;
        } else if (c === d || c === LF || c === CR) {
          i++;
          this.endField(c, out);
        } else {
          // Closed too early: the whole field is text, its quotes included (as csv-parse reads it).
          this.field = `"${this.field}"`;
          this.state = State.Unquoted;
        }
      }
    }
    return out;
  }

  /** After the last piece: the record still open, if any. Throws QuoteNotClosedError inside quotes. */
  end(): string[][] {
    if (this.state === State.Quoted) throw new QuoteNotClosedError();
    // Nothing of a record read yet: no cell ended, and no field begun.
    if (this.cells.length === 0 && (this.state === State.FieldStart || this.state === State.AfterCr)) return [];
    const out: string[][] = [];
    this.endField(LF, out);
    return out;
  }

  /** The field ends on `c`: a delimiter (the record goes on) or a line end (it is done). */
  private endField(c: number, out: string[][]): void {
    this.cells.push(this.field);
    this.field = '';
    if (c === this.delimiter) {
      this.state = State.FieldStart;
      return;
    }
    out.push(this.cells);
    this.cells = [];
    this.state = c === CR ? State.AfterCr : State.FieldStart;
  }
}
