/**
 * src/format/printf.ts `sprintf` (and `formatter`, the function it makes of a format) against C printf.
 *
 * Every expected string below was produced by glibc 2.36 printf (Debian 12, x86_64, LP64):
 * a throwaway C program (kept out of the repo) printed each case as `[...]`, built with gcc
 * and run once; its output is pasted here verbatim. Where the C call needs a cast to pass
 * the value (int wrap, short), the C argument is given in the comment. Not bash's printf.
 */
import { describe, expect, it } from 'vitest';
import { compile, formatter, interpret, rowFormatter, sprintf, type Compiled } from '../../src/format/printf.js';
import * as netstatTexts from '../../compat/netstat.js';
import * as routeTexts from '../../compat/route.js';
import * as arpTexts from '../../compat/arp.js';
import * as ifconfigTexts from '../../compat/ifconfig.js';
import * as hostnameTexts from '../../compat/hostname.js';

type Arg = string | number | bigint;
type Case = [fmt: string, args: Arg[], want: string];

const show = (a: Arg): string => (typeof a === 'bigint' ? `${a}n` : JSON.stringify(a));

const run = (cases: Case[]) => {
  for (const [fmt, args, want] of cases) {
    it(`sprintf(${JSON.stringify(fmt)}${args.map((a) => `, ${show(a)}`).join('')}) = ${JSON.stringify(want)}`, () => {
      expect(sprintf(fmt, ...args)).toBe(want);
    });
    it(`formatter(${JSON.stringify(fmt)}) called again gives the same`, () => {
      const f = formatter(fmt);
      expect(f(...args)).toBe(want);
      expect(formatter(fmt)).toBe(f);
    });
    it(`rowFormatter(${JSON.stringify(fmt)}) gives the same row after row`, () => {
      for (let i = 0; i < 20; i++) expect(rowFormatter(fmt)(...args)).toBe(want);
    });
  }
};

describe('strings', () => {
  run([
    ['%-15.15s', ['abc'], 'abc            '],
    ['%-15.15s', ['abcdefghijklmno'], 'abcdefghijklmno'],
    ['%-15.15s', ['abcdefghijklmnopqrst'], 'abcdefghijklmno'],
    ['%-56s|', ['abc'], 'abc                                                     |'],
    ['%.3s', ['abcdef'], 'abc'],
    ['%.3s', ['ab'], 'ab'],
    ['%.0s', ['abc'], ''],
    ['%5.2s|', ['abc'], '   ab|'],
    ['%-*s|', [10, 'ab'], 'ab        |'],
    ['%-*s|', [-10, 'ab'], 'ab        |'],
    ['%-*s|', [1, 'abc'], 'abc|'],
    // widths count bytes: latin1 strings are one char per byte
    ['%-6s|', ['\xe9t\xe9'], '\xe9t\xe9   |'],
  ]);
});

describe('signed integers', () => {
  run([
    ['%5d', [-1], '   -1'],
    ['%5d', [-1234], '-1234'],
    ['%5d', [-12345], '-12345'],
    ['%5d', [-123456], '-123456'],
    ['%5d', [42], '   42'],
    ['%5d', [0], '    0'],
    // C: (int)2147483648U, (int)4294967295U, (int)3000000000U
    ['%d', [2147483648], '-2147483648'],
    ['%d', [4294967295], '-1'],
    ['%d', [3000000000], '-1294967296'],
    ['%d', [2147483647], '2147483647'],
    ['%d', [2147483648n], '-2147483648'],
    ['%*d', [6, 42], '    42'],
    ['%*d', [-6, 42], '42    '],
    ['%*d', [1, 12345], '12345'],
    // C: (short)0x8000, (short)0x18000, (short)-1
    ['%hd', [0x8000], '-32768'],
    ['%hd', [0x18000], '-32768'],
    ['%hd', [-1], '-1'],
    ['%ld', [-5], '-5'],
    ['%lld', [-9223372036854775808n], '-9223372036854775808'],
    ['%05d', [-42], '-0042'],
    ['%-05d|', [-42], '-42  |'],
    ['%+d', [5], '+5'],
    ['% d', [5], ' 5'],
    ['%+d', [-5], '-5'],
    ['%5.3d', [-7], ' -007'],
    ['%.3d', [7], '007'],
    ['%08.3d', [7], '     007'],
    ['%i', [-17], '-17'],
    ['%hhd', [255], '-1'],
  ]);
});

