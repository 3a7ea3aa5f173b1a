/**
 * A bundle's part (tools/bundle.ts): the code of a command that only some of its runs need
 * (ifconfig's and route's changes), in a file of its own beside the command's bundle
 * (dist/bundle/COMMAND.part.cjs), so that the everyday display reads, compiles and sets up less.
 * In the bundle, each module of the part is replaced by a stub whose functions load the part at
 * their first call and call through; the modules the part shares with the bundle are not in the
 * part but handed to it by the bundle, so that each has one instance (one NetlinkError class,
 * one table) whichever file uses it. The modules of dist/src (tsc's build, the tests) import the
 * part's modules directly and never come here.
 */
import type { Script } from 'node:vm';

/**
 * A part's file is one function expression, `(function (require, __filename, module) {...})`:
 * `require` answers the shared modules by their ids (`nts:src/format/printf.js`) and Node's own
 * modules, `module.exports` receives the part's exports.
 */
export const PART_HEAD = '(function (require, __filename, module) {';
export const PART_TAIL = '})';

type PartFunction = (require: (id: string) => unknown, filename: string, module: { exports: Record<string, unknown> }) => void;

/**
 * Load the part in `file` (with its V8 code cache `file.cache` when there is one) and return
 * its exports; `shared` holds the modules of the bundle the part uses, by id.
 */
export function loadPart(file: string, shared: Readonly<Record<string, object>>): Record<string, unknown> {
  const fs = process.getBuiltinModule('node:fs');
  let cachedData: Uint8Array | undefined;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // no cache: compiled from the source alone
  }
  const script: Script = new (process.getBuiltinModule('node:vm').Script)(fs.readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string): unknown => {
    const m = Object.hasOwn(shared, id) ? shared[id] : process.getBuiltinModule(id);
    if (m === undefined) throw new Error(`${file}: no module ${id} for the part`);
    return m;
  };
  (script.runInThisContext() as PartFunction)(require, file, module);
  return module.exports;
}
