/**
 * The routing ioctls `route add|del` issues -- SIOCADDRT/SIOCDELRT with a struct rtentry on an
 * AF_INET socket, with a struct in6_rtmsg on an AF_INET6 socket, and SIOGIFINDEX -- emulated
 * over rtnetlink: each method takes what the ioctl carried and answers what the kernel would
 * have answered (0 or a positive errno), leaving the routing tables as the ioctl would. No
 * ioctl is issued. The kernel code whose rules are reproduced (Linux 6.18):
 *
 *  - net/ipv4/fib_frontend.c ip_rt_ioctl + rtentry_to_fib_config: CAP_NET_ADMIN first; the
 *    netmask check (bad_mask); protocol RTPROT_BOOT for an add; priority = rt_metric - 1 (a C
 *    short, so it wraps); a reject route is RTN_UNREACHABLE of host scope with no device or
 *    gateway; the device is looked up by name (ENODEV), and a `dev:label` name also gives the
 *    label's address as preferred source (ENODEV without one); the table is the device's VRF
 *    table, else the main one; a gateway makes the scope universe only if it is a unicast
 *    address of that table (inet_addr_type_table, a look-up redone here from dumps); an add
 *    with RTF_GATEWAY but a 0.0.0.0 gateway is EINVAL; advmss = mss - 40, window, rtt = irtt << 3.
 *    The fib_config built that way is then sent as RTM_NEWROUTE (NLM_F_CREATE only) or
 *    RTM_DELROUTE, which the kernel turns back into the same fib_config
 *    (rtm_to_fib_config) and hands to the same fib_table_insert / fib_table_delete.
 *  - net/ipv6/route.c ipv6_route_ioctl + rtmsg_to_fib6_config: the flags the ioctl passes are
 *    the route's own, and RTF_HOST has the value of RTNH_F_ONLINK, so a /128 route is an onlink
 *    one: sent as rtm_flags RTNH_F_ONLINK, which rtm_to_fib6_config takes into fc_flags the
 *    same way. An ioctl delete removes one fib6_info, never a whole multipath route
 *    (fc_delete_all_nh is 0), which RTM_DELROUTE does unless it names a gateway: so a delete
 *    that would hit a multipath route names the sibling's gateway and device.
 *    RTF_MODIFIED and RTF_DYNAMIC (`mod`, `dyn`) have no netlink form and are not set
 *    (compat/route.md).
 */
import type { Sys } from '../sys/types.js';
import { DecodeError, defineStruct, encodeAttrs, encodeStruct, iterAttrs, type NlaSpec } from '../netlink/codec.js';
import {
  AF_INET, AF_INET6, IFLA, NLM_F_CREATE, RTA, RTM_DELROUTE, RTM_GETLINK, RTM_NEWLINK,
  RTM_NEWROUTE, RTNL_MESSAGES, ifinfomsg, rtmsg, type MessageSpec,
} from '../netlink/messages.js';
import { NetlinkError, decodeMessage, type Message, type Netlink } from '../netlink/stream.js';
import { concat, openRtnl, rtnl_addrdump, rtnl_admin, rtnl_change } from '../netlink/rtnl.js';
import { devName } from './ioctl.js';
import {
  RTN_BLACKHOLE, RTN_BROADCAST, RTN_MULTICAST, RTN_PROHIBIT, RTN_THROW, RTN_UNICAST, RTN_UNREACHABLE,
  RTNH_F_DEAD, RTNH_F_ONLINK, RTPROT_BOOT, RTPROT_KERNEL, RT_TABLE_LOCAL, RT_TABLE_MAIN, dumpRoutes, type Route,
} from './route.js';
import { hostOrder } from '../lib/inet_resolve.js';
import { prefixMask } from '../lib/inet.js';
import { RTF_GATEWAY, RTF_HOST, RTF_IRTT, RTF_MTU, RTF_REJECT, RTF_WINDOW } from '../../compat/net-support.js';
export { EAFNOSUPPORT, EINVAL, ENODEV, EPERM } from '../../compat/errno.js';
import { EAFNOSUPPORT, EINVAL, ENODEV, EPERM } from '../../compat/errno.js';


