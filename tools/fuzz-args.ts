/**
 * Argument-grammar fuzzing against the originals (root). Random argument lists are drawn from
 * a pool per command (valid and invalid options, keywords, addresses, numbers, names) and run
 * by the original and by ours, each on a freshly built namespace of the command's scenario;
 * stdout, stderr, exit status and the kernel state after must be identical.
 *
 * Commands: ifconfig, route, arp, hostname, netstat.
 *
 *   node dist/tools/fuzz-args.js --command ifconfig --generate 150 --seed 1
 *       writes tools/scenarios/fuzz-ifconfig/cases.json: a fixed-seed corpus that the
 *       recorder turns into golden cases (replayed offline by npm test, live when root)
 *   node dist/tools/fuzz-args.js --command ifconfig --live 500 [--seed N]
 *       runs that many fresh random cases now and reports every difference
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { Rng } from './lib/fuzz.js';
import {
  Netns, SCENARIO_DIR, canRunLive, freshRun, loadScenarios, ourLinks, runOriginal, runOurs, sameRun,
  type Case, type FreshRun,
} from './lib/netns.js';

interface Pool {
  /** the scenario whose setup.sh (and hosts, networks) builds the namespace */
  base: string;
  options: string[];
  names: string[];
  words: string[];
  /** how many words after the name at most */
  maxWords: number;
  /** a name alone may change something (hostname NAME): such cases run on fresh namespaces */
  freshWhenNamed?: boolean;
  /**
   * Whether an argument list can change the kernel, when the command's grammar tells (arp:
   * its last -s or -d); a case that cannot runs on the shared namespace, where ours and the
   * original see the same tables in the same hash order.
   */
  changes?: (args: string[]) => boolean;
}

/**
 * arp's mode as its getopt loop leaves it: the last of -a, -f, -d, -s (and their long names)
 * wins; the options that take an argument (A:H:p:i:t:) consume the next word when given alone.
 */
function arpChanges(args: string[]): boolean {
  let mode = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      if (['all', 'file', 'delete', 'set'].includes(name)) mode = name[0]!;
      else if (['protocol', 'hw-type', 'device'].includes(name) && !a.includes('=')) i++;
      continue;
    }
    if (!a.startsWith('-') || a === '-') continue;
    for (let k = 1; k < a.length; k++) {
      const o = a[k]!;
      if ('adfs'.includes(o)) mode = o;
      if ('AHpit'.includes(o)) {
        if (k === a.length - 1) i++;
        break;
      }
    }
  }
  return mode === 'd' || mode === 's' || mode === 'f';
}

