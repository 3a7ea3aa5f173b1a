/**
 * src/lib/nstrcmp.ts and if_cache_add (src/model/interface.ts) against net-tools 2.10.
 *
 * Expected signs: the NSTRCMP_TEST block at the end of lib/nstrcmp.c (net-tools 2.10). That
 * block was also compiled (gcc -DNSTRCMP_TEST, with a stub util.h) and run: all cases print
 * OK, so the signs below are both what the C program asserts and what it returns. The extra
 * atoi-overflow cases were run through the same compiled nstrcmp().
 *
 * The interface order is the one observed from the real ifconfig
 * (/work/shared/reference/legacy-behaviour.md §0). lib/interface.c's if_cache_add() was also
 * compiled against lib/nstrcmp.c and fed these 18 names in 20000 shuffled orders: every order
 * gave this same list, so for these names the C insertion does not depend on order.
 */
import { describe, expect, it } from 'vitest';
import { nstrcmp } from '../../src/lib/nstrcmp.js';
import { if_cache_add } from '../../src/model/interface.js';

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('nstrcmp: the NSTRCMP_TEST cases of lib/nstrcmp.c', () => {
  const cases: [string, string, number][] = [
    ['eth1', 'eth1', 0],
    ['eth0:1', 'eth0:1', 0],
    ['lan', 'lan', 0],
    ['100', '100', 0],
    ['', '', 0],
    [':', ':', 0],
    ['a:b:c', 'a:b:c', 0],
    ['a:', 'a:', 0],
    [':a', ':a', 0],

    ['a', 'aa', -1],
    ['eth0', 'eth1', -1],
    ['eth1', 'eth20', -1],
    ['eth20', 'eth100', -1],
    ['eth1', 'eth13', -1],
    ['eth', 'eth2', -1],
    ['eth0:1', 'eth0:2', -1],
    ['eth1:10', 'eth13:10', -1],
    ['eth1:1', 'eth1:13', -1],
    ['a', 'a:', -1],

    ['aa', 'a', 1],
    ['eth2', 'eth1', 1],
    ['eth13', 'eth1', 1],
    ['eth2', 'eth', 1],
    ['eth2:10', 'eth2:1', 1],
    ['eth2:5', 'eth2:4', 1],
    ['eth3:2', 'eth2:3', 1],
    ['eth13:1', 'eth1:0', 1],
    ['a:', 'a', 1],
    ['a1b12', 'a1b2', 1],

    ['eth1', 'eth01', 1],
    ['eth01', 'eth1', -1],
    ['eth1:1', 'eth01:1', 1],
    ['eth01:1', 'eth1:1', -1],
    ['eth1:1', 'eth01:01', 1],
    ['eth1:01', 'eth01:1', 1],
    ['eth01:1', 'eth1:01', -1],
    ['eth01:01', 'eth1:1', -1],
  ];

  it.each(cases)('nstrcmp(%j, %j) has sign %i', (a, b, want) => {
    expect(sign(nstrcmp(a, b))).toBe(want);
  });
});

describe('nstrcmp: atoi() overflow as the compiled C does it', () => {
  // atoi = (int)strtol(): clamps to LONG_MAX, then keeps the low 32 bits
  it.each([
    ['v2147483648', 'v0', -1], // (int)2147483648 = INT_MIN
    ['v4294967296', 'v0', 1], // (int)2^32 = 0, then strcmp decides
    ['v4294967296', 'v1', -1],
    ['eth99999999999999999999', 'eth1', -1], // LONG_MAX -> (int) -1
    ['x:2147483648', 'x', -1], // alias INT_MIN < "no alias" (-1)
    ['x:4294967295', 'x', 0], // alias (int) -1 == "no alias": C says equal
    ['x', 'x:4294967295', 0],
    ['v10:abc', 'v10:9', 1], // ":abc" is not an alias suffix
  ] as [string, string, number][])('nstrcmp(%j, %j) has sign %i', (a, b, want) => {
    expect(sign(nstrcmp(a, b))).toBe(want);
  });
});

describe('if_cache_add (lib/interface.c)', () => {
  const observed = [
    'abcdefghijklmno', 'lo', 'mv0', 't_bridge', 't_ifb', 't_vxlan', 'tap0', 'tun0', 'v0', 'v0:5',
    'v1', 'v1:8', 'v02', 'v9', 'v10', 'v10:9', 'v10:12345', 'v10:abc',
  ];

  const orders: [string, string[]][] = [
    ['the brief order', 'v10:abc v0 v1 v02 v9 v10 v10:9 v10:12345 lo abcdefghijklmno mv0 t_bridge t_ifb t_vxlan tap0 tun0 v0:5 v1:8'.split(' ')],
    ['reversed observed order', [...observed].reverse()],
    ['observed order', [...observed]],
    ['links first, then labels', 'lo v10 tun0 t_vxlan v02 mv0 tap0 v1 t_bridge abcdefghijklmno v9 v0 t_ifb v10:abc v1:8 v10:12345 v0:5 v10:9'.split(' ')],
    ['interleaved', 'v1:8 tap0 v10:9 abcdefghijklmno v0:5 t_ifb v10 lo v02 v10:abc mv0 v9 tun0 v10:12345 t_bridge v0 t_vxlan v1'.split(' ')],
  ];

  it.each(orders)('inserting in %s gives the observed ifconfig order', (_what, names) => {
    const list: string[] = [];
    for (const n of names) if_cache_add(list, n);
    expect(list).toEqual(observed);
  });

  it('keeps one entry for names inserted twice (nstrcmp == 0 returns the cached one)', () => {
    const list: string[] = [];
    for (const n of ['eth0', 'lo', 'eth0', 'eth0:1', 'lo', 'eth0:1']) if_cache_add(list, n);
    expect(list).toEqual(['eth0', 'eth0:1', 'lo']);
  });

  // The C insertion does depend on order when two different names compare equal: with
  // nstrcmp("x:4294967295", "x") == 0 the compiled if_cache_add keeps whichever came first
  // (C harness: inserting "x" then "x:4294967295" lists "x"; the other order lists "x:4294967295").
  it('keeps the first of two names nstrcmp calls equal, as the C does', () => {
    const a: string[] = [];
    if_cache_add(a, 'x');
    if_cache_add(a, 'x:4294967295');
    expect(a).toEqual(['x']);
    const b: string[] = [];
    if_cache_add(b, 'x:4294967295');
    if_cache_add(b, 'x');
    expect(b).toEqual(['x:4294967295']);
  });
});
