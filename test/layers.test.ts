// The shape of the house, checked: domain pure, every SQL statement in db, db beneath io and
// store, PGlite known to its adapter only, no database smuggled past the types.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/u.test(e.name) ? [p] : [];
  });
}

/** The file's code without its comments (a comment may name SQL or the clock). */
function code(file: string): string {
  return fs
    .readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//gu, '')
    .replace(/^\s*\/\/.*$/gmu, '');
}

/** Every module a file imports, statically or dynamically, resolved from the repository root. */
function imports(file: string): string[] {
  const out: string[] = [];
  for (const m of code(file).matchAll(/(?:from\s+|import\(\s*)'([^']+)'/gu)) {
    const spec = m[1]!;
    out.push(spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec);
  }
  return out;
}

const offenders = (dirs: string[], bad: (file: string) => string[]) =>
  dirs.flatMap(files).flatMap((f) => bad(f).map((why) => `${f}: ${why}`));

const SQL = /\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TEMP\s+)?TABLE|ALTER\s+TABLE|CHECKPOINT|COPY\s+\w+|string_agg)\b/u;

describe('layers', () => {
  it('src/domain reads no clock and does no I/O', () => {
    expect(
      offenders(['src/domain'], (f) => [
        ...(/new Date\(\)|Date\.now\(/u.test(code(f)) ? ['reads the clock'] : []),
        ...imports(f).filter((i) => i.startsWith('node:') || i.startsWith('src/') && !i.startsWith('src/domain/')),
      ]),
    ).toEqual([]);
  });

  it('"today" comes from src/clock.ts only (so TONGHOP_TODAY reaches every command and the UI)', () => {
    // The store keeps real timestamps of its own (lock, durability); backup.ts is being reworked
    // by its owner (its file names still read the clock directly).
    const exempt = new Set([path.normalize('src/cli/commands/backup.ts')]);
    expect(
      offenders(['src/ui', 'src/cli', 'src/io', 'src/db'], (f) => (!exempt.has(f) && /new Date\(\)|Date\.now\(/u.test(code(f)) ? ['reads the clock'] : [])),
    ).toEqual([]);
  });

  it('no SQL outside src/db (and the store, which only calls db)', () => {
    expect(offenders(['src/io', 'src/ui', 'src/cli', 'src/store'], (f) => (SQL.test(code(f)) ? [code(f).match(SQL)![0]] : []))).toEqual([]);
  });

  it('db imports nothing from io, ui, store or cli; io nothing from store, ui or cli', () => {
    const above = (layer: string, banned: string[]) =>
      offenders([layer], (f) => imports(f).filter((i) => banned.some((b) => i.startsWith(`src/${b}/`))));
    expect(above('src/db', ['io', 'ui', 'store', 'cli'])).toEqual([]);
    expect(above('src/io', ['store', 'ui', 'cli'])).toEqual([]);
    expect(above('src/store', ['ui', 'cli'])).toEqual([]);
  });

  it('text reaches Ink only through components/Text (it cleans what a terminal would act on)', () => {
    const direct = /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/u;
    expect(offenders(['src/ui'], (f) => (direct.test(code(f)) && f !== path.normalize('src/ui/components/Text.tsx') ? ["takes Text from 'ink'"] : []))).toEqual([]);
  });

  it('only the adapter knows PGlite; no database is cast past its type', () => {
    expect(offenders(['src'], (f) => (imports(f).includes('@electric-sql/pglite') && f !== path.normalize('src/db/engines/pglite.ts') ? ['imports PGlite'] : []))).toEqual([]);
    const cast = /as unknown as (Db|DbRunner|Database|PGlite|TxRunner|Queryable)\b/u;
    expect(offenders(['src', 'test'], (f) => (cast.test(code(f)) ? ['casts a database'] : []))).toEqual([]);
  });
});