const RT_SCOPE_UNIVERSE = 0;
const RT_SCOPE_LINK = 253;
const RT_SCOPE_HOST = 254;
const RT_SCOPE_NOWHERE = 255;
const RT_TABLE_COMPAT = 252;
const RTN_NAT = 10;
const RTN_XRESOLVE = 11;
const IFNAMSIZ = 16;
const IFLA_VRF_TABLE = 1;

/** struct rtentry as lib/inet_sr.c fills it (the fields the kernel reads). */
export interface RtEntry {
  /** rt_dst: always AF_INET */
  dst: Uint8Array;
  /** rt_gateway; family 0 when not set */
  gateway: Uint8Array;
  gatewayFamily: number;
  /** rt_genmask; family 0 when not set */
  genmask: Uint8Array;
  genmaskFamily: number;
  /** unsigned short rt_flags */
  flags: number;
  /** short rt_metric (the metric + 1, or 0) */
  metric: number;
  /** rt_dev, or null */
  dev: string | null;
  /** unsigned long rt_mtu (rt_mss) */
  mtu: bigint;
  /** unsigned long rt_window */
  window: bigint;
  /** unsigned short rt_irtt */
  irtt: number;
}

/** struct in6_rtmsg as lib/inet6_sr.c fills it. */
export interface In6Rtmsg {
  dst: Uint8Array;
  gateway: Uint8Array;
  dstLen: number;
  /** __u32 rtmsg_metric */
  metric: number;
  /** __u32 rtmsg_flags */
  flags: number;
  ifindex: number;
}

interface LinkMsg {
  index: number;
  msg: Message;
}

// FIB rules (linux/fib_rules.h), to tell whether the local and main tables share one trie
const RTM_GETRULE = 34;
const RTM_NEWRULE = 32;
const fib_rule_hdr = defineStruct('fib_rule_hdr', () => [
  ['family', 'u8'], ['dst_len', 'u8'], ['src_len', 'u8'], ['tos', 'u8'],
  ['table', 'u8'], ['res1', 'u8'], ['res2', 'u8'], ['action', 'u8'], ['flags', 'u32'],
]);
const FRA_PROTOCOL = 21;
const RULE_SPEC: MessageSpec = { name: 'RTM_NEWRULE', header: fib_rule_hdr, attrs: { name: 'fra', attrs: {} } };

/** The error route types: fib_table_lookup returns their fib_props error (net/ipv4/fib_semantics.c). */
const ERROR_TYPES = new Set([RTN_BLACKHOLE, RTN_UNREACHABLE, RTN_PROHIBIT, RTN_THROW, RTN_NAT, RTN_XRESOLVE]);

/** include/linux/inetdevice.h bad_mask (host-order words) */
function bad_mask(mask: number, addr: number): boolean {
  const inv = ~mask >>> 0;
  if ((addr & inv) >>> 0) return true;
  return ((inv & (inv + 1)) >>> 0) !== 0;
}

/** inet_mask_len() */
function inet_mask_len(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m & 0x80000000; m = (m << 1) >>> 0) n++;
  return n;
}

export class RouteIoctl {
  private readonly nl: Netlink;

  constructor(sys: Sys) {
    this.nl = openRtnl(sys);
  }

  close(): void {
    this.nl.close();
  }

  /** Do we hold CAP_NET_ADMIN over this namespace? (rtnl_admin: asked once, changes nothing) */
  admin(): boolean {
    return rtnl_admin(this.nl);
  }

  /** A change request; returns 0 or the kernel's errno. */
  private change(type: number, flags: number, hdr: Uint8Array, attrs: readonly NlaSpec[]): number {
    return rtnl_change(this.nl, type, flags, concat(hdr, encodeAttrs(RTA, attrs)));
  }

  private getLink(attrs: readonly NlaSpec[], index = 0): LinkMsg | null {
    const payload = concat(encodeStruct(ifinfomsg, { ifi_family: 0, ifi_index: index }), encodeAttrs(IFLA, attrs));
    try {
      const m = decodeMessage(RTNL_MESSAGES[RTM_NEWLINK]!, this.nl.get(RTM_GETLINK, payload));
      return { index: Number(m.header.ifi_index), msg: m };
    } catch (e) {
      if (e instanceof NetlinkError && (e.errno === ENODEV || e.errno === EINVAL)) return null;
      throw e;
    }
  }

