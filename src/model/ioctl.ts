/**
 * The interface ioctls net-tools' ifconfig issues, emulated over rtnetlink: each method is
 * named after the ioctl, takes what the ifreq carried and answers what the kernel would have
 * answered (0 or a positive errno), leaving the kernel in the state the ioctl would have left.
 * No ioctl is ever issued. The kernel code whose rules are reproduced:
 *  - net/core/dev_ioctl.c dev_ioctl/dev_ifsioc: the name is cut at ':'; setters need
 *    CAP_NET_ADMIN before anything else; then the device is looked up (ENODEV);
 *  - net/ipv4/devinet.c devinet_ioctl (AF_INET sockets): SIOCSIFADDR, SIOCSIFNETMASK,
 *    SIOCSIFBRDADDR, SIOCSIFDSTADDR and SIOCSIFFLAGS on `dev:label` act on the first address
 *    whose label is the whole name; each change deletes the address and inserts it again;
 *  - net/ipv6/addrconf.c addrconf_add_ifaddr/addrconf_del_ifaddr (AF_INET6 sockets).
 * Whether we hold CAP_NET_ADMIN is asked of the kernel once, with a request that cannot
 * change anything (see admin()).
 */
import type { Sys } from '../sys/types.js';
import type { Struct } from '../netlink/codec.js';
import { encodeAttrs, encodeStruct, type NlaSpec } from '../netlink/codec.js';
import {
  AF_INET, AF_INET6, IFA, IFLA, NLM_F_CREATE, NLM_F_EXCL, RTM_DELADDR, RTM_GETLINK, RTM_NEWADDR,
  RTM_NEWLINK, RTNL_MESSAGES, ifaddrmsg, ifinfomsg,
} from '../netlink/messages.js';
import { Netlink, NetlinkError, decodeMessage } from '../netlink/stream.js';
import { concat, openRtnl, rtnl_addrdump, rtnl_admin, rtnl_change } from '../netlink/rtnl.js';
import { fromHostOrder, hostOrder } from '../lib/inet_resolve.js';
import { prefixMask } from '../lib/inet.js';
export { EADDRNOTAVAIL, EBADF, EINVAL, ENODEV, EOPNOTSUPP, EPERM } from '../../compat/errno.js';
import { EADDRNOTAVAIL, EBADF, EINVAL, ENODEV, EOPNOTSUPP, EPERM } from '../../compat/errno.js';


const IFF_UP = 0x1;
const IFF_BROADCAST = 0x2;
const IFF_POINTOPOINT = 0x10;
const RT_SCOPE_HOST = 254;
const IFA_F_SECONDARY = 0x01;
const IFA_F_PERMANENT = 0x80;
const IFNAMSIZ = 16;

/** The family of the socket an ioctl went through; null: ifconfig had no such socket (EBADF). */
export type SockFamily = 'inet' | 'inet6' | 'unix' | null;

export interface Link {
  index: number;
  name: string;
  /** dev_get_flags() */
  flags: number;
  type: number;
  addrLen: number;
  /** IFLA_ADDRESS (empty when the device has none) */
  address: Uint8Array;
  map: Struct | null;
}

export interface Addr4 {
  index: number;
  label: string;
  local: number;
  address: number;
  prefixlen: number;
  broadcast: number;
  scope: number;
  flags: number;
  /** IFA_RT_PRIORITY */
  metric: number;
}

/** struct ifmap fields the ioctls carry (unsigned long, unsigned short, unsigned char x3). */
export interface IfMap {
  mem_start: bigint;
  mem_end: bigint;
  base_addr: number;
  irq: number;
  dma: number;
  port: number;
}

/**
 * inet_abc_len(): the classful prefix of an address; -1 for class D (multicast). The kernel's
 * ipv4_is_zeronet() is true for 0.0.0.0 alone (since Linux 5.3), so 0.x.y.z is class A.
 */
export function inet_abc_len(addr: number): number {
  if (addr === 0 || addr === 0xffffffff) return 0; // zeronet, limited broadcast
  if ((addr & 0x80000000) === 0) return 8;
  if ((addr & 0xc0000000) >>> 0 === 0x80000000) return 16;
  if ((addr & 0xe0000000) >>> 0 === 0xc0000000) return 24;
  if ((addr & 0xf0000000) >>> 0 === 0xe0000000) return -1;
  return 32; // class E
}

