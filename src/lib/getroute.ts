/**
 * lib/getroute.c route_info(): the routing-table printer shared by `route` and `netstat -r`.
 * Each comma-separated family of `afname` is printed in turn by its family's printer
 * (INET_rprint, INET6_rprint, AX25_rprint, ...); the first failure ends the list.
 *
 * `options` are net-tools' option flags (compat/net-support.ts): FLAG_EXT (the extend level,
 * 0..3), FLAG_NUM_HOST / FLAG_SYM (numeric), FLAG_FIB and/or FLAG_CACHE (what to show). The
 * return value is the C's: 0, or the exit status to use (E_OPTERR, E_NOTFOUND, 1, ...).
 */
import type { Io, Sys } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { get_aftype } from '../../compat/aftypes.js';
import { ERR_AF_NOT_SUPPORTED, ERR_NO_ROUTING } from '../../compat/route.js';
import { E_NOTFOUND, E_OPTERR } from '../../compat/net-support.js';
import { INET_rprint } from '../format/inet_gr.js';
import { INET6_rprint } from '../format/inet6_gr.js';
import { AX25_rprint, DDP_rprint, IPX_rprint, NETROM_rprint, ROSE_rprint, X25_rprint } from '../format/legacy_gr.js';

/** sizeof(buf) in route_info: the list is cut to 255 bytes */
const BUFSIZE = 256;

/** The `rprint` hooks getroute_init() sets (lib/getroute.c:52-78). */
const RPRINT: Readonly<Record<string, (sys: Sys, io: Io, options: number) => number>> = {
  inet: INET_rprint,
  inet6: INET6_rprint,
  netrom: (sys, io) => NETROM_rprint(sys, io),
  rose: (sys, io) => ROSE_rprint(sys, io),
  ax25: (sys, io) => AX25_rprint(sys, io),
  ipx: (sys, io) => IPX_rprint(sys, io),
  ddp: (sys, io) => DDP_rprint(sys, io),
  x25: (sys, io) => X25_rprint(sys, io),
};

/** route_info(afname, options): prints the tables of the families named in `afname` (comma list). */
export function route_info(afname: string, options: number, sys: Sys, io: Io, progname: string): number {
  void progname;
  let found = E_NOTFOUND;
  const stderr = (t: string): void => io.stderr.write(t);
  for (const name of afname.slice(0, BUFSIZE - 1).split(',')) {
    if (!name) continue;
    const ap = get_aftype(name, stderr);
    if (!ap) {
      stderr(sprintf(ERR_AF_NOT_SUPPORTED, name));
      return E_OPTERR;
    }
    const rprint = ap.rprint ? RPRINT[ap.name] : undefined;
    if (!rprint) {
      stderr(sprintf(ERR_NO_ROUTING, ap.name));
      return E_OPTERR;
    }
    found = 0;
    const rc = rprint(sys, io, options);
    if (rc) return rc;
  }
  return found;
}
