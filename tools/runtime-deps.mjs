// Prints, one a line, the node_modules directories (relative to the package root) that the
// package needs at run time: its dependencies and those of theirs, recursively, with the
// optional ones that are installed (koffi's native package for this platform) and none of
// the devDependencies. Found as Node finds them: in node_modules of the requiring package's
// directory and of each directory above it, up to the root. Used by `make install`.
//
//   node tools/runtime-deps.mjs [ROOT]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const found = new Set();

function locate(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || relative(root, dir).startsWith('..')) return null;
  }
}

function walk(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const wanted = [
    ...Object.keys(pkg.dependencies ?? {}).map((name) => [name, true]),
    ...Object.keys(pkg.optionalDependencies ?? {}).map((name) => [name, false]),
  ];
  for (const [name, required] of wanted) {
    const at = locate(name, dir);
    if (!at) {
      if (required) {
        process.stderr.write(`runtime-deps: ${name} (needed by ${pkg.name}) is not installed: run npm ci\n`);
        process.exit(1);
      }
      continue;
    }
    const rel = relative(root, at);
    if (found.has(rel)) continue;
    found.add(rel);
    walk(at);
  }
}

walk(root);
process.stdout.write([...found].sort().map((d) => `${d}\n`).join(''));
