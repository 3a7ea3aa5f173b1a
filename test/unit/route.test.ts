/**
 * route's pieces that the golden cases cannot reach, checked against the C:
 *  - the program name choosing the family (aftrans_def): golden cases run the original through
 *    PATH as `route`, so `inet6_route -n` and `ip6route -n` are replayed on the recording of
 *    `route -A inet6 -n` and must print its bytes (the original prints the same for both, as
 *    run with `exec -a inet6_route route -n` in the recording namespace);
 *  - glibc's atoi/strtoul as route's parsers use them: values recorded from the real libc
 *    (Debian 12, glibc 2.36) through ctypes;
 *  - the flag letters, fix_v4_address and the kernel's netmask checks, from their C sources.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, listCases } from '../lib/golden.js';
import { main } from '../../src/cli/route.js';
import { createReplaySys } from '../../src/sys/replay.js';
import { parse } from '../../src/sys/recording.js';
import { memoryIo } from '../../src/io.js';
import { AfSelection } from '../../src/lib/aftrans.js';
import { atoi, strtoul } from '../../src/lib/cstdlib.js';
import { fix_v4_address, herror, INET_rresolve } from '../../src/lib/inet_resolve.js';
import { inetFlags } from '../../src/format/inet_gr.js';
import { inet6Flags } from '../../src/format/inet6_gr.js';
import { _forTests } from '../../src/model/route_set.js';
import type { Sys } from '../../src/sys/types.js';
import {
  RTF_ADDRCONF, RTF_DEFAULT, RTF_EXPIRES, RTF_GATEWAY, RTF_HOST, RTF_LOCAL, RTF_MODIFIED,
  RTF_NONEXTHOP, RTF_REJECT, RTF_UP,
} from '../../compat/net-support.js';

describe('the invoked name selects the family', () => {
  const golden = listCases().find((c) => c.id === 'route-display/inet6-numeric');
  it('the golden case to replay exists', () => {
    expect(golden?.argv).toEqual(['route', '-A', 'inet6', '-n']);
  });
  for (const argv0 of ['inet6_route', 'ip6route', '/usr/local/sbin/inet6_route']) {
    it(`${argv0} -n prints what route -A inet6 -n printed`, async () => {
      const world = readFileSync(join(GOLDEN, 'route-display', 'inet6-numeric', 'world.jsonl'), 'utf8');
      const io = memoryIo();
      const exit = main([argv0, '-n'], createReplaySys(parse(world)), io);
      expect(exit).toBe(golden!.exit);
      expect(io.stderr.take().toString('latin1')).toBe(golden!.stderr.toString('latin1'));
      expect(io.stdout.take().toString('latin1')).toBe(golden!.stdout.toString('latin1'));
    });
  }

  it('aftrans_def: the prefix before _ or the tool name, or the default', () => {
    const msgs: string[] = [];
    const pick = (argv0: string): string => {
      const af = new AfSelection((t) => msgs.push(t));
      af.aftrans_def('route', argv0, 'inet');
      return af.afname;
    };
    expect(pick('route')).toBe('inet');
    expect(pick('/sbin/route')).toBe('inet');
    expect(pick('inet6_route')).toBe('inet6');
    expect(pick('ip6route')).toBe('inet6');
    expect(pick('inet_route')).toBe('inet');
    expect(pick('route6')).toBe('inet');
    expect(msgs).toEqual([]);
    // an unknown prefix is kept (the C copies it when aftrans_opt fails), after the message
    expect(pick('foo_route')).toBe('foo');
    expect(pick('_route')).toBe('');
    expect(msgs).toEqual(["Unknown address family `foo'.\n", "Unknown address family `'.\n"]);
  });

  it('aftrans_opt: comma lists, unknown names stop it', () => {
    const msgs: string[] = [];
    const af = new AfSelection((t) => msgs.push(t));
    expect(af.aftrans_opt('inet,ip6')).toBe(0);
    expect(af.afname).toBe('inet,inet6');
    expect(af.aftrans_opt('tcpip,nope,inet')).toBe(1);
    expect(af.afname).toBe('inet,inet6,inet');
    expect(msgs).toEqual(["Unknown address family `nope'.\n"]);
  });

  it('aftrans_opt: a list longer than afname[256] is cut short, silently successful', () => {
    const msgs: string[] = [];
    const af = new AfSelection((t) => msgs.push(t));
    // "ip" (2 bytes) stands for "inet" (4): 85 of them fit the argument, not afname
    expect(af.aftrans_opt(Array(85).fill('ip').join(','))).toBe(0);
    expect(af.afname).toBe(Array(51).fill('inet').join(','));
    expect(msgs).toEqual(['Too much address family arguments.\n']);
  });
});

describe('glibc conversions (recorded from glibc 2.36 through ctypes)', () => {
  // [text, atoi(text), strtoul(text, &end, 0), end - text]
  const cases: [string, number, string, number][] = [
    ['4294967296', 0, '4294967296', 10],
    ['2147483648', -2147483648, '2147483648', 10],
    [' 12abc', 12, '12', 3],
    ['-1', -1, '18446744073709551615', 2],
    ['99999999999999999999', -1, '18446744073709551615', 20],
    ['-99999999999999999999', 0, '18446744073709551615', 21],
    ['+7', 7, '7', 2],
    ['0x10', 0, '16', 4],
    ['010', 10, '8', 3],
    ['', 0, '0', 0],
    ['abc', 0, '0', 0],
    ['0x', 0, '0', 1],
    ['0X1f', 0, '31', 4],
    ['  -0x10', 0, '18446744073709551600', 7],
    ['09', 9, '0', 1],
    ['1e3', 1, '1', 1],
    ['-2147483649', 2147483647, '18446744071562067967', 11],
  ];
  for (const [s, a, u, end] of cases) {
    it(JSON.stringify(s), () => {
      expect(atoi(s)).toBe(a);
      const r = strtoul(s, 0);
      expect(r.value.toString()).toBe(u);
      expect(r.end).toBe(end);
    });
  }
});

describe('flag letters (lib/inet_gr.c:122-165, lib/inet6_gr.c:117-141)', () => {
  it('IPv4: RTF_REJECT replaces the letters before it', () => {
    expect(inetFlags(RTF_UP | RTF_GATEWAY | RTF_HOST)).toBe('UGH');
    expect(inetFlags(RTF_UP | RTF_REJECT)).toBe('!');
    expect(inetFlags(RTF_UP | RTF_GATEWAY | RTF_REJECT | RTF_HOST)).toBe('!H');
    expect(inetFlags(RTF_UP | RTF_MODIFIED)).toBe('UM');
  });
  it('IPv6: U ! G H D A C a e m n f in that order', () => {
    expect(inet6Flags(RTF_REJECT | RTF_NONEXTHOP)).toBe('!n');
    expect(inet6Flags(RTF_UP | RTF_LOCAL | RTF_NONEXTHOP)).toBe('Un');
    expect(inet6Flags(RTF_UP | RTF_GATEWAY | RTF_DEFAULT | RTF_ADDRCONF | RTF_EXPIRES)).toBe('UGDAe');
    expect(inet6Flags(RTF_UP | RTF_GATEWAY | RTF_MODIFIED)).toBe('UGm');
  });
});

describe('names', () => {
  it('fix_v4_address keeps the dotted quad of a v4-mapped address only', () => {
    const mapped = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3]);
    expect(fix_v4_address('::ffff:10.1.2.3', mapped)).toBe('10.1.2.3');
    expect(fix_v4_address('host.example.com', mapped)).toBe('host.example.com');
    expect(fix_v4_address('::10.1.2.3', new Uint8Array([...new Uint8Array(12), 10, 1, 2, 3]))).toBe('::10.1.2.3');
  });

  it('herror without a name prints the text alone', () => {
    expect(herror('', 1)).toBe('Unknown host\n');
    expect(herror('x', 2)).toBe('x: Host name lookup failure\n');
  });

  it('INET_rresolve caches per process: one gethostbyaddr for a gateway seen twice', () => {
    let calls = 0;
    const sys = {
      gethostbyaddr: () => {
        calls++;
        return { name: 'gw.example.com', aliases: [], addrtype: 2, addrs: [] };
      },
    } as unknown as Sys;
    const gw = new Uint8Array([10, 1, 0, 254]);
    expect(INET_rresolve(sys, gw, 0x4000, 0xffffff00)).toBe('gw.example.com');
    expect(INET_rresolve(sys, gw, 0x4000, 0xffffff00)).toBe('gw.example.com');
    expect(calls).toBe(1);
    // 0.0.0.0 never asks: "default" with 0x8000, "*" without, "0.0.0.0" under a mask
    expect(INET_rresolve(sys, new Uint8Array(4), 0x8000, 0)).toBe('default');
    expect(INET_rresolve(sys, new Uint8Array(4), 0, 0)).toBe('*');
    expect(INET_rresolve(sys, new Uint8Array(4), 0, 0x80)).toBe('0.0.0.0');
    expect(calls).toBe(1);
  });
});

describe('the kernel netmask checks (include/linux/inetdevice.h)', () => {
  const { bad_mask, inet_mask_len } = _forTests;
  it('bad_mask: host bits outside the mask, or a mask that is not contiguous', () => {
    expect(bad_mask(0xffff0000, 0x0a010000)).toBe(false);
    expect(bad_mask(0xffff0000, 0x0a010001)).toBe(true);
    expect(bad_mask(0xff00ff00, 0x0a000000)).toBe(true);
    expect(bad_mask(0, 0)).toBe(false);
    expect(bad_mask(0, 0x0a000000)).toBe(true);
  });
  it('inet_mask_len', () => {
    expect(inet_mask_len(0)).toBe(0);
    expect(inet_mask_len(0xffffff00)).toBe(24);
    expect(inet_mask_len(0xffffffff)).toBe(32);
  });
});

void RTF_HOST;
