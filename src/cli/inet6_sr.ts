/**
 * `route -A inet6 add|del`: net-tools 2.10 lib/inet6_sr.c (INET6_rinput, INET6_setroute); the
 * ioctls it ends with (SIOGIFINDEX, SIOCADDRT/SIOCDELRT with a struct in6_rtmsg) are
 * RouteIoctl's (src/model/route_set.ts).
 */
import type { Io, Sys } from '../sys/types.js';
import { atoi, atol, isdigit } from '../lib/cstdlib.js';
import { INET6_resolve, herror, perror, safeCopy } from '../lib/inet_resolve.js';
import { inet_pton6 } from '../lib/inet.js';
import { RouteIoctl, type In6Rtmsg } from '../model/route_set.js';
import {
  INET6_ERR_FLUSH, INET6_USAGE, PERROR_SIOCADDRT, PERROR_SIOCDELRT, PERROR_SIOGIFINDEX,
} from '../../compat/route.js';
import {
  E_LOOKUP, E_OPTERR, E_SOCK, E_USAGE, RTACTION_DEL, RTACTION_FLUSH, RTACTION_HELP, RTF_DYNAMIC,
  RTF_GATEWAY, RTF_HOST, RTF_MODIFIED, RTF_UP,
} from '../../compat/net-support.js';

/** usage() lib/inet6_sr.c:49-56 */
function usage(io: Io, rc: number): number {
  (rc ? io.stderr : io.stdout).write(INET6_USAGE);
  return rc;
}

/** INET6_setroute() lib/inet6_sr.c:59-184 */
function INET6_setroute(sys: Sys, io: Io, action: number, args: string[]): number {
  const stderr = (t: string): void => io.stderr.write(t);
  let i = 0;
  if (args[i] === undefined) return usage(io, E_OPTERR);
  let target = safeCopy(args[i++]!, 128);
  let prefix_len: number;
  let addr: Uint8Array = new Uint8Array(16);
  if (target === 'default') {
    prefix_len = 0;
  } else {
    const cp = target.indexOf('/');
    if (cp >= 0) {
      const p = atol(target.slice(cp + 1));
      if (p < 0n || p > 128n) return usage(io, E_OPTERR);
      prefix_len = Number(p);
      target = target.slice(0, cp);
    } else {
      prefix_len = 128;
    }
    // INET6_getsock (inet_pton), then INET6_resolve (getaddrinfo)
    const a = inet_pton6(target) ?? INET6_resolve(sys, target, stderr);
    if (!a) {
      stderr(herror(target, sys.herrno()));
      return 1;
    }
    addr = a;
  }

  const rt: In6Rtmsg = {
    dst: addr,
    gateway: new Uint8Array(16),
    dstLen: prefix_len,
    metric: 1,
    flags: RTF_UP | (prefix_len === 128 ? RTF_HOST : 0),
    ifindex: 0,
  };
  let devname: string | null = null;

  while (i < args.length) {
    const a = args[i]!;
    if (a === 'metric') {
      i++;
      if (args[i] === undefined || !isdigit(args[i]!.charCodeAt(0))) return usage(io, E_OPTERR);
      rt.metric = atoi(args[i]!) >>> 0;
      i++;
      continue;
    }
    if (a === 'gw' || a === 'gateway') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
      if (rt.flags & RTF_GATEWAY) return usage(io, E_OPTERR);
      const gateway = safeCopy(args[i]!, 128);
      const g = inet_pton6(gateway);
      if (!g) {
        stderr(herror(gateway, sys.herrno()));
        return E_LOOKUP;
      }
      rt.gateway = g;
      rt.flags |= RTF_GATEWAY;
      i++;
      continue;
    }
    if (a === 'mod') {
      i++;
      rt.flags |= RTF_MODIFIED;
      continue;
    }
    if (a === 'dyn') {
      i++;
      rt.flags |= RTF_DYNAMIC;
      continue;
    }
    if (a === 'device' || a === 'dev') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
    } else if (args[i + 1] !== undefined) return usage(io, E_OPTERR);
    devname = args[i]!;
    i++;
  }

  const k = new RouteIoctl(sys);
  try {
    if (devname !== null) {
      // safe_strncpy(ifr.ifr_name, devname, IFNAMSIZ)
      const r = k.SIOGIFINDEX(devname.slice(0, 15));
      if (r.errno) {
        stderr(perror(PERROR_SIOGIFINDEX, r.errno));
        return E_SOCK;
      }
      rt.ifindex = r.index;
    }
    const add = action !== RTACTION_DEL;
    const err = k.rt6(add, rt);
    if (err) {
      stderr(perror(add ? PERROR_SIOCADDRT : PERROR_SIOCDELRT, err));
      return E_SOCK;
    }
  } finally {
    k.close();
  }
  return 0;
}

/** INET6_rinput() lib/inet6_sr.c:187-197 */
export function INET6_rinput(sys: Sys, io: Io, action: number, options: number, args: string[]): number {
  void options;
  if (action === RTACTION_FLUSH) {
    io.stderr.write(INET6_ERR_FLUSH);
    return usage(io, E_OPTERR);
  }
  if (action === RTACTION_HELP) return usage(io, E_USAGE);
  return INET6_setroute(sys, io, action, args);
}
