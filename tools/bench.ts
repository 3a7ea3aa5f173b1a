/**
 * Benchmarks (root): in a throwaway namespace, build large tables and time ours against the
 * original and against iproute2 (`ip`, `ss`), interleaved in the same run; report medians,
 * ratios and peak RSS. Also start-up of each command against `node -e 0`: bin/'s launchers, and
 * those `make install` writes (staged; the interpreter line names Node itself, as in the .deb).
 *
 *   npm run bench -- [--runs 7] [--startup-runs 31] [--routes 50000] [--neighbours 20000]
 *                    [--sockets 30000] [--established 100000]
 *                    [--only startup,routes,arp,sockets,listeners]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import stringWidth from 'string-width';
import { Netns, REPO_DIR, canRunLive, ourLinks, type Scenario } from './lib/netns.js';

const argv = await yargs(hideBin(process.argv))
  .scriptName('bench')
  .usage('$0 [options]\n\nTime ours against the originals and iproute2 on large tables (root).')
  .option('runs', { type: 'number', default: 7, describe: 'runs of each command on a large table (median reported)' })
  .option('startup-runs', { type: 'number', default: 31, describe: 'runs of each start-up (a few milliseconds apart: more runs for a steady median)' })
  .option('routes', { type: 'number', default: 50000, describe: 'IPv4 routes for route -n' })
  .option('neighbours', { type: 'number', default: 20000, describe: 'permanent neighbours for arp -an' })
  .option('sockets', { type: 'number', default: 30000, describe: 'established loopback TCP sockets for netstat -tan and -tanp' })
  .option('established', { type: 'number', default: 100000, describe: 'established loopback TCP sockets beside a few listeners, for netstat -tln' })
  .option('only', { type: 'string', describe: 'comma list of: startup, routes, arp, sockets, listeners' })
  .strict()
  .help()
  .parseAsync();

if (!canRunLive()) {
  process.stderr.write('bench: needs root, iproute2 and the original net-tools\n');
  process.exit(1);
}
const want = (what: string): boolean => !argv.only || argv.only.split(',').includes(what);

const EMPTY: Scenario = { name: 'bench', dir: REPO_DIR, description: 'benchmark', cases: [], state: [] };
const links = ourLinks(mkdtempSync(join(tmpdir(), 'nts-bench-links-')));
const work = mkdtempSync(join(tmpdir(), 'nts-bench-'));

interface Sample {
  ms: number;
  rssKiB: number;
  ok: boolean;
}

/**
 * The timer, run inside the namespace: rounds of the commands (a JSON list of argv), each
 * command spawned straight from it (posix_spawnp) with its stdout on a pipe that the timer
 * reads to the end, as a script reading the command's output would (stdin and stderr on
 * /dev/null), and reaped with wait4, which gives its own wall time and peak RSS. What entering
 * the namespace costs (nsenter, ip netns exec: several milliseconds) is paid once by the timer,
 * not by each sample, so a ratio compares the commands alone. A first round is run and not
 * counted (the commands that run first after the timer's own start are slower), and the timer
 * stops after a minute of rounds (the namespace's exec has a timeout); it prints the rounds it
 * ran.
 */
const TIMER = [
  'import json, os, sys, time',
  'cmds, rounds = json.loads(sys.argv[1]), int(sys.argv[2])',
  'null = os.open("/dev/null", os.O_RDWR)',
  'def run(argv):',
  '    r, w = os.pipe()',
  '    acts = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_DUP2, null, 2)]',
  '    t = time.perf_counter_ns()',
  '    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=acts)',
  '    os.close(w)',
  '    while os.read(r, 1 << 20): pass',
  '    os.close(r)',
  '    _, status, usage = os.wait4(pid, 0)',
  '    ms = (time.perf_counter_ns() - t) / 1e6',
  '    return {"ms": ms, "rssKiB": usage.ru_maxrss, "ok": os.waitstatus_to_exitcode(status) == 0}',
  'for argv in cmds: run(argv)',
  'out, start = [], time.monotonic()',
  'while len(out) < rounds and time.monotonic() - start < 60:',
  '    out.append([run(argv) for argv in cmds])',
  'print(json.dumps(out))',
].join('\n');
const timer = join(work, 'timer.py');
writeFileSync(timer, TIMER);