/** bad_mask(mask, 0): a netmask must be contiguous ones. */
function bad_mask(mask: number): boolean {
  const inv = ~mask >>> 0;
  return ((inv & (inv + 1)) >>> 0) !== 0;
}

/** inet_mask_len() */
function inet_mask_len(mask: number): number {
  let n = 0;
  for (let m = mask; m & 0x80000000; m = (m << 1) >>> 0) n++;
  return n;
}

export class IoctlEmu {
  private readonly nl: Netlink;

  constructor(sys: Sys) {
    this.nl = openRtnl(sys);
  }

  close(): void {
    this.nl.close();
  }

  // ------------------------------------------------------------------ kernel state

  /** The device of an ifreq name: the part before ':' (15 bytes at most), or null (ENODEV). */
  link(ifname: string): Link | null {
    const name = devName(ifname);
    const payload = concat(encodeStruct(ifinfomsg, { ifi_family: 0 }), encodeAttrs(IFLA, [['IFLA_IFNAME', name]]));
    let m;
    try {
      m = decodeMessage(RTNL_MESSAGES[RTM_NEWLINK]!, this.nl.get(RTM_GETLINK, payload));
    } catch (e) {
      if (e instanceof NetlinkError && (e.errno === ENODEV || e.errno === EINVAL)) return null;
      throw e;
    }
    const v = m.attrs.values;
    return {
      index: Number(m.header.ifi_index),
      name: String(v.IFLA_IFNAME ?? name),
      flags: Number(m.header.ifi_flags),
      type: Number(m.header.ifi_type),
      addrLen: (v.IFLA_ADDRESS as Uint8Array | undefined)?.length ?? 0,
      address: (v.IFLA_ADDRESS as Uint8Array | undefined) ?? new Uint8Array(0),
      map: (v.IFLA_MAP as Struct | undefined) ?? null,
    };
  }

  /** The device's IPv4 addresses in the kernel's ifa_list order. */
  addrs4(index: number): Addr4[] {
    return rtnl_addrdump(this.nl, AF_INET)
      .filter((m) => Number(m.header.ifa_index) === index)
      .map((m) => {
        const v = m.attrs.values;
        // inet_fill_ifaddr leaves out an address that is 0.0.0.0 (a peer set to 0, say)
        return {
          index,
          label: String(v.IFA_LABEL ?? ''),
          local: v.IFA_LOCAL ? hostOrder(v.IFA_LOCAL as Uint8Array) : 0,
          address: v.IFA_ADDRESS ? hostOrder(v.IFA_ADDRESS as Uint8Array) : 0,
          prefixlen: Number(m.header.ifa_prefixlen),
          broadcast: v.IFA_BROADCAST ? hostOrder(v.IFA_BROADCAST as Uint8Array) : 0,
          scope: Number(m.header.ifa_scope),
          flags: v.IFA_FLAGS !== undefined ? Number(v.IFA_FLAGS) : Number(m.header.ifa_flags),
          metric: Number(v.IFA_RT_PRIORITY ?? 0),
        };
      });
  }

  /** Do we hold CAP_NET_ADMIN over this namespace? (rtnl_admin: asked once, changes nothing) */
  admin(): boolean {
    return rtnl_admin(this.nl);
  }

  /** A change request; returns 0 or the kernel's errno. */
  private change(type: number, flags: number, payload: Uint8Array): number {
    return rtnl_change(this.nl, type, flags, payload);
  }

  private setlink(index: number, flags: number, change: number, attrs: readonly NlaSpec[]): number {
    const hdr = encodeStruct(ifinfomsg, { ifi_family: 0, ifi_index: index, ifi_flags: flags, ifi_change: change });
    return this.change(RTM_NEWLINK, 0, concat(hdr, encodeAttrs(IFLA, attrs)));
  }

  private newaddr(a: Addr4): number {
    const hdr = encodeStruct(ifaddrmsg, { ifa_family: AF_INET, ifa_prefixlen: a.prefixlen, ifa_scope: a.scope, ifa_index: a.index });
    const attrs: NlaSpec[] = [
      ['IFA_LOCAL', fromHostOrder(a.local)],
      ['IFA_ADDRESS', fromHostOrder(a.address)],
    ];
    if (a.broadcast) attrs.push(['IFA_BROADCAST', fromHostOrder(a.broadcast)]);
    attrs.push(['IFA_LABEL', a.label]);
    // an address changed in place keeps its own flags and metric (the ioctl reinserts the same
    // struct in_ifaddr); the kernel recomputes secondary and permanent itself
    const keep = a.flags & ~(IFA_F_SECONDARY | IFA_F_PERMANENT);
    if (keep) attrs.push(['IFA_FLAGS', keep]);
    if (a.metric) attrs.push(['IFA_RT_PRIORITY', a.metric]);
    return this.change(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, concat(hdr, encodeAttrs(IFA, attrs)));
  }

