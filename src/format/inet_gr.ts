/**
 * The IPv4 routing-table printer of net-tools 2.10, lib/inet_gr.c: rprint_fib (the FIB, as
 * `route` and `netstat -r` show it), rprint_cache (the routing cache, which the kernel no longer
 * has: header only) and INET_rprint, which picks them by the option flags.
 */
import type { Io, Sys } from '../sys/types.js';
import { rowFormatter } from './printf.js';
import type { ByteWriter } from '../sys/types.js';
import { BufferWriter } from '../io.js';
import { streamFib4, type Fib4Row } from '../model/route.js';
import { INET_sprint, INET_sprintmask, saddr } from '../lib/inet_resolve.js';
import { LastQuad, inet_ntoa } from '../lib/inet.js';
import {
  INET_FLAG_LETTERS, INET_HEADER_CACHE, INET_HEADER_FIB, INET_ROW_FIB, INET_ROW_FIB_REJECT,
  INET_TITLE_CACHE, INET_TITLE_FIB,
} from '../../compat/route.js';
import {
  E_INTERN, FLAG_CACHE, FLAG_EXT, FLAG_FIB, FLAG_NUM_HOST, FLAG_SYM, RTF_HOST, RTF_REJECT, RTF_UP,
} from '../../compat/net-support.js';

/** The Flags column (lib/inet_gr.c:122-165): letters in order, `!` wiping those before it. */
export function inetFlags(iflags: number): string {
  let flags = '';
  for (const [bit, letter] of INET_FLAG_LETTERS) {
    if (!((iflags >>> 0) & bit)) continue;
    if (bit === RTF_REJECT) flags = letter;
    else flags += letter;
  }
  return flags;
}

/** inetFlags of the values a table repeats, made once */
const flagsMemo = new Map<number, string>();
const inetFlagsOf = (iflags: number): string => {
  let s = flagsMemo.get(iflags);
  if (s === undefined) flagsMemo.set(iflags, (s = inetFlags(iflags)));
  return s;
};

/** A numeric column's dotted quad (INET_sprint with a numeric flag is inet_ntoa), remembered. */
const gwQuad = new LastQuad();
const maskQuad = new LastQuad();

/** One row of rprint_fib for the extend level `ext` (1..3; 0 prints nothing), written to `out`. */
export function fibRow(sys: Sys, out: ByteWriter, r: Fib4Row, ext: number, numeric: number): void {
  if (!(r.flags & RTF_UP)) return;
  // INET_sprintmask(target, numeric | 0x8000 | host?0x4000, mask), cut to 15 bytes (with a
  // numeric flag it is inet_ntoa, which a quad never exceeds)
  const net_addr = numeric & 0x0fff
    ? inet_ntoa(r.dst)
    : INET_sprintmask(sys, r.dst, numeric | 0x8000 | (r.flags & RTF_HOST ? 0x4000 : 0), saddr(r.mask)).slice(0, 15);
  const gate_addr = numeric & 0x0fff ? gwQuad.of(r.gw) : INET_sprint(sys, r.gw, numeric | 0x4000).slice(0, 15);
  const mask_addr = maskQuad.of(r.mask);
  const flags = inetFlagsOf(r.flags);
  const reject = (r.flags & RTF_REJECT) !== 0;
  switch (ext) {
    case 1:
      return reject
        ? out.write(rowFormatter(INET_ROW_FIB_REJECT[1])(net_addr, mask_addr, flags, r.metric, r.use))
        : out.write(rowFormatter(INET_ROW_FIB[1])(net_addr, gate_addr, mask_addr, flags, r.metric, r.refcnt, r.use, r.iface));
    case 2:
      return reject
        ? out.write(rowFormatter(INET_ROW_FIB_REJECT[2])(net_addr, mask_addr, flags))
        : out.write(rowFormatter(INET_ROW_FIB[2])(net_addr, gate_addr, mask_addr, flags, r.mss, r.window, r.irtt, r.iface));
    case 3:
      return reject
        ? out.write(rowFormatter(INET_ROW_FIB_REJECT[3])(net_addr, mask_addr, flags, r.metric, r.use))
        : out.write(rowFormatter(INET_ROW_FIB[3])(net_addr, gate_addr, mask_addr, flags, r.metric, r.refcnt, r.use, r.iface, r.mss, r.window, r.irtt));
  }
}

/**
 * rprint_fib() lib/inet_gr.c:40-206. The names are resolved row by row, as the C does. Without
 * a main table the file is empty: title and header, and status 1.
 */
export function rprint_fib(sys: Sys, io: Io, ext: number, numeric: number): number {
  io.stdout.write(INET_TITLE_FIB);
  if (ext === 1 || ext === 2 || ext === 3) io.stdout.write(INET_HEADER_FIB[ext]);
  // rows are formatted into bytes as the dump streams in, and written once it is complete (a
  // dump the kernel interrupts starts again, and what it gave is thrown away)
  let rows = new BufferWriter();
  const fib = streamFib4(sys, (r) => fibRow(sys, rows, r, ext, numeric), () => {
    rows = new BufferWriter();
  });
  // no main table: /proc/net/route is empty, proc_gen_fmt finds no header line
  if (!fib.exists) return 1;
  rows.writeTo(io.stdout);
  return 0;
}

/**
 * rprint_cache() lib/inet_gr.c:208-440 on a kernel without a routing cache (Linux >= 3.6):
 * /proc/net/rt_cache holds only its 2.2-layout header, so the title and the header for `ext`.
 */
export function rprint_cache(io: Io, ext: number): number {
  io.stdout.write(INET_TITLE_CACHE);
  if (ext === 1 || ext === 2 || ext === 3) io.stdout.write(INET_HEADER_CACHE[ext]);
  return 0;
}

/** INET_rprint() lib/inet_gr.c:443-456 */
export function INET_rprint(sys: Sys, io: Io, options: number): number {
  const ext = options & FLAG_EXT;
  const numeric = options & (FLAG_NUM_HOST | FLAG_SYM);
  let rc = E_INTERN;
  if (options & FLAG_FIB) {
    rc = rprint_fib(sys, io, ext, numeric);
    if (rc) return rc;
  }
  if (options & FLAG_CACHE) rc = rprint_cache(io, ext);
  return rc;
}