describe('unsigned integers', () => {
  run([
    ['%8llu', [0n], '       0'],
    ['%8llu', [12345678n], '12345678'],
    ['%8llu', [123456789n], '123456789'],
    ['%8llu', [4294967296n], '4294967296'],
    ['%8llu', [9223372036854775808n], '9223372036854775808'],
    ['%8llu', [18446744073709551615n], '18446744073709551615'],
    ['%-6lu|', [0n], '0     |'],
    ['%-6lu|', [5], '5     |'],
    ['%-6lu|', [123456n], '123456|'],
    ['%-6lu|', [1234567], '1234567|'],
    ['%6lu', [0], '     0'],
    ['%6lu', [5n], '     5'],
    ['%6lu', [123456], '123456'],
    ['%6lu', [1234567n], '1234567'],
    ['%6lu', [18446744073709551615n], '18446744073709551615'],
    ['%u', [-1], '4294967295'],
    // C: (unsigned)-2147483648
    ['%u', [-2147483648], '2147483648'],
    ['%lu', [-1], '18446744073709551615'],
    // C: (unsigned short)0x10001
    ['%hu', [0x10001], '1'],
    ['%hhu', [257], '1'],
    ['%o', [8], '10'],
  ]);
});

describe('hex', () => {
  run([
    ['%02x', [0], '00'],
    ['%02x', [5], '05'],
    ['%02x', [0xab], 'ab'],
    ['%02x', [0x1ff], '1ff'],
    ['%02X', [0xab], 'AB'],
    ['%02X', [0xc], '0C'],
    ['%x', [-1], 'ffffffff'],
    ['%x', [-2], 'fffffffe'],
    ['%X', [-255], 'FFFFFF01'],
    ['%lx', [0xdeadbeefcafebaben], 'deadbeefcafebabe'],
    ['%lx', [18446744073709551615n], 'ffffffffffffffff'],
    ['%lx', [0n], '0'],
    ['%#x', [0], '0'],
    ['%#x', [255], '0xff'],
    ['%#X', [255], '0XFF'],
    ['%#o', [8], '010'],
    ['%#o', [0], '0'],
  ]);
});

describe('%c and %%', () => {
  run([
    ['%c', [65], 'A'],
    ['%3c', [0x7a], '  z'],
    ['%-3c|', [0x7a], 'z  |'],
    ['%%', [], '%'],
    ['100%% %d%%', [5], '100% 5%'],
  ]);
});

describe('precision 0 with value 0 (C prints no digits)', () => {
  run([
    ['%.0d', [0], ''],
    ['%.0x', [0], ''],
    ['%5.0d|', [0], '     |'],
    ['%#.0x', [0], ''],
    ['%#.0X', [0], ''],
    ['%+.0d', [0], '+'],
    ['% .0d', [0], ' '],
  ]);
});

// For %o the '#' flag makes the first digit a 0 by raising the precision (C11 7.21.6.1),
// it is not a prefix added on top: glibc prints "0" for %#.0o of 0 and "010" for %#.3o of 8.
describe('%#o is a precision bump, not a prefix', () => {
  run([
    ['%#.0o', [0], '0'],
    ['%#5.0o', [0], '    0'],
    ['%#.3o', [8], '010'],
  ]);
});

// A negative precision passed through `*` counts as no precision in C (C11 7.21.6.1).
describe('a negative * precision is no precision', () => {
  run([
    ['%.*s', [-1, 'abc'], 'abc'],
    ['%05.*d', [-1, 42], '00042'],
  ]);
});

describe('* width and precision together', () => {
  run([
    ['%*.*s', [6, 2, 'abc'], '    ab'],
    ['%.*x', [-3, 255], 'ff'],
  ]);
});

describe('rowFormatter', () => {
  it('is sprintf for a format used a few times, then the function made of it', () => {
    // a format no other test uses: its first uses go through sprintf's reading of it
    const fmt = '<%5d|%-6s|%.3s>\n';
    const seen: string[] = [];
    for (let i = 0; i < 40; i++) seen.push(rowFormatter(fmt)(42, 'ab', 'abcdef'));
    expect(new Set(seen)).toEqual(new Set(['<   42|ab    |abc>\n']));
    expect(rowFormatter(fmt)).toBe(rowFormatter(fmt));
  });
});

