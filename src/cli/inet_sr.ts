/**
 * `route add|del` for IPv4: net-tools 2.10 lib/inet_sr.c (INET_rinput, INET_setroute), the
 * argument grammar and its checks as the C has them; the ioctl it ends with is
 * RouteIoctl.rt4 (src/model/route_set.ts).
 */
import type { Io, Sys } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { atoi, isdigit, strtoul } from '../lib/cstdlib.js';
import { INET_resolve, herror, hostOrder, perror, safeCopy } from '../lib/inet_resolve.js';
import { RouteIoctl, type RtEntry } from '../model/route_set.js';
import {
  CLK_TCK, INET_ERR_BOGUS_NETMASK, INET_ERR_CACHE, INET_ERR_FLUSH, INET_ERR_HOST_NETMASK,
  INET_ERR_MSS, INET_ERR_NETMASK_MATCH, INET_ERR_NETWORK_GW, INET_ERR_WINDOW, INET_NETMASK_DEFAULT,
  INET_REJECT_DEV, INET_USAGE, PERROR_SIOCADDRT, PERROR_SIOCDELRT,
} from '../../compat/route.js';
import {
  E_LOOKUP, E_OPTERR, E_SOCK, E_USAGE, FLAG_CACHE, RTACTION_ADD, RTACTION_DEL, RTACTION_FLUSH,
  RTACTION_HELP, RTF_DYNAMIC, RTF_GATEWAY, RTF_HOST, RTF_IRTT, RTF_MODIFIED, RTF_MSS, RTF_REINSTATE,
  RTF_REJECT, RTF_UP, RTF_WINDOW,
} from '../../compat/net-support.js';

const AF_INET = 2;

/** usage() lib/inet_sr.c:50-61: stdout for 0, stderr otherwise; returns rc (no exit). */
function usage(io: Io, rc: number): number {
  (rc ? io.stderr : io.stdout).write(INET_USAGE);
  return rc;
}

/**
 * INET_getnetmask() lib/inet.c:330-352 for `target/prefix`: -1 when what follows '/' is not a
 * number (strtoul, any base), 1 with the mask htonl(~(0xffffffff >> prefix)) -- on x86 the
 * shift count is taken modulo 32, so /32 gives the mask 0.0.0.0 -- and 0 without a '/'.
 */
function getmask(target: string): { n: number; target: string; mask?: Uint8Array; name?: string } {
  const slash = target.indexOf('/');
  if (slash < 0) return { n: 0, target };
  const rest = target.slice(slash + 1);
  const r = strtoul(rest, 0);
  if (r.end !== rest.length && !(r.end === 0 && rest.length === 0)) {
    // *end != '\0' (an empty string leaves end at its NUL)
    return { n: -1, target: target.slice(0, slash) };
  }
  const prefix = Number(BigInt.asIntN(32, r.value));
  const m = ~(0xffffffff >>> (prefix & 31)) >>> 0;
  return {
    n: 1,
    target: target.slice(0, slash),
    mask: new Uint8Array([(m >>> 24) & 0xff, (m >>> 16) & 0xff, (m >>> 8) & 0xff, m & 0xff]),
    name: `/${prefix}`,
  };
}