  private deladdr(a: Addr4): number {
    const hdr = encodeStruct(ifaddrmsg, { ifa_family: AF_INET, ifa_prefixlen: a.prefixlen, ifa_scope: a.scope, ifa_index: a.index });
    const attrs: NlaSpec[] = [
      ['IFA_LOCAL', fromHostOrder(a.local)],
      ['IFA_ADDRESS', fromHostOrder(a.address)],
      ['IFA_LABEL', a.label],
    ];
    return this.change(RTM_DELADDR, 0, concat(hdr, encodeAttrs(IFA, attrs)));
  }

  /** devinet_ioctl's "delete, change, insert again" of one address. */
  private reinsert(old: Addr4, next: Addr4): number {
    const err = this.deladdr(old);
    if (err) return err;
    // __inet_insert_ifa drops an address of 0.0.0.0 instead of inserting it
    if (next.local === 0) return 0;
    return this.newaddr(next);
  }

  // ------------------------------------------------------------------ dev_ioctl

  /** SIOCGIFFLAGS: the low 16 bits of dev_get_flags(), as a C short. */
  SIOCGIFFLAGS(ifname: string, fam: SockFamily): { errno: number; flags: number } {
    if (fam === null) return { errno: EBADF, flags: 0 };
    const l = this.link(ifname);
    if (!l) return { errno: ENODEV, flags: 0 };
    return { errno: 0, flags: (l.flags << 16) >> 16 };
  }

  /**
   * SIOCSIFFLAGS. Through an AF_INET socket a `dev:label` name means devinet's alias rule:
   * without IFF_UP the labelled address is deleted, otherwise nothing happens. Anything else
   * is dev_change_flags() on the device, i.e. RTM_NEWLINK with every flag bit given.
   */
  SIOCSIFFLAGS(ifname: string, flags: number, fam: SockFamily): number {
    if (fam === null) return EBADF;
    if (!this.admin()) return EPERM;
    const l = this.link(ifname);
    if (!l) return ENODEV;
    if (fam === 'inet' && ifname.includes(':')) {
      const ifa = this.addrs4(l.index).find((a) => a.label === ifname.slice(0, IFNAMSIZ - 1));
      if (!ifa) return EADDRNOTAVAIL;
      if (!(flags & IFF_UP)) return this.deladdr(ifa);
      return 0;
    }
    return this.setlink(l.index, flags & 0xffff, 0xffffffff, []);
  }

  /** SIOCSIFMTU: dev_set_mtu(); IFLA_MTU runs the same checks. */
  SIOCSIFMTU(ifname: string, mtu: number, fam: SockFamily): number {
    return this.devset(ifname, fam, (l) => this.setlink(l.index, 0, 0, [['IFLA_MTU', mtu >>> 0]]));
  }

  /** SIOCSIFTXQLEN: a negative int is EINVAL (netlink's u32 has no such check). */
  SIOCSIFTXQLEN(ifname: string, qlen: number, fam: SockFamily): number {
    return this.devset(ifname, fam, (l) => ((qlen | 0) < 0 ? EINVAL : this.setlink(l.index, 0, 0, [['IFLA_TXQLEN', qlen >>> 0]])));
  }

  /** SIOCSIFNAME: dev_change_name(); RTM_NEWLINK with the index and a new IFLA_IFNAME. */
  SIOCSIFNAME(ifname: string, newname: string, fam: SockFamily): number {
    return this.devset(ifname, fam, (l) => this.setlink(l.index, 0, 0, [['IFLA_IFNAME', newname.slice(0, IFNAMSIZ - 1)]]));
  }

