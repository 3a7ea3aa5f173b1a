/**
 * The routing tables as net-tools 2.10 reads them from /proc/net/route and /proc/net/ipv6_route,
 * rebuilt from RTM_GETROUTE dumps. What each /proc line held, and where it comes from here:
 *
 * /proc/net/route (kernel net/ipv4/fib_trie.c fib_route_seq_show): the main table only, in trie
 * order (the order of the netlink dump of that table), without broadcast and multicast routes;
 * Iface = the first nexthop's device or "*"; Gateway = the first nexthop's IPv4 gateway (0 for
 * an IPv6 one); Flags (fib_flag_trans) = RTF_UP, RTF_REJECT for unreachable and prohibit,
 * RTF_GATEWAY when the first 4 bytes of the first nexthop's gateway are not 0 (so an IPv6
 * gateway counts), RTF_HOST for a /32; Metric = the priority, printed with %d; MTU = advmss+40
 * when advmss is set; Window; IRTT = rtt >> 3; RefCnt and Use are always 0.
 *
 * /proc/net/ipv6_route (kernel net/ipv6/ip6_fib.c ipv6_route_native_seq_show): every table, in
 * the order of the fib6 walk, which the netlink dump follows too; each sibling of a multipath
 * route is a line of its own (the dump folds them into one RTA_MULTIPATH); each table's root
 * node without a ::/0 route holds the "null entry" ([::]/0, !n, metric -1, lo), which the
 * dump skips and which is put back here at the end of the table, as the walk visits the root
 * last; the flags are the fib6_info's, rebuilt from the route's type, protocol and nexthop
 * (see fib6Flags); Use is always 0. Ref (fib6_ref) has no netlink attribute: it is read from
 * /proc/net/ipv6_route itself, matched line by line (compat/route.md); when the file cannot be
 * read, 1 is printed.
 */
import type { Sys } from '../sys/types.js';
import { AttrIndex, DecodeError, iterAttrs, encodeStruct, i32le, latin1, u16le, u32le, type Struct } from '../netlink/codec.js';
import * as IFI from '../netlink/names/ifinfomsg.js';
import * as IFLA_T from '../netlink/names/ifla.js';
import * as TX from '../netlink/names/rtax.js';
import * as T from '../netlink/names/rta.js';
import * as RTM from '../netlink/names/rtmsg.js';
import { AF_INET, AF_INET6, IFLA, RTA, RTAX, RTM_GETROUTE, RTM_NEWLINK, RTNL_MESSAGES, rtmsg } from '../netlink/messages.js';
import { NetlinkError, decodeMessage, indexMessage, type Message, type MessageView, type Netlink } from '../netlink/stream.js';
import { openRtnl, rtnl_addrdump, rtnl_linkdump_raw } from '../netlink/rtnl.js';
import { prefixMask } from '../lib/inet.js';
import {
  RTF_ADDRCONF, RTF_DEFAULT, RTF_EXPIRES, RTF_GATEWAY, RTF_HOST, RTF_LOCAL, RTF_NONEXTHOP,
  RTF_REJECT, RTF_UP,
} from '../../compat/net-support.js';
import { EPROTO } from '../../compat/errno.js';

export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

/** rtm_type values (linux/rtnetlink.h) */
export const RTN_UNICAST = 1;
export const RTN_LOCAL = 2;
export const RTN_BROADCAST = 3;
export const RTN_ANYCAST = 4;
export const RTN_MULTICAST = 5;
export const RTN_BLACKHOLE = 6;
export const RTN_UNREACHABLE = 7;
export const RTN_PROHIBIT = 8;
export const RTN_THROW = 9;
export const RTN_POLICY_FAILED = 12;

export const RTPROT_KERNEL = 2;
export const RTPROT_BOOT = 3;
export const RTPROT_RA = 9;

const RTM_F_CLONED = 0x200;
/** rtm_flags of a dump request: only the routes with RTF_PREFIX_RT (IPv6) */
const RTM_F_PREFIX = 0x800;
export const RTNH_F_DEAD = 1;
export const RTNH_F_ONLINK = 4;
const IFF_LOOPBACK = 0x8;

/** One nexthop of a route, as RTA_OIF/RTA_GATEWAY/RTA_VIA or one struct rtnexthop say. */
export interface NextHop {
  ifindex: number;
  /** rtm_flags (single path) or rtnh_flags (RTNH_F_*) */
  flags: number;
  /** gateway family (AF_INET, AF_INET6) and bytes; family 0 when there is none */
  gwFamily: number;
  gw: Uint8Array;
}

