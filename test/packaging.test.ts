/**
 * Packaging (issue 9): make install / uninstall (both NAMES), the installed commands run from
 * a staged tree and print what the originals printed (golden cases), the man pages render
 * without a warning, npm pack ships what it should and installs, and make deb builds a package
 * that installs into a throwaway root and runs. Reuses the build npm test made (tsc); builds
 * only the man pages. Each part skips cleanly when its tool (make, groff, dpkg-deb, dpkg) is
 * missing. Commands run from a stage are run as nobody when the test runs as root, so that
 * they can change nothing on the host whatever they do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync,
  rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { convert, type BuildContext } from '../tools/build-man.js';
import { COMMAND_OF_NAME, invokedName } from '../src/commands.js';
import { GOLDEN } from './lib/golden.js';

const ROOT = new URL('../', import.meta.url).pathname.replace(/\/$/, '');
const SBIN = ['ifconfig', 'arp', 'route'];
const BIN = ['netstat', 'hostname', 'domainname', 'dnsdomainname', 'nisdomainname', 'ypdomainname'];
const NAMES = [...SBIN, ...BIN];
const MAN = ['man8/ifconfig.8', 'man8/arp.8', 'man8/route.8', 'man8/netstat.8', 'man1/hostname.1',
  'man1/domainname.1', 'man1/dnsdomainname.1', 'man1/nisdomainname.1', 'man1/ypdomainname.1'];

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const HAVE = { make: has('make'), groff: has('groff'), dpkgDeb: has('dpkg-deb'), dpkg: has('dpkg'), npm: has('npm') };

/** The environment of make and npm: none of the Makefile's variables or an outer make's flags. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' };
  for (const k of Object.keys(env)) {
    if (/^(MAKE|MFLAGS|DESTDIR$|BASEDIR$|PREFIX$|BINDIR$|SBINDIR$|LIBDIR$|MANDIR$|DOCDIR$|NAMES$|HOSTNAME_NAMES$|NODE$|NODE_BIN$|NPM$|BUILD$|FORCE$|DEB)/.test(k)) delete env[k];
  }
  return env;
}

function sh(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return String(r.stdout);
}

/** Who runs the staged commands: nobody when we are root (if nobody can run node), else us. */
const AS_NOBODY = process.geteuid?.() === 0;
const nobodyCanRun = !AS_NOBODY || spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 }).status === 0;

interface Run { stdout: Buffer; stderr: Buffer; status: number | null }

/** Runs an installed command as a user would: by its path (through its #! line). */
function runCmd(path: string, args: string[], env: Record<string, string> = { LC_ALL: 'C' }): Run {
  const PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;
  const opts: SpawnSyncOptions = { env: { ...env, PATH }, cwd: '/' };
  if (AS_NOBODY) Object.assign(opts, { uid: 65534, gid: 65534 });
  // a launcher for /usr/bin/node on a machine whose node is elsewhere: node runs it directly
  const shebang = readFileSync(path, 'latin1').split('\n', 1)[0]!;
  const direct = shebang.startsWith('#!/') && !existsSync(shebang.slice(2).split(' ')[0]!);
  const r = direct ? spawnSync(process.execPath, [path, ...args], opts) : spawnSync(path, args, opts);
  if (r.error) throw r.error;
  return { stdout: r.stdout as Buffer, stderr: r.stderr as Buffer, status: r.status };
}

/** Every file and link under dir, relative, sorted; directories end with '/'. */
function tree(dir: string, prune: string[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const rel = relative(dir, p);
      if (prune.includes(rel)) {
        out.push(`${rel}/...`);
        continue;
      }
      const st = lstatSync(p);
      if (st.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else out.push(st.isSymbolicLink() ? `${rel} -> ${readlinkSync(p)}` : rel);
    }
  };
  walk(dir);
  return out;
}

