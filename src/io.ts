/** Byte-exact standard streams: strings are latin1 (one char per byte), stdout is buffered like C stdio. */
import type { ByteWriter, Io } from './sys/types.js';

export function toBytes(s: Uint8Array | string): Uint8Array {
  if (typeof s !== 'string') return s;
  return Buffer.from(s, 'latin1');
}

/**
 * Collects everything written; used for stdout (flushed at exit) and by tests. Runs of
 * strings are kept as strings and turned into bytes once, when taken: a table of thousands
 * of rows is one conversion, not thousands of small buffers.
 */
export class BufferWriter implements ByteWriter {
  private chunks: Uint8Array[] = [];
  private text: string[] = [];
  write(bytes: Uint8Array | string): void {
    if (typeof bytes === 'string') {
      this.text.push(bytes);
      return;
    }
    this.settle();
    this.chunks.push(bytes);
  }
  private settle(): void {
    if (this.text.length) {
      this.chunks.push(Buffer.from(this.text.join(''), 'latin1'));
      this.text = [];
    }
  }
  /** take what was written so far */
  take(): Buffer {
    this.settle();
    const b = this.chunks.length === 1 ? Buffer.from(this.chunks[0]!) : Buffer.concat(this.chunks);
    this.chunks = [];
    return b;
  }
}

/** An in-memory Io for running a command in-process. */
export function memoryIo(): Io & { stdout: BufferWriter; stderr: BufferWriter } {
  return { stdout: new BufferWriter(), stderr: new BufferWriter() };
}