/** One RTM_NEWROUTE of a dump, decoded. */
export interface Route {
  family: number;
  table: number;
  dst: Uint8Array;
  plen: number;
  tos: number;
  protocol: number;
  scope: number;
  type: number;
  flags: number;
  priority: number;
  metrics: Struct;
  expires: number;
  /** the first one is what /proc/net/route shows; IPv6 multipath lists every sibling */
  nexthops: NextHop[];
}

export interface LinkInfo {
  index: number;
  name: string;
  flags: number;
}

function parseNexthopAttrs(buf: Uint8Array, nh: NextHop, family: number): void {
  let attrs;
  try {
    attrs = [...iterAttrs(buf, 0, 'rtnexthop')];
  } catch (e) {
    if (e instanceof DecodeError) throw new NetlinkError(EPROTO, `netlink: malformed RTA_MULTIPATH: ${e.message}`);
    throw e;
  }
  for (const a of attrs) {
    if (a.type === 5 /* RTA_GATEWAY */ && nh.gwFamily === 0) {
      nh.gwFamily = family;
      nh.gw = a.data.slice();
    } else if (a.type === 18 /* RTA_VIA */ && nh.gwFamily === 0 && a.data.length >= 2) {
      nh.gwFamily = u16le(a.data, 0);
      nh.gw = a.data.slice(2);
    }
  }
}

/**
 * The nexthops of an RTA_MULTIPATH payload (a list of struct rtnexthop, each followed by its
 * own attributes), in order, until `each` returns false; a short or overlong rtnexthop ends the list.
 */
function forEachNexthop(mp: Uint8Array, family: number, each: (nh: NextHop) => boolean): void {
  for (let off = 0; off + 8 <= mp.length;) {
    const len = u16le(mp, off);
    if (len < 8 || off + len > mp.length) break;
    const ifindex = i32le(mp, off + 4);
    const nh: NextHop = { ifindex, flags: mp[off + 2]!, gwFamily: 0, gw: new Uint8Array(0) };
    parseNexthopAttrs(mp.subarray(off + 8, off + len), nh, family);
    if (!each(nh)) return;
    off += (len + 3) & ~3;
  }
}

/**
 * The first nexthop of an RTA_MULTIPATH payload, if it holds one. (A function of its own: a
 * closure in fib4Row would make V8 allocate fib4Row's variables anew for every route.)
 */
function firstNexthop(mp: Uint8Array, family: number): NextHop | undefined {
  let first: NextHop | undefined;
  forEachNexthop(mp, family, (nh) => {
    first = nh;
    return false;
  });
  return first;
}

/** A dumped route as plain fields; RTA_MULTIPATH (struct rtnexthop list) unfolded. */
export function routeOf(m: Message): Route {
  const h = m.header;
  const v = m.attrs.values;
  const family = Number(h.rtm_family);
  const alen = family === AF_INET6 ? 16 : 4;
  const dst = new Uint8Array(alen);
  if (v.RTA_DST) dst.set((v.RTA_DST as Uint8Array).subarray(0, alen));
  const nexthops: NextHop[] = [];
  const mp = v.RTA_MULTIPATH as Uint8Array | undefined;
  if (mp) {
    forEachNexthop(mp, family, (nh) => nexthops.push(nh) > 0);
  } else {
    const nh: NextHop = {
      ifindex: v.RTA_OIF !== undefined ? Number(v.RTA_OIF) : 0,
      flags: Number(h.rtm_flags) & 0xff,
      gwFamily: 0,
      gw: new Uint8Array(0),
    };
    if (v.RTA_GATEWAY) {
      nh.gwFamily = family;
      nh.gw = (v.RTA_GATEWAY as Uint8Array).slice();
    } else if (v.RTA_VIA) {
      const via = v.RTA_VIA as Uint8Array;
      if (via.length >= 2) {
        nh.gwFamily = u16le(via, 0);
        nh.gw = via.slice(2);
      }
    }
    nexthops.push(nh);
  }
  const ci = v.RTA_CACHEINFO as Struct | undefined;
  return {
    family,
    table: Number(v.RTA_TABLE ?? h.rtm_table),
    dst,
    plen: Number(h.rtm_dst_len),
    tos: Number(h.rtm_tos),
    protocol: Number(h.rtm_protocol),
    scope: Number(h.rtm_scope),
    type: Number(h.rtm_type),
    flags: Number(h.rtm_flags),
    priority: Number(v.RTA_PRIORITY ?? 0),
    metrics: (v.RTA_METRICS as Struct | undefined) ?? {},
    expires: ci ? Number(ci.rta_expires) : 0,
    nexthops,
  };
}