function expectedLayout(p: string, hp = p): string[] {
  const dirs = ['usr/', 'usr/bin/', 'usr/lib/', 'usr/sbin/', 'usr/share/', 'usr/share/doc/', 'usr/share/doc/net-tools-shim/',
    'usr/share/man/', 'usr/share/man/man1/', 'usr/share/man/man8/'];
  const files = [
    ...SBIN.map((n) => `usr/sbin/${p}${n}`),
    `usr/bin/${p}netstat`,
    `usr/bin/${hp}hostname`,
    ...['domainname', 'dnsdomainname', 'nisdomainname', 'ypdomainname'].map((n) => `usr/bin/${hp}${n} -> ${hp}hostname`),
    'usr/lib/net-tools-shim/...',
    'usr/share/doc/net-tools-shim/README.md',
    'usr/share/doc/net-tools-shim/compat.md',
    ...['ifconfig', 'arp', 'route', 'netstat'].map((n) => `usr/share/man/man8/${p}${n}.8`),
    ...['hostname', 'domainname', 'dnsdomainname', 'nisdomainname', 'ypdomainname'].map((n) => `usr/share/man/man1/${hp}${n}.1`),
  ];
  return [...dirs, ...files].sort();
}

/**
 * Golden cases that ran no question past our code (an empty world): the text-only ones
 * (--help, -V, bad options). From read-only scenarios only, as no user but the recorder's.
 */
interface TextCase { id: string; argv: string[]; env: Record<string, string>; exit: number; stdout: Buffer; stderr: Buffer }
interface CaseMeta { argv: string[]; env: Record<string, string>; exit: number; fresh?: boolean; user?: string }
function readCase(id: string): { meta: CaseMeta; run: TextCase } {
  const dir = join(GOLDEN, id);
  const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseMeta;
  return {
    meta,
    run: {
      id, argv: meta.argv, env: meta.env, exit: meta.exit,
      stdout: readFileSync(join(dir, 'stdout')), stderr: readFileSync(join(dir, 'stderr')),
    },
  };
}
function textCases(): TextCase[] {
  const out: TextCase[] = [];
  for (const s of readdirSync(GOLDEN).sort()) {
    const sdir = join(GOLDEN, s);
    if (!statSync(sdir).isDirectory()) continue;
    for (const c of readdirSync(sdir).sort()) {
      const dir = join(sdir, c);
      if (!existsSync(join(dir, 'case.json')) || statSync(join(dir, 'world.jsonl')).size !== 0) continue;
      const { meta, run } = readCase(`${s}/${c}`);
      if (meta.fresh || meta.user || !NAMES.includes(meta.argv[0]!)) continue;
      out.push(run);
    }
  }
  return out;
}

function golden(id: string): TextCase {
  const c = textCases().find((t) => t.id === id);
  if (!c) throw new Error(`golden case ${id} is missing`);
  return c;
}

function expectSame(r: Run, c: { stdout: Buffer; stderr: Buffer; exit: number }, what: string): void {
  expect(r.stderr.toString('latin1'), `${what}: stderr`).toBe(c.stderr.toString('latin1'));
  expect(r.stdout.toString('latin1'), `${what}: stdout`).toBe(c.stdout.toString('latin1'));
  expect(r.status, `${what}: exit status`).toBe(c.exit);
}

const WORK = mkdtempSync(join(tmpdir(), 'nts-pack-'));
chmodSync(WORK, 0o755);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

beforeAll(() => {
  // the man pages (npm test's tsc built the converter; this writes dist/man only)
  sh(process.execPath, ['dist/tools/build-man.js']);
}, 60_000);

describe('installed names', () => {
  it('an nts- name runs as the name without its prefix; other names are kept', () => {
    for (const n of Object.keys(COMMAND_OF_NAME)) {
      expect(invokedName(`nts-${n}`)).toBe(n);
      expect(invokedName(n)).toBe(n);
    }
    expect(invokedName('nts-foo')).toBe('nts-foo');
    expect(invokedName('nts-')).toBe('nts-');
    expect(invokedName('inet6_route')).toBe('inet6_route');
    expect(invokedName('nts-nts-ifconfig')).toBe('nts-nts-ifconfig');
  });
});

