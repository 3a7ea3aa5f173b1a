/** src/io.ts BufferWriter: every mix of strings, bytes and bprintf comes out in order, byte for byte. */
import { describe, expect, it } from 'vitest';
import { BufferWriter } from '../../src/io.js';
import { bprintf } from '../../src/format/printf.js';

describe('BufferWriter', () => {
  it('keeps the order of strings, byte arrays and direct writes across chunk boundaries', () => {
    const w = new BufferWriter();
    let want = '';
    for (let i = 0; i < 5000; i++) {
      const s = `row ${i} \xe9\xff\n`;
      if (i % 3 === 0) w.write(s);
      else if (i % 3 === 1) w.write(Buffer.from(s, 'latin1'));
      else bprintf(w, '%s', s);
      want += s;
    }
    const big = 'x'.repeat(200_000);
    w.write(big);
    w.write(Buffer.from(big, 'latin1'));
    want += big + big;
    w.write('end\n');
    want += 'end\n';
    expect(w.take().toString('latin1')).toBe(want);
    expect(w.take().length).toBe(0);
  });

  it('copies byte arrays, so a caller may reuse its buffer', () => {
    const w = new BufferWriter();
    const b = Buffer.from('abc');
    w.write(b);
    b.fill(0x7a);
    const large = Buffer.alloc(100_000, 0x61);
    w.write(large);
    large.fill(0x7a);
    const out = w.take();
    expect(out.subarray(0, 3).toString()).toBe('abc');
    expect(out.subarray(3).every((c) => c === 0x61)).toBe(true);
  });
});
