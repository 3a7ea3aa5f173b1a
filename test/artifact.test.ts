/**
 * The built launchers as a user runs them (zx-style artifact tests): bin/* spawned as
 * processes, directly and through symlinks, with the bytes compared to golden cases that
 * were recorded from the originals. Needs `npm run build` first (npm test does it).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listCases } from './lib/golden.js';

const BIN = new URL('../bin/', import.meta.url).pathname;
const golden = new Map(listCases().map((c) => [c.id, c]));

function run(path: string, args: string[]): { stdout: Buffer; stderr: Buffer; status: number | null } {
  const r = spawnSync(path, args, { env: { LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('bin/ launchers', () => {
  let links = '';
  beforeAll(() => {
    links = mkdtempSync(join(tmpdir(), 'nts-bin-'));
    symlinkSync(join(BIN, 'ifconfig'), join(links, 'ifconfig'));
    symlinkSync(join(BIN, 'hostname'), join(links, 'ypdomainname'));
  });
  afterAll(() => rmSync(links, { recursive: true, force: true }));

  for (const [id, args] of [
    ['ifconfig-basic/help', ['--help']],
    ['ifconfig-basic/version', ['-V']],
    ['ifconfig-basic/bad-option', ['-Z']],
  ] as const) {
    it(`bin/ifconfig ${args.join(' ')} prints what the original printed (${id})`, () => {
      const c = golden.get(id)!;
      for (const path of [join(BIN, 'ifconfig'), join(links, 'ifconfig')]) {
        const r = run(path, [...args]);
        expect(r.stdout.toString('latin1')).toBe(c.stdout.toString('latin1'));
        expect(r.stderr.toString('latin1')).toBe(c.stderr.toString('latin1'));
        expect(r.status).toBe(c.exit);
      }
    });
  }

  it('a launcher knows the name it was invoked by (a symlink of another name: hostname-short/ypdomainname-bad)', () => {
    const c = golden.get('hostname-short/ypdomainname-bad')!;
    const r = run(join(links, 'ypdomainname'), ['-z']);
    expect(r.stderr.toString('latin1')).toBe(c.stderr.toString('latin1'));
    expect(r.stdout.toString('latin1')).toBe(c.stdout.toString('latin1'));
    expect(r.status).toBe(c.exit);
  });

  it('ifconfig -a runs on the live kernel as any user and lists lo', () => {
    const r = run(join(BIN, 'ifconfig'), ['-a']);
    expect(r.status).toBe(0);
    expect(r.stderr.length).toBe(0);
    expect(r.stdout.toString()).toMatch(/^lo: flags=\d+<[A-Z,]*LOOPBACK[A-Z,]*>  mtu \d+\n/m);
  });

  const ORIGINAL = '/usr/sbin/ifconfig';
  const sh = (script: string): { stdout: Buffer; stderr: Buffer; status: number | null } => {
    const r = spawnSync('/bin/bash', ['--norc', '--noprofile', '-c', script], { env: { LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };

  it.skipIf(!existsSync(ORIGINAL))('a closed pipe ends ours as it ends the original: killed by SIGPIPE, silently', () => {
    for (const cmd of [join(BIN, 'ifconfig'), ORIGINAL]) {
      // the reader closes its end at once; the command starts writing later
      const r = sh(`(sleep 0.3; exec '${cmd}' -a) | (exec 0<&-; sleep 0.6); echo "status \${PIPESTATUS[0]}"`);
      expect(r.stdout.toString(), cmd).toBe('status 141\n');
      expect(r.stderr.toString(), cmd).toBe('');
    }
  });

  it.skipIf(!existsSync(ORIGINAL))('a full disk on stdout is ignored without a word, as by C stdio at exit', () => {
    const ours = sh(`'${join(BIN, 'ifconfig')}' -a >/dev/full; echo "status $?"`);
    const orig = sh(`'${ORIGINAL}' -a >/dev/full; echo "status $?"`);
    expect(ours.stdout.toString()).toBe(orig.stdout.toString());
    expect(ours.stderr.toString()).toBe(orig.stderr.toString());
  });

  // not UTF-8 (\xe9 alone), UTF-8 (e-acute as \xc3\xa9) and a UTF-8 U+FFFD (\xef\xbf\xbd), which
  // Node cannot tell from its own replacement of bytes that were not UTF-8
  for (const bytes of ['ab\\xe9z', 'ab\\xc3\\xa9z', 'ab\\xef\\xbf\\xbdz', 'a\\xef\\xbf\\xbd\\xffz']) {
    it.skipIf(!existsSync(ORIGINAL))(`arguments reach the command as bytes, UTF-8 or not ($'${bytes}')`, () => {
      const ours = sh(`'${join(BIN, 'ifconfig')}' $'${bytes}'`);
      const orig = sh(`'${ORIGINAL}' $'${bytes}'`);
      expect(ours.stderr.equals(orig.stderr)).toBe(true);
      const raw = Buffer.from(bytes.replace(/\\x(..)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      expect(ours.stderr.includes(raw)).toBe(true);
      expect(ours.status).toBe(orig.status);
    });
  }
});

describe('bin/ after a bare tsc', () => {
  // a copy of bin/ and dist/ whose ifconfig bundle is not the build's: it says so when it runs
  let tree = '';
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'nts-stale-'));
    const repo = new URL('..', import.meta.url).pathname;
    cpSync(join(repo, 'bin'), join(tree, 'bin'), { recursive: true });
    for (const d of ['src', 'compat', 'bundle']) cpSync(join(repo, 'dist', d), join(tree, 'dist', d), { recursive: true });
    symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'));
    // a bundle is one function expression (tools/bundle.ts)
    writeFileSync(join(tree, 'dist/bundle/ifconfig.cjs'), "(function (require, __filename) {process.stdout.write('the bundle ran\\n');\n})\n");
    rmSync(join(tree, 'dist/bundle/ifconfig.cjs.cache'));
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('runs the bundle when the build made it (no mark of a later tsc), and the modules of dist/src when tsc left its mark', () => {
    const c = golden.get('ifconfig-basic/version')!;
    const mark = join(tree, 'dist/src/bundles-stale.js');
    expect(existsSync(mark)).toBe(false); // npm run build deleted it
    expect(run(join(tree, 'bin/ifconfig'), ['-V']).stdout.toString()).toBe('the bundle ran\n');
    writeFileSync(mark, 'export {};\n'); // what tsc writes
    const r = run(join(tree, 'bin/ifconfig'), ['-V']);
    expect(r.stdout.toString('latin1')).toBe(c.stdout.toString('latin1'));
    expect(r.stderr.toString('latin1')).toBe(c.stderr.toString('latin1'));
    expect(r.status).toBe(c.exit);
  });
});

describe('dist/bundle', () => {
  // the loaders (src/boot.cts, tools/launcher.in) compile a bundle's file as it is, with its
  // cache: a cache V8 refuses is not an error, only a start that compiles everything again
  const dir = new URL('../dist/bundle/', import.meta.url).pathname;

  it("each bundle's and part's code cache is taken by V8 for its file as it is", () => {
    const names = ['ifconfig', 'arp', 'route', 'netstat', 'hostname', 'ifconfig.part', 'route.part'];
    const code = [
      "const fs = require('node:fs'), vm = require('node:vm');",
      `for (const n of ${JSON.stringify(names)}) {`,
      `  const f = ${JSON.stringify(dir)} + n + '.cjs';`,
      "  const s = new vm.Script(fs.readFileSync(f, 'utf8'), { filename: f, cachedData: fs.readFileSync(f + '.cache') });",
      "  process.stdout.write(n + (s.cachedDataRejected ? ' refused' : ' taken') + '\\n');",
      '}',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(names.map((n) => `${n} taken\n`).join(''));
  });

  // the parts (src/part.ts): code only the changes run, loaded by the bundle when a change needs
  // it, with the modules both use handed over from the bundle (one instance of each)
  it("a bundle holds its command's display, its part the changes (ifconfig's set_flag, route's firstDeletable)", () => {
    const text = (f: string): string => readFileSync(join(dir, f), 'latin1');
    expect(text('ifconfig.cjs')).not.toContain('set_flag');
    expect(text('ifconfig.part.cjs')).toContain('set_flag');
    expect(text('route.cjs')).not.toContain('firstDeletable');
    expect(text('route.part.cjs')).toContain('firstDeletable');
  });

  for (const id of ['ifconfig-set/mtu-missing', 'ifconfig-set/hw-unknown-class', 'route-options/add-nothing', 'route-options/add-6-nothing', 'route-options/dev-twice']) {
    it(`bin/ runs a change from the command's part and prints what the original printed (${id}, asking the kernel nothing)`, () => {
      const c = golden.get(id)!;
      // the case changed nothing and asked nothing (an empty world): the same on any host
      expect(statSync(join(c.dir, 'world.jsonl')).size).toBe(0);
      const r = run(join(BIN, c.argv[0]!), c.argv.slice(1));
      expect(r.stdout.toString('latin1')).toBe(c.stdout.toString('latin1'));
      expect(r.stderr.toString('latin1')).toBe(c.stderr.toString('latin1'));
      expect(r.status).toBe(c.exit);
    });
  }
});
