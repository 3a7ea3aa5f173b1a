/**
 * read_file() of hostname 3.23 (hostname.c:381-413): the name `-F FILE` gives.
 *
 * The C opens the file with fopen, sizes one buffer by fstat (st_size + 1, zeroed) and calls
 * fgets(buf, st_size + 1) until a line neither empty ("\n") nor a comment ('#' first); that line
 * loses its first '\n' and is the name. The rules that fall out of it, which this reproduces:
 *  - when no such line comes, the buffer keeps the **last line read**, newline and all (a file
 *    of comments gives its last comment line; an empty file gives "");
 *  - a file whose st_size is 0 (/proc files, pipes, character devices) gives "" without
 *    being read: fgets with room for one byte stores just the NUL;
 *  - a line longer than st_size is cut into st_size-byte pieces, each a "line" of its own;
 *  - a directory opens, but its first read fails (EISDIR): "";
 *  - a NUL byte ends the name, wherever it is;
 *  - only fopen's failure is an error.
 */
import type { Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { EISDIR } from '../../compat/errno.js';
import { decodeString } from '../netlink/codec.js';

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;


const NL = 0x0a;
const HASH = 0x23;

/** The C string held in a byte buffer: up to the first NUL, latin1. */
const cString = decodeString;

/**
 * The fgets loop over `content` with a buffer of `size + 1` bytes, as read_file runs it.
 * Exported for the unit tests.
 */
export function firstLine(content: Uint8Array, size: number): string {
  const n = size + 1;
  const buf = new Uint8Array(n); // calloc
  let pos = 0;
  for (;;) {
    // fgets(buf, n, fp)
    if (n === 1) {
      buf[0] = 0; // glibc: room for the NUL only, nothing is read
    } else {
      if (pos >= content.length) break; // EOF with nothing read: NULL, buf untouched
      let end = pos;
      while (end < content.length && end - pos < n - 1) {
        if (content[end++] === NL) break;
      }
      buf.set(content.subarray(pos, end));
      buf[end - pos] = 0;
      pos = end;
    }
    if (buf[0] === NL || buf[0] === HASH) continue;
    const nl = buf.indexOf(NL);
    const nul = buf.indexOf(0);
    if (nl >= 0 && (nul < 0 || nl < nul)) buf[nl] = 0;
    break;
  }
  return cString(buf);
}

/** The name read_file() returns, or the errno of fopen's failure. */
export function readFirstLine(sys: Sys, path: string): string | { errno: number } {
  let st: { size: number; mode: number };
  try {
    st = sys.stat(path);
  } catch (e) {
    if (e instanceof SysError) return { errno: e.errno };
    throw e;
  }
  const fmt = st.mode & S_IFMT;
  let content: Uint8Array = new Uint8Array(0);
  // Regular files and directories are opened (for fopen's own errors, EACCES above all) and
  // read; a pipe, terminal or device of size 0 is not even opened, since fgets would read
  // none of it (and reading it could block where the C does not).
  if (fmt === S_IFREG || fmt === S_IFDIR || st.size > 0) {
    try {
      content = sys.readFile(path);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      // the file opened and the read failed (a directory: EISDIR, which open() for reading
      // never gives): fgets returned NULL
      if (e.syscall !== 'read' && e.errno !== EISDIR) return { errno: e.errno };
    }
  }
  return firstLine(content, st.size);
}