  /** __dev_get_by_name() */
  private linkByName(name: string): LinkMsg | null {
    return this.getLink([['IFLA_IFNAME', name]]);
  }

  /** the VRF table of a link that is a VRF device (IFLA_VRF_TABLE), else 0 */
  private vrfTableOf(l: LinkMsg): number {
    const info = l.msg.attrs.values.IFLA_LINKINFO as { IFLA_INFO_KIND?: string; IFLA_INFO_DATA?: Uint8Array } | undefined;
    if (!info || info.IFLA_INFO_KIND !== 'vrf' || !info.IFLA_INFO_DATA) return 0;
    try {
      for (const a of iterAttrs(info.IFLA_INFO_DATA, 0, 'vrf')) {
        if (a.type === IFLA_VRF_TABLE && a.data.length >= 4) return new DataView(a.data.buffer, a.data.byteOffset, 4).getUint32(0, true);
      }
    } catch (e) {
      if (e instanceof DecodeError) throw new NetlinkError(71, `netlink: malformed IFLA_INFO_DATA: ${e.message}`);
      throw e;
    }
    return 0;
  }

  /** l3mdev_fib_table(dev): the VRF's table for a VRF device or one of its slaves, else 0. */
  private l3mdevTable(l: LinkMsg): number {
    const own = this.vrfTableOf(l);
    if (own) return own;
    const master = l.msg.attrs.values.IFLA_MASTER;
    if (master === undefined) return 0;
    const m = this.getLink([], Number(master));
    return m ? this.vrfTableOf(m) : 0;
  }

  /**
   * Whether the local and main tables still share one trie: the kernel unmerges them
   * (fib_unmerge) when the first rule is added, and never merges them again. The three rules
   * fib_default_rules_init() made are the only ones of protocol RTPROT_KERNEL; any other rule
   * means a rule was added. (A namespace whose added rules were all deleted again reads as
   * merged: that history is not visible.)
   */
  private tablesMerged(): boolean {
    let msgs;
    try {
      msgs = this.nl.dumpAll(RTM_GETRULE, encodeStruct(fib_rule_hdr, { family: AF_INET }));
    } catch (e) {
      if (e instanceof NetlinkError) return true;
      throw e;
    }
    const rules = msgs.filter((m) => m.type === RTM_NEWRULE).map((m) => decodeMessage(RULE_SPEC, m));
    return rules.every((r) => r.attrs.raw.some((a) => a.type === FRA_PROTOCOL && a.data[0] === RTPROT_KERNEL));
  }