const POOLS: Record<string, Pool> = {
  ifconfig: {
    base: 'ifconfig-set',
    options: ['-a', '-s', '-v', '-V', '-h', '--help', '-Z', '-version', '-?', '--all'],
    names: ['v0', 'v1', 'v0:5', 'v0:9', 'tun0', 'tap0', 'lo', 'nosuch0', 'abcdefghijklmnopqrst', 'v0:', ':5', ''],
    words: [
      'up', 'down', 'arp', '-arp', 'promisc', '-promisc', 'allmulti', '-allmulti', 'multicast', '-multicast',
      'trailers', '-trailers', 'dynamic', '-dynamic', 'mtu', 'txqueuelen', 'netmask', 'broadcast', '-broadcast',
      'pointopoint', '-pointopoint', 'dstaddr', 'hw', 'add', 'del', 'tunnel', 'media', 'irq', 'io_addr', 'mem_start',
      'keepalive', 'outfill', 'name', 'address', 'metric', 'inet', 'inet6', 'unix', 'ax25', 'ipx', 'ec', 'x25',
      'netrom', 'rose', '1:0000000000ab', '1:ab:zz', '12/1', '1234567890123456', '3.4', 'x.1', 'n0call-3',
      '1400', '0', '-1', 'abc', '0x20', '70000', '5', '10.9.0.1', '10.9.0.1/24', '10.1', '0.0.0.0', '224.1.1.1',
      '255.255.255.0', '255.0.255.0', '10.1.0.2', '10.2.0.1', '172.16.0.9', '2001:db8::5/64', '2001:db8::1/64',
      '::10.0.0.1', 'ether', 'loop', 'foo', '02:00:00:00:05:99', 'zz', 'auto', '10baseT', 'gw-five.example.com',
      'nosuch.invalid', 'net-twenty', 'default', 'newname',
    ],
    maxWords: 5,
  },
  route: {
    base: 'route-edit',
    options: ['-n', '-e', '-ee', '-v', '-F', '-C', '-4', '-6', '-A', 'inet', '-Ainet6', '-N', '-V', '-h', '--help', '-z', '--numeric', '--extend', '-net', '-host',
      '-Ax25', '-Aax25', '-Anetrom', '-Aipx', '-Addp', '-Arose', '--inet', '--inet6', '-Ainet,inet6'],
    names: ['add', 'del', 'delete', 'flush', 'foo', ''],
    words: [
      '-net', '-host', 'default', '10.9.0.0', '10.9.0.0/16', '10.9.0.1', '10.1', '10.1.0.200', '10.75.0.0', '10.70.0.0/16',
      '2001:db8:7::/48', '2001:db8:9::/48', '::/0', 'netmask', '255.255.0.0', '255.0.255.0', 'gw', 'gateway', '10.1.0.254',
      '10.1.0.7', '2001:db8::99', 'gw.example.com', 'nosuch.invalid', 'metric', '5', '0', '-1', '40000', 'mss', '1400', '10',
      'window', '4096', 'irtt', '100', 'reject', 'mod', 'dyn', 'reinstate', 'dev', 'device', 'v0', 'v0:5', 'v2', 'nosuch0',
      'net-ten', 'net-sixty', 'seven', 'host200', '0.0.0.0/0', '10.9.0.0/33', '255.255.255.255', '224.0.0.0', 'lo', '12345/3',
    ],
    maxWords: 6,
  },
  hostname: {
    // every name is set inside the namespace's own UTS namespace (tools/lib/netns.ts)
    base: 'hostname-set',
    options: ['-s', '-f', '-d', '-a', '-A', '-i', '-I', '-y', '-b', '-F', '-h', '-V', '-z', '--short', '--fqdn', '--long', '--domain', '--alias', '--nis', '--boot', '--file', '--ip-address', '--all-fqdns', '--', '-sd', '-fi'],
    names: ['newhost', 'new.example.org', 'myhost', '-bad', 'bad..name', 'a b', '', 'localhost', '/etc/hostname', '/nonexistent'],
    words: ['x', '-b', '-F', '/etc/hosts', 'nis.new', '-s'],
    maxWords: 2,
    freshWhenNamed: true,
  },
  arp: {
    base: 'arp-edit',
    // -s and -d more than once: the changing forms are the ones worth most
    options: ['-a', '-n', '-e', '-v', '-i', 'v0', '-H', 'ether', '-t', 'ax25', '-A', 'inet', '-p', 'inet6', '-s', '-d', '-D', '-N', '-V', '-h', '-Z', '--all', '--numeric', '--set', '--delete', '--device=v2', '--use-device', '-s', '-d', '-s', '-d', '-sD', '-ds',
      '-Hax25', '-Hnetrom', '-Harcnet', '-Hfddi', '-Hinfiniband', '-Hx25', '-Hdlci', '-Heui64', '-Htr', '-Ainet6', '-Hloop'],
    names: ['10.1.0.2', '10.1.0.3', '10.1.0.4', '10.1.0.50', '10.1.0.100', '172.16.0.100', '10.9.9.9', 'gw', 'pub-host', 'nosuch.invalid', '10.7.0.5', ''],
    words: [
      '02:00:00:00:0a:99', '02:00:00:00:0a:98', '1:2', 'zz', 'v0', 'v1', 'v2', 'lo', 'nosuch0', 'pub', 'temp', 'priv', 'trail',
      'dontpub', 'auto', 'dev', 'netmask', '255.255.255.255', '0.0.0.0', '255.255.0.0', '10.1.0.60', 'gw',
      'n0call-1', '0011223344', '00:11:22:33:44:55:66:77', '12345', '02:00:00:00:0a:99:aa',
    ],
    maxWords: 4,
    changes: arpChanges,
  },
  netstat: {
    // netstat only reads: every case runs on the shared namespace (never -c: it runs on; never
    // -o: its timers count down, so the original does not print the same twice)
    base: 'netstat-sockets',
    options: [
      '-a', '-l', '-n', '-t', '-u', '-U', '-w', '-x', '-e', '-ee', '-p', '-W', '-r', '-i', '-g', '-s', '-v', '-V',
      '-h', '-N', '-C', '-F', '-M', '-S', '-Z', '-2', '-f', '-4', '-6', '-A', 'inet', 'inet6', 'unix', '-Ainet',
      '--tcp', '--udp', '--all', '--numeric', '--numeric-hosts', '--numeric-ports', '--numeric-users', '--inet',
      '--inet6', '--unix', '--protocol=inet', '--wide', '--extend', '--route', '--interfaces',
      '--groups', '--verbose', '--symbolic', '--cache', '--fib', '-?', '-z', '--bogus', '-tulpn', '-rn', '-ie', '-an',
      '-tn', '-un', '-ln', '-Ainet6', '--listening', '--programs', '--udplite', '--raw', '--sctp',
    ],
    names: ['', 'foo', 'v0', 'tcp', '5', '-', '--'],
    words: ['inet', '-n', 'x'],
    maxWords: 1,
    changes: () => false,
  },
};

