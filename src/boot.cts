/**
 * Start-up. The launchers of bin/ (CommonJS, so that Node need not load its ES module loader)
 * call boot(); the installed launchers (tools/launcher.in) load the bundle themselves, the same
 * way as loadBundle() here.
 *
 * A command runs from its bundle (dist/bundle/COMMAND.cjs, made by `npm run build`, see
 * tools/bundle.ts) with V8's code cache when one lies beside it (COMMAND.cjs.cache): compiling
 * from the cache takes half the time. A cache made by another Node/V8 is refused by V8 and the
 * file is simply compiled. Node's modules are taken with process.getBuiltinModule, not require:
 * the first call of require costs about 0.08 ms more, and node:module alone about 0.3 ms to load.
 */
import type { Script as VmScript } from 'node:vm';

/**
 * A bundle is one function expression: this head, the command's code, this tail. Its loader
 * compiles the file as it is and calls the function with Node's process.getBuiltinModule as
 * `require` and the file's path as `__filename`.
 */
export const BUNDLE_HEAD = '(function (require, __filename) {';
export const BUNDLE_TAIL = '})';

const fs = (): typeof import('node:fs') => process.getBuiltinModule('node:fs');

/**
 * bin/COMMAND: the command's bundle when there is one and a bare `tsc` has not run since it was
 * made (src/bundles-stale.ts), else the modules of dist/src (so that a stale bundle never runs
 * old code). Paths are joined as strings: node:path's join is not warm at this point, and its
 * first call costs more than the rest of this function.
 */
export function boot(command: string): void {
  const dist = __dirname.slice(0, __dirname.lastIndexOf('/'));
  const bundle = `${dist}/bundle/${command}.cjs`;
  const { existsSync } = fs();
  if (!existsSync(`${__dirname}/bundles-stale.js`) && existsSync(bundle)) {
    loadBundle(bundle);
    return;
  }
  // node:url only here: the bundle path never needs it
  const { pathToFileURL } = process.getBuiltinModule('node:url');
  void import(pathToFileURL(`${__dirname}/modules.js`).href).then((m: { run(c: string): Promise<void> }) => m.run(command));
}

/** The bundle compiled as it is (with `cachedData` when given). */
function compile(file: string, cachedData?: Uint8Array): VmScript {
  return new (process.getBuiltinModule('node:vm').Script)(fs().readFileSync(file, 'utf8'), { filename: file, cachedData });
}

/** Run the compiled bundle: its function, called with Node's own modules as `require` and its path. */
function run(script: VmScript, file: string): void {
  (script.runInThisContext() as (require: typeof process.getBuiltinModule, filename: string) => void)(process.getBuiltinModule, file);
}

/**
 * A bundle's code cache, or undefined when it has none: one read into a buffer larger than any
 * cache (readFileSync's fstat and read loop cost about 0.1 ms more at their first call, readSync's
 * checks of its arguments 0.09 ms more than readvSync's); a cache of 1 MiB or more is read
 * whole. tools/launcher.in reads it the same way.
 */
function readCache(path: string): Uint8Array | undefined {
  const { openSync, readvSync, closeSync, readFileSync } = fs();
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(1 << 20);
      const n = readvSync(fd, [buf]);
      return n < buf.length ? buf.subarray(0, n) : readFileSync(path);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined; // no cache: compiled from the source alone
  }
}

/** Load a command's bundle, with its code cache when there is one. */
function loadBundle(file: string): void {
  run(compile(file, readCache(`${file}.cache`)), file);
}

/**
 * For tools/bundle.ts: run the bundle as the command would run (argv as given), then write the
 * code cache V8 has for it by then, which covers what the run compiled (the bundle ends with
 * src/sys/live.ts exitProcess, which leaves the process through Node's exit, 'exit' event
 * included, when there is an 'exit' listener).
 */
export function writeCodeCache(file: string, out: string, write: (path: string, data: Buffer) => void): void {
  const script = compile(file);
  process.on('exit', () => write(out, script.createCachedData()));
  run(script, file);
}
