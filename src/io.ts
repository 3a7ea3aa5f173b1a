/** Byte-exact standard streams: strings are latin1 (one char per byte), stdout is buffered like C stdio. */
import type { ByteWriter, Io } from './sys/types.js';

export function toBytes(s: Uint8Array | string): Uint8Array {
  if (typeof s !== 'string') return s;
  return Buffer.from(s, 'latin1');
}

/**
 * Collects everything written; used for stdout (flushed at exit) and by tests. Strings are
 * written into large byte chunks as they come (latin1): a table of thousands of rows makes no
 * small buffers, and its row strings die young instead of living until the end.
 */
export class BufferWriter implements ByteWriter {
  private static readonly CHUNK = 64 * 1024;
  /** small strings are joined here first: one byte conversion per few kilobytes, not per row */
  private static readonly PENDING = 16 * 1024;
  private chunks: Uint8Array[] = [];
  private cur: Buffer | null = null;
  private pos = 0;
  private pending = '';

  write(bytes: Uint8Array | string): void {
    if (typeof bytes === 'string') {
      this.pending += bytes;
      if (this.pending.length >= BufferWriter.PENDING) this.settle();
      return;
    }
    this.settle();
    this.put(bytes);
  }

  private put(bytes: Uint8Array | string): void {
    const n = bytes.length;
    if (n === 0) return;
    if (!this.cur || this.cur.length - this.pos < n) {
      this.seal();
      if (n >= BufferWriter.CHUNK) {
        this.chunks.push(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
        return;
      }
      this.cur = Buffer.allocUnsafe(BufferWriter.CHUNK);
      this.pos = 0;
    }
    if (typeof bytes === 'string') this.pos += this.cur.write(bytes, this.pos, 'latin1');
    else {
      this.cur.set(bytes, this.pos);
      this.pos += n;
    }
  }

  /** the pending strings into the byte chunks */
  private settle(): void {
    if (this.pending.length) {
      const s = this.pending;
      this.pending = '';
      this.put(s);
    }
  }

  /** the current chunk into the list */
  private seal(): void {
    if (this.cur && this.pos > 0) this.chunks.push(this.cur.subarray(0, this.pos));
    this.cur = null;
    this.pos = 0;
  }

  /** take what was written so far */
  take(): Buffer {
    const c = this.takeChunks();
    if (c.length === 1) return Buffer.from(c[0]!.buffer, c[0]!.byteOffset, c[0]!.byteLength);
    return Buffer.concat(c);
  }

  /**
   * Hand what was written so far to `out`, chunk by chunk: a large table's rows are not copied
   * into one buffer first (a 64 KiB chunk goes to a BufferWriter as it is).
   */
  writeTo(out: ByteWriter): void {
    const { chunks, text } = this.takeParts();
    for (const chunk of chunks) out.write(chunk);
    if (text) out.write(text);
  }

  /**
   * Take what was written so far as its byte chunks, in order, and the text written after them
   * that is not bytes yet ('' when none): for a writer that takes latin1 text as it is (stdout),
   * so that a small output is never copied into a chunk.
   */
  takeParts(): { chunks: Uint8Array[]; text: string } {
    this.seal();
    const chunks = this.chunks;
    const text = this.pending;
    this.chunks = [];
    this.pending = '';
    return { chunks, text };
  }

  /** take what was written so far as its chunks, in order (no copy into one buffer) */
  takeChunks(): Uint8Array[] {
    this.settle();
    this.seal();
    const c = this.chunks;
    this.chunks = [];
    return c;
  }
}

/** An in-memory Io for running a command in-process. */
export function memoryIo(): Io & { stdout: BufferWriter; stderr: BufferWriter } {
  return { stdout: new BufferWriter(), stderr: new BufferWriter() };
}