describe('the made function remembers columns and the rest of the row', () => {
  // row formats of the tables, and formats with leading text, `*` widths and `convert`'s cases
  const FORMATS = [
    '%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n',
    '%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %d\n',
    '%-5s %6ld %6ld %-*s %-*s %-11s',
    '<%s|%08x|%-*s|%5d>',
    'lead %d',
    '%s',
    '%%%c%-3d%%',
  ];
  const POOL: Arg[][] = [
    ['a', 'bb', '10.0.0.1', 'a-long-value-of-twenty', ''],
    [0, 1, -1, 42, 65535, 2 ** 31],
    [0, 7, -20, 20],
  ];
  type Arg = string | number;
  const argsFor = (parts: Compiled, pick: () => number): Arg[] => {
    const out: Arg[] = [];
    for (const part of parts) {
      if (typeof part === 'string') continue;
      if (part.width === '*') out.push(POOL[2]![pick() % 4]!);
      if (part.prec === '*') out.push(POOL[2]![pick() % 4]!);
      out.push(part.conv === 's' ? POOL[0]![pick() % 5]! : POOL[1]![pick() % 6]!);
    }
    return out;
  };
  it('gives every row what the format read each time gives, whichever columns change', () => {
    let seed = 7;
    // a few values per column, and a column keeps its value most rows: the memos are hit and missed
    const pick = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 8;
    for (const fmt of FORMATS) {
      const parts = compile(fmt);
      const f = formatter(fmt);
      let row = argsFor(parts, pick);
      for (let i = 0; i < 400; i++) {
        const fresh = argsFor(parts, pick);
        row = row.map((v, j) => (pick() % 3 === 0 ? fresh[j]! : v));
        expect(f(...row)).toBe(interpret(fmt, parts, row));
      }
    }
  });
  it('is not left half-remembered by a conversion that throws', () => {
    const fmt = '%-6s|%-4s|%d|%s\n';
    const parts = compile(fmt);
    const f = formatter(fmt);
    expect(f('a', 'x', 1, 'end')).toBe('a     |x   |1|end\n');
    // the second column's new text is remembered before %d throws on NaN (no integer to print)
    expect(() => f('a', 'y', NaN, 'end')).toThrow(RangeError);
    // then only the first column differs from what was remembered: the rest must still be joined anew
    for (const row of [['b', 'y', 1, 'end'], ['b', 'y', 1, 'end'], ['b', 'x', 1, 'end']] as Arg[][]) {
      expect(f(...row)).toBe(interpret(fmt, parts, row));
    }
  });
  it('gives the right row after a column stops being compared, and when it repeats again', () => {
    const fmt = '%-8s|%-*s|%6ld|%s\n';
    const parts = compile(fmt);
    const f = formatter(fmt);
    const rows: Arg[][] = [];
    // the second column differs row after row (its memo is given up), then repeats, then differs
    for (let i = 0; i < 30; i++) rows.push(['a', 12, `10.0.0.${i}:${i * 7}`, 5, 'x']);
    for (let i = 0; i < 10; i++) rows.push(['a', 12, '10.0.0.1:80', i < 5 ? 5 : 6, i < 8 ? 'x' : 'y']);
    for (let i = 0; i < 10; i++) rows.push([i % 2 ? 'b' : 'a', 20 - i, `h${i}`, 5, 'x']);
    for (const row of rows) expect(f(...row)).toBe(interpret(fmt, parts, row));
  });
  it('says so when given too few arguments', () => {
    expect(() => formatter('%s %d|')('a')).toThrow(/too few arguments/);
  });
});

describe('format parsing', () => {
  // the grammar of a conversion, as printf.ts documents it
  const SPEC = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|L|q|j|z|t)?([sdiuxXoc%])/g;
  /** the parts of a format as that regular expression splits it */
  const byRegExp = (fmt: string): Compiled => {
    const out: Compiled = [];
    let last = 0;
    for (const m of fmt.matchAll(SPEC)) {
      if (m.index > last) out.push(fmt.slice(last, m.index));
      last = m.index + m[0].length;
      const [, flags = '', w, p, len, conv = ''] = m;
      if (conv === '%') {
        out.push('%');
        continue;
      }
      out.push({
        left: flags.includes('-'), zero: flags.includes('0'), plus: flags.includes('+'),
        space: flags.includes(' '), alt: flags.includes('#'),
        width: w === '*' ? '*' : w ? Number(w) : 0,
        prec: p === '*' ? '*' : p !== undefined ? Number(p) : null,
        bits: len === 'l' || len === 'll' || len === 'q' || len === 'j' || len === 'z' ? 64 : len === 'h' ? 16 : len === 'hh' ? 8 : 32,
        conv,
      });
    }
    if (last < fmt.length) out.push(fmt.slice(last));
    return out;
  };

  it('reads every format of compat/ and 20000 random ones as the grammar does', () => {
    const formats: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') formats.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    [netstatTexts, routeTexts, arpTexts, ifconfigTexts, hostnameTexts].forEach(walk);
    expect(formats.filter((f) => f.includes('%')).length).toBeGreaterThan(50);
    // a fixed-seed generator over the characters the grammar cares about
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = '%%%%-+ 0#*.12345hhllLqjzt sdiuxXoc%ab\n';
    for (let i = 0; i < 20000; i++) {
      let f = '';
      for (let k = rand(12); k >= 0; k--) f += alphabet[rand(alphabet.length)];
      formats.push(f);
    }
    for (const f of formats) expect(compile(f), JSON.stringify(f)).toEqual(byRegExp(f));
  });
});