/**
 * RTM_GETROUTE dump of one family: every table, in the kernel's order. The dump of a socket
 * without strict checking also carries the exceptions (cached PMTU/redirect routes, flagged
 * RTM_F_CLONED), which the /proc files never list: they are dropped.
 */
export function dumpRoutes(nl: Netlink, family: number, rtmFlags = 0): Route[] {
  const payload = encodeStruct(rtmsg, { rtm_family: family, rtm_flags: rtmFlags });
  const out: Route[] = [];
  for (const raw of nl.dumpAll(RTM_GETROUTE, payload)) {
    if (raw.type !== RTM_GETROUTE - 2) continue;
    const m = decodeMessage(RTNL_MESSAGES[raw.type]!, raw);
    if (Number(m.header.rtm_flags) & RTM_F_CLONED) continue;
    out.push(routeOf(m));
  }
  return out;
}

/** Every link's index, name and flags (the rest of each RTM_NEWLINK is not decoded). */
export function dumpLinks(nl: Netlink): Map<number, LinkInfo> {
  const links = new Map<number, LinkInfo>();
  const spec = RTNL_MESSAGES[RTM_NEWLINK]!;
  const tb = new AttrIndex(IFLA);
  for (const m of rtnl_linkdump_raw(nl)) {
    indexMessage(spec, m, tb);
    const h = m.payload;
    const index = i32le(h, IFI.ifi_index!);
    links.set(index, { index, name: tb.string(IFLA_T.IFLA_IFNAME!) ?? '', flags: u32le(h, IFI.ifi_flags!) });
  }
  return links;
}

// ------------------------------------------------------------------ IPv4

/**
 * One line of /proc/net/route, as rprint_fib reads it. The addresses are the bytes of struct
 * in_addr. streamFib4 fills one row object for every route: it is valid during the callback.
 */
export interface Fib4Row {
  iface: string;
  dst: Uint8Array;
  gw: Uint8Array;
  flags: number;
  refcnt: number;
  use: number;
  metric: number;
  mask: Uint8Array;
  mss: number;
  window: number;
  irtt: number;
}

function setPrefixMask4(out: Uint8Array, plen: number): Uint8Array {
  const m = prefixMask(plen);
  out[0] = (m >>> 24) & 0xff;
  out[1] = (m >>> 16) & 0xff;
  out[2] = (m >>> 8) & 0xff;
  out[3] = m & 0xff;
  return out;
}

const int32 = (n: number): number => n | 0;

/** The first 4 of `len` bytes at buf[at..] into `out` (zero-filled when there are fewer, or no buf). */
function copy4(out: Uint8Array, buf: Uint8Array | null, at: number, len: number): void {
  for (let i = 0; i < 4; i++) out[i] = buf && at >= 0 && i < len ? buf[at + i]! : 0;
}

/**
 * fib_route_seq_show() for one RTM_NEWROUTE of the main table, read from its indexed
 * attributes (`tb`) into `row`; false for the types the file skips.
 */
