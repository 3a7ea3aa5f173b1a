/**
 * One bundle per command for start-up (dist/bundle/COMMAND.cjs): the command's code and its
 * share of the project in a single CommonJS file, so Node resolves and compiles one file instead of
 * dozens. koffi stays external (a native module, loaded on first use). Built from dist/src (the
 * tsc output, the code the tests run). bin/* and installed launchers load these.
 *
 * A command whose changes need much code of their own (ifconfig, route) has it in a part
 * (dist/bundle/COMMAND.part.cjs, src/part.ts), loaded only by the runs that change something:
 * the display reads, compiles and sets up less.
 *
 *   node dist/tools/bundle.js
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { REPO_DIR } from './lib/netns.js';
import { BUNDLE_HEAD, BUNDLE_TAIL } from '../src/boot.cjs';
import { PART_HEAD, PART_TAIL } from '../src/part.js';

const COMMANDS = ['ifconfig', 'arp', 'route', 'netstat', 'hostname'];
const src = join(REPO_DIR, 'dist', 'src');
const out = join(REPO_DIR, 'dist', 'bundle');
// a clean directory: no part of an earlier build is left beside bundles that no longer load it
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/**
 * The modules (of dist/src) that make a command's part: the code only its changes run. Each
 * must export functions or classes alone (their stubs call through), and nothing of the
 * display may need them but through those exports.
 */
const PARTS: Record<string, string[]> = {
  ifconfig: ['cli/ifconfig-set.js'],
  route: ['cli/inet_sr.js', 'cli/inet6_sr.js', 'cli/x25_sr.js'],
};

/** What every bundle and part is built with. */
const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  // import.meta.url is only given to createRequire, which takes the file's path as well
  define: { 'import.meta.url': '__filename' },
  target: 'node20',
  external: ['koffi'],
  legalComments: 'none',
  logLevel: 'warning',
};

/** The command's entry: run it, then end the process at once (src/launch.ts runMainAndExit). */
function entry(command: string): BuildOptions['stdin'] {
  return {
    contents: `import { main } from './cli/${command}.js';\nimport { runMainAndExit } from './launch.js';\nrunMainAndExit('${command}', main);\n`,
    resolveDir: src,
    sourcefile: `${command}-entry.js`,
    loader: 'js',
  };
}

/** The absolute paths of a build's inputs (its metafile's, relative to the working directory). */
function inputsOf(r: { metafile?: { inputs: Record<string, unknown> } }): Set<string> {
  return new Set(Object.keys(r.metafile!.inputs).map((p) => resolve(p)));
}

/** The id by which a part asks its bundle for a shared module: `nts:` and its path in dist/. */
const sharedId = (file: string): string => `nts:${relative(join(REPO_DIR, 'dist'), file)}`;

/**
 * In a command's bundle, each module of its part is a stub: a function per export, which loads
 * the part (`loader`, the module `nts-part`) at its first call and calls the part's own, as a
 * constructor when called with `new`.
 */
function stubs(files: Map<string, string[]>, loader: string): Plugin {
  return {
    name: 'nts-part-stubs',
    setup(b) {
      b.onResolve({ filter: /^nts-part$/ }, () => ({ path: 'nts-part', namespace: 'nts-part' }));
      b.onLoad({ filter: /.*/, namespace: 'nts-part' }, () => ({ contents: loader, resolveDir: src, loader: 'js' }));
      b.onLoad({ filter: /\.js$/ }, (a) => {
        const names = files.get(a.path);
        if (!names) return undefined;
        const fns = names.map((n) =>
          `export function ${n}(...a) { const f = part().${n}; return new.target ? Reflect.construct(f, a) : f.apply(this, a); }`);
        return { contents: `import { part } from 'nts-part';\n${fns.join('\n')}\n`, loader: 'js' };
      });
    },
  };
}

