/**
 * `route -A x25 add|del`: net-tools 2.10 lib/x25_sr.c (X25_rinput, X25_setroute) with
 * X25_input/X25_herror of lib/x25.c. The route would be set with SIOCADDRT/SIOCDELRT on an
 * AF_X25 socket: X.25 routes have no netlink form, and the shim opens no AF_X25 socket, so
 * it answers as a kernel without X.25 does: socket() fails with EAFNOSUPPORT (compat/route.md).
 */
import type { Io } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { X25_input } from '../lib/af_input.js';
import { perror, safeCopy } from '../lib/inet_resolve.js';
import {
  PERROR_SOCKET, X25_ERR_BOGUS_NETMASK, X25_ERR_CACHE, X25_ERR_FLUSH, X25_USAGE, INET_ERR_NETMASK_MATCH,
} from '../../compat/route.js';
import {
  E_LOOKUP, E_OPTERR, E_SOCK, E_USAGE, FLAG_CACHE, RTACTION_FLUSH, RTACTION_HELP,
} from '../../compat/net-support.js';
import { EAFNOSUPPORT } from '../../compat/errno.js';


/** usage() lib/x25_sr.c:46-52 */
function usage(io: Io, rc: number): number {
  (rc ? io.stderr : io.stdout).write(X25_USAGE);
  return rc;
}

/** X25_setroute() lib/x25_sr.c:55-133 */
function X25_setroute(io: Io, args: string[]): number {
  const stderr = (t: string): void => io.stderr.write(t);
  let i = 0;
  if (args[i] === undefined) return usage(io, E_OPTERR);
  const target = safeCopy(args[i++]!, 128);
  const r = X25_input(target);
  if ('err' in r) {
    stderr(`${target}: ${r.err}\n`);
    return E_LOOKUP;
  }
  let device = '';
  while (i < args.length) {
    if (args[i] === 'device' || args[i] === 'dev') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
    } else if (args[i + 1] !== undefined) return usage(io, E_OPTERR);
    if (device) return usage(io, E_OPTERR);
    device = safeCopy(args[i]!, 200);
    i++;
  }
  if (!device) return usage(io, E_OPTERR);
  if (r.sigdigits > 15) {
    stderr(sprintf(X25_ERR_BOGUS_NETMASK, r.sigdigits));
    return usage(io, E_OPTERR);
  }
  if (r.sigdigits > r.address.length) {
    stderr(INET_ERR_NETMASK_MATCH);
    return usage(io, E_OPTERR);
  }
  // socket(AF_X25, SOCK_SEQPACKET, 0)
  stderr(perror(PERROR_SOCKET, EAFNOSUPPORT));
  return E_SOCK;
}

/** X25_rinput() lib/x25_sr.c:136-150 */
export function X25_rinput(io: Io, action: number, options: number, args: string[]): number {
  if (action === RTACTION_FLUSH) {
    io.stderr.write(X25_ERR_FLUSH);
    return usage(io, E_OPTERR);
  }
  if (options & FLAG_CACHE) {
    io.stderr.write(X25_ERR_CACHE);
    return usage(io, E_OPTERR);
  }
  if (action === RTACTION_HELP) return usage(io, E_USAGE);
  return X25_setroute(io, args);
}