  /**
   * inet_addr_type_table(net, addr, tb_id) (net/ipv4/fib_frontend.c __inet_dev_addr_type): 0.x.y.z
   * and 255.255.255.255 are broadcast, class D multicast; else the type of the route
   * fib_table_lookup() finds in that table (main for 0, holding the local table's routes too
   * while the tables are merged), unicast when it finds none or an error route.
   */
  private inetAddrTypeTable(addr: Uint8Array, tbId: number): number {
    const a = hostOrder(addr);
    if (a >>> 24 === 0 || a === 0xffffffff) return RTN_BROADCAST;
    if (a >>> 28 === 0xe) return RTN_MULTICAST;
    const table = tbId || RT_TABLE_MAIN;
    const routes = dumpRoutes(this.nl, AF_INET);
    const merged = table === RT_TABLE_MAIN && this.tablesMerged();
    const exists =
      routes.some((r) => r.table === table) || ((table === RT_TABLE_MAIN || table === RT_TABLE_LOCAL) && routes.length > 0);
    if (!exists) return RTN_BROADCAST;
    const cands = routes
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.table === table || (merged && r.table === RT_TABLE_LOCAL))
      // longest prefix first; within a prefix, fib_insert_alias keeps higher table ids first
      .sort((x, y) => y.r.plen - x.r.plen || y.r.table - x.r.table || x.i - y.i);
    for (const { r } of cands) {
      const m = prefixMask(r.plen);
      if (((a & m) >>> 0) !== hostOrder(r.dst)) continue;
      if (r.tos) continue;
      if (ERROR_TYPES.has(r.type)) return RTN_UNICAST;
      if (r.nexthops.length && r.nexthops.every((nh) => nh.flags & RTNH_F_DEAD)) continue;
      return r.type;
    }
    return RTN_UNICAST;
  }

  /** SIOCADDRT / SIOCDELRT on an AF_INET socket. */
  rt4(add: boolean, rt: RtEntry): number {
    if (!this.admin()) return EPERM;
    let plen = 32;
    const addr = hostOrder(rt.dst);
    if (!(rt.flags & RTF_HOST)) {
      const mask = hostOrder(rt.genmask);
      if (rt.genmaskFamily !== AF_INET && (mask || rt.genmaskFamily)) return EAFNOSUPPORT;
      if (bad_mask(mask, addr)) return EINVAL;
      plen = inet_mask_len(mask);
    }
    let table = 0;
    const protocol = add ? RTPROT_BOOT : 0;
    // short rt_metric, promoted to int, minus one, into a u32
    const priority = rt.metric ? (rt.metric - 1) >>> 0 : 0;
    let scope: number;
    let type: number;
    let oif = 0;
    let prefsrc: Uint8Array | null = null;
    let gw: Uint8Array | null = null;
    const metrics: Record<string, number> = {};
    if (rt.flags & RTF_REJECT) {
      scope = RT_SCOPE_HOST;
      type = RTN_UNREACHABLE;
    } else {
      scope = RT_SCOPE_NOWHERE;
      type = RTN_UNICAST;
      if (rt.dev !== null) {
        const name = rt.dev.slice(0, IFNAMSIZ - 1);
        const colon = name.indexOf(':');
        const l = this.linkByName(colon >= 0 ? name.slice(0, colon) : name);
        if (!l) return ENODEV;
        oif = l.index;
        table = this.l3mdevTable(l);
        if (colon >= 0) {
          const ifa = rtnl_addrdump(this.nl, AF_INET).find(
            (m) => Number(m.header.ifa_index) === l.index && String(m.attrs.values.IFA_LABEL ?? '') === name,
          );
          if (!ifa) return ENODEV;
          prefsrc = ((ifa.attrs.values.IFA_LOCAL ?? ifa.attrs.values.IFA_ADDRESS) as Uint8Array).slice(0, 4);
        }
      }
      if (rt.gatewayFamily === AF_INET && hostOrder(rt.gateway) !== 0) {
        gw = rt.gateway.slice(0, 4);
        if (rt.flags & RTF_GATEWAY && this.inetAddrTypeTable(gw, table) === RTN_UNICAST) scope = RT_SCOPE_UNIVERSE;
      }
      if (add) {
        if (rt.flags & RTF_GATEWAY && !gw) return EINVAL;
        if (scope === RT_SCOPE_NOWHERE) scope = RT_SCOPE_LINK;
        if (rt.flags & RTF_MTU) metrics.RTAX_ADVMSS = Number(BigInt.asUintN(32, rt.mtu - 40n));
        if (rt.flags & RTF_WINDOW) metrics.RTAX_WINDOW = Number(BigInt.asUintN(32, rt.window));
        if (rt.flags & RTF_IRTT) metrics.RTAX_RTT = ((rt.irtt & 0xffff) << 3) >>> 0;
      }
    }
    const hdr = encodeStruct(rtmsg, {
      rtm_family: AF_INET,
      rtm_dst_len: plen,
      rtm_table: table < 256 ? table : RT_TABLE_COMPAT,
      rtm_protocol: protocol,
      rtm_scope: scope,
      rtm_type: type,
    });
    const attrs: NlaSpec[] = [];
    if (table >= 256) attrs.push(['RTA_TABLE', table]);
    attrs.push(['RTA_DST', rt.dst.slice(0, 4)]);
    if (priority) attrs.push(['RTA_PRIORITY', priority]);
    if (prefsrc) attrs.push(['RTA_PREFSRC', prefsrc]);
    if (oif) attrs.push(['RTA_OIF', oif]);
    if (gw) attrs.push(['RTA_GATEWAY', gw]);
    if (Object.keys(metrics).length) attrs.push(['RTA_METRICS', metrics]);
    return add ? this.change(RTM_NEWROUTE, NLM_F_CREATE, hdr, attrs) : this.change(RTM_DELROUTE, 0, hdr, attrs);
  }

  /** SIOGIFINDEX: the device of an ifreq name (cut at ':'), no privilege needed. */
  SIOGIFINDEX(ifname: string): { errno: number; index: number } {
    const l = this.linkByName(devName(ifname));
    return l ? { errno: 0, index: l.index } : { errno: ENODEV, index: 0 };
  }

  /** SIOCADDRT / SIOCDELRT on an AF_INET6 socket. */
  rt6(add: boolean, m: In6Rtmsg): number {
    if (!this.admin()) return EPERM;
    let table = RT_TABLE_MAIN;
    if (m.ifindex) {
      const l = this.getLink([], m.ifindex);
      const t = l ? this.l3mdevTable(l) : 0;
      if (t) table = t;
    }
    const attrs: NlaSpec[] = [];
    if (table >= 256) attrs.push(['RTA_TABLE', table]);
    attrs.push(['RTA_DST', m.dst.slice(0, 16)]);
    let gateway: Uint8Array | null = m.flags & RTF_GATEWAY ? m.gateway.slice(0, 16) : null;
    let ifindex = m.ifindex;
    if (!add && !gateway) {
      // the ioctl deletes one sibling of a multipath route; RTM_DELROUTE without a gateway all
      const hop = this.firstDeletable6(table, m);
      if (hop) {
        gateway = hop.gw;
        ifindex = hop.ifindex;
      }
    }
    if (gateway) attrs.push(['RTA_GATEWAY', gateway]);
    if (ifindex) attrs.push(['RTA_OIF', ifindex]);
    if (m.metric >>> 0) attrs.push(['RTA_PRIORITY', m.metric >>> 0]);
    const hdr = encodeStruct(rtmsg, {
      rtm_family: AF_INET6,
      rtm_dst_len: m.dstLen & 0xff,
      rtm_table: table < 256 ? table : RT_TABLE_COMPAT,
      rtm_protocol: 0,
      rtm_scope: 0,
      rtm_type: 0,
      rtm_flags: m.flags & RTF_HOST ? RTNH_F_ONLINK : 0,
    });
    return add ? this.change(RTM_NEWROUTE, NLM_F_CREATE, hdr, attrs) : this.change(RTM_DELROUTE, 0, hdr, attrs);
  }

  /**
   * ip6_route_del()'s choice among the routes of exactly this prefix: the first whose metric
   * (when given) and device (when given) match. When it is a sibling of a multipath route, its
   * gateway and device are returned, to delete that one only.
   */
  private firstDeletable6(table: number, m: In6Rtmsg): { gw: Uint8Array; ifindex: number } | null {
    const plen = m.dstLen & 0xff;
    if (plen > 128) return null;
    const same = (r: Route): boolean => {
      if (r.table !== table || r.plen !== plen) return false;
      for (let bit = 0; bit < plen; bit++) {
        const i = bit >> 3;
        const b = 0x80 >> (bit & 7);
        if ((r.dst[i]! & b) !== (m.dst[i]! & b)) return false;
      }
      return true;
    };
    for (const r of dumpRoutes(this.nl, AF_INET6)) {
      if (!same(r)) continue;
      if (m.metric >>> 0 && (m.metric >>> 0) !== r.priority >>> 0) continue;
      for (const nh of r.nexthops) {
        if (m.ifindex && nh.ifindex !== m.ifindex) continue;
        if (r.nexthops.length < 2 || nh.gwFamily !== AF_INET6) return null;
        return { gw: nh.gw.slice(0, 16), ifindex: nh.ifindex };
      }
    }
    return null;
  }
}

export const _forTests = { bad_mask, inet_mask_len };
