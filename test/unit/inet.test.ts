/**
 * src/lib/inet.ts against the real glibc (Debian 12, glibc 2.36) through libcPure (koffi).
 *
 * Every expected value comes from libc: the literal strings in the tables below were printed by
 * a throwaway C program calling inet_ntop(AF_INET6, ...) / inet_aton(...) on this machine, and
 * every case (tables and pseudo-random ones) is also compared with libcPure at run time.
 * No network, no privileges.
 */
import { describe, expect, it } from 'vitest';
import { LastQuad, inet_aton, inet_ntoa, inet_ntop, inet_ntop6, prefixMask } from '../../src/lib/inet.js';
import { libcPure } from '../../src/sys/live.js';

const AF_INET = 2;
const AF_INET6 = 10;

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array | null): string | null => (b ? Buffer.from(b).toString('hex') : null);

/** Deterministic PRNG (mulberry32), so a failure always reproduces. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('inet_ntop6 (glibc resolv/inet_ntop.c)', () => {
  // [address bytes, what glibc 2.36 inet_ntop(AF_INET6) printed]
  const table: [string, string][] = [
    ['00000000000000000000000000000000', '::'],
    ['00000000000000000000000000000001', '::1'],
    ['00000000000000000000000000000002', '::2'],
    ['00000000000000000000000000000102', '::102'],
    // ::1:2 -> six leading zero words: printed as v4-compatible
    ['00000000000000000000000000010002', '::0.1.0.2'],
    ['00000000000000000000ffff00000000', '::ffff:0.0.0.0'],
    ['00000000000000000000ffff01020304', '::ffff:1.2.3.4'],
    ['00000000000000000000ffff0000ffff', '::ffff:0.0.255.255'],
    ['0000000000000000000000000000ffff', '::ffff'],
    ['000000000000000000000000ffff0000', '::255.255.0.0'],
    ['fe800000000000000001000000000000', 'fe80::1:0:0:0'],
    ['20010db8000000010001000100010001', '2001:db8:0:1:1:1:1:1'],
    ['00010000000000020000000000000003', '1:0:0:2::3'],
    ['00000000000100000000000000000000', '0:0:1::'],
    // ::ffff:0:1.2.3.4-style: the run is 4 words, not 5 before ffff -> no dotted quad
    ['000000000000ffff0000000001020304', '::ffff:0:0:102:304'],
    ['00000000000000000000fffe01020304', '::fffe:102:304'],
    ['00000000000000000001ffff01020304', '::1:ffff:102:304'],
    ['ffffffffffffffffffffffffffffffff', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['0000000000000000000000000a010203', '::10.1.2.3'],
    ['00010000000000000000000000000000', '1::'],
    ['0001000000000000000000000000fffe', '1::fffe'],
    ['00010002000300040005000600070008', '1:2:3:4:5:6:7:8'],
    // ties: the first of two equal runs wins
    ['00010000000100000000000000000001', '1:0:1::1'],
    ['00010000000200000000000300000000', '1:0:2::3:0:0'],
  ];

  it.each(table)('%s -> %s', (addr, want) => {
    const b = bytes(addr);
    expect(libcPure.inet_ntop(AF_INET6, b)).toBe(want);
    expect(inet_ntop6(b)).toBe(want);
    expect(inet_ntop(AF_INET6, b)).toBe(want);
  });

  it('matches libc on 5000 pseudo-random addresses biased to zero words', () => {
    const rnd = mulberry32(0x6e7473); // "nts"
    const word = (): number => {
      const r = rnd();
      if (r < 0.5) return 0;
      if (r < 0.6) return 0xffff;
      if (r < 0.75) return 1 + Math.floor(rnd() * 15);
      if (r < 0.85) return Math.floor(rnd() * 256);
      return Math.floor(rnd() * 0x10000);
    };
    const mismatches: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const b = new Uint8Array(16);
      const dv = new DataView(b.buffer);
      for (let w = 0; w < 8; w++) dv.setUint16(2 * w, word());
      // every 8th address: steer words 0..5 towards the v4-mapped / v4-compatible shapes
      if (n % 8 === 0) {
        for (let w = 0; w < 5; w++) dv.setUint16(2 * w, 0);
        dv.setUint16(10, rnd() < 0.5 ? 0xffff : 0);
      }
      const want = libcPure.inet_ntop(AF_INET6, b);
      const got = inet_ntop6(b);
      if (got !== want) mismatches.push(`${hex(b)}: ours ${got}, libc ${want}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('inet_ntoa / inet_ntop(AF_INET)', () => {
  it.each([
    ['00000000', '0.0.0.0'],
    ['7f000001', '127.0.0.1'],
    ['ffffffff', '255.255.255.255'],
    ['0a000001', '10.0.0.1'],
    ['c0a80a0b', '192.168.10.11'],
  ])('%s -> %s', (addr, want) => {
    const b = bytes(addr);
    expect(libcPure.inet_ntop(AF_INET, b)).toBe(want);
    expect(inet_ntoa(b)).toBe(want);
    expect(inet_ntop(AF_INET, b)).toBe(want);
  });
  it('a remembered column gives each address its own quad, whatever came before', () => {
    const q = new LastQuad();
    // 0.0.0.0 first (what it starts with), repeats, 255.255.255.255 (-1 as an int32), a last byte alone changing
    for (const addr of ['00000000', '00000000', 'ffffffff', 'ffffffff', '0a000001', '0a000002', '7f000001', '00000000']) {
      expect(q.of(bytes(addr))).toBe(libcPure.inet_ntop(AF_INET, bytes(addr)));
    }
  });
});

describe('inet_aton (glibc resolv/inet_addr.c)', () => {
  // [text, what glibc 2.36 inet_aton gave: the dotted result, or null for "invalid" (0)]
  const table: [string, string | null][] = [
    ['10.1', '10.0.0.1'],
    ['0x0a000001', '10.0.0.1'],
    ['010.1.1.1', '8.1.1.1'],
    ['1.2.3.4 junk', '1.2.3.4'],
    ['1.2.3.4junk', null],
    ['0x', null],
    ['0x1g', null],
    ['09', null],
    ['1.2.3.256', null],
    ['256.1.1.1', null],
    ['1.2.65536', null],
    ['1.2.65535', '1.2.255.255'],
    ['1.16777215', '1.255.255.255'],
    ['1.16777216', null],
    ['4294967295', '255.255.255.255'],
    ['4294967296', null],
    ['0xffffffff', '255.255.255.255'],
    ['99999999999999999999', null],
    ['', null],
    [' 1.2.3.4', null],
    ['1..2', null],
    ['1.2.3.4.5', null],
    ['1.2.3.', null],
    ['1.', null],
    ['.1', null],
    ['+1', null],
    ['-1', null],
    ['1.2.3.4\t', '1.2.3.4'],
    ['1.2.3.4\n', '1.2.3.4'],
    ['0X1.0xff.0377', '1.255.0.255'],
    ['1.0x', null],
    ['0x.1', null],
    ['00000000000000000000010', '0.0.0.8'],
    ['0', '0.0.0.0'],
  ];

  it.each(table)('%j -> %s', (text, want) => {
    const lib = libcPure.inet_aton(text);
    expect(lib ? inet_ntoa(lib) : null).toBe(want);
    const ours = inet_aton(text);
    expect(ours ? inet_ntoa(ours) : null).toBe(want);
  });

  it('matches libc on 5000 pseudo-random strings over "0-9 x X a f . space"', () => {
    const rnd = mulberry32(0x61746f6e); // "aton"
    // digits weighted up so that many strings are (nearly) valid
    const alphabet = '0123456789000111xXaf....  ';
    const mismatches: string[] = [];
    let valid = 0;
    for (let n = 0; n < 5000; n++) {
      const len = Math.floor(rnd() * 14);
      let s = '';
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const want = libcPure.inet_aton(s);
      const got = inet_aton(s);
      if (want) valid++;
      if (hex(got) !== hex(want)) mismatches.push(`${JSON.stringify(s)}: ours ${hex(got)}, libc ${hex(want)}`);
    }
    expect(mismatches).toEqual([]);
    // the generator must exercise both outcomes, or the comparison says little
    expect(valid).toBeGreaterThan(500);
    expect(5000 - valid).toBeGreaterThan(500);
  });
});

describe('prefixMask', () => {
  it('is the host-order netmask of a prefix length, clamped to 0..32', () => {
    expect([-1, 0, 1, 8, 24, 31, 32, 33].map((n) => prefixMask(n).toString(16))).toEqual([
      '0', '0', '80000000', 'ff000000', 'ffffff00', 'fffffffe', 'ffffffff', 'ffffffff',
    ]);
  });
});