  /**
   * SIOCSIFHWADDR: dev_set_mac_address() refuses an address family that is not the device's
   * type (EINVAL); IFLA_ADDRESS always uses the device's type, so that check is made here.
   */
  SIOCSIFHWADDR(ifname: string, family: number, addr: Uint8Array, fam: SockFamily): number {
    return this.devset(ifname, fam, (l) => {
      if (family !== l.type) {
        // dev_set_mac_address: no driver hook is EOPNOTSUPP, then a foreign family is EINVAL.
        // Whether the hook exists is learnt by giving the device its own address again.
        const e = this.setlink(l.index, 0, 0, [['IFLA_ADDRESS', l.address]]);
        return e || EINVAL;
      }
      const data = new Uint8Array(l.addrLen);
      data.set(addr.subarray(0, data.length));
      return this.setlink(l.index, 0, 0, [['IFLA_ADDRESS', data]]);
    });
  }

  /** SIOCGIFMAP (no privilege needed). */
  SIOCGIFMAP(ifname: string, fam: SockFamily): { errno: number; map: IfMap } {
    const map: IfMap = { mem_start: 0n, mem_end: 0n, base_addr: 0, irq: 0, dma: 0, port: 0 };
    if (fam === null) return { errno: EBADF, map };
    const l = this.link(ifname);
    if (!l) return { errno: ENODEV, map };
    if (l.map) {
      map.mem_start = BigInt(l.map.mem_start as bigint);
      map.mem_end = BigInt(l.map.mem_end as bigint);
      map.base_addr = Number(BigInt.asUintN(16, l.map.base_addr as bigint));
      map.irq = Number(l.map.irq) & 0xff;
      map.dma = Number(l.map.dma);
      map.port = Number(l.map.port);
    }
    return { errno: 0, map };
  }

  /** SIOCSIFMAP: ndo_set_config(); IFLA_MAP reaches the same driver hook (EOPNOTSUPP without one). */
  SIOCSIFMAP(ifname: string, map: IfMap, fam: SockFamily): number {
    return this.devset(ifname, fam, (l) =>
      this.setlink(l.index, 0, 0, [['IFLA_MAP', {
        mem_start: BigInt.asUintN(64, map.mem_start),
        mem_end: BigInt.asUintN(64, map.mem_end),
        base_addr: BigInt(map.base_addr & 0xffff),
        irq: map.irq & 0xff,
        dma: map.dma & 0xff,
        port: map.port & 0xff,
      }]]));
  }

  /** SIOGIFINDEX (no privilege needed). */
  SIOGIFINDEX(ifname: string, fam: SockFamily): { errno: number; index: number } {
    if (fam === null) return { errno: EBADF, index: 0 };
    const l = this.link(ifname);
    return l ? { errno: 0, index: l.index } : { errno: ENODEV, index: 0 };
  }

  /**
   * SLIP's private SIOCSKEEPALIVE/SIOCSOUTFILL (SIOCDEVPRIVATE range): there is no netlink
   * form; only slip devices took them, every other driver answers EOPNOTSUPP, and this
   * kernel has no slip driver.
   */
  SIOCDEVPRIVATE(ifname: string, fam: SockFamily): number {
    if (fam === null) return EBADF;
    const l = this.link(ifname);
    return l ? EOPNOTSUPP : ENODEV;
  }

  /** dev_ioctl's order for setters: socket, CAP_NET_ADMIN, device, then the change. */
  private devset(ifname: string, fam: SockFamily, f: (l: Link) => number): number {
    if (fam === null) return EBADF;
    if (!this.admin()) return EPERM;
    const l = this.link(ifname);
    if (!l) return ENODEV;
    return f(l);
  }

  // ------------------------------------------------------------------ devinet_ioctl (AF_INET)

  /** devinet_ioctl's common start for setters: privilege, device, the label's first address. */
  private devinet(ifname: string): { errno: number; link?: Link; ifa?: Addr4 } {
    if (!this.admin()) return { errno: EPERM };
    const link = this.link(ifname);
    if (!link) return { errno: ENODEV };
    const label = ifname.slice(0, IFNAMSIZ - 1);
    return { errno: 0, link, ifa: this.addrs4(link.index).find((a) => a.label === label) };
  }

