/**
 * What bin/* call: pick the command, run it on the live system, write its bytes, set the exit
 * status. The only place that touches process.* for the commands.
 */
import { basename } from 'node:path';
import { writeSync } from 'node:fs';
import type { Main } from './sys/types.js';
import { BufferWriter, toBytes } from './io.js';
import { invokedName, loadCommand, type Command } from './commands.js';

/** write(2) all of buf to fd; a closed pipe ends the output silently, as SIGPIPE would. */
function writeAll(fd: number, buf: Uint8Array): boolean {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return false;
      throw e;
    }
  }
  return true;
}

/** A write to a closed pipe in the middle of a run (netstat -c | head): the C tool dies of SIGPIPE. */
class ClosedPipe extends Error {}

/** stdout, buffered like C stdio; flush() (fflush) writes what is buffered now. */
class Stdout extends BufferWriter {
  flush(): void {
    if (!writeAll(1, this.take())) throw new ClosedPipe('stdout: closed pipe');
  }
}

export async function run(command: Command): Promise<void> {
  // argv[0] is the name the command was invoked by (a symlink's own name, not its target's),
  // without the `nts-` of a prefixed install
  const argv0 = invokedName(basename(process.argv[1] ?? command));
  const argv = [argv0, ...process.argv.slice(2)];
  const stdout = new Stdout();
  const stderr = { write: (b: Uint8Array | string) => void writeAll(2, toBytes(b)) };
  let rc: number;
  try {
    const [main, { createLiveSys }] = await Promise.all([loadCommand(command), import('./sys/live.js')]);
    rc = main(argv, createLiveSys(), { stdout, stderr });
  } catch (e) {
    if (e instanceof ClosedPipe) {
      // killed by SIGPIPE, as a shell reports it; nothing more is written
      process.exitCode = 128 + 13;
      return;
    }
    // never a stack trace: one line and a failure status
    stderr.write(`${argv0}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    rc = 1;
  }
  writeAll(1, stdout.take());
  process.exitCode = rc & 0xff;
}
