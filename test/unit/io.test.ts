/** src/io.ts BufferWriter: every mix of strings and bytes comes out in order, byte for byte. */
import { describe, expect, it } from 'vitest';
import { BufferWriter } from '../../src/io.js';
import { sprintf } from '../../src/format/printf.js';

describe('BufferWriter', () => {
  it('keeps the order of strings, byte arrays and direct writes across chunk boundaries', () => {
    const w = new BufferWriter();
    let want = '';
    for (let i = 0; i < 5000; i++) {
      const s = `row ${i} \xe9\xff\n`;
      if (i % 3 === 2) w.write(Buffer.from(s, 'latin1'));
      else w.write(s);
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

  it('copies small byte arrays, so a caller may reuse a scratch buffer', () => {
    const w = new BufferWriter();
    const b = Buffer.from('abc');
    w.write(b);
    b.fill(0x7a);
    w.write('d');
    expect(w.take().toString()).toBe('abcd');
  });

  it('writeTo hands its chunks to another writer, after what that one has, and is then empty', () => {
    const rows = new BufferWriter();
    let want = '';
    for (let i = 0; i < 20000; i++) {
      const s = `10.${i >> 8}.${i & 255}.0 \xe9 ${i}\n`;
      rows.write(s);
      want += s;
    }
    const out = new BufferWriter();
    out.write('header\n');
    rows.writeTo(out);
    out.write('trailer\n');
    expect(out.take().toString('latin1')).toBe(`header\n${want}trailer\n`);
    expect(rows.take().length).toBe(0);
  });

  it('takeParts gives the byte chunks, then the text written after them, and leaves the writer empty', () => {
    const w = new BufferWriter();
    w.write('a\xe9');
    w.write(Buffer.from('bc'));
    w.write('d'.repeat(70_000));
    w.write('tail\xff');
    const { chunks, text } = w.takeParts();
    expect(Buffer.concat(chunks).toString('latin1')).toBe(`a\xe9bc${'d'.repeat(70_000)}`);
    expect(text).toBe('tail\xff');
    const empty = w.takeParts();
    expect(empty.chunks.length + empty.text.length).toBe(0);
    w.write('only text');
    expect(w.takeParts()).toEqual({ chunks: [], text: 'only text' });
  });

  it('checks the argument count of a format', () => {
    expect(() => sprintf('%s %d', 'a')).toThrow(/too few arguments/);
    expect(() => sprintf('%*d', 5)).toThrow(/too few arguments/);
  });
});
