/**
 * What bin/* call: pick the command, run it on the live system, write its bytes, set the exit
 * status. The only place that touches process.* for the commands.
 */
import { readFileSync } from 'node:fs';
import type { Main } from './sys/types.js';
import { createLiveSys, dieOfSignal, exitProcess, writeFd } from './sys/live.js';
import { EAGAIN, EINTR, EPIPE } from '../compat/errno.js';
import { BufferWriter } from './io.js';
import { invokedName, type Command } from './commands.js';

/**
 * write(2) all of `data` (bytes, or a latin1 string: one char per byte) to fd. 'closed': the
 * reader is gone (EPIPE; the C tool dies of SIGPIPE); 'failed': any other error (ENOSPC on
 * /dev/full, EIO...), which C's stdio, flushing at exit, ignores without a word; 'ok'.
 * A string is written as it is: no buffer to make for a small output.
 */
function writeAll(fd: number, data: Uint8Array | string): 'ok' | 'closed' | 'failed' {
  let off = 0;
  while (off < data.length) {
    const n = writeFd(fd, data, off);
    if (n >= 0) off += n;
    else if (n !== -EAGAIN && n !== -EINTR) return n === -EPIPE ? 'closed' : 'failed';
  }
  return 'ok';
}

/**
 * The arguments as bytes (latin1 strings, one char per byte). Node decodes argv as UTF-8 and
 * turns whatever is not valid UTF-8 into U+FFFD, so an argument without U+FFFD was valid UTF-8
 * and re-encoding it gives its bytes back. When one has U+FFFD, the bytes are read from
 * /proc/self/cmdline when it can be read; otherwise process.argv re-encoded is the best there is.
 */
function argumentBytes(): string[] {
  const args = process.argv.slice(2);
  const fromNode = args.map((a) => (isAscii(a) ? a : Buffer.from(a, 'utf8').toString('latin1')));
  if (!args.some((a) => a.includes('\uFFFD'))) return fromNode;
  const n = args.length;
  try {
    const words = readFileSync('/proc/self/cmdline').toString('latin1').split('\0');
    words.pop(); // the last NUL ends the last word
    const tail = words.slice(-n);
    // only trusted when it agrees with what Node saw, word for word where Node could decode
    if (tail.length === n && tail.every((w, i) => Buffer.from(w, 'latin1').toString('utf8') === args[i])) return tail;
  } catch {
    // no /proc
  }
  return fromNode;
}

/** Whether every char is ASCII: a loop (arguments are short; a regular expression costs about 0.03 ms to compile at its first use). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A write to a closed pipe in the middle of a run (netstat -c | head): the C tool dies of SIGPIPE. */
class ClosedPipe extends Error {}

/** stdout, buffered like C stdio; flush() (fflush) writes what is buffered now. */
class Stdout extends BufferWriter {
  flush(): void {
    if (this.drain() === 'closed') throw new ClosedPipe('stdout: closed pipe');
  }

  /** write what is buffered to fd 1, chunk by chunk, then the text not yet in a chunk */
  drain(): 'ok' | 'closed' | 'failed' {
    const { chunks, text } = this.takeParts();
    for (const chunk of chunks) {
      const r = writeAll(1, chunk);
      if (r !== 'ok') return r;
    }
    return writeAll(1, text);
  }
}

/**
 * Run `main` on the live system as the process: argv from the command line (argv[0] the name
 * it was invoked by: a symlink's own name, not its target's, without the `nts-` of a prefixed
 * install), its bytes to fd 1 and 2, its status as the exit status. The bundles in dist/bundle/
 * call this directly with their command's main.
 */
export function runMain(command: Command, main: Main): number {
  // the file name of the path Node was given (node:path's basename is cold at this point)
  const path = process.argv[1] ?? command;
  const argv0 = invokedName(path.slice(path.lastIndexOf('/') + 1));
  const argv = [argv0, ...argumentBytes()];
  const stdout = new Stdout();
  // stderr is unbuffered, and its errors are ignored, as with C's stdio
  // (getopt's loops hand it every option's message, most of them empty)
  const stderr = { write: (b: Uint8Array | string) => void (b.length && writeAll(2, b)) };
  let rc: number;
  try {
    rc = main(argv, createLiveSys(), { stdout, stderr });
  } catch (e) {
    if (e instanceof ClosedPipe) sigpipe();
    // never a stack trace: one line and a failure status
    stderr.write(`${argv0}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    rc = 1;
  }
  if (stdout.drain() === 'closed') sigpipe();
  // 0 is the status Node exits with anyway (and setting it costs a cold setter at every start)
  if (rc & 0xff) process.exitCode = rc & 0xff;
  return rc & 0xff;
}

/**
 * A command run from its bundle: run it, then end the process at once with its status (see
 * exitProcess). bin/'s modules path (src/modules.ts) calls runMain and lets Node end.
 */
export function runMainAndExit(command: Command, main: Main): never {
  exitProcess(runMain(command, main));
}

/** The reader of stdout is gone: end as the C tool does, killed by SIGPIPE, silently. */
function sigpipe(): never {
  dieOfSignal(13);
}
