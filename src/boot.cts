/**
 * Start-up. The launchers of bin/ (CommonJS, so that Node need not load its ES module loader)
 * call boot(); the installed launchers (tools/launcher.in) call loadBundle() directly.
 *
 * A command runs from its bundle (dist/bundle/COMMAND.cjs, made by `npm run build`, see
 * tools/bundle.ts) with V8's code cache when one lies beside it (COMMAND.cjs.cache): compiling
 * from the cache takes half the time. A cache made by another Node/V8 is refused by V8 and the
 * file is simply compiled. Only what Node has loaded by the time it runs a script is used here
 * (node:fs, node:vm): node:module alone takes about 0.3 ms to load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';

/**
 * bin/COMMAND: the command's bundle when there is one and a bare `tsc` has not run since it was
 * made (src/bundles-stale.ts), else the modules of dist/src (so that a stale bundle never runs
 * old code). Paths are joined as strings: node:path's join is not warm at this point, and its
 * first call costs more than the rest of this function.
 */
export function boot(command: string): void {
  const dist = __dirname.slice(0, __dirname.lastIndexOf('/'));
  const bundle = `${dist}/bundle/${command}.cjs`;
  if (!existsSync(`${__dirname}/bundles-stale.js`) && existsSync(bundle)) {
    loadBundle(bundle);
    return;
  }
  // node:url only here: the bundle path never needs it
  const { pathToFileURL } = require('node:url') as typeof import('node:url');
  void import(pathToFileURL(`${__dirname}/modules.js`).href).then((m: { run(c: string): Promise<void> }) => m.run(command));
}

/** The bundle's source as Node's CommonJS loader would wrap it, compiled (with `cachedData` when given). */
function compile(file: string, cachedData?: Buffer): Script {
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`;
  return new Script(source, { filename: file, cachedData });
}

/**
 * Run the compiled bundle as a CommonJS module. Its `require` is this module's: the bundles ask
 * only for Node's own modules (koffi is found by src/sys/live.ts itself).
 */
function run(script: Script, file: string): void {
  const fn = script.runInThisContext() as (...a: unknown[]) => void;
  const module = { exports: {} };
  fn.call(module.exports, module.exports, require, module, file, file.slice(0, file.lastIndexOf('/')));
}

/** Load a command's bundle, with its code cache when there is one. */
export function loadBundle(file: string): void {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compiled from the source alone
  }
  run(compile(file, cachedData), file);
}

/**
 * For tools/bundle.ts: run the bundle as the command would run (argv as given), then write the
 * code cache V8 has for it by then, which covers what the run compiled.
 */
export function writeCodeCache(file: string, out: string, write: (path: string, data: Buffer) => void): void {
  const script = compile(file);
  process.on('exit', () => write(out, script.createCachedData()));
  run(script, file);
}