describe.skipIf(!HAVE.make)('make install / uninstall', () => {
  // plain: a stage under a package.json of "type": "module" (as $PWD/stage in this repository
  // is), so the launchers run as ES modules, through `env node`; prefixed: under /tmp, as
  // CommonJS, by this Node's absolute path (with --preserve-symlinks-main, as the .deb)
  const plain = join(WORK, 'plain');
  const prefixed = join(WORK, 'prefixed');
  beforeAll(() => {
    mkdirSync(plain, { mode: 0o755 });
    writeFileSync(join(plain, 'package.json'), '{"type": "module"}\n');
    sh('make', ['--no-print-directory', 'install', `DESTDIR=${plain}/stage`, 'PREFIX=/usr', 'BUILD=no']);
    sh('make', ['--no-print-directory', 'install', `BASEDIR=${prefixed}`, 'PREFIX=/usr', 'BUILD=no', 'NAMES=prefixed', `NODE=${process.execPath}`]);
  }, 120_000);

  it('writes NODE as the #! line, with --preserve-symlinks-main when it is an absolute path', () => {
    const first = (f: string): string => readFileSync(f, 'utf8').split('\n', 1)[0]!;
    expect(first(join(plain, 'stage/usr/sbin/ifconfig'))).toBe('#!/usr/bin/env node');
    expect(first(join(prefixed, 'usr/sbin/nts-ifconfig'))).toBe(`#!${process.execPath} --preserve-symlinks-main`);
    expect(first(join(prefixed, 'usr/bin/nts-hostname'))).toBe(`#!${process.execPath} --preserve-symlinks-main`);
  });

  it('installs the plain layout under DESTDIR/PREFIX', () => {
    expect(tree(join(plain, 'stage'), ['usr/lib/net-tools-shim'])).toEqual(expectedLayout(''));
  });

  it('installs the nts- layout with NAMES=prefixed (BASEDIR as DESTDIR)', () => {
    expect(tree(prefixed, ['usr/lib/net-tools-shim'])).toEqual(expectedLayout('nts-'));
  });

  it('puts the built code and only the runtime modules under LIBDIR/net-tools-shim', () => {
    const lib = join(prefixed, 'usr/lib/net-tools-shim');
    expect(readdirSync(lib).sort()).toEqual(['LICENSE', 'dist', 'node_modules', 'package.json']);
    expect(readdirSync(join(lib, 'dist')).sort()).toEqual(['bundle', 'compat', 'src']);
    expect(existsSync(join(lib, 'dist/src/launch.js'))).toBe(true);
    expect(readdirSync(join(lib, 'dist/bundle')).sort()).toEqual(
      ['arp', 'hostname', 'ifconfig', 'ifconfig.part', 'netstat', 'route', 'route.part'].flatMap((n) => [`${n}.cjs`, `${n}.cjs.cache`]),
    );
    expect(readdirSync(join(lib, 'node_modules')).sort()).toEqual(['@koromix', 'koffi']);
    expect(readdirSync(join(lib, 'node_modules/@koromix'))).toEqual([`koffi-linux-${process.arch}`]);
    const files = tree(lib);
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/tools') || f.includes('test'))).toEqual([]);
  });

  // ifconfig-basic/no-such-device asks the kernel for its links over netlink (read-only) and
  // prints the same bytes on any host that has no nosuch0: the installed code finds koffi in
  // its own tree (its paths go through the launcher's ../) and calls libc, as ES module and as
  // CommonJS
  it.skipIf(!nobodyCanRun || existsSync('/sys/class/net/nosuch0'))('installed commands load koffi from their own tree and ask the kernel', () => {
    const c = readCase('ifconfig-basic/no-such-device').run;
    expect(c.argv).toEqual(['ifconfig', 'nosuch0']);
    expectSame(runCmd(join(plain, 'stage/usr/sbin/ifconfig'), c.argv.slice(1), c.env), c, 'ifconfig nosuch0, ES module tree');
    expectSame(runCmd(join(prefixed, 'usr/sbin/nts-ifconfig'), c.argv.slice(1), c.env), c, 'nts-ifconfig nosuch0, CommonJS tree');
  });

  it('launchers find the code relative to themselves, with the path computed at install time', () => {
    for (const n of SBIN) expect(readFileSync(join(prefixed, 'usr/sbin', `nts-${n}`), 'utf8')).toContain("'../lib/net-tools-shim'");
    const custom = join(WORK, 'custom');
    sh('make', ['--no-print-directory', 'install', `DESTDIR=${custom}`, 'PREFIX=/opt/x', 'SBINDIR=/opt/x/a/b/sbin', 'BUILD=no']);
    expect(readFileSync(join(custom, 'opt/x/a/b/sbin/ifconfig'), 'utf8')).toContain("'../../../lib/net-tools-shim'");
    expect(readFileSync(join(custom, 'opt/x/bin/netstat'), 'utf8')).toContain("'../lib/net-tools-shim'");
    const r = runCmd(join(custom, 'opt/x/a/b/sbin/ifconfig'), ['-V']);
    expectSame(r, golden('ifconfig-basic/version'), 'custom SBINDIR ifconfig -V');
  });

  it.skipIf(!nobodyCanRun)('installed commands print what the originals printed (golden cases with no kernel facts)', () => {
    const cases = textCases();
    expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(['ifconfig-basic/version', 'ifconfig-basic/help', 'ifconfig-basic/bad-option']));
    for (const c of cases) {
      const name = c.argv[0]!;
      const sub = SBIN.includes(name) ? 'usr/sbin' : 'usr/bin';
      // the plain stage; the next test shows the nts- names print the same
      const path = join(plain, 'stage', sub, name);
      expectSame(runCmd(path, c.argv.slice(1), c.env), c, `${c.id} as ${relative(WORK, path)}`);
    }
  });

  it.skipIf(!nobodyCanRun)('an nts- command prints what its plain name prints, never its prefix', () => {
    for (const n of NAMES) {
      const sub = SBIN.includes(n) ? 'usr/sbin' : 'usr/bin';
      // an unknown option: the messages that name the program (getopt's, hostname's usage)
      for (const args of [['--bogus-option']]) {
        const a = runCmd(join(plain, 'stage', sub, n), args);
        const b = runCmd(join(prefixed, sub, `nts-${n}`), args);
        expect(b, `nts-${n} ${args.join(' ')}`).toEqual(a);
        expect(b.stdout.toString('latin1') + b.stderr.toString('latin1')).not.toContain('nts-');
      }
    }
  });

  it.skipIf(!nobodyCanRun)('a staged tree runs wherever it is moved, and through symlinks from elsewhere', () => {
    const moved = join(WORK, 'moved');
    cpSync(prefixed, moved, { recursive: true, verbatimSymlinks: true });
    expectSame(runCmd(join(moved, 'usr/sbin/nts-ifconfig'), ['-V']), golden('ifconfig-basic/version'), 'moved nts-ifconfig -V');
    const links = join(WORK, 'links');
    mkdirSync(links, { mode: 0o755 });
    spawnSync('ln', ['-s', join(moved, 'usr/sbin/nts-ifconfig'), join(links, 'ifconfig')]);
    spawnSync('ln', ['-s', join(moved, 'usr/bin/nts-dnsdomainname'), join(links, 'nts-dnsdomainname')]);
    expectSame(runCmd(join(links, 'ifconfig'), ['--help']), golden('ifconfig-basic/help'), 'linked ifconfig --help');
    // the name decides hostname's mode: a link named nts-dnsdomainname is dnsdomainname
    const viaLink = runCmd(join(links, 'nts-dnsdomainname'), ['-V', '--x']);
    const direct = runCmd(join(plain, 'stage/usr/bin/dnsdomainname'), ['-V', '--x']);
    expect(viaLink).toEqual(direct);
  });

  it.skipIf(!HAVE.groff)('installed man pages render with groff -man -ww without a warning, .so aliases too', () => {
    for (const [mandir, p] of [[join(plain, 'stage/usr/share/man'), ''], [join(prefixed, 'usr/share/man'), 'nts-']] as const) {
      for (const page of MAN) {
        const file = page.replace('/', `/${p}`);
        const r = spawnSync('groff', ['-man', '-ww', '-Tutf8', '-P-cbou', file], { cwd: mandir, env: { LC_ALL: 'C', PATH: process.env.PATH } });
        expect(r.stderr.toString(), `${file}: groff's warnings`).toBe('');
        expect(r.status).toBe(0);
        const text = r.stdout.toString();
        expect(text, file).toMatch(/^NAME$/m);
        expect(text, file).toMatch(/^SYNOPSIS$/m);
        expect(text, file).toMatch(/^NET-TOOLS-SHIM$/m);
      }
    }
  });

  it('uninstall removes every file it installed, in both NAMES, and keeps code the other still uses', () => {
    // the plain stage, with the nts- names added (the tests above are done with it)
    const both = join(plain, 'stage');
    sh('make', ['--no-print-directory', 'install', `DESTDIR=${both}`, 'PREFIX=/usr', 'BUILD=no', 'NAMES=prefixed']);
    expect(tree(both).filter((f) => /\/s?bin\/./.test(f))).toHaveLength(18);
    sh('make', ['--no-print-directory', 'uninstall', `DESTDIR=${both}`, 'PREFIX=/usr', 'NAMES=prefixed']);
    expect(tree(both, ['usr/lib/net-tools-shim'])).toEqual(expectedLayout(''));
    sh('make', ['--no-print-directory', 'uninstall', `DESTDIR=${both}`, 'PREFIX=/usr']);
    expect(tree(both).filter((f) => !f.endsWith('/'))).toEqual([]);
  });

  it('install refuses to replace a command that is not ours unless FORCE=yes', () => {
    const foreign = join(WORK, 'foreign');
    mkdirSync(join(foreign, 'usr/sbin'), { recursive: true });
    writeFileSync(join(foreign, 'usr/sbin/route'), '#!/bin/sh\n', { mode: 0o755 });
    const r = spawnSync('make', ['--no-print-directory', 'install', `DESTDIR=${foreign}`, 'PREFIX=/usr', 'BUILD=no'], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${foreign}/usr/sbin/route exists and is not net-tools-shim's`);
    expect(readFileSync(join(foreign, 'usr/sbin/route'), 'utf8')).toBe('#!/bin/sh\n');
    sh('make', ['--no-print-directory', 'install', `DESTDIR=${foreign}`, 'PREFIX=/usr', 'BUILD=no', 'FORCE=yes']);
    expect(readFileSync(join(foreign, 'usr/sbin/route'), 'utf8')).toContain('launcher of net-tools-shim');
  });
});