function fib4Row(msg: MessageView, tb: AttrIndex, metrics: AttrIndex, links: Map<number, LinkInfo>, row: Fib4Row): boolean {
  const type = msg.data[msg.start + RTM.rtm_type!]!;
  if (type === RTN_BROADCAST || type === RTN_MULTICAST) return false;
  const plen = msg.data[msg.start + RTM.rtm_dst_len!]!;
  // the first nexthop: the route's own RTA_OIF/RTA_GATEWAY/RTA_VIA, or the first rtnexthop
  // where the first nexthop's gateway bytes are (gwBuf[gwAt..gwAt+gwLen)), and its family
  let ifindex = 0;
  let gwFamily = 0;
  let gwBuf: Uint8Array = tb.buffer;
  let gwAt = 0;
  let gwLen = 0;
  const mp = tb.bytes(T.RTA_MULTIPATH!);
  if (mp) {
    const nh = firstNexthop(mp, AF_INET);
    if (nh) {
      ifindex = nh.ifindex;
      gwFamily = nh.gwFamily;
      gwBuf = nh.gw;
      gwLen = nh.gw.length;
    }
  } else {
    ifindex = tb.uint(T.RTA_OIF!);
    if (tb.has(T.RTA_GATEWAY!)) {
      gwFamily = AF_INET;
      gwAt = tb.offset(T.RTA_GATEWAY!);
      gwLen = tb.length(T.RTA_GATEWAY!);
    } else if (tb.length(T.RTA_VIA!) >= 2) {
      const at = tb.offset(T.RTA_VIA!);
      gwFamily = u16le(gwBuf, at);
      gwAt = at + 2;
      gwLen = tb.length(T.RTA_VIA!) - 2;
    }
  }
  let flags = 0;
  if (type === RTN_UNREACHABLE || type === RTN_PROHIBIT) flags = 0x0200; // RTF_REJECT
  // nhc_gw.ipv4: the first 4 bytes of the gateway union, whatever its family
  if (gwLen >= 4 && (gwBuf[gwAt]! | gwBuf[gwAt + 1]! | gwBuf[gwAt + 2]! | gwBuf[gwAt + 3]!) !== 0) flags |= RTF_GATEWAY;
  if (plen >= 32) flags |= RTF_HOST;
  flags |= RTF_UP;
  copy4(row.gw, gwFamily === AF_INET ? gwBuf : null, gwAt, gwLen);
  copy4(row.dst, tb.buffer, tb.offset(T.RTA_DST!), tb.length(T.RTA_DST!));
  setPrefixMask4(row.mask, plen);
  const dev = ifindex ? links.get(ifindex) : undefined;
  row.iface = dev ? dev.name : '*';
  row.flags = flags;
  row.metric = int32(tb.uint(T.RTA_PRIORITY!));
  const m = tb.nested(T.RTA_METRICS!, metrics);
  const advmss = m ? m.uint(TX.RTAX_ADVMSS!) : 0;
  // the kernel prints these with %d/%u, rprint_fib reads them back with %d: ints
  row.mss = int32(advmss ? advmss + 40 : 0);
  row.window = int32(m ? m.uint(TX.RTAX_WINDOW!) : 0);
  row.irtt = int32((m ? m.uint(TX.RTAX_RTT!) : 0) >>> 3);
  return true;
}

/**
 * The lines of /proc/net/route: the main table in dump order, streamed: each RTM_NEWROUTE of
 * the dump becomes its row and goes to `onRow` at once, read in place (nothing is decoded into
 * objects: on 50k routes the garbage collector was most of the time); the row object is the
 * same for every call. A dump the kernel flags as interrupted calls `onRestart` and runs again.
 *
 * `exists` is false when the kernel has no main table yet, when the file is empty (not even its
 * header line). A namespace gets its main table with its first IPv4 address (the local route's
 * table is created with main as its alias) or its first route in main; tables are never freed.
 * Netlink does not say whether an empty table exists: it is taken to exist when a route of the
 * main or local table, or an IPv4 address, is there (compat/route.md).
 */
export function streamFib4(sys: Sys, onRow: (row: Fib4Row) => void, onRestart: () => void): { exists: boolean } {
  const nl = openRtnl(sys);
  try {
    const links = dumpLinks(nl);
    let tables = false;
    const spec = RTNL_MESSAGES[RTM_GETROUTE - 2]!;
    const tb = new AttrIndex(RTA);
    const metrics = new AttrIndex(RTAX);
    const row: Fib4Row = {
      iface: '', dst: new Uint8Array(4), gw: new Uint8Array(4), flags: 0, refcnt: 0, use: 0, metric: 0,
      mask: new Uint8Array(4), mss: 0, window: 0, irtt: 0,
    };
    const payload = encodeStruct(rtmsg, { rtm_family: AF_INET });
    nl.dump(RTM_GETROUTE, payload, (raw) => {
      if (raw.type !== RTM_GETROUTE - 2) return;
      indexMessage(spec, raw, tb);
      // the rtmsg read where it lies in the datagram
      const rtmFlags = u32le(raw.data, raw.start + RTM.rtm_flags!);
      if (rtmFlags & RTM_F_CLONED) return;
      const table = tb.uint(T.RTA_TABLE!, raw.data[raw.start + RTM.rtm_table!]);
      if (table === RT_TABLE_MAIN || table === RT_TABLE_LOCAL) tables = true;
      if (table !== RT_TABLE_MAIN) return;
      if (fib4Row(raw, tb, metrics, links, row)) onRow(row);
    }, () => {
      tables = false;
      onRestart();
    });
    return { exists: tables || rtnl_addrdump(nl, AF_INET).length > 0 };
  } finally {
    nl.close();
  }
}

