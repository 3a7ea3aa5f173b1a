/**
 * Pieces of arp that run without a kernel: the ethers-file reader (lib/getargs.c, fgets), the
 * /proc/net/arp columns the kernel would print, the two display styles, the INET_rresolve
 * look-up rule, and the link-scope route look-up of the ARP ioctls. Expected texts are lines
 * the installed /usr/sbin/arp printed (Debian 12, net-tools 2.10) or facts observed on the
 * running kernel, as noted at each. No network, no privileges.
 */
import { describe, expect, it } from 'vitest';
import { fgetsLines, getargs } from '../../src/cli/arp.js';
import { Disp2, arp_disp } from '../../src/format/arp_disp.js';
import { ax2asc2, kernelHwText, stateToFlags, type LinkInfo } from '../../src/model/neigh.js';
import { InetNames } from '../../src/model/arp_names.js';
import { arpreqHwBytes } from '../../src/model/arpreq.js';
import { ip_route_output_link, type Route, type Rule } from '../../src/model/fib4.js';
import type { HostEnt, NetEnt, Sys } from '../../src/sys/types.js';

describe('getargs (lib/getargs.c)', () => {
  it('splits at blanks and tabs, skipping runs of them', () => {
    expect(getargs('  10.1.0.82   02:00:00:00:0e:04   ')).toEqual(['10.1.0.82', '02:00:00:00:0e:04']);
    expect(getargs('02:00:00:00:0e:03\tethhost temp')).toEqual(['02:00:00:00:0e:03', 'ethhost', 'temp']);
  });
  it('takes quoted words whole, without the quotes', () => {
    expect(getargs(`"10.1.0.83" '02:00:00:00:0e:05'`)).toEqual(['10.1.0.83', '02:00:00:00:0e:05']);
    expect(getargs(`"a b" c`)).toEqual(['a b', 'c']);
    // a backslash before the closing quote keeps the quote (and the backslash)
    expect(getargs(`"a\\" b" c`)).toEqual(['a\\" b', 'c']);
  });
  it('gives one empty word for a line of blanks (a format error in arp -f)', () => {
    expect(getargs('   ')).toEqual(['']);
  });
  it('keeps at most 31 words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    expect(getargs(words.join(' '))).toEqual(words.slice(0, 31));
  });
});

describe('fgets(buff, 1024) lines', () => {
  it('ends a line after its newline, and the last one at the end of the file', () => {
    expect(fgetsLines('a\nb\n\nc')).toEqual(['a\n', 'b\n', '\n', 'c']);
  });
  it('cuts a long line into pieces of 1023 bytes, each counted as a line', () => {
    const long = 'x'.repeat(2100) + '\n';
    expect(fgetsLines(long).map((l) => l.length)).toEqual([1023, 1023, 55]);
  });
  it('ends the C string at a NUL byte', () => {
    expect(fgetsLines('ab\0cd\nef\n')).toEqual(['ab', 'ef\n']);
  });
});

describe('/proc/net/arp columns (net/ipv4/arp.c)', () => {
  it('flags from the neighbour state: permanent 0x6, other valid states 0x2, else 0', () => {
    expect(stateToFlags(0x80)).toBe(0x6);
    for (const s of [0x02, 0x04, 0x08, 0x10]) expect(stateToFlags(s)).toBe(0x2);
    for (const s of [0x01, 0x20]) expect(stateToFlags(s)).toBe(0);
  });
  it('the hardware address as lower-case hex pairs, 9 bytes at most', () => {
    expect(kernelHwText(1, Uint8Array.from([2, 0, 0, 0, 1, 0x1d]), 6)).toBe('02:00:00:00:01:1d');
    expect(kernelHwText(32, new Uint8Array(20).fill(0xab), 20)).toBe('ab:'.repeat(9).slice(0, -1));
    expect(kernelHwText(65534, new Uint8Array(0), 0)).toBe('');
  });
  it('AX.25 call signs as ax2asc2 writes them', () => {
    const call = (s: string, ssid: number): Uint8Array =>
      Uint8Array.from([...s.padEnd(6, ' ')].map((c) => c.charCodeAt(0) << 1).concat([ssid << 1]));
    expect(ax2asc2(call('N0CALL', 1))).toBe('N0CALL-1');
    expect(ax2asc2(call('AB', 12))).toBe('AB-12');
    expect(ax2asc2(new Uint8Array(7))).toBe('*');
  });
});

