/**
 * Load a command's bundle (dist/bundle/COMMAND.cjs) as CommonJS, with V8's code cache when
 * `npm run build` left one beside it (COMMAND.cjs.cache, tools/bundle.ts): compiling from the
 * cache takes half the time. A cache made by another Node/V8 is refused by V8 and the file is
 * simply compiled.
 */
import { readFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function loadBundle(file: string): void {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    createRequire(file)(file);
    return;
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const fn = script.runInThisContext() as (...a: unknown[]) => void;
  const module = { exports: {} };
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}

/**
 * For tools/bundle.ts: run the bundle as the command would run (argv as given), then write the
 * code cache V8 has for it by then, which covers what the run compiled.
 */
export function writeCodeCache(file: string, out: string, write: (path: string, data: Buffer) => void): void {
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file });
  const fn = script.runInThisContext() as (...a: unknown[]) => void;
  const module = { exports: {} };
  process.on('exit', () => write(out, script.createCachedData()));
  fn.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
}