describe('man pages', () => {
  const ctx: BuildContext = { version: '9.9', date: '', status: () => '' };

  it('the converter maps the markdown subset to man macros', () => {
    const src = [
      '# foo, bar(8) -- do *things*',
      '',
      '## SYNOPSIS',
      '',
      '| **foo** [**-a**] *file*',
      '|     [**-b**]',
      '',
      '## DESCRIPTION',
      '',
      'First line',
      'goes on. Second `-x` sentence.',
      '',
      '`-a`, `--all`',
      ': Show all.',
      '  Really.',
      '',
      '- one',
      '- two \\ three',
      '',
      '```',
      '.start',
      '```',
    ].join('\n');
    expect(convert('man/foo.8.md', src, ctx).roff).toBe([
      '.\\" Generated by tools/build-man.ts from man/foo.8.md; edit the source, not this file.',
      '.TH FOO 8 "" "net-tools-shim 9.9" "System Administration"',
      '.SH NAME',
      'foo, bar \\- do *things*',
      '.SH "SYNOPSIS"',
      '.PP',
      '.nf',
      '\\&\\fBfoo\\fR [\\fB\\-a\\fR] \\fIfile\\fR',
      '\\&    [\\fB\\-b\\fR]',
      '.fi',
      '.SH "DESCRIPTION"',
      '.PP',
      'First line goes on.',
      'Second \\fB\\-x\\fR sentence.',
      '.TP',
      '\\fB\\-a\\fR, \\fB\\-\\-all\\fR',
      'Show all.',
      'Really.',
      '.IP \\(bu 2',
      'one',
      '.IP \\(bu 2',
      'two \\e three',
      '.PP',
      '.RS 4',
      '.nf',
      '\\&.start',
      '.fi',
      '.RE',
      '',
    ].join('\n'));
  });

  it('the converter refuses what it does not support', () => {
    const bad = (body: string) => () => convert('man/x.1.md', `# x(1) -- y\n\n${body}\n`, ctx);
    expect(bad('| a | b |\n|---|---|')).toThrow(/line block/);
    expect(bad('text with *open emphasis')).toThrow(/unclosed/);
    expect(bad('caf\u00e9')).toThrow(/ASCII/);
    expect(bad('#### deep')).toThrow(/headings/);
    expect(() => convert('man/x.1.md', 'no title\n', ctx)).toThrow(/first line/);
  });

  it('a page tells when its command is not implemented yet, as the built command says', () => {
    const pages = readdirSync(join(ROOT, 'dist/man'));
    expect(pages.sort()).toEqual(MAN.map((m) => m.slice(5)).sort());
    for (const name of ['ifconfig', 'arp', 'route', 'netstat', 'hostname']) {
      const page = readFileSync(join(ROOT, 'dist/man', pages.find((p) => p.startsWith(`${name}.`))!), 'utf8');
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', name), '-V'], { env: { LC_ALL: 'C' }, encoding: 'latin1' });
      const unfinished = /not implemented yet/.test(r.stderr);
      expect(page.includes('does not implement'), `${name}.8/1 and \`${name} -V\``).toBe(unfinished);
    }
  });
});