describe('display styles (arp_disp_2, arp_disp)', () => {
  // lines printed by /usr/sbin/arp on this kernel
  it('Linux style: the header once, then the columns', () => {
    const d = new Disp2();
    expect(d.row('seven.example.org', 1, 0x6, '02:00:00:00:01:07', '*', 'v0')).toBe(
      'Address                  HWtype  HWaddress           Flags Mask            Iface\n' +
        'seven.example.org        ether   02:00:00:00:01:07   CM                    v0\n',
    );
    expect(d.row('10.1.0.96', 1, 0x2, '02:00:00:00:09:96', '*', 'v0')).toBe(
      '10.1.0.96                ether   02:00:00:00:09:96   C                     v0\n',
    );
    expect(d.row('10.1.0.54', 1, 0, '00:00:00:00:00:00', '*', 'v0')).toBe(
      '10.1.0.54                        (incomplete)                              v0\n',
    );
    expect(d.row('10.9.9.9', 0, 0xc, '00:00:00:00:00:00', '*', '*')).toBe(
      '10.9.9.9                 *       <from_interface>    MP                    *\n',
    );
    expect(d.row('avery-long-host-name-that-is-cut.example.org', 1, 0x6, '02:00:00:00:01:08', '*', 'v0')).toBe(
      'avery-long-host-name-th  ether   02:00:00:00:01:08   CM                    v0\n',
    );
  });
  it('BSD style', () => {
    expect(arp_disp('seven.example.org', '10.1.0.7', 1, 0x6, '02:00:00:00:01:07', '*', 'v0')).toBe(
      'seven.example.org (10.1.0.7) at 02:00:00:00:01:07 [ether] PERM on v0\n',
    );
    expect(arp_disp('?', '10.1.0.96', 1, 0x2, '02:00:00:00:09:96', '*', 'v0')).toBe('? (10.1.0.96) at 02:00:00:00:09:96 [ether] on v0\n');
    expect(arp_disp('?', '10.1.0.54', 1, 0, '00:00:00:00:00:00', '*', 'v0')).toBe('? (10.1.0.54) at <incomplete> on v0\n');
    expect(arp_disp('?', '10.1.0.120', 1, 0xc, '00:00:00:00:00:00', '*', 'v0')).toBe('? (10.1.0.120) at <from_interface> PERM PUB on v0\n');
  });
});

/** A Sys that only answers the name look-ups, counting them. */
function namesSys(hosts: Record<string, string>, nets: Record<number, string>): Sys & { calls: string[] } {
  const calls: string[] = [];
  const sys = {
    calls,
    gethostbyaddr(addr: Uint8Array): HostEnt | null {
      const ip = [...addr].join('.');
      calls.push(`host ${ip}`);
      return hosts[ip] ? { name: hosts[ip]!, aliases: [], addrtype: 2, addrs: [addr] } : null;
    },
    getnetbyaddr(net: number): NetEnt | null {
      calls.push(`net ${net.toString(16)}`);
      return nets[net] ? { name: nets[net]!, aliases: [], addrtype: 2, net } : null;
    },
  };
  return sys as unknown as Sys & { calls: string[] };
}

describe('INET_rresolve with the 0xffffff00 mask (ap->sprint)', () => {
  const le = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  it.runIf(le)('asks for a host unless the first octet is 0 (little-endian s_addr), as /usr/sbin/arp does', () => {
    // observed: 10.1.0.0 printed its /etc/hosts name, 0.1.0.5 and 0.1.0.0 their /etc/networks names
    const sys = namesSys({ '10.1.0.0': 'netzero-host' }, { 0x00010005: 'zerofive', 0x00010000: 'zeronet' });
    const n = new InetNames(sys);
    expect(n.sprint(Uint8Array.from([10, 1, 0, 0]), 0x8000)).toBe('netzero-host');
    expect(n.sprint(Uint8Array.from([0, 1, 0, 5]), 0x8000)).toBe('zerofive');
    expect(n.sprint(Uint8Array.from([0, 1, 0, 0]), 0x8000)).toBe('zeronet');
    expect(sys.calls).toEqual(['host 10.1.0.0', 'net 10005', 'net 10000']);
  });
  it('keeps answers in its cache, and prints 0.0.0.0 without asking', () => {
    const sys = namesSys({}, {});
    const n = new InetNames(sys);
    expect(n.sprint(Uint8Array.from([10, 1, 0, 3]), 0x8000)).toBe('10.1.0.3');
    expect(n.sprint(Uint8Array.from([10, 1, 0, 3]), 0x8000)).toBe('10.1.0.3');
    expect(n.sprint(Uint8Array.from([0, 0, 0, 0]), 0x8000)).toBe('0.0.0.0');
    expect(sys.calls).toEqual(['host 10.1.0.3']);
  });
});

