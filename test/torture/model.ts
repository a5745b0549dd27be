// What the torture parent knows: every value a child reported committed (only after its
// transaction returned), the one operation a killed child may have left in flight, and every
// import batch begun or finished. Checking a reopened database against it is pure.

export type Value = number | null;

export interface EntryOp {
  kind: 'entry';
  key: string; // teamId|month|indicator
  value: Value;
}

export interface ImportOp {
  kind: 'import';
  batch: number;
}

export type Op = EntryOp | ImportOp;

/** What a reopened database holds: figures typed in, and per import batch its forms and values. */
export interface DbState {
  values: Record<string, number>;
  batches: Record<string, { forms: number; values: number; sum: number }>;
}

export interface CheckResult {
  valuesChecked: number;
  lost: string[];
  partialImports: number[];
  phantom: string[];
  inFlightApplied: number;
  inFlightAbsent: number;
  importsInterrupted: number;
}

export interface BatchShape {
  forms: number;
  values: number;
  sum: number;
}

export class Model {
  readonly committed = new Map<string, Value>();
  /** Begun, not (yet) reported committed: in flight when the child was killed. */
  readonly pending = new Map<number, Op>();
  readonly batchesDone = new Set<number>();
  readonly batchesBegun = new Set<number>();
  nextBatch = 0;

  constructor(private readonly expectedBatch: (batch: number) => BatchShape) {}

  begin(id: number, op: Op): void {
    this.pending.set(id, op);
    if (op.kind === 'import') {
      this.batchesBegun.add(op.batch);
      this.nextBatch = Math.max(this.nextBatch, op.batch + 1);
    }
  }

  commit(id: number): void {
    const op = this.pending.get(id);
    if (!op) throw new Error(`commit of unknown operation ${id}`);
    this.pending.delete(id);
    if (op.kind === 'entry') this.committed.set(op.key, op.value);
    else this.batchesDone.add(op.batch);
  }

  /**
   * Compare a reopened database with what was committed. An operation in flight may be there
   * wholly or not at all; either way it is then settled, so the model stays exact.
   */
  check(db: DbState): CheckResult {
    const res: CheckResult = { valuesChecked: 0, lost: [], partialImports: [], phantom: [], inFlightApplied: 0, inFlightAbsent: 0, importsInterrupted: 0 };
    const inFlight = new Map<string, Value[]>();
    for (const op of this.pending.values()) if (op.kind === 'entry') inFlight.set(op.key, [...(inFlight.get(op.key) ?? []), op.value]);
    const keys = new Set([...this.committed.keys(), ...Object.keys(db.values), ...inFlight.keys()]);
    for (const key of keys) {
      const have: Value = db.values[key] ?? null;
      const want: Value = this.committed.get(key) ?? null;
      if (this.committed.has(key)) res.valuesChecked++;
      if (have === want) {
        if (inFlight.get(key)?.some((v) => v !== want)) res.inFlightAbsent++;
        continue;
      }
      if (inFlight.get(key)?.includes(have)) {
        this.committed.set(key, have);
        res.inFlightApplied++;
        continue;
      }
      if (this.committed.has(key)) res.lost.push(`${key}: ghi ${want}, đọc lại ${have}`);
      else res.phantom.push(`${key}: ${have} (không ai ghi)`);
    }
    const seen = new Set(Object.keys(db.batches).map(Number));
    for (const b of seen) if (!this.batchesBegun.has(b)) res.phantom.push(`lô nhập ${b} (chưa từng bắt đầu)`);
    for (const b of this.batchesBegun) {
      const got = db.batches[b] ?? { forms: 0, values: 0, sum: 0 };
      const full = this.expectedBatch(b);
      const whole = got.forms === full.forms && got.values === full.values && got.sum === full.sum;
      const none = got.forms === 0 && got.values === 0;
      if (this.batchesDone.has(b)) {
        if (!whole) res.lost.push(`lô nhập ${b}: ${got.forms}/${full.forms} phiếu, ${got.values}/${full.values} số`);
        continue;
      }
      // In flight when killed: all or nothing.
      res.importsInterrupted++;
      if (whole) {
        this.batchesDone.add(b);
        res.inFlightApplied++;
      } else if (none) {
        res.inFlightAbsent++;
      } else res.partialImports.push(b);
    }
    // Settled: an absent batch is forgotten (its month may be used again only by a new batch number).
    for (const b of [...this.batchesBegun]) if (!this.batchesDone.has(b)) this.batchesBegun.delete(b);
    this.pending.clear();
    return res;
  }
}
