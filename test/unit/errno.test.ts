/**
 * compat/errno.ts against the real glibc strerror(3) (through libcPure, koffi). The table was
 * generated from libc once; this keeps it honest on the machine the tests run on.
 */
import { describe, expect, it } from 'vitest';
import { strerror, strerrorTable } from '../../compat/errno.js';

const STRERROR = strerrorTable();
import { libcPure } from '../../src/sys/live.js';

describe('STRERROR table', () => {
  it('holds exactly errno 1..133', () => {
    const keys = Object.keys(STRERROR).map(Number).sort((a, b) => a - b);
    expect(keys).toEqual(Array.from({ length: 133 }, (_, i) => i + 1));
  });

  it('equals libc strerror for 1..133', () => {
    const mismatches: string[] = [];
    for (let e = 1; e <= 133; e++) {
      const want = libcPure.strerror(e);
      if (STRERROR[e] !== want) mismatches.push(`${e}: table ${JSON.stringify(STRERROR[e])}, libc ${JSON.stringify(want)}`);
      if (strerror(e) !== want) mismatches.push(`${e}: strerror() ${JSON.stringify(strerror(e))}, libc ${JSON.stringify(want)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('spot checks (glibc 2.36 texts)', () => {
    expect(libcPure.strerror(2)).toBe('No such file or directory');
    expect(strerror(2)).toBe('No such file or directory');
    expect(strerror(19)).toBe('No such device');
    expect(strerror(41)).toBe('Unknown error 41'); // a hole in the Linux numbering
    expect(strerror(99)).toBe('Cannot assign requested address');
  });

  it("falls back to libc's text outside the table", () => {
    expect(libcPure.strerror(999)).toBe('Unknown error 999');
    expect(strerror(999)).toBe(libcPure.strerror(999));
    for (const e of [134, 200, -1]) expect(strerror(e)).toBe(libcPure.strerror(e));
  });
});
