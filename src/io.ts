/** Byte-exact standard streams: strings are latin1 (one char per byte), stdout is buffered like C stdio. */
import type { ByteWriter, Io } from './sys/types.js';

export function toBytes(s: Uint8Array | string): Uint8Array {
  if (typeof s !== 'string') return s;
  return Buffer.from(s, 'latin1');
}

/** Collects everything written; used for stdout (flushed at exit) and by tests. */
export class BufferWriter implements ByteWriter {
  private chunks: Uint8Array[] = [];
  write(bytes: Uint8Array | string): void {
    this.chunks.push(toBytes(bytes));
  }
  /** take what was written so far */
  take(): Buffer {
    const b = Buffer.concat(this.chunks);
    this.chunks = [];
    return b;
  }
}

/** An in-memory Io for running a command in-process. */
export function memoryIo(): Io & { stdout: BufferWriter; stderr: BufferWriter } {
  return { stdout: new BufferWriter(), stderr: new BufferWriter() };
}