// ------------------------------------------------------------------ IPv6

/** One line of /proc/net/ipv6_route, as rprint_fib6 reads it. */
export interface Fib6Row {
  table: number;
  dst: Uint8Array;
  plen: number;
  gw: Uint8Array;
  metric: number;
  refcnt: number;
  use: number;
  flags: number;
  iface: string;
}

const RTF_ANYCAST = 0x00100000;

function isLoopback6(a: Uint8Array): boolean {
  for (let i = 0; i < 15; i++) if (a[i] !== 0) return false;
  return a[15] === 1;
}

/**
 * The fib6_info's flags for one nexthop of a dumped route (kernel net/ipv6/route.c
 * rtm_to_fib6_config, ip6_route_info_create, ip6_route_info_create_nh, addrconf.c):
 *  - a reject type, or a route through the loopback device to anything but ::1 that is not
 *    local or anycast, is RTF_REJECT|RTF_NONEXTHOP and nothing else;
 *  - otherwise RTF_UP; RTF_LOCAL for local routes; RTF_NONEXTHOP for the kernel's own local
 *    and anycast routes (addrconf_f6i_alloc); RTF_HOST (== RTNH_F_ONLINK) when the nexthop is
 *    onlink; RTF_EXPIRES when the route expires; RTF_ADDRCONF for what the kernel learnt from
 *    router advertisements: the prefix routes it made (RTF_PREFIX_RT, which a dump asked with
 *    RTM_F_PREFIX lists: `prefixRt`) and its routes of protocol "ra" (default routers, route
 *    information), RTF_DEFAULT too for the default ones; RTF_GATEWAY with a gateway.
 * RTF_MODIFIED and RTF_DYNAMIC (only the old ioctl sets them) are not visible over netlink,
 * nor whether a route of protocol "ra" was made by the kernel or by a daemon through netlink
 * (which gives it no RTF_ADDRCONF): both are taken as the kernel's (compat/route.md).
 */
export function fib6Flags(r: Route, nh: NextHop, links: Map<number, LinkInfo>, prefixRt = false): number {
  const dev = links.get(nh.ifindex);
  const reject =
    r.type === RTN_UNREACHABLE || r.type === RTN_BLACKHOLE || r.type === RTN_PROHIBIT ||
    r.type === RTN_THROW || r.type === RTN_POLICY_FAILED;
  const localish = r.type === RTN_LOCAL || (r.type === RTN_ANYCAST && r.protocol === RTPROT_KERNEL);
  if (reject || (dev && dev.flags & IFF_LOOPBACK && !isLoopback6(r.dst) && !localish && nh.gwFamily === 0)) {
    return RTF_REJECT | RTF_NONEXTHOP;
  }
  let flags = RTF_UP;
  if (r.type === RTN_LOCAL) flags |= RTF_LOCAL;
  if (localish && r.protocol === RTPROT_KERNEL) flags |= RTF_NONEXTHOP;
  if (r.type === RTN_ANYCAST && r.protocol === RTPROT_KERNEL) flags |= RTF_ANYCAST;
  if (nh.flags & RTNH_F_ONLINK) flags |= RTF_HOST;
  if (r.expires !== 0) flags |= RTF_EXPIRES;
  if (prefixRt) flags |= RTF_ADDRCONF;
  if (r.protocol === RTPROT_RA) {
    flags |= RTF_ADDRCONF;
    if (r.plen === 0) flags |= RTF_DEFAULT;
  }
  if (nh.gwFamily !== 0) flags |= RTF_GATEWAY;
  return flags;
}

/** A line of /proc/net/ipv6_route, for its Ref column. */
interface ProcLine6 {
  key: string;
  ref: number;
}

const hex = (a: Uint8Array): string => Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');

function key6(dst: Uint8Array, plen: number, gw: Uint8Array, metric: number, iface: string): string {
  return `${hex(dst)} ${plen} ${hex(gw)} ${metric >>> 0} ${iface}`;
}

