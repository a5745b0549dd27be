// Packed rows: many rows read as ONE text value. PGlite pays dearly per row returned (2,000
// teams × 12 months × 13 values as plain rows took over a second), so the hot reads aggregate
// their rows into a string in SQL and scan it here. Records are separated by ',' and fields by
// ' ', so a packed field must never hold either: only integers, dates, months, indicator codes
// and roles are packed, and the database guarantees their shape (migration 002's CHECKs on
// codes and months; dates, integers and the role list cannot hold a space or a comma).
// An empty field is NULL (only for the nullable kinds).

export type PackedKind = 'int' | 'int?' | 'text' | 'text?';
type Value<K extends PackedKind> = K extends 'int' ? number : K extends 'int?' ? number | null : K extends 'text' ? string : string | null;
/** One scanned record: a value per field, typed by its kind. */
export type PackedRow<K extends readonly PackedKind[]> = { readonly [I in keyof K]: Value<K[I]> };

const FIELD = 32; // ' '
const RECORD = 44; // ','
const MINUS = 45;

export interface PackedRows<K extends readonly PackedKind[]> {
  /** The aggregate to SELECT: `string_agg(…, ',' ORDER BY …)` of the fields (NULL when no rows). */
  sql(orderBy?: string): string;
  /**
   * Call onRow for every record of a packed string (null or '': none). The row array is reused
   * from one call to the next: copy what you keep. Text values are shared strings per distinct
   * value (a code repeated 300,000 times is one string).
   */
  each(packed: string | null, onRow: (row: PackedRow<K>) => void): void;
}

/** A packed-rows codec from its fields: [SQL expression, kind], in order. */
export function packedRows<const K extends readonly PackedKind[]>(fields: { readonly [I in keyof K]: readonly [sql: string, kind: K[I]] }): PackedRows<K> {
  const list = fields as readonly (readonly [string, PackedKind])[];
  const kinds = list.map(([, kind]) => kind);
  const record = list.map(([sql, kind]) => (kind.endsWith('?') ? `coalesce((${sql})::text, '')` : `(${sql})::text`)).join(` || ' ' || `);
  return {
    sql: (orderBy) => `string_agg(${record}, ','${orderBy ? ` ORDER BY ${orderBy}` : ''})`,
    each: (packed, onRow) => scan(packed, kinds, onRow as (row: readonly unknown[]) => void),
  };
}

/** A hand-written scan: 300,000 values through split() and Number() would cost several times more. */
function scan(s: string | null, kinds: readonly PackedKind[], onRow: (row: readonly unknown[]) => void): void {
  if (!s) return;
  const n = s.length;
  const last = kinds.length - 1;
  const row: unknown[] = new Array(kinds.length);
  const shared = new Map<string, string>();
  let i = 0;
  while (i < n) {
    for (let k = 0; k <= last; k++) {
      const stop = k === last ? RECORD : FIELD;
      const kind = kinds[k]!;
      const start = i;
      if (kind === 'int' || kind === 'int?') {
        const negative = s.charCodeAt(i) === MINUS;
        if (negative) i++;
        let v = 0;
        for (let c = s.charCodeAt(i); i < n && c !== stop; c = s.charCodeAt(++i)) {
          if (c < 48 || c > 57) throw packedError(s, i);
          v = v * 10 + c - 48;
        }
        row[k] = i === start ? null : negative ? -v : v;
      } else {
        let end = s.indexOf(stop === RECORD ? ',' : ' ', i);
        if (end < 0) end = n;
        const raw = s.slice(i, end);
        let v = shared.get(raw);
        if (v === undefined) shared.set(raw, (v = raw));
        row[k] = raw === '' ? null : v;
        i = end;
      }
      if (row[k] === null && !kind.endsWith('?')) throw packedError(s, start);
      if (k < last && s.charCodeAt(i) !== FIELD) throw packedError(s, i);
      i++; // the separator
    }
    onRow(row);
  }
}

function packedError(s: string, at: number): Error {
  return new Error(`Dữ liệu đóng gói sai dạng ở vị trí ${at}: "${s.slice(Math.max(0, at - 20), at + 20)}"`);
}