/** In a part, the modules it shares with its bundle are external, asked for by their ids. */
function sharedExternal(shared: Set<string>): Plugin {
  return {
    name: 'nts-part-shared',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (a) => {
        const file = resolve(a.resolveDir, a.path);
        return shared.has(file) ? { path: sharedId(file), external: true } : undefined;
      });
    },
  };
}

/**
 * The bundle of `command` (and its part, when it has one), written to dist/bundle. A part is
 * made in three builds: the bundle with the stubs tells which modules the display has anyway;
 * the part with those modules external tells which of their exports it imports (its ES module
 * output's import statements); then the bundle, whose loader hands the part these exports, and
 * the part itself.
 */
async function bundleCommand(command: string): Promise<void> {
  const outfile = join(out, `${command}.cjs`);
  const mainOptions: BuildOptions = {
    ...COMMON,
    stdin: entry(command),
    // The file is one function expression, `(function (require, __filename) { ... })`, which
    // its loader (src/boot.cts, tools/launcher.in) compiles as it is and calls with Node's
    // process.getBuiltinModule as `require` (the bundles ask only for Node's own modules; koffi
    // is found by src/sys/live.ts itself) and the file's path: no wrapper to add to the source
    // at each start, and the same source text for the code cache whoever loads it.
    format: 'cjs',
    banner: { js: BUNDLE_HEAD },
    footer: { js: BUNDLE_TAIL },
    minify: true,
  };
  const modules = PARTS[command];
  if (!modules) {
    await build({ ...mainOptions, outfile });
    return;
  }

  const files = new Map<string, string[]>();
  for (const m of modules) {
    const file = join(src, m);
    const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function') throw new Error(`part of ${command}: ${m} exports ${name}, not a function or class`);
      if ([...files.values()].some((names) => names.includes(name))) throw new Error(`part of ${command}: ${name} is exported twice`);
    }
    files.set(file, Object.keys(exported));
  }
  const partEntry: BuildOptions['stdin'] = {
    contents: [...files].map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(file)};`).join('\n'),
    resolveDir: src,
    sourcefile: `${command}-part.js`,
    loader: 'js',
  };

  // every module the display has, but the part's own (their stubs stand in the display)
  const display = await build({ ...mainOptions, plugins: [stubs(files, 'export function part() {}')], write: false, metafile: true });
  const shared = new Set([...inputsOf(display)].filter((f) => !files.has(f)));
  const probe = await build({ ...COMMON, stdin: partEntry, format: 'esm', write: false, plugins: [sharedExternal(shared)] });

  // the shared exports the part imports, from its import statements (esbuild writes them in
  // these two forms); each shared module becomes an object of those exports' values (no module
  // of ours exports a `let` or `var`, whose value could change: checked here) or, imported
  // whole, the module itself
  const text = probe.outputFiles[0]!.text;
  const imports = [...text.matchAll(/^import ([^;]*?) from "(nts:[^"]+)";$/gm)];
  if (imports.length !== [...text.matchAll(/from "nts:/g)].length) throw new Error(`part of ${command}: an import of a shared module not understood`);
  // (one statement per module of the part that imports it: merged by module)
  const wanted = new Map<string, Set<string> | '*'>();
  for (const [, what, id] of imports) {
    if (/^\* as \w+$/.test(what!)) {
      wanted.set(id!, '*');
      continue;
    }
    const named = /^\{([^}]*)\}$/.exec(what!);
    if (!named) throw new Error(`part of ${command}: import ${what} from ${id} not understood`);
    const names = wanted.get(id!) ?? new Set<string>();
    if (names === '*') continue;
    for (const n of named[1]!.split(',')) if (n.trim()) names.add(n.trim().split(/\s+as\s+/)[0]!);
    wanted.set(id!, names);
  }
  const lines = [`import { loadPart } from ${JSON.stringify(join(src, 'part.js'))};`];
  const table: string[] = [];
  [...wanted].forEach(([id, names], i) => {
    const path = join(REPO_DIR, 'dist', id.slice('nts:'.length));
    if (/\bexport\s+(let|var)\b/.test(readFileSync(path, 'utf8'))) throw new Error(`part of ${command}: ${id} exports a variable`);
    const file = JSON.stringify(path);
    if (names === '*') {
      lines.push(`import * as s${i} from ${file};`);
      table.push(`${JSON.stringify(id)}: s${i}`);
      return;
    }
    const list = [...names];
    lines.push(`import { ${list.map((n, j) => `${n} as s${i}_${j}`).join(', ')} } from ${file};`);
    table.push(`${JSON.stringify(id)}: { ${list.map((n, j) => `${n}: s${i}_${j}`).join(', ')} }`);
  });
  const part = `${command}.part.cjs`;
  lines.push(
    'let loaded = null;',
    // the part lies beside the bundle (__filename: the bundle's path, given by its loader)
    `export function part() { return (loaded ??= loadPart(\`\${__filename.slice(0, __filename.lastIndexOf('/'))}/${part}\`, { ${table.join(', ')} })); }`,
  );

  await build({ ...mainOptions, plugins: [stubs(files, lines.join('\n'))], outfile });
  const partFile = join(out, part);
  const made = await build({
    ...COMMON,
    stdin: partEntry,
    format: 'cjs',
    banner: { js: PART_HEAD },
    footer: { js: PART_TAIL },
    minify: true,
    plugins: [sharedExternal(shared)],
    outfile: partFile,
    metafile: true,
  });
  // nothing else may be asked of the part's `require` than the shared modules and Node's own
  for (const o of Object.values(made.metafile.outputs)) {
    for (const i of o.imports) {
      if (i.external && !i.path.startsWith('nts:') && !i.path.startsWith('node:')) throw new Error(`part of ${command}: imports ${i.path}`);
    }
  }
  // its code cache: what compiling it makes (its changes cannot be run at build time)
  writeFileSync(`${partFile}.cache`, new Script(readFileSync(partFile, 'utf8'), { filename: partFile }).createCachedData());
}

for (const command of COMMANDS) await bundleCommand(command);

// V8 code caches (COMMAND.cjs.cache, src/boot.cts): each bundle is run once in a child
// process, and the cache V8 then holds (the code of every function that ran) is written beside
// it. The run is the command's everyday display in its numeric form, which reads the kernel and
// changes nothing, so that the cache holds the code a real run needs; where the kernel cannot
// be asked (a build sandbox), the run fails early and the cache holds less.
const CACHE_RUN: Record<string, string[]> = {
  ifconfig: [],
  arp: ['-an'],
  route: ['-n'],
  netstat: ['-an'],
  hostname: [],
};
/** Run the bundle with `args` in a child and write the code cache it leaves; true when written. */
function cacheRun(command: string, file: string, args: string[]): boolean {
  const code = [
    `process.argv = [process.argv[0], ${JSON.stringify(command)}, ...${JSON.stringify(args)}];`,
    `require(${JSON.stringify(join(src, 'boot.cjs'))}).writeCodeCache(${JSON.stringify(file)}, ${JSON.stringify(`${file}.cache`)}, require('node:fs').writeFileSync);`,
  ].join('\n');
  spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'ignore'], timeout: 20_000, env: { ...process.env, LC_ALL: 'C' } });
  return existsSync(`${file}.cache`);
}

for (const command of COMMANDS) {
  const file = join(out, `${command}.cjs`);
  rmSync(`${file}.cache`, { force: true });
  // `-V` needs no kernel at all: the cache of last resort
  if (!cacheRun(command, file, CACHE_RUN[command]!) && !cacheRun(command, file, ['-V'])) {
    throw new Error(`code cache for ${command}: not written`);
  }
}

// The bundles are now as new as dist/src: bin/ may run them (src/bundles-stale.ts).
rmSync(join(src, 'bundles-stale.js'), { force: true });
