/**
 * One bundle per command for start-up (dist/bundle/COMMAND.cjs): the command's code and its
 * share of the project in a single CommonJS file, so Node resolves and compiles one file instead of
 * dozens. koffi stays external (a native module, loaded on first use). Built from dist/src (the
 * tsc output, the code the tests run). bin/* and installed launchers load these.
 *
 *   node dist/tools/bundle.js
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_DIR } from './lib/netns.js';
import { BUNDLE_HEAD, BUNDLE_TAIL } from '../src/boot.cjs';

const COMMANDS = ['ifconfig', 'arp', 'route', 'netstat', 'hostname'];
const src = join(REPO_DIR, 'dist', 'src');
const out = join(REPO_DIR, 'dist', 'bundle');
mkdirSync(out, { recursive: true });

for (const command of COMMANDS) {
  await build({
    stdin: {
      // the process ends as soon as the command has written its bytes (stdout and stderr are
      // written with writeSync, and nothing is left pending): process.exit() spares Node's
      // tear-down of the heap and of koffi's objects, about 0.4 ms
      contents: `import { main } from './cli/${command}.js';\nimport { runMain } from './launch.js';\nrunMain('${command}', main);\nprocess.exit();\n`,
      resolveDir: src,
      sourcefile: `${command}-entry.js`,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    // The file is one function expression, `(function (require, __filename) { ... })`, which
    // its loader (src/boot.cts, tools/launcher.in) compiles as it is and calls with Node's
    // process.getBuiltinModule as `require` (the bundles ask only for Node's own modules; koffi
    // is found by src/sys/live.ts itself) and the file's path: no wrapper to add to the source
    // at each start, and the same source text for the code cache whoever loads it.
    format: 'cjs',
    banner: { js: BUNDLE_HEAD },
    footer: { js: BUNDLE_TAIL },
    // import.meta.url is only given to createRequire, which takes the file's path as well
    define: { 'import.meta.url': '__filename' },
    target: 'node20',
    external: ['koffi'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    outfile: join(out, `${command}.cjs`),
  });
}

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
