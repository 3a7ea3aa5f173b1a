/**
 * Throwaway network namespaces for recording golden cases and for live differential tests.
 * Root only. Each comes with a UTS namespace of its own (host and domain names), its own
 * /etc/netns/NAME/{resolv.conf,hosts,networks}; every one made here is deleted again.
 * Nothing here touches the host's own interfaces, routes or names.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the nearest folder above this file (source or dist/) with a package.json. */
function findRepo(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}
export const REPO_DIR = findRepo();
export const SCENARIO_DIR = join(REPO_DIR, 'tools', 'scenarios');
export const GOLDEN_DIR = join(REPO_DIR, 'golden');
/** where the recorder leaves new cases until golden:accept moves them into golden/ */
export const STAGED_DIR = join(REPO_DIR, '.golden-staged');

export interface Case {
  name: string;
  argv: string[];
  /** the command changes the kernel: run it on a freshly built namespace, and compare the state after */
  fresh?: boolean;
  /** run as this user (e.g. "nobody": no capabilities) instead of root */
  user?: string;
}

export interface Scenario {
  name: string;
  /** where its setup.sh, hosts and networks are: its own folder, or the one `like` names */
  dir: string;
  description: string;
  cases: Case[];
  /** commands whose output is the kernel state compared after a `fresh` case */
  state: string[][];
}

/** The state compared after a changing command, unless the scenario names its own. */
export const DEFAULT_STATE = [
  ['ip', '-d', 'link', 'show'],
  ['ip', 'addr', 'show'],
  ['ip', 'route', 'show', 'table', 'all'],
  ['ip', '-6', 'route', 'show', 'table', 'all'],
];

export interface Run {
  stdout: Buffer;
  stderr: Buffer;
  status: number;
}

/** Where the UTS namespace that goes with each network namespace is kept (bind-mounted). */
const UTS_DIR = '/run/nts-uts';

/** A fixed environment: the originals and ours see nothing else. */
export const RUN_ENV = { LC_ALL: 'C', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };

/** Where the original of each command is installed (Debian 12). */
export const ORIGINALS: Record<string, string> = {
  ifconfig: '/usr/sbin/ifconfig',
  arp: '/usr/sbin/arp',
  route: '/usr/sbin/route',
  netstat: '/usr/bin/netstat',
  hostname: '/usr/bin/hostname',
};

export function loadScenarios(only?: string[]): Scenario[] {
  const names = readdirSync(SCENARIO_DIR).filter((n) => existsSync(join(SCENARIO_DIR, n, 'cases.json'))).sort();
  return names
    .filter((n) => !only || only.length === 0 || only.includes(n))
    .map((name) => {
      const own = join(SCENARIO_DIR, name);
      const manifest = JSON.parse(readFileSync(join(own, 'cases.json'), 'utf8')) as {
        description: string;
        cases: Case[];
        state?: string[][];
        /** build the namespace as this other scenario does (its setup.sh, hosts, networks) */
        like?: string;
      };
      const dir = manifest.like ? join(SCENARIO_DIR, manifest.like) : own;
      return { name, dir, description: manifest.description, cases: manifest.cases, state: manifest.state ?? DEFAULT_STATE };
    });
}

