/**
 * The fetch side of net-tools' lib/interface.c (if_readlist, lookup_interface, if_fetch),
 * filled from rtnetlink instead of /proc/net/dev and SIOCGIF* ioctls. The print side is
 * src/format/ife_print.ts.
 *
 * What the ioctls answered, and where it comes from here:
 *  - the name list: /proc/net/dev names + SIOCGIFCONF labels -> RTM_GETLINK IFLA_IFNAME +
 *    RTM_GETADDR(AF_INET) IFA_LABEL, kept in nstrcmp order as if_cache_add keeps them;
 *  - SIOCGIFFLAGS/HWADDR/MTU/MAP/TXQLEN on `dev[:label]` answer for `dev` -> ifinfomsg and IFLA_*;
 *  - SIOCGIFADDR/DSTADDR/BRDADDR/NETMASK answer for the first address whose label is the
 *    whole name -> the first RTM_NEWADDR (dump order = the kernel's ifa_list order) with that IFA_LABEL;
 *  - /proc/net/dev counters -> IFLA_STATS64 with the sums the kernel's dev_seq_printf_stats makes;
 *  - /proc/net/if_inet6 -> RTM_GETADDR(AF_INET6); only the order of the lines is taken from
 *    /proc/net/if_inet6, when it can be read (compat/proc-reads.md).
 */
import type { Sys } from '../sys/types.js';
import { indexMessage, type RawMessage } from '../netlink/stream.js';
import { AttrIndex, i32le, latin1, u16le, u32le } from '../netlink/codec.js';
import * as IFA_OFF from '../netlink/names/ifaddrmsg.js';
import * as IFA_T from '../netlink/names/ifa.js';
import * as IFI from '../netlink/names/ifinfomsg.js';
import * as IFLA_T from '../netlink/names/ifla.js';
import * as S32 from '../netlink/names/rtnl_link_stats.js';
import * as S64 from '../netlink/names/rtnl_link_stats64.js';
import * as MAP from '../netlink/names/rtnl_link_ifmap.js';
import { AF_INET, AF_INET6, IFA, IFLA, RTM_NEWADDR, RTM_NEWLINK, RTNL_MESSAGES } from '../netlink/messages.js';
import { openRtnl, rtnl_addrdump_raw, rtnl_linkdump_raw } from '../netlink/rtnl.js';
import { nstrcmp } from '../lib/nstrcmp.js';
import { fromHostOrder, prefixMask } from '../lib/inet.js';
import {
  IPV6_ADDR_COMPATv4, IPV6_ADDR_LINKLOCAL, IPV6_ADDR_LOOPBACK, IPV6_ADDR_SITELOCAL,
} from '../../compat/ifconfig.js';

/** struct user_net_device_stats as net-tools reads /proc/net/dev (procnetdev_vsn 3). */
export interface IfStats {
  rx_packets: bigint;
  rx_bytes: bigint;
  rx_errors: bigint;
  rx_dropped: bigint;
  rx_fifo_errors: bigint;
  rx_frame_errors: bigint;
  rx_compressed: bigint;
  rx_multicast: bigint;
  tx_packets: bigint;
  tx_bytes: bigint;
  tx_errors: bigint;
  tx_dropped: bigint;
  tx_fifo_errors: bigint;
  collisions: bigint;
  tx_carrier_errors: bigint;
  tx_compressed: bigint;
}

/** struct ifmap as SIOCGIFMAP fills it. */
export interface IfMap {
  mem_start: bigint;
  mem_end: bigint;
  /** unsigned short */
  base_addr: number;
  /** unsigned char */
  irq: number;
  dma: number;
  port: number;
}

export interface Inet6Addr {
  addr: Uint8Array;
  prefixlen: number;
  /** if_inet6's scope column: __ipv6_addr_type() & IPV6_ADDR_SCOPE_MASK */
  scope: number;
}

/** struct interface (lib/interface.h), the fields ifconfig prints. */
export interface Interface {
  name: string;
  /** SIOCGIFFLAGS' short: the low 16 bits of dev_get_flags(), signed */
  flags: number;
  /** ARPHRD_* */
  type: number;
  /** 32 bytes; the first 8 of the device address, as if_fetch copies them */
  hwaddr: Uint8Array;
  mtu: number;
  tx_queue_len: number;
  map: IfMap;
  outfill: number;
  keepalive: number;
  has_ip: boolean;
  addr: Uint8Array;
  netmask: Uint8Array;
  broadaddr: Uint8Array;
  dstaddr: Uint8Array;
  statistics_valid: boolean;
  stats: IfStats;
  inet6: Inet6Addr[];
}

/** A link of the dump: its RTM_NEWLINK kept as it came, read in place when it is fetched. */
interface Link {
  index: number;
  name: string;
  raw: RawMessage;
}

