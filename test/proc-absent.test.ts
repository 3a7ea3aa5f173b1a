/**
 * Without /proc (or with /proc/net hidden), ifconfig still prints everything: only the order
 * of the IPv6 lines came from /proc/net/if_inet6. Replays golden cases with that file made
 * unreadable, and checks that every golden world reads no /proc/net table but if_inet6.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCases, replay } from './lib/golden.js';
import { parse, serialize, type Event } from '../src/sys/recording.js';
import { PROC_READS as NETSTAT_PROC_READS } from '../compat/netstat.js';
import { PROC_READS as ROUTE_PROC_READS } from '../compat/route.js';

const cases = listCases();

describe('/proc', () => {
  it('golden worlds read no /proc file but /proc/net/if_inet6 and those compat/ lists for netstat and route', () => {
    const read = new Set<string>();
    for (const c of cases) {
      // a file named on the command line (hostname -F FILE) is the user's, not a fact taken from /proc
      const named = (path: string): boolean => c.argv.slice(1).some((a) => a.endsWith(path));
      for (const e of parse(readFileSync(join(c.dir, 'world.jsonl'), 'utf8'))) {
        // netstat's reads of facts only /proc has are listed in compat/netstat.ts (PROC_READS)
        const netstatOwn = (path: string): boolean => c.argv[0] === 'netstat' && NETSTAT_PROC_READS.some((r) => r.test(path));
        // route_info's (route, netstat -r) are listed in compat/route.ts (PROC_READS)
        const routeOwn = (path: string): boolean => (c.argv[0] === 'route' || c.argv[0] === 'netstat') && ROUTE_PROC_READS.some((r) => r.test(path));
        // configuration files the originals read too (/etc/ethers for arp -f) are not /proc facts
        if (e.op === 'readFile' && e.path.startsWith('/proc/') && !named(e.path) && !netstatOwn(e.path) && !routeOwn(e.path)) read.add(e.path);
      }
    }
    expect([...read]).toEqual(['/proc/net/if_inet6']);
  });

  const withV6 = cases.filter((c) => c.argv[0] === 'ifconfig' && c.stdout.includes('inet6 '));
  it('there are ifconfig cases with IPv6 lines', () => expect(withV6.length).toBeGreaterThan(5));

  for (const c of withV6) {
    it(`${c.id}: same lines, IPv6 in netlink order, when /proc/net/if_inet6 cannot be opened`, async () => {
      const events = parse(readFileSync(join(c.dir, 'world.jsonl'), 'utf8')).map((e): Event =>
        e.op === 'readFile' ? { op: 'readFile', path: e.path, errno: 2 } : e,
      );
      const r = await replay(c, serialize(events));
      expect(r.exit).toBe(c.exit);
      expect(r.stderr.equals(c.stderr)).toBe(true);
      // the same lines as the original's, blocks in the same order; only inet6 lines may move
      const strip = (b: Buffer): string[] => b.toString('latin1').split('\n').filter((l) => !l.startsWith('        inet6 '));
      expect(strip(r.stdout)).toEqual(strip(c.stdout));
      const v6 = (b: Buffer): string[] => b.toString('latin1').split('\n').filter((l) => l.startsWith('        inet6 ')).sort();
      expect(v6(r.stdout)).toEqual(v6(c.stdout));
    });
  }

  // route -6 takes only the Ref column from /proc/net/ipv6_route: without it, Ref is 1
  const routeV6 = cases.filter((c) => c.id === 'route-display/inet6-numeric' || c.id === 'route-display/inet6');
  it('there are route -6 cases to replay without /proc', () => expect(routeV6.length).toBe(2));
  for (const c of routeV6) {
    it(`${c.id}: same rows, Ref 1, when /proc/net/ipv6_route cannot be opened`, async () => {
      const events = parse(readFileSync(join(c.dir, 'world.jsonl'), 'utf8')).map((e): Event =>
        e.op === 'readFile' ? { op: 'readFile', path: e.path, errno: 2 } : e,
      );
      const r = await replay(c, serialize(events));
      expect(r.exit).toBe(c.exit);
      expect(r.stderr.equals(c.stderr)).toBe(true);
      // the Ref column: the 2nd field from the end but two (Flag Met Ref Use If)
      const cols = (b: Buffer, ref: boolean): string[] =>
        b.toString('latin1').split('\n').map((l) => {
          const f = l.split(/ +/);
          if (f.length < 7 || l.startsWith('Destination')) return l;
          if (ref) f[f.length - 3] = '1';
          return f.join(' ');
        });
      expect(cols(r.stdout, false)).toEqual(cols(c.stdout, true));
    });
  }
});