  /**
   * SIOCSIFADDR: replace the label's first address (or create one labelled with the name),
   * with the classful prefix and, on broadcast devices, the classful broadcast; 0.0.0.0 only
   * deletes.
   */
  SIOCSIFADDR(ifname: string, addr: number): number {
    const { errno, link, ifa } = this.devinet(ifname);
    if (errno) return errno;
    if (inet_abc_len(addr) < 0) return EINVAL;
    if (ifa && ifa.local === addr) return 0;
    const next: Addr4 = {
      index: link!.index,
      label: ifa ? ifa.label : ifname.includes(':') ? ifname.slice(0, IFNAMSIZ - 1) : link!.name,
      local: addr,
      address: addr,
      prefixlen: 32,
      broadcast: 0,
      scope: 0,
      flags: ifa ? ifa.flags : 0,
      metric: ifa ? ifa.metric : 0,
    };
    if (!(link!.flags & IFF_POINTOPOINT)) {
      next.prefixlen = inet_abc_len(addr);
      if (link!.flags & IFF_BROADCAST && next.prefixlen < 31) next.broadcast = (addr | ~prefixMask(next.prefixlen)) >>> 0;
    }
    // inet_set_ifa: loopback addresses get host scope
    if (addr >>> 24 === 127) next.scope = RT_SCOPE_HOST;
    if (ifa) return this.reinsert(ifa, next);
    if (addr === 0) return 0;
    return this.newaddr(next);
  }

  /** SIOCSIFNETMASK: a new prefix; a broadcast that was the old classful one follows the mask. */
  SIOCSIFNETMASK(ifname: string, mask: number): number {
    const { errno, link, ifa } = this.devinet(ifname);
    if (errno) return errno;
    if (!ifa) return EADDRNOTAVAIL;
    if (bad_mask(mask)) return EINVAL;
    const oldMask = prefixMask(ifa.prefixlen);
    if (oldMask === mask) return 0;
    const next = { ...ifa, prefixlen: inet_mask_len(mask) };
    if (link!.flags & IFF_BROADCAST && next.prefixlen < 31 && ifa.broadcast === ((ifa.local | ~oldMask) >>> 0)) {
      next.broadcast = (ifa.local | ~mask) >>> 0;
    }
    return this.reinsert(ifa, next);
  }

  /** SIOCSIFBRDADDR */
  SIOCSIFBRDADDR(ifname: string, addr: number): number {
    const { errno, ifa } = this.devinet(ifname);
    if (errno) return errno;
    if (!ifa) return EADDRNOTAVAIL;
    if (ifa.broadcast === addr) return 0;
    return this.reinsert(ifa, { ...ifa, broadcast: addr });
  }

  /** SIOCSIFDSTADDR (AF_INET): the peer address. */
  SIOCSIFDSTADDR(ifname: string, addr: number): number {
    const { errno, ifa } = this.devinet(ifname);
    if (errno) return errno;
    if (!ifa) return EADDRNOTAVAIL;
    if (ifa.address === addr) return 0;
    if (inet_abc_len(addr) < 0) return EINVAL;
    return this.reinsert(ifa, { ...ifa, address: addr });
  }

  // ------------------------------------------------------------------ addrconf (AF_INET6)

  /** SIOCSIFADDR with an in6_ifreq: addrconf_add_ifaddr -> inet6_addr_add (permanent). */
  SIOCSIFADDR6(index: number, addr: Uint8Array, plen: number): number {
    if (!this.admin()) return EPERM;
    const hdr = encodeStruct(ifaddrmsg, { ifa_family: AF_INET6, ifa_prefixlen: plen & 0xff, ifa_index: index });
    if (plen > 128) return EINVAL;
    return this.change(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, concat(hdr, encodeAttrs(IFA, [['IFA_LOCAL', addr]])));
  }

  /** SIOCDIFADDR with an in6_ifreq: addrconf_del_ifaddr -> inet6_addr_del, as RTM_DELADDR is. */
  SIOCDIFADDR6(index: number, addr: Uint8Array, plen: number): number {
    if (!this.admin()) return EPERM;
    const hdr = encodeStruct(ifaddrmsg, { ifa_family: AF_INET6, ifa_prefixlen: plen & 0xff, ifa_index: index });
    return this.change(RTM_DELADDR, 0, concat(hdr, encodeAttrs(IFA, [['IFA_LOCAL', addr]])));
  }

  /**
   * SIOCSIFDSTADDR with an in6_ifreq (`tunnel`): addrconf_set_dstaddr makes a sit tunnel from
   * a sit device; on any other device it is ENODEV (no privilege check comes first). This
   * kernel has no sit driver.
   */
  SIOCSIFDSTADDR6(index: number): number {
    void index;
    return ENODEV;
  }
}

/** dev_ioctl's name: at most 15 bytes, cut at the first ':'. */
export function devName(ifname: string): string {
  const n = ifname.slice(0, IFNAMSIZ - 1);
  const c = n.indexOf(':');
  return c >= 0 ? n.slice(0, c) : n;
}
