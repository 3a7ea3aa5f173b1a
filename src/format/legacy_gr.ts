/**
 * The routing-table printers of the legacy address families of net-tools 2.10: AX.25, NET/ROM,
 * ROSE, IPX, AppleTalk (DDP) and X.25 (lib/ax25_gr.c, netrom_gr.c, rose_gr.c, ipx_gr.c,
 * ddp_gr.c, x25_gr.c). These tables exist only as /proc files (no netlink family carries
 * them), which are read as the C reads them: line by line through a 256-byte fgets buffer
 * whose old bytes stay behind a shorter line, with the C's fixed column cuts.
 *
 * When a file is missing the C prints perror() and a "not configured" line. glibc's perror()
 * first tries fdopen(dup(2), "w+"), which fails with EINVAL when stderr is write-only (a pipe
 * or a file opened for writing): a second perror() in the same run then reports EINVAL
 * (NET/ROM's "/proc/net/nr_neigh: Invalid argument"). With stderr on a terminal or a socket
 * (read-write) the errno survives; that is the case reproduced (compat/route.md).
 */
import type { Io, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from './printf.js';
import { perror } from '../lib/inet_resolve.js';
import { atoi } from '../lib/cstdlib.js';
import { latin1 } from '../netlink/codec.js';
import {
  AX25_HEADER, AX25_NOT_CONFIGURED, AX25_PROC_ROUTE, AX25_ROW, AX25_TITLE, DDP_FLAG_LETTERS,
  DDP_HEADER, DDP_NOT_CONFIGURED, DDP_PERROR, DDP_PROC_ROUTE, DDP_ROW, IPX_HEADER, IPX_NOT_CONFIGURED,
  IPX_PROC_ROUTE1, IPX_PROC_ROUTE2, IPX_TITLE, NETROM_HEADER, NETROM_NOT_CONFIGURED, NETROM_PROC_NEIGH,
  NETROM_PROC_NODES, NETROM_ROW_HEAD, NETROM_ROW_TAIL, NETROM_TITLE, ROSE_HEADER,
  ROSE_NOT_CONFIGURED, ROSE_PROC_NEIGH, ROSE_PROC_NODES, ROSE_TITLE, X25_HEADER,
  X25_NOT_CONFIGURED, X25_PROC_ROUTE, X25_PROC_ROUTE_OLD, X25_TITLE,
} from '../../compat/route.js';

/** fopen(path, "r"): the file's bytes, or the errno of the failure. */
function fopen(sys: Sys, path: string): { data: Uint8Array } | { errno: number } {
  try {
    return { data: sys.readFile(path) };
  } catch (e) {
    if (e instanceof SysError) return { errno: e.errno };
    throw e;
  }
}

/** A FILE read with fgets() into one char buffer that keeps its old bytes, as the C code does. */
class CFile {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}
  rewind(): void {
    this.pos = 0;
  }
  /** fgets(buf, size): up to size-1 bytes or through '\n', then a NUL. false at end of file. */
  fgets(buf: Uint8Array, size: number): boolean {
    if (this.pos >= this.data.length) return false;
    let i = 0;
    while (i < size - 1 && this.pos < this.data.length) {
      const c = this.data[this.pos++]!;
      buf[i++] = c;
      if (c === 0x0a) break;
    }
    buf[i] = 0;
    return true;
  }
}