/** `runs` rounds of the commands (each command once per round, in order), timed inside the namespace. */
function measureRounds(ns: Netns, cmds: string[][], runs: number): Sample[][] {
  const rounds: Sample[][] = [];
  while (rounds.length < runs) {
    const r = ns.exec(['python3', timer, JSON.stringify(cmds), String(runs - rounds.length)]);
    if (r.status !== 0) throw new Error(`timer: ${r.stderr.toString().slice(0, 400)}`);
    rounds.push(...(JSON.parse(r.stdout.toString()) as Sample[][]));
  }
  return rounds;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

interface Row {
  group: string;
  label: string;
  ms: number;
  rss: number;
  vs?: string;
  ratio?: number;
  ok: boolean;
}
const rows: Row[] = [];

/**
 * Time several commands interleaved: run 1 of each, run 2 of each, and so on. A ratio is the
 * median of the ratios within each round (the command's time over the baseline's of the same
 * round): paired so, it does not move with the machine's speed from one round to the next as
 * a ratio of two medians does (on this VM, 1.14-1.32x against 1.16-1.19x over four runs of the
 * same start-up).
 */
function compare(
  ns: Netns,
  group: string,
  cmds: { label: string; cmd: string[] }[],
  baseline: string,
  runs = argv.runs,
  also: [label: string, vs: string][] = [],
): void {
  const rounds = measureRounds(ns, cmds.map((c) => c.cmd), runs);
  const index = (label: string): number => cmds.findIndex((c) => c.label === label);
  const row = (i: number, b: number | undefined): Row => {
    const s = rounds.map((round) => round[i]!);
    return {
      group,
      label: cmds[i]!.label,
      ms: median(s.map((x) => x.ms)),
      rss: median(s.map((x) => x.rssKiB)),
      vs: b === undefined ? undefined : cmds[b]!.label,
      ratio: b === undefined ? undefined : median(rounds.map((round) => round[i]!.ms / round[b]!.ms)),
      ok: s.every((x) => x.ok),
    };
  };
  const b = index(baseline);
  cmds.forEach((_, i) => rows.push(row(i, i === b ? undefined : b)));
  // further ratios a target asks for (ours against ss), as rows of their own
  for (const [label, vs] of also) rows.push(row(index(label), index(vs)));
}

const ours = (name: string, ...args: string[]): string[] => [join(links, name), ...args];

/**
 * The commands as a package installs them (`make install`, staged under the work directory):
 * launchers whose first line names this Node (`#!/usr/bin/node` in the .deb), where bin/'s
 * `#!/usr/bin/env node` runs env first. Returns the staging root.
 */
function installTree(): string {
  const stage = join(work, 'stage');
  const r = spawnSync('make', ['-s', 'install', `DESTDIR=${stage}`, 'PREFIX=/usr', `NODE=${process.execPath}`, 'BUILD=no'], {
    cwd: REPO_DIR,
  });
  if (r.status !== 0) throw new Error(`make install: ${r.stderr?.toString().slice(0, 400)}`);
  return stage;
}

function batch(ns: Netns, lines: string[]): void {
  const file = join(work, `batch-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, lines.join('\n') + '\n');
  const r = ns.exec(['ip', '-batch', file]);
  if (r.status !== 0) throw new Error(`ip -batch: ${r.stderr.toString().slice(0, 400)}`);
}

function withNamespace(f: (ns: Netns) => void): void {
  const ns = Netns.create(EMPTY);
  try {
    ns.exec(['ip', 'link', 'set', 'lo', 'up']);
    ns.exec(['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1']);
    ns.exec(['ip', 'addr', 'add', '10.0.0.1/8', 'dev', 'v0']);
    ns.exec(['ip', 'link', 'set', 'v0', 'up']);
    ns.exec(['ip', 'link', 'set', 'v1', 'up']);
    f(ns);
  } finally {
    ns.destroy();
  }
}

try {
  if (want('startup')) {
    const installed = installTree();
    withNamespace((ns) => {
      compare(ns, 'start-up', [
        { label: 'node -e 0', cmd: [process.execPath, '-e', '0'] },
        { label: 'installed ifconfig lo', cmd: [join(installed, 'usr/sbin/ifconfig'), 'lo'] },
        { label: 'installed hostname', cmd: [join(installed, 'usr/bin/hostname')] },
        { label: 'installed route -n', cmd: [join(installed, 'usr/sbin/route'), '-n'] },
        { label: 'ours ifconfig lo', cmd: ours('ifconfig', 'lo') },
        { label: 'ours hostname', cmd: ours('hostname') },
        { label: 'ours route -n', cmd: ours('route', '-n') },
        { label: 'ours arp -an', cmd: ours('arp', '-an') },
        { label: 'ours netstat -tan', cmd: ours('netstat', '-tan') },
        { label: 'original ifconfig lo', cmd: ['/usr/sbin/ifconfig', 'lo'] },
      ], 'node -e 0', argv.startupRuns);
    });
  }
  if (want('routes')) {
    withNamespace((ns) => {
      const lines: string[] = [];
      for (let i = 0; i < argv.routes; i++) lines.push(`route add 172.${16 + ((i >> 16) & 15)}.${(i >> 8) & 255}.${i & 255}/32 dev v0`);
      batch(ns, lines);
      compare(ns, `route -n, ${argv.routes} routes`, [
        { label: 'original route -n', cmd: ['/usr/sbin/route', '-n'] },
        { label: 'ours route -n', cmd: ours('route', '-n') },
        { label: 'ip -4 route', cmd: ['ip', '-4', 'route'] },
      ], 'original route -n');
    });
  }
  if (want('arp')) {
    withNamespace((ns) => {
      for (const t of ['gc_thresh1', 'gc_thresh2', 'gc_thresh3']) ns.exec(['sysctl', '-q', '-w', `net.ipv4.neigh.default.${t}=${argv.neighbours * 2}`]);
      const lines: string[] = [];
      for (let i = 0; i < argv.neighbours; i++) {
        const b = [(i >> 16) & 255, (i >> 8) & 255, i & 255];
        lines.push(`neigh add 10.${b.join('.')} lladdr 02:00:${b.map((x) => x.toString(16).padStart(2, '0')).join(':')}:01 dev v0 nud permanent`);
      }
      batch(ns, lines);
      compare(ns, `arp -an, ${argv.neighbours} neighbours`, [
        { label: 'original arp -an', cmd: ['/usr/sbin/arp', '-an'] },
        { label: 'ours arp -an', cmd: ours('arp', '-an') },
        { label: 'ip -4 neigh', cmd: ['ip', '-4', 'neigh'] },
      ], 'original arp -an');
    });
  }
  if (want('sockets') || want('listeners')) {
    withNamespace((ns) => {
      // loopback connections held by helpers of bounded life, at most 9000 pairs each (<= 20000 fds)
      const script = join(work, 'hold.py');
      writeFileSync(script, [
        'import socket, sys, time, os',
        'port, n, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]',
        'srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
        "srv.bind(('127.0.0.1', port)); srv.listen(4096)",
        'keep = []',
        'for i in range(n):',
        "    c = socket.create_connection(('127.0.0.1', port)); a, _ = srv.accept(); keep += [c, a]",
        "open(ready, 'w').close()",
        'time.sleep(900)',
      ].join('\n'));
      let held = 0;
      let holder = 0;
      /** hold `total` established sockets in all (two per connection), plus one listener per helper */
      const holdUpTo = (total: number): void => {
        const per = 9000;
        while (held < total) {
          const n = Math.min(per, Math.ceil((total - held) / 2));
          const ready = join(work, `ready-${holder}`);
          ns.exec(['bash', '-c', `ulimit -n 20000; setsid timeout 1200 python3 ${script} ${20000 + holder} ${n} ${ready} >/dev/null 2>&1 &`]);
          for (let w = 0; w < 600 && spawnSync('test', ['-e', ready]).status !== 0; w++) spawnSync('sleep', ['0.5']);
          held += 2 * n;
          holder++;
        }
      };
      if (want('sockets')) {
        holdUpTo(argv.sockets);
        compare(ns, `netstat -tan, ${held} sockets`, [
          { label: 'original netstat -tan', cmd: ['/usr/bin/netstat', '-tan'] },
          { label: 'ours netstat -tan', cmd: ours('netstat', '-tan') },
          { label: 'ss -tan', cmd: ['ss', '-tan'] },
        ], 'original netstat -tan', argv.runs, [['ours netstat -tan', 'ss -tan']]);
        compare(ns, `netstat -tanp, ${held} sockets`, [
          { label: 'original netstat -tanp', cmd: ['/usr/bin/netstat', '-tanp'] },
          { label: 'ours netstat -tanp', cmd: ours('netstat', '-tanp') },
          { label: 'ss -tanp', cmd: ['ss', '-tanp'] },
        ], 'original netstat -tanp');
      }
      if (want('listeners')) {
        holdUpTo(argv.established);
        compare(ns, `netstat -tln, ${held} established, ${holder} listening`, [
          { label: 'original netstat -tln', cmd: ['/usr/bin/netstat', '-tln'] },
          { label: 'ours netstat -tln', cmd: ours('netstat', '-tln') },
          { label: 'ss -tln', cmd: ['ss', '-tln'] },
        ], 'original netstat -tln');
      }
    });
  }
} finally {
  rmSync(links, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

// a table for people: aligned by display width
const table = [['what', 'command', 'median ms', 'peak RSS KiB', 'ratio', 'ok']].concat(
  rows.map((r) => [r.group, r.label, r.ms.toFixed(1), String(r.rss), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x ${r.vs}`, r.ok ? 'yes' : 'FAILED']),
);
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => stringWidth(row[i]!))));
for (const row of table) process.stdout.write(row.map((c, i) => c + ' '.repeat(widths[i]! - stringWidth(c))).join('  ').trimEnd() + '\n');