describe('the link-layer bytes SIOCSARP takes (arp_ha.sa_data)', () => {
  it('a short address keeps what INET_resolve left in the sockaddr', () => {
    // observed: arp -s 10.1.0.98 1:2 made 10.1.0.98 lladdr 01:02:0a:01:00:62,
    // arp -s 10.1.0.97 "" made 00:00:0a:01:00:61
    const req = (data: number[], ip: number[]): Uint8Array => {
      const sa = new Uint8Array(14);
      sa.set(ip, 2);
      sa.set(data, 0);
      return arpreqHwBytes({ pa: Uint8Array.from(ip), haFamily: 1, haData: sa, flags: 6, netmask: new Uint8Array(4), dev: '' }, 6);
    };
    expect([...req([1, 2], [10, 1, 0, 98])]).toEqual([1, 2, 10, 1, 0, 98]);
    expect([...req([], [10, 1, 0, 97])]).toEqual([0, 0, 10, 1, 0, 97]);
  });
});

describe('ip_route_output with link scope (arp_req_set / arp_req_delete)', () => {
  const link = (index: number, name: string, hasInet = true): LinkInfo => ({
    index, name, type: index === 1 ? 772 : 1, addrLen: 6, address: new Uint8Array(6), flags: 0x1043, group: 0, hasInet, inetConf: [],
  });
  const links = [link(1, 'lo'), link(2, 'v0'), link(3, 'v2'), link(4, 'noip', false)];
  const route = (table: number, dst: string, plen: number, scope: number, type: number, oif: number, tos = 0): Route => ({
    table, dst: dst.split('.').reduce((a, o) => (a * 256 + Number(o)) >>> 0, 0), plen, tos, scope, type, flags: 0,
    nexthops: [{ ifindex: oif, flags: 0 }],
  });
  const rule = (prio: number, table: number, action = 1): Rule => ({
    prio, table, action, flags: 0, goto: null, matches: true, dstSel: null, suppressPrefixlen: -1, suppressIfgroup: -1,
  });
  const defaults = [rule(0, 255), rule(32766, 254), rule(32767, 253)];
  // the arp-edit scenario: 10.1.0.0/24 on v0, a default route via 10.1.0.254, 10.7.0.0/16 dev v2 scope global
  const routes = [
    route(254, '0.0.0.0', 0, 0, 1, 2),
    route(254, '10.1.0.0', 24, 253, 1, 2),
    route(254, '10.7.0.0', 16, 0, 1, 3),
    route(254, '172.16.0.0', 16, 253, 1, 3),
    route(254, '10.8.0.0', 16, 253, 1, 4),
    route(255, '10.1.0.1', 32, 254, 2, 2),
    route(255, '10.1.0.255', 32, 253, 3, 2),
    route(255, '127.0.0.0', 8, 254, 2, 1),
  ];
  const out = (ip: string, r = routes, ru = defaults) => ip_route_output_link(r, ru, links, Uint8Array.from(ip.split('.').map(Number)));
  it('an on-link address leaves by its device', () => {
    expect(out('10.1.0.5')).toEqual({ errno: 0, ifindex: 2 });
    expect(out('172.16.5.5')).toEqual({ errno: 0, ifindex: 3 });
  });
  it('routes of universe scope do not qualify: ENETUNREACH (observed: "Network is unreachable")', () => {
    expect(out('8.8.8.8').errno).toBe(101);
    expect(out('10.7.0.1').errno).toBe(101);
  });
  it('local addresses and 0.0.0.0 go to the loopback device (observed: "Invalid argument", the type differs)', () => {
    expect(out('10.1.0.1')).toEqual({ errno: 0, ifindex: 1 });
    expect(out('127.0.0.1')).toEqual({ errno: 0, ifindex: 1 });
    expect(out('0.0.0.0')).toEqual({ errno: 0, ifindex: 1 });
  });
  it('a broadcast route of link scope leaves by its device (observed: the entry lands on v0)', () => {
    expect(out('10.1.0.255')).toEqual({ errno: 0, ifindex: 2 });
  });
  it('a device without IPv4 is EINVAL', () => {
    expect(out('10.8.0.1').errno).toBe(22);
  });
  it('custom rules: tables in priority order, unreachable and prohibit actions', () => {
    const extra = [...routes, route(100, '10.9.0.0', 16, 253, 1, 3)];
    const withTable = [rule(0, 255), rule(100, 100), rule(32766, 254), rule(32767, 253)];
    expect(out('10.9.0.1', extra, withTable)).toEqual({ errno: 0, ifindex: 3 });
    expect(out('10.9.0.1', extra, defaults).errno).toBe(101);
    expect(out('10.1.0.5', extra, [rule(0, 255), rule(10, 0, 7), ...defaults.slice(1)]).errno).toBe(101);
    expect(out('10.1.0.5', extra, [rule(0, 255), rule(10, 0, 8), ...defaults.slice(1)]).errno).toBe(13);
  });
});