/** /proc/net/ipv6_route's lines, or null when it cannot be read. */
function readProcIpv6Route(sys: Sys): ProcLine6[] | null {
  let text: string;
  try {
    text = latin1(sys.readFile('/proc/net/ipv6_route'));
  } catch {
    return null;
  }
  const out: ProcLine6[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 9) continue;
    const dst = f[0]!;
    const plen = parseInt(f[1]!, 16);
    const gw = f[4]!;
    const metric = parseInt(f[5]!, 16);
    const ref = parseInt(f[6]!, 16) | 0;
    const iface = f[9] ?? '';
    out.push({ key: `${dst} ${plen} ${gw} ${metric >>> 0} ${iface}`, ref });
  }
  return out;
}

/** What Ref says when /proc/net/ipv6_route cannot be read: every route in a table holds one reference. */
export const REF_UNKNOWN = 1;

/**
 * The lines of /proc/net/ipv6_route: every table in dump order, multipath siblings one per
 * line, a null entry closing each table whose root holds no ::/0 route (the main and local
 * tables always exist), Ref from the file itself. null when the kernel has no IPv6.
 */
export function readFib6(sys: Sys): Fib6Row[] | null {
  const nl = openRtnl(sys);
  let routes: Route[];
  let links: Map<number, LinkInfo>;
  let prefix: Route[];
  try {
    routes = dumpRoutes(nl, AF_INET6);
    // a kernel without IPv6 (ipv6.disable=1) has no AF_INET6 handler: rtnetlink answers with
    // its all-families dump, and there is no /proc/net/ipv6_route either
    if (routes.some((r) => r.family !== AF_INET6)) return null;
    prefix = dumpRoutes(nl, AF_INET6, RTM_F_PREFIX);
    links = dumpLinks(nl);
  } finally {
    nl.close();
  }
  const routeKey = (r: Route): string =>
    `${r.table} ${hex(r.dst)}/${r.plen} ${r.priority >>> 0} ${r.nexthops.map((n) => n.ifindex).join(',')}`;
  const prefixKeys = new Set(prefix.map(routeKey));
  const proc = readProcIpv6Route(sys);

  // group by table, keeping the dump's order; main and local exist even when empty
  const order: number[] = [];
  const byTable = new Map<number, Route[]>();
  for (const r of routes) {
    let list = byTable.get(r.table);
    if (!list) {
      byTable.set(r.table, (list = []));
      order.push(r.table);
    }
    list.push(r);
  }
  for (const t of [RT_TABLE_MAIN, RT_TABLE_LOCAL]) {
    if (byTable.has(t)) continue;
    byTable.set(t, []);
    // fib_table_hash order: bucket (id & 255), and main/local, the oldest tables, last in theirs
    let at = order.findIndex((x) => (x & 255) > (t & 255));
    if (at < 0) at = order.length;
    order.splice(at, 0, t);
  }

  const lo = [...links.values()].find((l) => l.flags & IFF_LOOPBACK);
  const rows: Fib6Row[] = [];
  for (const t of order) {
    const list = byTable.get(t)!;
    let hasDefault = false;
    for (const r of list) {
      if (r.plen === 0) hasDefault = true;
      for (const nh of r.nexthops) {
        const gw = new Uint8Array(16);
        if (nh.gwFamily === AF_INET6) gw.set(nh.gw.subarray(0, 16));
        rows.push({
          table: t,
          dst: r.dst.slice(0, 16),
          plen: r.plen,
          gw,
          metric: r.priority | 0,
          refcnt: REF_UNKNOWN,
          use: 0,
          flags: fib6Flags(r, nh, links, prefixKeys.has(routeKey(r))),
          iface: links.get(nh.ifindex)?.name ?? '',
        });
      }
    }
    if (!hasDefault) {
      rows.push({
        table: t,
        dst: new Uint8Array(16),
        plen: 0,
        gw: new Uint8Array(16),
        metric: -1,
        refcnt: REF_UNKNOWN,
        use: 0,
        flags: RTF_REJECT | RTF_NONEXTHOP,
        iface: lo?.name ?? 'lo',
      });
    }
  }

  if (proc) {
    let cursor = 0;
    for (const row of rows) {
      const k = key6(row.dst, row.plen, row.gw, row.metric, row.iface);
      for (let i = cursor; i < proc.length; i++) {
        if (proc[i]!.key === k) {
          row.refcnt = proc[i]!.ref;
          cursor = i + 1;
          break;
        }
      }
    }
  }
  return rows;
}
