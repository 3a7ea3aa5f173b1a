/**
 * Address <-> name conversions of net-tools 2.10 lib/inet.c and lib/inet6.c, through the
 * Sys libc calls so that replays need no resolver:
 *  - INET_rresolve/INET_sprint/INET_sprintmask (address -> "default", a host name from
 *    gethostbyaddr, a network name from getnetbyaddr, or the dotted quad), with INET_nn, the
 *    process-wide cache of names already looked up (one per Sys here);
 *  - INET_resolve (name -> address: "default", inet_aton, gethostbyname, getnetbyname);
 *  - INET6_rresolve/INET6_sprint (getnameinfo, "[::]") and INET6_resolve (getaddrinfo);
 *  - herror() and perror() texts.
 *
 * Addresses are passed as the bytes of struct in_addr / in6_addr (network order). The C code
 * compares `s_addr` values and netmasks as 32-bit words *in memory order*; `saddr()` gives that
 * word, so on a little-endian host a netmask word such as INET_sprint's 0xffffff00 means what
 * it means in the C.
 */
import type { Sys } from '../sys/types.js';
import { fromHostOrder, hostOrder, inet_ntoa, inet_ntop6, inet_aton } from './inet.js';
import { hstrerror } from '../../compat/hostname.js';
import { strerror } from '../../compat/errno.js';
import { INET6_ANY_NAME, INET_ANY_NAME, INET_DEFAULT_NAME, INET6_ERR_GETADDRINFO } from '../../compat/route.js';
import { sprintf } from '../format/printf.js';
import { LITTLE_ENDIAN } from '../netlink/codec.js';

const AF_INET = 2;
const AF_INET6 = 10;
/** the `char buff[128]` every sprint function fills (safe_strncpy keeps 127 bytes) */
const NAMELEN = 128;

/** s_addr as the C sees it: the four network-order bytes read as a u32 of this host's order. */
export function saddr(a: Uint8Array): number {
  if (LITTLE_ENDIAN) return (a[0]! | (a[1]! << 8) | (a[2]! << 16) | (a[3]! << 24)) >>> 0;
  return hostOrder(a);
}

// ntohl/htonl of an in_addr live beside the rest of the address helpers (lib/inet.ts)
export { fromHostOrder, hostOrder };

/** safe_strncpy(dst, src, size): at most size-1 bytes. */
export const safeCopy = (s: string, size: number): string => (s.length >= size ? s.slice(0, size - 1) : s);

// ------------------------------------------------------------------ IPv4

interface CachedName {
  addr: number;
  host: boolean;
  name: string;
}

/** INET_nn, the addr-to-name cache: static in the C, so it lives as long as the process (the Sys). */
const inetCache = new WeakMap<Sys, CachedName[]>();

/**
 * INET_rresolve() lib/inet.c:134-218. `numeric` bits: 0x0FFF numeric, 0x8000 "default"
 * instead of "*", 0x4000 a host (never a network). `netmask` is the C's in-memory word.
 */
export function INET_rresolve(sys: Sys, addr: Uint8Array, numeric: number, netmask: number): string {
  if (numeric & 0x0fff) return inet_ntoa(addr);
  const ad = saddr(addr);
  if (ad === 0) {
    if (netmask === 0) return numeric & 0x8000 ? INET_DEFAULT_NAME : INET_ANY_NAME;
    return '0.0.0.0';
  }
  const host = ((ad & ~netmask) >>> 0) !== 0 || (numeric & 0x4000) !== 0;
  let cache = inetCache.get(sys);
  if (!cache) inetCache.set(sys, (cache = []));
  const hit = cache.find((c) => c.addr === ad && c.host === host);
  if (hit) return hit.name;
  let name: string | null = null;
  if (host) {
    const ent = sys.gethostbyaddr(addr.slice(0, 4), AF_INET);
    if (ent) name = safeCopy(ent.name, NAMELEN);
  } else {
    const np = sys.getnetbyaddr(hostOrder(addr), AF_INET);
    if (np) name = safeCopy(np.name, NAMELEN);
  }
  if (name === null) name = inet_ntoa(addr);
  cache.unshift({ addr: ad, host, name });
  return name;
}

/** INET_sprint() lib/inet.c:245-255: an address alone (netmask word 0xffffff00). */
export function INET_sprint(sys: Sys, addr: Uint8Array, numeric: number): string {
  return INET_rresolve(sys, addr, numeric, 0xffffff00);
}