describe.skipIf(!HAVE.npm)('npm pack', () => {
  let listed: string[] = [];
  let tarball = '';
  beforeAll(() => {
    const out = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', WORK]);
    const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    listed = info[0]!.files.map((f) => f.path).sort();
    tarball = join(WORK, info[0]!.filename);
  }, 120_000);

  it('ships bin/, the built code, the man pages and the licence, nothing of the tests or tools', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'compat/README.md', 'dist/src/launch.js', 'dist/src/sys/live.js',
      ...['ifconfig', 'arp', 'route', 'netstat', 'hostname'].map((n) => `bin/${n}`), ...MAN.map((m) => `dist/man/${m.slice(5)}`)]) {
      expect(listed).toContain(f);
    }
    for (const n of ['ifconfig', 'arp', 'route', 'netstat', 'hostname', 'ifconfig.part', 'route.part']) expect(listed).toContain(`dist/bundle/${n}.cjs.cache`);
    const stray = listed.filter((f) => !/^(bin\/[a-z]+|bin\/package\.json|dist\/(src|compat)\/.+\.c?js|dist\/bundle\/[a-z]+(\.part)?\.cjs(\.cache)?|dist\/man\/[a-z]+\.[18]|compat\/README\.md|LICENSE|README\.md|package\.json)$/.test(f));
    expect(stray).toEqual([]);
  });

  it('a global install of the tarball gives working commands and man pages', () => {
    const prefix = join(WORK, 'npm-global');
    const r = spawnSync('npm', ['install', '-g', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', prefix, tarball],
      { cwd: WORK, env: cleanEnv(), encoding: 'utf8' });
    let bin: string;
    if (r.status === 0) {
      bin = join(prefix, 'bin');
      expect(readdirSync(bin).sort()).toEqual([...NAMES].sort());
      for (const m of MAN) expect(existsSync(join(prefix, 'share/man', m)), m).toBe(true);
    } else {
      // koffi is not in npm's cache (no network here): unpack the tarball, give it the runtime
      // modules of this checkout, and run it in place
      expect(r.stderr).toMatch(/ENOTCACHED|offline|cache/i);
      const unpacked = join(WORK, 'unpacked');
      mkdirSync(unpacked);
      sh('tar', ['-xzf', tarball, '-C', unpacked]);
      for (const m of ['koffi', '@koromix']) cpSync(join(ROOT, 'node_modules', m), join(unpacked, 'package/node_modules', m), { recursive: true });
      bin = join(unpacked, 'package/bin');
    }
    chmodSync(WORK, 0o755);
    if (!nobodyCanRun) return;
    expectSame(runCmd(join(bin, 'ifconfig'), ['-V']), golden('ifconfig-basic/version'), 'npm ifconfig -V');
    expectSame(runCmd(join(bin, 'ifconfig'), ['--help']), golden('ifconfig-basic/help'), 'npm ifconfig --help');
  }, 120_000);
});

