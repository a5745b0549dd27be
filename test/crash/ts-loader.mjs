// A tiny Node ESM loader (no vitest, no build step): run the project's .ts/.tsx sources directly
// in a child process by transpiling each file with TypeScript (no type check). Imports written
// as `./x.js` (as the sources do) resolve to `./x.ts` / `./x.tsx` when no .js file exists.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Transpiled files are kept by content hash: a second run loads no TypeScript at all. Not in
// os.tmpdir(): the suite gives each run a TMPDIR of its own (test/support/fast-tmp.ts), where the
// cache was cold every run.
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/tonghop-ts/', import.meta.url));
let ts = null;

export async function resolve(specifier, context, next) {
  if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
    for (const ext of ['.ts', '.tsx']) {
      const url = new URL(specifier.slice(0, -3) + ext, context.parentURL);
      if (!fs.existsSync(fileURLToPath(new URL(specifier, context.parentURL))) && fs.existsSync(fileURLToPath(url))) {
        return { url: url.href, shortCircuit: true, format: 'module' };
      }
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && /\.tsx?$/u.test(url)) {
    const file = fileURLToPath(url);
    const text = fs.readFileSync(file, 'utf8');
    const cached = path.join(CACHE, crypto.createHash('sha1').update(file).update('\0').update(text).digest('hex') + '.js');
    if (fs.existsSync(cached)) return { format: 'module', source: fs.readFileSync(cached, 'utf8'), shortCircuit: true };
    ts ??= (await import('typescript')).default;
    const out = ts.transpileModule(text, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        jsx: ts.JsxEmit.ReactJSX,
        verbatimModuleSyntax: false,
        isolatedModules: true,
      },
    });
    fs.mkdirSync(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, out.outputText);
    fs.renameSync(tmp, cached);
    return { format: 'module', source: out.outputText, shortCircuit: true };
  }
  return next(url, context);
}