/** INET_setroute() lib/inet_sr.c:63-310 */
function INET_setroute(sys: Sys, io: Io, action: number, args: string[]): number {
  let i = 0;
  let xflag = 0;
  if (args[i] === '#net') {
    xflag = 1;
    i++;
  } else if (args[i] === '#host') {
    xflag = 2;
    i++;
  }
  if (args[i] === undefined) return usage(io, E_OPTERR);
  let target = safeCopy(args[i++]!, 128);
  let netmask = INET_NETMASK_DEFAULT;

  const rt: RtEntry = {
    dst: new Uint8Array(4),
    gateway: new Uint8Array(4),
    gatewayFamily: 0,
    genmask: new Uint8Array(4),
    genmaskFamily: 0,
    flags: 0,
    metric: 0,
    dev: null,
    mtu: 0n,
    window: 0n,
    irtt: 0,
  };
  const stderr = (t: string): void => io.stderr.write(t);

  const gm = getmask(target);
  target = gm.target;
  if (gm.n < 0) return usage(io, E_OPTERR);
  if (gm.n) {
    rt.genmask = gm.mask!;
    rt.genmaskFamily = AF_INET;
    netmask = gm.name!;
  }

  // prefer a host look-up when -host was given
  const t = INET_resolve(sys, target, xflag === 2);
  if (!t.ok) {
    stderr(herror(target, sys.herrno()));
    return E_LOOKUP;
  }
  rt.dst = t.addr;
  let isnet = t.isnet;
  if (xflag === 1) isnet = true;
  else if (xflag === 2) isnet = false;

  rt.flags = RTF_UP | RTF_HOST;
  if (isnet) rt.flags &= ~RTF_HOST;

  const maskSet = (): boolean => hostOrder(rt.genmask) !== 0;
  while (i < args.length) {
    const a = args[i]!;
    if (a === 'metric') {
      i++;
      if (args[i] === undefined || !isdigit(args[i]!.charCodeAt(0))) return usage(io, E_OPTERR);
      const metric = atoi(args[i]!);
      // short rt_metric = metric + 1
      rt.metric = ((metric + 1) << 16) >> 16;
      i++;
      continue;
    }
    if (a === 'netmask') {
      i++;
      if (args[i] === undefined || maskSet()) return usage(io, E_OPTERR);
      netmask = safeCopy(args[i]!, 128);
      const m = INET_resolve(sys, netmask, false);
      if (!m.ok) {
        stderr(herror(netmask, sys.herrno()));
        return E_LOOKUP;
      }
      rt.genmask = m.addr;
      rt.genmaskFamily = AF_INET;
      i++;
      continue;
    }
    if (a === 'gw' || a === 'gateway') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
      if (rt.flags & RTF_GATEWAY) return usage(io, E_OPTERR);
      const gateway = safeCopy(args[i]!, 128);
      const g = INET_resolve(sys, gateway, true);
      if (!g.ok) {
        stderr(herror(gateway, sys.herrno()));
        return E_LOOKUP;
      }
      rt.gateway = g.addr;
      rt.gatewayFamily = AF_INET;
      if (g.isnet) {
        stderr(sprintf(INET_ERR_NETWORK_GW, gateway));
        return usage(io, E_OPTERR);
      }
      rt.flags |= RTF_GATEWAY;
      i++;
      continue;
    }
    if (a === 'mss' || a === 'mtu') {
      i++;
      rt.flags |= RTF_MSS;
      if (args[i] === undefined) return usage(io, E_OPTERR);
      rt.mtu = BigInt.asUintN(64, BigInt(atoi(args[i]!)));
      i++;
      if (rt.mtu < 64n || rt.mtu > 65536n) {
        stderr(INET_ERR_MSS);
        return usage(io, E_OPTERR);
      }
      continue;
    }
    if (a === 'window') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
      rt.flags |= RTF_WINDOW;
      rt.window = BigInt.asUintN(64, BigInt(atoi(args[i]!)));
      i++;
      if (rt.window < 128n) {
        stderr(INET_ERR_WINDOW);
        return usage(io, E_OPTERR);
      }
      continue;
    }
    if (a === 'irtt') {
      i++;
      if (args[i] === undefined) return usage(io, E_OPTERR);
      i++;
      rt.flags |= RTF_IRTT;
      // unsigned short rt_irtt = atoi(); rt_irtt *= clk_tck / 100
      rt.irtt = (atoi(args[i - 1]!) & 0xffff) * Math.trunc(CLK_TCK / 100) & 0xffff;
      continue;
    }
    if (a === 'reject') {
      i++;
      rt.flags |= RTF_REJECT;
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
    if (a === 'reinstate') {
      i++;
      rt.flags |= RTF_REINSTATE;
      continue;
    }
    if (a === 'device' || a === 'dev') {
      i++;
      if (rt.dev !== null || args[i] === undefined) return usage(io, E_OPTERR);
      rt.dev = args[i++]!;
      continue;
    }
    // nothing matches: the last word is the device
    if (rt.dev === null) {
      rt.dev = args[i++]!;
      if (i < args.length) return usage(io, E_OPTERR);
    } else return usage(io, E_OPTERR);
  }

  if (rt.flags & RTF_REJECT && rt.dev === null) rt.dev = INET_REJECT_DEV;

  // sanity checks
  if (maskSet()) {
    let mask = ~hostOrder(rt.genmask) >>> 0;
    if (rt.flags & RTF_HOST && mask !== 0xffffffff) {
      stderr(sprintf(INET_ERR_HOST_NETMASK, mask));
      return usage(io, E_OPTERR);
    }
    if ((mask & (mask + 1)) >>> 0) {
      stderr(sprintf(INET_ERR_BOGUS_NETMASK, netmask));
      return usage(io, E_OPTERR);
    }
    mask = hostOrder(rt.dst);
    if ((mask & ~hostOrder(rt.genmask)) >>> 0) {
      stderr(INET_ERR_NETMASK_MATCH);
      return usage(io, E_OPTERR);
    }
  }
  // fill out the netmask of a host route
  if (action === RTACTION_ADD && rt.flags & RTF_HOST) rt.genmask = new Uint8Array([255, 255, 255, 255]);

  const k = new RouteIoctl(sys);
  try {
    const add = action !== RTACTION_DEL;
    const err = k.rt4(add, rt);
    if (err) {
      stderr(perror(add ? PERROR_SIOCADDRT : PERROR_SIOCDELRT, err));
      return E_SOCK;
    }
  } finally {
    k.close();
  }
  return 0;
}

/** INET_rinput() lib/inet_sr.c:313-327; `args` follow the action word. */
export function INET_rinput(sys: Sys, io: Io, action: number, options: number, args: string[]): number {
  if (action === RTACTION_FLUSH) {
    io.stderr.write(INET_ERR_FLUSH);
    return usage(io, E_OPTERR);
  }
  if (options & FLAG_CACHE) {
    io.stderr.write(INET_ERR_CACHE);
    return usage(io, E_OPTERR);
  }
  if (args.length === 0 || action === RTACTION_HELP) return usage(io, E_USAGE);
  return INET_setroute(sys, io, action, args);
}
