/**
 * One bundle per command for start-up (dist/bundle/COMMAND.cjs): the command's code and its
 * share of the project in a single CommonJS file, so Node resolves and compiles one file instead of
 * dozens. koffi stays external (a native module, loaded on first use). Built from dist/src (the
 * tsc output, the code the tests run). bin/* and installed launchers load these.
 *
 *   node dist/tools/bundle.js
 */
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_DIR } from './lib/netns.js';

const COMMANDS = ['ifconfig', 'arp', 'route', 'netstat', 'hostname'];
const src = join(REPO_DIR, 'dist', 'src');
const out = join(REPO_DIR, 'dist', 'bundle');
mkdirSync(out, { recursive: true });

for (const command of COMMANDS) {
  await build({
    stdin: {
      contents: `import { main } from './cli/${command}.js';\nimport { runMain } from './launch.js';\nrunMain('${command}', main);\n`,
      resolveDir: src,
      sourcefile: `${command}-entry.js`,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    // CommonJS: Node starts a CommonJS main without loading its ES module loader
    format: 'cjs',
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
    target: 'node20',
    external: ['koffi'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    outfile: join(out, `${command}.cjs`),
  });
}

// V8 code caches (COMMAND.cjs.cache, src/bundle-loader.cts): each bundle is run once as
// `COMMAND -V` in a child process, which needs no kernel and changes nothing, and the cache V8
// then holds is written beside it.
for (const command of COMMANDS) {
  const file = join(out, `${command}.cjs`);
  const code = [
    `process.argv = [process.argv[0], ${JSON.stringify(command)}, '-V'];`,
    `require(${JSON.stringify(join(src, 'bundle-loader.cjs'))}).writeCodeCache(${JSON.stringify(file)}, ${JSON.stringify(`${file}.cache`)}, require('node:fs').writeFileSync);`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 255 && r.status !== 1) throw new Error(`code cache for ${command}: exit ${r.status}`);
}

