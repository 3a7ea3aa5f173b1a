/**
 * Without /proc (root only): ours still prints what the original prints with /proc. Every
 * display case of the scenarios whose facts netlink and sock_diag cover is run by the
 * original as usual and by ours in a mount namespace where /proc is an empty tmpfs, so no
 * /proc/net table (nor anything else of /proc) can be read. The expected bytes are the
 * original's. Left out, as compat/README.md lists them: what only /proc has (UNIX RefCnt,
 * netstat -p owners, -s counters, the IPv6 Ref column, multicast Users, raw sockets on a kernel
 * without raw_diag); ifconfig's IPv6 lines are compared in any order within their block, since
 * their order is the salted one of /proc/net/if_inet6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  Netns, RUN_ENV, canRunLive, loadScenarios, runOriginal, sameRun, type Case, type Run,
} from '../../tools/lib/netns.js';
import { sideBySide } from '../../tools/lib/sidebyside.js';
import { suiteLinks } from '../lib/links.js';

const live = canRunLive();
const SCENARIOS = [
  'ifconfig-basic', 'ifconfig-kinds', 'ifconfig-order', 'route-display', 'route-options', 'arp-display',
  'arp-states', 'netstat-sockets', 'netstat-interfaces', 'netstat-timewait', 'netstat-options',
];
const scenarios = live ? loadScenarios().filter((s) => SCENARIOS.includes(s.name)) : [];

/** options whose output needs a /proc-only fact (or keeps running) */
const PROC_ONLY_ARGS = /^(-[a-zA-Z]*[spcwgx][a-zA-Z]*|--(statistics|program|continuous|raw|groups|unix|protocol=unix)|-6|-A|inet6|--inet6|-Ainet6)$/;
/** output sections that come from a /proc-only fact */
const PROC_ONLY_OUTPUT = /Active UNIX domain sockets|PID\/Program|Kernel IPv6 routing table|Group Memberships|^raw6? /m;

function wanted(c: Case): boolean {
  if (c.fresh || c.user) return false;
  if (!['ifconfig', 'route', 'arp', 'netstat'].includes(c.argv[0]!)) return false;
  return !(c.argv[0] !== 'ifconfig' && c.argv.slice(1).some((a) => PROC_ONLY_ARGS.test(a)));
}

/** ifconfig's IPv6 lines sorted within each run of them; everything else as it is */
function normalize(out: Buffer): string {
  const lines = out.toString('latin1').split('\n');
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.startsWith('        inet6 ')) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.startsWith('        inet6 ')) j++;
    lines.splice(i, j - i, ...lines.slice(i, j).sort());
    i = j;
  }
  return lines.join('\n');
}

function same(a: Run, b: Run): boolean {
  return a.status === b.status && normalize(a.stdout) === normalize(b.stdout) && a.stderr.equals(b.stderr);
}

/** ours, in a mount namespace of its own where /proc is an empty tmpfs */
function runOursWithoutProc(ns: Netns, c: Case, links: string): Run {
  return ns.exec(
    ['unshare', '-m', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs none /proc && exec "$0" "$@"', join(links, c.argv[0]!), ...c.argv.slice(1)],
    RUN_ENV,
  );
}

describe.skipIf(!live)('live: ours without /proc vs the original with it', () => {
  const links = suiteLinks();

  it('there are cases for every command netlink serves', () => {
    const names = new Set(scenarios.flatMap((s) => s.cases.filter(wanted).map((c) => c.argv[0])));
    expect([...names].sort()).toEqual(['arp', 'ifconfig', 'netstat', 'route']);
  });

  for (const scenario of scenarios) {
    describe(scenario.name, () => {
      let ns: Netns | null = null;
      beforeAll(() => {
        ns = Netns.create(scenario);
        ns.setup(scenario);
      });
      afterAll(() => ns?.destroy());

      for (const c of scenario.cases.filter(wanted)) {
        it(c.name, (ctx) => {
          let last = '';
          for (let attempt = 0; attempt < 3; attempt++) {
            const before = runOriginal(ns!, c);
            // a section made of a /proc-only fact: not this test's business
            if (PROC_ONLY_OUTPUT.test(before.stdout.toString('latin1'))) ctx.skip();
            const ours = runOursWithoutProc(ns!, c, links());
            const after = runOriginal(ns!, c);
            if (!sameRun(before, after)) {
              ns!.settle();
              last = 'the original itself changed between runs';
              continue;
            }
            if (same(before, ours)) return;
            last = [
              before.status !== ours.status ? `exit status: original ${before.status}, ours ${ours.status}` : '',
              'stdout:\n' + sideBySide(before.stdout, ours.stdout),
              'stderr:\n' + sideBySide(before.stderr, ours.stderr),
            ].join('\n');
            break;
          }
          expect.fail(`${c.argv.join(' ')} (ours without /proc)\n${last}`);
        });
      }
    });
  }
});