describe.skipIf(!HAVE.make || !HAVE.dpkgDeb)('make deb', () => {
  const out = join(WORK, 'deb');
  const debs: Record<string, string> = {};
  beforeAll(() => {
    for (const names of ['prefixed', 'plain']) {
      const args = ['--no-print-directory', 'deb', 'BUILD=no', `DEB_OUT=${out}/${names}`, `DEBDIR=${out}/work-${names}`, 'DEB_COMPRESS=gzip'];
      if (names === 'plain') args.push('NAMES=plain');
      const said = sh('make', args);
      debs[names] = said.trim().split('deb: ').pop()!;
    }
  }, 120_000);

  const field = (deb: string, f: string) => sh('dpkg-deb', ['-f', deb, f]).trim();
  const contents = (deb: string) => sh('dpkg-deb', ['-c', deb]).split('\n').filter(Boolean)
    .map((l) => l.replace(/^.*? \.\//, '')).filter((p) => p && !/^usr\/lib\/net-tools-shim\/./.test(p));

  it('builds an arch-specific package depending on the distribution\'s nodejs', () => {
    const arch = sh('dpkg', ['--print-architecture']).trim();
    for (const deb of Object.values(debs)) {
      expect(deb).toMatch(new RegExp(`/net-tools-shim_[^/]+_${arch}\\.deb$`));
      expect(field(deb, 'Package')).toBe('net-tools-shim');
      expect(field(deb, 'Architecture')).toBe(arch);
      expect(field(deb, 'Depends')).toBe('nodejs (>= 20.19), libc6');
      expect(field(deb, 'Description')).toContain('Node.js 20.19');
    }
    expect(field(debs.prefixed!, 'Conflicts')).toBe('');
    expect(field(debs.plain!, 'Conflicts')).toBe('net-tools');
    expect(field(debs.plain!, 'Replaces')).toBe('net-tools');
  });

  it('holds the prefixed commands, gzipped man pages and a copyright file', () => {
    const files = contents(debs.prefixed!);
    const want = [
      ...SBIN.map((n) => `usr/sbin/nts-${n}`), ...BIN.map((n) => `usr/bin/nts-${n}`),
      ...MAN.map((m) => `usr/share/man/${m.replace('/', '/nts-')}.gz`),
      'usr/share/doc/net-tools-shim/copyright', 'usr/share/doc/net-tools-shim/README.md', 'usr/share/doc/net-tools-shim/compat.md',
      'usr/lib/net-tools-shim/',
    ];
    for (const f of want) expect(files.some((l) => l === f || l.startsWith(`${f} ->`)), f).toBe(true);
    expect(files.filter((l) => /usr\/s?bin\/(?!nts-)[a-z]/.test(l))).toEqual([]);
    const all = sh('dpkg-deb', ['-c', debs.prefixed!]);
    expect(all).toContain(`./usr/lib/net-tools-shim/node_modules/@koromix/koffi-linux-${process.arch}/`);
    expect(all).not.toMatch(/node_modules\/(typescript|vitest|vite|@types)\//);
  });

  it('with NAMES=plain holds ifconfig, arp, route and netstat under their names; hostname stays nts-', () => {
    const files = contents(debs.plain!);
    for (const f of [...SBIN.map((n) => `usr/sbin/${n}`), 'usr/bin/netstat', 'usr/bin/nts-hostname', 'usr/share/man/man8/ifconfig.8.gz', 'usr/share/man/man1/nts-hostname.1.gz']) {
      expect(files.some((l) => l === f || l.startsWith(`${f} ->`)), f).toBe(true);
    }
    expect(files.some((l) => /^usr\/bin\/(hostname|domainname)/.test(l))).toBe(false);
  });

  it.skipIf(!HAVE.dpkg)('installs into a throwaway root, runs there, and removes cleanly', () => {
    const root = join(WORK, 'root');
    const admin = join(root, 'var/lib/dpkg');
    for (const d of ['updates', 'info']) mkdirSync(join(admin, d), { recursive: true });
    writeFileSync(join(admin, 'status'), '');
    chmodSync(root, 0o755);
    // dpkg wants ldconfig and start-stop-daemon on PATH, even for a package that uses neither
    const env = { ...cleanEnv(), PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/sbin:/sbin` };
    const dpkg = (...a: string[]) => sh('dpkg', [`--root=${root}`, `--admindir=${admin}`, '--log=/dev/null', '--force-not-root', ...a], { env });
    dpkg('--force-depends', '-i', debs.prefixed!);
    expect(dpkg('-s', 'net-tools-shim')).toContain('Status: install ok installed');
    const launcher = join(root, 'usr/sbin/nts-ifconfig');
    expect(readFileSync(launcher, 'utf8').split('\n')[0]).toBe('#!/usr/bin/node --preserve-symlinks-main');
    if (nobodyCanRun) {
      expectSame(runCmd(launcher, ['-V']), golden('ifconfig-basic/version'), 'deb nts-ifconfig -V');
      expectSame(runCmd(launcher, ['-Z']), golden('ifconfig-basic/bad-option'), 'deb nts-ifconfig -Z');
    }
    dpkg('-r', 'net-tools-shim');
    expect(tree(root, ['var']).filter((f) => !f.endsWith('/'))).toEqual(['var/...']);
  }, 60_000);
});
