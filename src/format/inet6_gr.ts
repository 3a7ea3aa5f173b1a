/**
 * The IPv6 routing-table printer of net-tools 2.10, lib/inet6_gr.c: rprint_fib6 and
 * INET6_rprint. The neighbour-cache printer (rprint_cache6) reads /proc/net/ndisc, which no
 * kernel since 2.2 has: it falls back to rprint_fib6 in cache mode, which lists only RTF_CACHE
 * routes -- and /proc/net/ipv6_route has none on kernels since 4.2 -- so a title and a header.
 */
import type { Io, Sys } from '../sys/types.js';
import { sprintf } from './printf.js';
import { readFib6, type Fib6Row } from '../model/route.js';
import { INET6_sprint, perror, safeCopy } from '../lib/inet_resolve.js';

import {
  INET6_FLAG_LETTERS, INET6_HEADER, INET6_NOT_CONFIGURED, INET6_PROC_ROUTE, INET6_ROW, INET6_TITLE_CACHE,
  INET6_TITLE_FIB,
} from '../../compat/route.js';
import { E_INTERN, FLAG_CACHE, FLAG_EXT, FLAG_FIB, FLAG_NUM_HOST, FLAG_SYM, RTF_CACHE } from '../../compat/net-support.js';
import { ENOENT } from '../../compat/errno.js';

/** The Flag column (lib/inet6_gr.c:117-141) */
export function inet6Flags(iflags: number): string {
  let flags = '';
  for (const [bit, letter] of INET6_FLAG_LETTERS) if ((iflags >>> 0) & bit) flags += letter;
  return flags;
}

/** One row of rprint_fib6. */
export function fib6Row(sys: Sys, r: Fib6Row, numeric: number): string {
  // snprintf(addr6, 128, "%s/%d", ...) and snprintf(naddr6, 128, "%s", ...)
  const addr6 = safeCopy(`${INET6_sprint(sys, r.dst, numeric)}/${r.plen}`, 128);
  const naddr6 = safeCopy(INET6_sprint(sys, r.gw, numeric), 128);
  return sprintf(INET6_ROW, addr6, naddr6, inet6Flags(r.flags), r.metric, r.refcnt, r.use, r.iface);
}

/** rprint_fib6() lib/inet6_gr.c:57-155; `numeric` may carry RTF_CACHE (cache mode). */
export function rprint_fib6(sys: Sys, io: Io, ext: number, numeric: number): number {
  void ext;
  const cache = (numeric & RTF_CACHE) !== 0;
  // cached (RTF_CACHE) routes are never in /proc/net/ipv6_route any more: none in cache mode
  if (cache) {
    io.stdout.write(INET6_TITLE_CACHE);
    io.stdout.write(INET6_HEADER);
    return 0;
  }
  const rows = readFib6(sys);
  if (rows === null) {
    // fopen(/proc/net/ipv6_route) fails on a kernel without IPv6
    io.stderr.write(perror(INET6_PROC_ROUTE, ENOENT));
    io.stdout.write(INET6_NOT_CONFIGURED);
    return 1;
  }
  io.stdout.write(INET6_TITLE_FIB);
  io.stdout.write(INET6_HEADER);
  for (const r of rows) {
    if (r.flags & RTF_CACHE) continue;
    io.stdout.write(fib6Row(sys, r, numeric));
  }
  return 0;
}

/** INET6_rprint() lib/inet6_gr.c:271-286 */
export function INET6_rprint(sys: Sys, io: Io, options: number): number {
  const ext = options & FLAG_EXT;
  const numeric = options & (FLAG_NUM_HOST | FLAG_SYM);
  let rc = E_INTERN;
  if (options & FLAG_FIB) {
    rc = rprint_fib6(sys, io, ext, numeric);
    if (rc) return rc;
  }
  if (options & FLAG_CACHE) {
    // rprint_cache6: no /proc/net/ndisc, so rprint_fib6(ext, numeric | RTF_CACHE)
    rc = rprint_fib6(sys, io, ext, numeric | RTF_CACHE);
    if (rc) return rc;
  }
  return rc;
}