/** INET_sprintmask() lib/inet.c:257-266 */
export function INET_sprintmask(sys: Sys, addr: Uint8Array, numeric: number, netmask: number): string {
  return INET_rresolve(sys, addr, numeric, netmask);
}

/** What INET_resolve() found: the address, and whether it is a network (1) or a host (0). */
export type Resolved4 = { ok: true; addr: Uint8Array; isnet: boolean } | { ok: false };

/**
 * INET_resolve() lib/inet.c:57-123: "default" (a network), inet_aton (a host), then
 * gethostbyname and getnetbyname in the order `hostfirst` says.
 */
export function INET_resolve(sys: Sys, name: string, hostfirst: boolean): Resolved4 {
  if (name === 'default') return { ok: true, addr: new Uint8Array(4), isnet: true };
  const a = inet_aton(name);
  if (a) return { ok: true, addr: a, isnet: false };
  if (hostfirst) {
    const hp = sys.gethostbyname(name);
    if (hp && hp.addrs.length > 0) return { ok: true, addr: hp.addrs[0]!.slice(0, 4), isnet: false };
  }
  const np = sys.getnetbyname(name);
  if (np) return { ok: true, addr: fromHostOrder(np.net), isnet: true };
  if (hostfirst) return { ok: false };
  const hp = sys.gethostbyname(name);
  if (!hp || hp.addrs.length === 0) return { ok: false };
  return { ok: true, addr: hp.addrs[0]!.slice(0, 4), isnet: false };
}

// ------------------------------------------------------------------ IPv6

const isUnspecified = (a: Uint8Array): boolean => a.every((b) => b === 0);

const isV4Mapped = (a: Uint8Array): boolean =>
  a.subarray(0, 10).every((b) => b === 0) && a[10] === 0xff && a[11] === 0xff;

/** fix_v4_address() lib/inet6.c:40-54: a v4-mapped address prints as its dotted quad part. */
export function fix_v4_address(buf: string, addr: Uint8Array): string {
  if (!isV4Mapped(addr)) return buf;
  let s = buf.indexOf('.');
  if (s < 0) return buf;
  while (s > 0 && buf[s] !== ':') s--;
  if (buf[s] === ':') return buf.slice(s + 1);
  return buf;
}

/** INET6_rresolve() lib/inet6.c:78-108; `numeric` as INET6_sprint gets it. */
export function INET6_rresolve(sys: Sys, addr: Uint8Array, numeric: number): string {
  if (numeric & 0x7fff) return inet_ntop6(addr);
  if (isUnspecified(addr)) return numeric & 0x8000 ? INET_DEFAULT_NAME : INET6_ANY_NAME;
  const r = sys.getnameinfo(AF_INET6, addr, 0, 0);
  // getnameinfo into a 128-byte buffer: a longer name is EAI_OVERFLOW, and inet_ntop is used
  if (r.rc !== 0 || r.host.length >= NAMELEN) return inet_ntop6(addr);
  return r.host;
}

/** INET6_sprint() lib/inet6.c:127-137 */
export function INET6_sprint(sys: Sys, addr: Uint8Array, numeric: number): string {
  return fix_v4_address(INET6_rresolve(sys, addr, numeric), addr);
}

/**
 * INET6_resolve() lib/inet6.c:56-70: getaddrinfo(name, NULL, {ai_family = AF_INET6}) and its
 * first address; on failure "getaddrinfo: NAME: CODE" goes to stderr.
 */
export function INET6_resolve(sys: Sys, name: string, stderr: (t: string) => void): Uint8Array | null {
  const r = sys.getaddrinfo(name, null, { family: AF_INET6, socktype: 0, protocol: 0, flags: 0 });
  if (r.rc !== 0 || r.list.length === 0) {
    stderr(sprintf(INET6_ERR_GETADDRINFO, name, r.rc));
    return null;
  }
  return r.list[0]!.addr.slice(0, 16);
}

// ------------------------------------------------------------------ error texts

/** herror(s): "s: " (when s is not empty) and hstrerror(h_errno). */
export function herror(s: string, herrno: number): string {
  return (s ? `${s}: ` : '') + `${hstrerror(herrno)}\n`;
}

/** perror(s): "s: " (when s is not empty) and strerror(errno). */
export function perror(s: string | null, errno: number): string {
  return (s ? `${s}: ` : '') + `${strerror(errno)}\n`;
}