const argv = await yargs(hideBin(process.argv))
  .scriptName('fuzz-args')
  .usage('$0 --command CMD (--generate N | --live N) [--seed N]\n\nFuzz a command\'s argument grammar against the original (root).')
  .option('command', { type: 'string', choices: Object.keys(POOLS), demandOption: true })
  .option('generate', { type: 'number', describe: 'write a corpus of N cases as tools/scenarios/fuzz-CMD' })
  .option('live', { type: 'number', describe: 'run N random cases now, original vs ours' })
  .option('seed', { type: 'number', default: 1 })
  .option('nobody', { type: 'number', default: 0.15, describe: 'share of cases run without privileges' })
  .strict()
  .help()
  .parseAsync();

const pool = POOLS[argv.command]!;
const rng = new Rng(argv.seed);
const pick = <T>(xs: T[]): T => xs[rng.below(xs.length)]!;

function randomCase(i: number): Case {
  const args: string[] = [];
  for (let n = rng.below(10) < 7 ? 0 : rng.below(3) + 1; n > 0; n--) args.push(pick(pool.options));
  const named = rng.below(10) < 9;
  if (named) args.push(pick(pool.names));
  const words = named ? rng.below(pool.maxWords + 1) : 0;
  for (let n = words; n > 0; n--) args.push(pick(pool.words));
  // only words after the name can change anything (or what the grammar says can); the others
  // only display, and run on the shared namespace, settled so that counters stand still
  const fresh = pool.changes ? pool.changes(args) : words > 0 || (named && pool.freshWhenNamed === true);
  const c: Case = { name: `f${String(i).padStart(4, '0')}`, argv: [argv.command, ...args], ...(fresh ? { fresh: true } : {}) };
  if (rng.below(1000) < argv.nobody * 1000) c.user = 'nobody';
  return c;
}

if (argv.generate) {
  const dir = join(SCENARIO_DIR, `fuzz-${argv.command}`);
  mkdirSync(dir, { recursive: true });
  const cases = Array.from({ length: argv.generate }, (_, i) => randomCase(i));
  const base = loadScenarios([pool.base])[0]!;
  writeFileSync(join(dir, 'cases.json'), JSON.stringify({
    description: `fixed-seed argument fuzzing corpus for ${argv.command} (tools/fuzz-args.ts --generate ${argv.generate} --seed ${argv.seed}); namespace as ${pool.base}`,
    like: pool.base,
    state: base.state,
    cases,
  }, null, 1) + '\n');
  process.stdout.write(`wrote ${cases.length} cases to ${dir}\n`);
}

if (argv.live) {
  if (!canRunLive()) {
    process.stderr.write('fuzz-args: --live needs root, iproute2 and the originals\n');
    process.exit(1);
  }
  const scenario = loadScenarios([pool.base])[0]!;
  const links = ourLinks(mkdtempSync(join(tmpdir(), 'nts-fuzz-links-')));
  let differ = 0;
  try {
    const shared = Netns.create(scenario);
    shared.setup(scenario);
    try {
      for (let i = 0; i < argv.live; i++) {
        const c = randomCase(i);
        let a: FreshRun;
        let b: FreshRun;
        let again: () => FreshRun;
        if (c.fresh) {
          a = freshRun(scenario, c, (ns) => runOriginal(ns, c));
          b = freshRun(scenario, c, (ns) => runOurs(ns, c, links));
          again = () => freshRun(scenario, c, (ns) => runOriginal(ns, c));
        } else {
          a = { run: runOriginal(shared, c), state: '' };
          b = { run: runOurs(shared, c, links), state: '' };
          again = () => ({ run: runOriginal(shared, c), state: '' });
        }
        if (sameRun(a.run, b.run) && a.state === b.state) continue;
        const a2 = again();
        if (!sameRun(a.run, a2.run) || a.state !== a2.state) continue; // the original is not stable here
        differ++;
        process.stdout.write(`DIFFERS${c.user ? ` (as ${c.user})` : ''}: ${JSON.stringify(c.argv)}\n`);
        process.stdout.write(`  original: ${a.run.status} ${JSON.stringify(a.run.stdout.toString('latin1').slice(0, 300))} ${JSON.stringify(a.run.stderr.toString('latin1').slice(0, 300))}\n`);
        process.stdout.write(`  ours:     ${b.run.status} ${JSON.stringify(b.run.stdout.toString('latin1').slice(0, 300))} ${JSON.stringify(b.run.stderr.toString('latin1').slice(0, 300))}\n`);
        if (a.state !== b.state) process.stdout.write('  and the kernel state after differs\n');
      }
    } finally {
      shared.destroy();
    }
  } finally {
    rmSync(links, { recursive: true, force: true });
  }
  process.stdout.write(`${argv.live} cases, ${differ} differ\n`);
  process.exitCode = differ ? 1 : 0;
}