interface Addr4 {
  index: number;
  label: string;
  local: Uint8Array;
  address: Uint8Array;
  broadcast: Uint8Array | null;
  prefixlen: number;
}

/** Everything ifconfig needs, read once from the kernel. */
export class IfWorld {
  private readonly links: Link[];
  private readonly byName = new Map<string, Link>();
  private readonly addr4: Addr4[];
  private readonly inet6ByIndex = new Map<number, Inet6Addr[]>();
  /** /proc/net/if_inet6's order, read when a link with two or more IPv6 addresses is fetched */
  private inet6Order: Map<string, number> | null | undefined;
  private readonly inet6Sorted = new Set<number>();
  /** the index of a link's attributes: of each link in turn while the dump is read, then of the
   * link if_fetch is reading (one index, made once: making one costs more than indexing) */
  private readonly tb = new AttrIndex(IFLA);

  constructor(private readonly sys: Sys) {
    const nl = openRtnl(sys);
    try {
      // read in place, not decoded: only the links ifconfig shows need more than their names
      const spec = RTNL_MESSAGES[RTM_NEWLINK]!;
      const tb = this.tb;
      this.links = rtnl_linkdump_raw(nl).map((raw) => {
        indexMessage(spec, raw, tb);
        return { index: i32le(raw.payload, IFI.ifi_index!), name: tb.string(IFLA_T.IFLA_IFNAME!) ?? '', raw };
      });
      for (const l of this.links) if (!this.byName.has(l.name)) this.byName.set(l.name, l);
      // the addresses, read in place too (the views kept are into datagrams nothing reuses)
      const addrSpec = RTNL_MESSAGES[RTM_NEWADDR]!;
      const ta = new AttrIndex(IFA);
      this.addr4 = rtnl_addrdump_raw(nl, AF_INET).map((m) => {
        indexMessage(addrSpec, m, ta);
        // inet_fill_ifaddr leaves out an address that is 0.0.0.0 (a peer set to 0, say)
        return {
          index: u32le(m.payload, IFA_OFF.ifa_index!),
          label: ta.string(IFA_T.IFA_LABEL!) ?? '',
          local: ta.bytes(IFA_T.IFA_LOCAL!) ?? new Uint8Array(4),
          address: ta.bytes(IFA_T.IFA_ADDRESS!) ?? new Uint8Array(4),
          broadcast: ta.bytes(IFA_T.IFA_BROADCAST!) ?? null,
          prefixlen: m.payload[IFA_OFF.ifa_prefixlen!]!,
        };
      });
      for (const m of rtnl_addrdump_raw(nl, AF_INET6)) {
        indexMessage(addrSpec, m, ta);
        const index = u32le(m.payload, IFA_OFF.ifa_index!);
        const addr = ta.bytes(IFA_T.IFA_ADDRESS!) ?? ta.bytes(IFA_T.IFA_LOCAL!);
        if (!addr || addr.length !== 16) continue;
        let list = this.inet6ByIndex.get(index);
        if (!list) this.inet6ByIndex.set(index, (list = []));
        list.push({ addr, prefixlen: m.payload[IFA_OFF.ifa_prefixlen!]!, scope: ipv6AddrScope(addr) });
      }
    } finally {
      nl.close();
    }
  }

  /**
   * A link's IPv6 addresses in /proc/net/if_inet6's order (netlink's when it cannot be read).
   * The file is read only for a link that has two or more: one address has no order to take.
   */
  private inet6(index: number): Inet6Addr[] {
    const list = this.inet6ByIndex.get(index) ?? [];
    if (list.length >= 2 && !this.inet6Sorted.has(index)) {
      this.inet6Sorted.add(index);
      if (this.inet6Order === undefined) this.inet6Order = readIfInet6Order(this.sys);
      const order = this.inet6Order;
      if (order) {
        const pos = (a: Inet6Addr): number => order.get(`${index}/${hex(a.addr)}`) ?? Number.MAX_SAFE_INTEGER;
        // stable: addresses missing from if_inet6 keep netlink's order, after the others
        list.sort((a, b) => pos(a) - pos(b));
      }
    }
    return list;
  }

  /**
   * if_readlist(): every link name (in link dump order, as /proc/net/dev lists them) and then
   * every IPv4 label (as SIOCGIFCONF lists them), inserted as if_cache_add does.
   */
  if_readlist(list: string[] = []): string[] {
    for (const l of this.links) if_cache_add(list, l.name);
    for (const a of this.addr4) if_cache_add(list, a.label);
    return list;
  }

  /**
   * lookup_interface() before the whole list was read: if_readlist_proc(target) adds the link
   * names up to and including the target, then the target itself is added.
   */
  lookup_interface(list: string[], target: string): void {
    for (const l of this.links) {
      if_cache_add(list, l.name);
      if (l.name === target) break;
    }
    if_cache_add(list, target);
  }