function check(r: SpawnSyncReturns<Buffer>, what: string): Buffer {
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what}: exit ${r.status}: ${r.stderr.toString()}`);
  return r.stdout;
}

export function canRunLive(): boolean {
  if (process.geteuid?.() !== 0) return false;
  const ip = spawnSync('ip', ['-V']);
  return !ip.error && ip.status === 0 && existsSync(ORIGINALS.ifconfig!);
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export class Netns {
  private constructor(readonly name: string) {}

  /** ip netns add, with its own resolv.conf (127.0.0.1: never the host's resolver), hosts and networks. */
  static create(scenario?: Scenario): Netns {
    const name = `nts-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const etc = `/etc/netns/${name}`;
    mkdirSync(etc, { recursive: true });
    writeFileSync(join(etc, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
    const own = (f: string, dflt: string): string =>
      scenario && existsSync(join(scenario.dir, f)) ? readFileSync(join(scenario.dir, f), 'utf8') : dflt;
    writeFileSync(join(etc, 'hosts'), own('hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'));
    writeFileSync(join(etc, 'networks'), own('networks', 'default\t\t0.0.0.0\nloopback\t127.0.0.0\nlink-local\t169.254.0.0\n'));
    check(spawnSync('ip', ['netns', 'add', name]), 'ip netns add');
    // and a UTS namespace of its own, so no command can change the host's name
    mkdirSync(UTS_DIR, { recursive: true });
    const uts = join(UTS_DIR, name);
    writeFileSync(uts, '');
    check(spawnSync('unshare', [`--uts=${uts}`, 'true']), 'unshare --uts');
    const ns = new Netns(name);
    // no traffic of its own: no DAD, no router solicitations, so counters stay still
    for (const k of ['all', 'default']) {
      for (const [key, val] of [['accept_dad', '0'], ['router_solicitations', '0'], ['accept_ra', '0']]) {
        ns.exec(['sysctl', '-q', '-w', `net.ipv6.conf.${k}.${key}=${val}`]);
      }
    }
    return ns;
  }

  /** Run a command in the namespace with the fixed environment (as `user`, without capabilities, if given). */
  exec(argv: string[], env: Record<string, string> = RUN_ENV, user?: string): Run {
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const as = user ? ['setpriv', `--reuid=${user}`, `--regid=${user === 'nobody' ? 'nogroup' : user}`, '--clear-groups', '--inh-caps=-all'] : [];
    const r = spawnSync('nsenter', [`--uts=${join(UTS_DIR, this.name)}`, 'ip', 'netns', 'exec', this.name, ...as, 'env', '-i', ...envArgs, ...argv], {
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    if (r.error) throw new Error(`${argv.join(' ')}: ${r.error.message}`);
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 + 1 };
  }

  /**
   * A directory of this namespace's own in the host's /tmp (the namespace shares the host's
   * files), for what a scenario's setup.sh must keep on disk while its cases run (UNIX socket
   * paths): setup.sh finds it as $SCENARIO_TMP, and destroy() removes it with the namespace.
   * /tmp itself rather than $TMPDIR: socket paths must stay short, and alike on every machine.
   */
  get tmp(): string {
    return `/tmp/${this.name}`;
  }

  /** Build the scenario: its setup.sh runs inside the namespace; then wait for quiet counters. */
  setup(scenario: Scenario, settle = true): void {
    mkdirSync(this.tmp, { recursive: true });
    chmodSync(this.tmp, 0o755); // cases run as another user reach the sockets in it too
    const env = { ...RUN_ENV, SCENARIO_DIR: scenario.dir, SCENARIO_TMP: this.tmp };
    const r = this.exec(['bash', '-euo', 'pipefail', join(scenario.dir, 'setup.sh')], env);
    if (r.status !== 0) throw new Error(`${scenario.name}/setup.sh failed (${r.status}): ${r.stderr.toString()}`);
    if (settle) this.settle();
  }

  /** The scenario's state commands, their output one after another under a `# command` line. */
  state(scenario: Scenario): string {
    return scenario.state
      .map((cmd) => {
        const r = this.exec(cmd);
        return `# ${cmd.join(' ')}\n${r.stdout.toString('latin1')}${r.stderr.toString('latin1')}`;
      })
      .join('');
  }

  /** Wait until links, counters and addresses stop changing (MLD reports and the like). */
  settle(maxMs = 30_000): void {
    const snap = (): string =>
      this.exec(['ip', '-s', '-s', 'link', 'show']).stdout.toString() + this.exec(['ip', 'addr', 'show']).stdout.toString();
    let last = snap();
    let stableFor = 0;
    for (let waited = 0; waited < maxMs; waited += 500) {
      sleep(500);
      const now = snap();
      if (now === last) {
        stableFor += 500;
        if (stableFor >= 2000) return;
      } else {
        stableFor = 0;
        last = now;
      }
    }
    throw new Error(`namespace ${this.name} did not settle in ${maxMs} ms`);
  }

  destroy(): void {
    // processes a scenario left running in the namespace (socket holders) end with it
    const pids = spawnSync('ip', ['netns', 'pids', this.name]).stdout?.toString().split(/\s+/).filter(Boolean) ?? [];
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // proxy neighbours without a device outlive their namespace (kernel 6.18: they are not
    // flushed when it goes, and show up again in a later namespace that reuses its memory)
    spawnSync('ip', ['netns', 'exec', this.name, 'ip', 'neigh', 'flush', 'proxy']);
    spawnSync('ip', ['netns', 'del', this.name]);
    rmSync(`/etc/netns/${this.name}`, { recursive: true, force: true });
    rmSync(this.tmp, { recursive: true, force: true });
    const uts = join(UTS_DIR, this.name);
    spawnSync('umount', [uts]);
    rmSync(uts, { force: true });
  }
}

/** Run the original: invoked by its plain name through PATH, so argv[0] is what the case says. */
export function runOriginal(ns: Netns, c: Case): Run {
  return ns.exec(c.argv, RUN_ENV, c.user);
}

/** Run ours live through its launcher, with argv[0] as the case says (a symlink of that name). */
export function runOurs(ns: Netns, c: Case, linkDir: string): Run {
  return ns.exec([join(linkDir, c.argv[0]!), ...c.argv.slice(1)], RUN_ENV, c.user);
}

/** A run on a namespace built for it alone, and the state it left. */
export interface FreshRun {
  run: Run;
  state: string;
}

/** Build the scenario in a new namespace, run one command there, read the state, tear down. */
export function freshRun(scenario: Scenario, c: Case, runner: (ns: Netns) => Run): FreshRun {
  const ns = Netns.create(scenario);
  try {
    ns.setup(scenario, false);
    const run = runner(ns);
    return { run, state: ns.state(scenario) };
  } finally {
    ns.destroy();
  }
}

export function sameRun(a: Run, b: Run): boolean {
  return a.status === b.status && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr);
}

/** A folder of symlinks named like the originals pointing at our bin/ launchers. */
export function ourLinks(dir: string): string {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // cases run as another user go through these links too
  for (const [name, target] of Object.entries({
    ifconfig: 'ifconfig', arp: 'arp', route: 'route', netstat: 'netstat', hostname: 'hostname',
    domainname: 'hostname', dnsdomainname: 'hostname', nisdomainname: 'hostname', ypdomainname: 'hostname',
  })) {
    const p = join(dir, name);
    rmSync(p, { force: true });
    check(spawnSync('ln', ['-s', join(REPO_DIR, 'bin', target), p]), 'ln -s');
  }
  return dir;
}