/** The C string at buf+off (up to the first NUL). */
function cstr(buf: Uint8Array, off: number): string {
  let s = '';
  for (let i = off; i < buf.length && buf[i] !== 0; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/** AX25_rprint() lib/ax25_gr.c:39-64 */
export function AX25_rprint(sys: Sys, io: Io): number {
  const f = fopen(sys, AX25_PROC_ROUTE);
  if (!('data' in f)) {
    io.stderr.write(perror(AX25_PROC_ROUTE, f.errno));
    io.stdout.write(AX25_NOT_CONFIGURED);
    return 1;
  }
  io.stdout.write(AX25_TITLE);
  io.stdout.write(AX25_HEADER);
  const file = new CFile(f.data);
  const buffer = new Uint8Array(256);
  file.fgets(buffer, 256);
  while (file.fgets(buffer, 256)) {
    buffer[9] = 0;
    buffer[14] = 0;
    const use = atoi(cstr(buffer, 15));
    io.stdout.write(sprintf(AX25_ROW, cstr(buffer, 0), cstr(buffer, 10), use));
  }
  return 0;
}

/** NETROM_rprint() lib/netrom_gr.c:33-78 */
export function NETROM_rprint(sys: Sys, io: Io): number {
  const f1 = fopen(sys, NETROM_PROC_NODES);
  const f2 = fopen(sys, NETROM_PROC_NEIGH);
  if (!('data' in f1)) io.stderr.write(perror(NETROM_PROC_NODES, f1.errno));
  if (!('data' in f2)) io.stderr.write(perror(NETROM_PROC_NEIGH, f2.errno));
  if (!('data' in f1) || !('data' in f2)) {
    io.stdout.write(NETROM_NOT_CONFIGURED);
    return 1;
  }
  io.stdout.write(NETROM_TITLE);
  io.stdout.write(NETROM_HEADER);
  const nodes = new CFile(f1.data);
  const neigh = new CFile(f2.data);
  const buffer = new Uint8Array(256);
  nodes.fgets(buffer, 256);
  while (nodes.fgets(buffer, 256)) {
    buffer[9] = 0;
    buffer[17] = 0;
    const w = atoi(cstr(buffer, 19)) - 1;
    io.stdout.write(sprintf(NETROM_ROW_HEAD, cstr(buffer, 0), cstr(buffer, 10)));
    const qual = atoi(cstr(buffer, 24 + 15 * w));
    const n = atoi(cstr(buffer, 32 + 15 * w));
    neigh.rewind();
    neigh.fgets(buffer, 256);
    while (neigh.fgets(buffer, 256)) {
      if (atoi(cstr(buffer, 0)) === n) {
        buffer[15] = 0;
        buffer[20] = 0;
        io.stdout.write(sprintf(NETROM_ROW_TAIL, qual, cstr(buffer, 6), cstr(buffer, 16)));
        break;
      }
    }
  }
  return 0;
}

/** ROSE_rprint() lib/rose_gr.c:45-89 */
export function ROSE_rprint(sys: Sys, io: Io): number {
  const f2 = fopen(sys, ROSE_PROC_NEIGH);
  const f1 = fopen(sys, ROSE_PROC_NODES);
  if (!('data' in f1)) {
    io.stderr.write(perror(ROSE_PROC_NODES, f1.errno));
    io.stderr.write(ROSE_NOT_CONFIGURED);
    return 1;
  }
  io.stdout.write(ROSE_TITLE);
  io.stdout.write(ROSE_HEADER);
  const nodes = new CFile(f1.data);
  const neigh = new CFile('data' in f2 ? f2.data : new Uint8Array(0));
  const buffer1 = new Uint8Array(256);
  const buffer2 = new Uint8Array(256);
  nodes.fgets(buffer1, 256);
  while (nodes.fgets(buffer1, 256)) {
    for (const i of [10, 15, 17, 23, 29, 35]) buffer1[i] = 0;
    const use = atoi(cstr(buffer1, 16));
    io.stdout.write(sprintf('%-10s   ', cstr(buffer1, 0)));
    for (let i = 0; i < use; i++) {
      const n = atoi(cstr(buffer1, 6 * (i + 3)));
      io.stdout.write(sprintf('%05d  ', n));
      neigh.rewind();
      neigh.fgets(buffer2, 256);
      while (neigh.fgets(buffer2, 256)) {
        buffer2[15] = 0;
        buffer2[21] = 0;
        if (atoi(cstr(buffer2, 0)) === n) io.stdout.write(sprintf('%-10s   %-4s', cstr(buffer2, 6), cstr(buffer2, 16)));
      }
    }
    io.stdout.write('\n');
  }
  return 0;
}

/**
 * IPX_rprint() lib/ipx_gr.c:34-92. Linux dropped IPX in 4.18, so neither file exists on a
 * kernel with the netlink this shim needs: the failure is what is reproduced. (Were a file
 * there, the title and header are printed; its rows, in IPX's own address syntax, are not.)
 */
export function IPX_rprint(sys: Sys, io: Io): number {
  let f = fopen(sys, IPX_PROC_ROUTE1);
  if (!('data' in f)) f = fopen(sys, IPX_PROC_ROUTE2);
  if (!('data' in f)) {
    io.stderr.write(perror(null, f.errno));
    io.stdout.write(sprintf(IPX_NOT_CONFIGURED, IPX_PROC_ROUTE1, IPX_PROC_ROUTE2));
    return 1;
  }
  io.stdout.write(IPX_TITLE);
  io.stdout.write(IPX_HEADER);
  return 0;
}

/** flags_decode() lib/ddp_gr.c:37-59 */
function ddpFlags(i: number): string {
  let o = '';
  for (const [bit, letter] of DDP_FLAG_LETTERS) if ((i >>> 0) & bit) o += letter;
  return o;
}

/** DDP_rprint() lib/ddp_gr.c:61-93 */
export function DDP_rprint(sys: Sys, io: Io): number {
  const f = fopen(sys, DDP_PROC_ROUTE);
  if (!('data' in f)) {
    io.stderr.write(perror(DDP_PERROR, f.errno));
    io.stderr.write(DDP_NOT_CONFIGURED);
    return 1;
  }
  // fscanf("%ms %ms %ms %ms\n"): whitespace-separated words, four at a time, the first four a header
  const words = latin1(f.data).split(/[ \t\n\v\f\r]+/).filter((w) => w !== '');
  io.stdout.write(`${DDP_HEADER}`);
  for (let i = 4; i + 4 <= words.length; i += 4) {
    const [dest, gw, flags, dev] = words.slice(i, i + 4) as [string, string, string, string];
    io.stdout.write(sprintf(DDP_ROW, dest, gw, dev, ddpFlags(atoi(flags))));
  }
  return 0;
}

/** X25_rprint() lib/x25_gr.c:61-95 (proc_fopen of the 2.6 name, then the 2.4 one) */
export function X25_rprint(sys: Sys, io: Io): number {
  let f = fopen(sys, X25_PROC_ROUTE);
  if (!('data' in f)) f = fopen(sys, X25_PROC_ROUTE_OLD);
  if (!('data' in f)) {
    io.stdout.write(X25_NOT_CONFIGURED);
    return 1;
  }
  io.stdout.write(X25_TITLE);
  io.stdout.write(X25_HEADER);
  const file = new CFile(f.data);
  const buffer = new Uint8Array(256);
  file.fgets(buffer, 256);
  while (file.fgets(buffer, 256)) {
    const nl = buffer.indexOf(0x0a);
    const nul = buffer.indexOf(0);
    if (nl >= 0 && (nul < 0 || nl < nul)) buffer[nl] = 0;
    buffer[24] = 0;
    buffer[35] = 0;
    let digits = atoi(cstr(buffer, 17));
    if (digits < 0 || digits > 15) digits = 15;
    buffer[digits] = 0;
    if (digits === 0) io.stdout.write(sprintf('*                    %-5s\n', cstr(buffer, 25)));
    else io.stdout.write(sprintf('%s/%*d   %-5s\n', cstr(buffer, 0), digits - 17, digits, cstr(buffer, 25)));
  }
  return 0;
}
