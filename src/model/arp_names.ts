/**
 * The name look-ups arp makes through lib/inet.c: INET_resolve (ap->input, hostfirst 0),
 * INET_rresolve with INET_sprint's netmask 0xffffff00 (ap->sprint) and its addr-to-name cache,
 * and INET_reserror (ap->herror, i.e. herror(3)). Every look-up goes to libc through the Sys.
 */
import type { Sys } from '../sys/types.js';
import { inet_aton, inet_ntoa } from '../lib/inet.js';
import { fromHostOrder, herror, hostOrder, saddr } from '../lib/inet_resolve.js';

const AF_INET = 2;

/** safe_strncpy(dst, src, size): at most size - 1 bytes */
export const cut = (s: string, size: number): string => (s.length > size - 1 ? s.slice(0, size - 1) : s);

export interface Resolved {
  /** INET_resolve's return value: 0 or 1 on success (1: "default" or a network), -1 on failure */
  rc: number;
  /** 4 bytes, network order (0.0.0.0 on failure) */
  addr: Uint8Array;
}

export class InetNames {
  /** INET_nn: addr-to-name cache, one per process */
  private readonly cache = new Map<string, string>();

  constructor(private readonly sys: Sys) {}

  /** INET_resolve(name, sin, hostfirst = 0) lib/inet.c:77-138 */
  resolve(name: string): Resolved {
    if (name === 'default') return { rc: 1, addr: new Uint8Array(4) };
    const a = inet_aton(name);
    if (a) return { rc: 0, addr: a };
    const np = this.sys.getnetbyname(name);
    if (np) return { rc: 1, addr: fromHostOrder(np.net >>> 0) };
    const hp = this.sys.gethostbyname(name);
    if (!hp || hp.addrs.length === 0) return { rc: -1, addr: new Uint8Array(4) };
    return { rc: 0, addr: hp.addrs[0]!.slice(0, 4) };
  }

  /** herror(text): "%s: %s\n" with the h_errno the last look-up left */
  herror(text: string): string {
    return herror(text, this.sys.herrno());
  }

  /**
   * INET_sprint(sa, numeric) = INET_rresolve(buff, 128, sa, numeric, 0xffffff00)
   * lib/inet.c:141-246. A "host" is an address with any bit outside the mask set — tested on
   * the raw network-order s_addr against a host-order mask, so on a little-endian CPU it is the
   * *first* octet that decides: 0.x.y.z is looked up as a network (getnetbyaddr), everything
   * else as a host (gethostbyaddr). Observed on the real binary (x86_64).
   */
  sprint(addr: Uint8Array, numeric: number): string {
    return this.rresolve(addr, numeric, 0xffffff00);
  }

  rresolve(addr: Uint8Array, numeric: number, netmask: number): string {
    if (numeric & 0x0fff) return inet_ntoa(addr);
    const ad = saddr(addr);
    if (ad === 0) {
      if (netmask === 0) return numeric & 0x8000 ? 'default' : '*';
      return '0.0.0.0';
    }
    const host = ((ad & ~netmask) >>> 0) !== 0 || (numeric & 0x4000) !== 0;
    const key = `${ad}/${host ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let name: string | null = null;
    if (host) {
      const ent = this.sys.gethostbyaddr(addr, AF_INET);
      if (ent) name = ent.name;
    } else {
      const np = this.sys.getnetbyaddr(hostOrder(addr), AF_INET);
      if (np) name = np.name;
    }
    const out = cut(name ?? inet_ntoa(addr), 128);
    this.cache.set(key, out);
    return out;
  }
}