  /** Whether /proc/net/dev would list this name (statistics_valid). */
  isLink(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * if_fetch(): the interface as the SIOCGIF* ioctls on `name` would describe it, or null
   * when the device (the part before ':') does not exist (ENODEV).
   */
  if_fetch(name: string): Interface | null {
    const colon = name.indexOf(':');
    const link = this.byName.get(colon >= 0 ? name.slice(0, colon) : name);
    if (!link) return null;
    const h = link.raw.payload;
    const tb = indexMessage(RTNL_MESSAGES[RTM_NEWLINK]!, link.raw, this.tb);
    const hwaddr = new Uint8Array(32);
    const dev = tb.bytes(IFLA_T.IFLA_ADDRESS!);
    if (dev) hwaddr.set(dev.subarray(0, 8));
    // a null prototype: a dictionary in V8, with no hidden class made per name at each start
    // (about 2 us a name for the first object of a shape)
    const ife: Interface & { __proto__: null } = {
      __proto__: null,
      name,
      flags: (u32le(h, IFI.ifi_flags!) << 16) >> 16,
      type: u16le(h, IFI.ifi_type!),
      hwaddr,
      mtu: tb.uint(IFLA_T.IFLA_MTU!),
      tx_queue_len: tb.has(IFLA_T.IFLA_TXQLEN!) ? tb.uint(IFLA_T.IFLA_TXQLEN!) | 0 : -1,
      map: ifmap(tb.bytes(IFLA_T.IFLA_MAP)),
      outfill: 0,
      keepalive: 0,
      has_ip: false,
      addr: new Uint8Array(4),
      netmask: new Uint8Array(4),
      broadaddr: new Uint8Array(4),
      dstaddr: new Uint8Array(4),
      statistics_valid: this.byName.has(name),
      stats: procNetDevStats(link, tb),
      inet6: this.byName.has(name) ? this.inet6(link.index) : [],
    };
    const a = this.addr4.find((x) => x.index === link.index && x.label === name);
    if (a) {
      ife.has_ip = true;
      ife.addr = a.local;
      ife.dstaddr = a.address;
      ife.broadaddr = a.broadcast ?? new Uint8Array(4);
      ife.netmask = fromHostOrder(prefixMask(a.prefixlen));
    }
    return ife;
  }
}

/** if_cache_add() lib/interface.c:97-123: insert keeping nstrcmp order, scanning from the end. */
export function if_cache_add(list: string[], name: string): void {
  let i = list.length - 1;
  for (; i >= 0; i--) {
    const n = nstrcmp(list[i]!, name);
    if (n === 0) return;
    if (n < 0) break;
  }
  list.splice(i + 1, 0, name);
}

const ZERO = 0n;

/**
 * struct ifmap as SIOCGIFMAP fills it, from IFLA_MAP's struct rtnl_link_ifmap: each field read
 * where the declaration puts it (within the kind's minSize, which the index checked), base_addr
 * cut to ifmap's unsigned short and irq to its unsigned char. No IFLA_MAP: all 0.
 */
function ifmap(b: Uint8Array | undefined): IfMap {
  if (!b) return { mem_start: ZERO, mem_end: ZERO, base_addr: 0, irq: 0, dma: 0, port: 0 };
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    mem_start: dv.getBigUint64(MAP.mem_start, true),
    mem_end: dv.getBigUint64(MAP.mem_end, true),
    base_addr: Number(BigInt.asUintN(16, dv.getBigUint64(MAP.base_addr, true))),
    irq: dv.getUint16(MAP.irq, true) & 0xff,
    dma: dv.getUint8(MAP.dma),
    port: dv.getUint8(MAP.port),
  };
}

/**
 * The counters as net-tools 2.10 (Debian) gets them out of /proc/net/dev. Debian's fix for
 * CVE-2025-46836 (get_name, lib/interface.c:213-255) stops copying a name after 15 bytes, so
 * for a 15-byte name the parser is left on the ':' and sscanf reads nothing: every counter of
 * such an interface prints as 0 (statistics still "valid"). Observed on the real binary.
 * `tb`: the link's attributes, as if_fetch indexed them.
 */
function procNetDevStats(link: Link, tb: AttrIndex): IfStats {
  if (link.name.length >= IFNAMSIZ - 1) return linkStats(undefined, true);
  const stats64 = tb.bytes(IFLA_T.IFLA_STATS64);
  return stats64 ? linkStats(stats64, true) : linkStats(tb.bytes(IFLA_T.IFLA_STATS), false);
}

const IFNAMSIZ = 16;

/**
 * The /proc/net/dev columns (kernel dev_seq_printf_stats) from IFLA_STATS64's struct
 * rtnl_link_stats64 (`wide`) or IFLA_STATS's rtnl_link_stats: each counter read where the
 * struct's declaration puts it (src/netlink/names/), with no decoded struct between. The index
 * has checked the payload's size against the kind's minSize, which every field read here is in
 * (the fields the kernel added later are not read). No payload: every counter is 0.
 */
function linkStats(b: Uint8Array | undefined, wide: boolean): IfStats {
  const dv = b ? new DataView(b.buffer, b.byteOffset, b.byteLength) : null;
  const g = (at64: number, at32: number): bigint =>
    dv === null ? ZERO : wide ? dv.getBigUint64(at64, true) : BigInt(dv.getUint32(at32, true));
  // a dictionary, as the interface in if_fetch
  const stats: IfStats & { __proto__: null } = {
    __proto__: null,
    rx_bytes: g(S64.rx_bytes, S32.rx_bytes),
    rx_packets: g(S64.rx_packets, S32.rx_packets),
    rx_errors: g(S64.rx_errors, S32.rx_errors),
    rx_dropped: g(S64.rx_dropped, S32.rx_dropped) + g(S64.rx_missed_errors, S32.rx_missed_errors),
    rx_fifo_errors: g(S64.rx_fifo_errors, S32.rx_fifo_errors),
    rx_frame_errors:
      g(S64.rx_length_errors, S32.rx_length_errors) + g(S64.rx_over_errors, S32.rx_over_errors) +
      g(S64.rx_crc_errors, S32.rx_crc_errors) + g(S64.rx_frame_errors, S32.rx_frame_errors),
    rx_compressed: g(S64.rx_compressed, S32.rx_compressed),
    rx_multicast: g(S64.multicast, S32.multicast),
    tx_bytes: g(S64.tx_bytes, S32.tx_bytes),
    tx_packets: g(S64.tx_packets, S32.tx_packets),
    tx_errors: g(S64.tx_errors, S32.tx_errors),
    tx_dropped: g(S64.tx_dropped, S32.tx_dropped),
    tx_fifo_errors: g(S64.tx_fifo_errors, S32.tx_fifo_errors),
    collisions: g(S64.collisions, S32.collisions),
    tx_carrier_errors:
      g(S64.tx_carrier_errors, S32.tx_carrier_errors) + g(S64.tx_aborted_errors, S32.tx_aborted_errors) +
      g(S64.tx_window_errors, S32.tx_window_errors) + g(S64.tx_heartbeat_errors, S32.tx_heartbeat_errors),
    tx_compressed: g(S64.tx_compressed, S32.tx_compressed),
  };
  return stats;
}

/** Kernel __ipv6_addr_type() & IPV6_ADDR_SCOPE_MASK: the scope column of /proc/net/if_inet6. */
export function ipv6AddrScope(a: Uint8Array): number {
  const st = ((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0;
  if ((st & 0xe0000000) !== 0 && (st & 0xe0000000) >>> 0 !== 0xe0000000) return 0;
  if ((st & 0xff000000) >>> 0 === 0xff000000) {
    // multicast: scope from the address (never in if_inet6, kept for completeness)
    const mc = a[1]! & 0x0f;
    return mc === 1 ? IPV6_ADDR_LOOPBACK : mc === 2 ? IPV6_ADDR_LINKLOCAL : mc === 5 ? IPV6_ADDR_SITELOCAL : 0;
  }
  if ((st & 0xffc00000) >>> 0 === 0xfe800000) return IPV6_ADDR_LINKLOCAL;
  if ((st & 0xffc00000) >>> 0 === 0xfec00000) return IPV6_ADDR_SITELOCAL;
  if ((st & 0xfe000000) >>> 0 === 0xfc000000) return 0;
  const w = (i: number): number => ((a[i]! << 24) | (a[i + 1]! << 16) | (a[i + 2]! << 8) | a[i + 3]!) >>> 0;
  if ((w(0) | w(4)) === 0) {
    if (w(8) === 0) {
      if (w(12) === 0) return 0;
      if (w(12) === 1) return IPV6_ADDR_LOOPBACK;
      return IPV6_ADDR_COMPATv4;
    }
  }
  return 0;
}

function hex(a: Uint8Array): string {
  let s = '';
  for (const b of a) s += b.toString(16).padStart(2, '0');
  return s;
}

/**
 * The order of /proc/net/if_inet6 (a hash walk salted per namespace, which netlink does not
 * reveal): `ifindex/hexaddr` -> line number. null when the file cannot be read.
 */
function readIfInet6Order(sys: Sys): Map<string, number> | null {
  let text: string;
  try {
    text = latin1(sys.readFile('/proc/net/if_inet6'));
  } catch {
    return null;
  }
  const order = new Map<string, number>();
  let n = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || f[0]!.length !== 32) continue;
    order.set(`${parseInt(f[1]!, 16)}/${f[0]!.toLowerCase()}`, n++);
  }
  return order;
}
