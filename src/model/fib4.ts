/**
 * The route look-up the ARP ioctls make to choose a device when none is given:
 * net/ipv4/arp.c arp_req_set / arp_req_delete call ip_route_output(net, ip, 0, RTO_ONLINK, 0),
 * an output look-up with flowi4_scope RT_SCOPE_LINK, so only routes of link or host scope
 * qualify (a default route via a gateway does not: "Network is unreachable").
 *
 * RTM_GETROUTE has no way to ask for that scope (the kernel ignores rtm_scope and the old
 * RTO_ONLINK bit of rtm_tos there; checked on the running kernel), so the look-up is redone
 * here from dumps of the rules and routes, after the kernel's code:
 *  - include/net/ip_fib.h fib_lookup: without custom rules, the main table (which holds the
 *    local table's routes too: the merged trie) and then the default table;
 *  - net/core/fib_rules.c fib_rules_lookup + net/ipv4/fib_rules.c fib4_rule_match/action/
 *    suppress: rules by priority, selectors for a flow with no source, no mark, tos 0, iif lo,
 *    no oif, uid 0; goto, nop, blackhole/unreachable/prohibit actions; -ESRCH -> ENETUNREACH;
 *  - net/ipv4/fib_trie.c fib_table_lookup: longest prefix first; within a prefix the aliases in
 *    table order (local before main when merged), skipping those with a tos, dead ones and
 *    those whose scope is below the flow's; error route types end the table's look-up;
 *    the first nexthop that is not dead;
 *  - net/ipv4/route.c ip_route_output_key_hash_rcu / __mkroute_output: 0.0.0.0 and RTN_LOCAL
 *    go to the loopback device; a device without IPv4 (no in_device) and a 0.x.y.z
 *    destination are EINVAL.
 * What it does not model: multipath hashing (the first live nexthop is taken), fib_select_default
 * among several default routes, l3mdev (VRF) rules (never match), ignore_routes_with_linkdown,
 * and a namespace whose rules were changed and then put back to the three default ones (the
 * kernel keeps the tables unmerged then; we take them as merged).
 */
import { decodeMessage, type Message, type Netlink } from '../netlink/stream.js';
import { defineStruct, encodeStruct, nlaTable } from '../netlink/codec.js';
import { AF_INET, RTM_GETROUTE, RTM_NEWROUTE, RTNL_MESSAGES, rtmsg } from '../netlink/messages.js';
import type { LinkInfo } from './neigh.js';
import { hostOrder } from '../lib/inet_resolve.js';
import { prefixMask } from '../lib/inet.js';
import { EACCES, EAGAIN, EHOSTUNREACH, EINVAL, ENETUNREACH } from '../../compat/errno.js';


const RT_SCOPE_LINK = 253;
const RTN_LOCAL = 2;
const RTNH_F_DEAD = 1;
const LOOPBACK_IFINDEX = 1;
const RT_TABLE_DEFAULT = 253;
const RT_TABLE_MAIN = 254;
const RT_TABLE_LOCAL = 255;

/** fib_props[type].error (net/ipv4/fib_semantics.c), as positive errnos */
const TYPE_ERROR: Readonly<Record<number, number>> = {
  6: EINVAL, // RTN_BLACKHOLE
  7: EHOSTUNREACH, // RTN_UNREACHABLE
  8: EACCES, // RTN_PROHIBIT
  9: EAGAIN, // RTN_THROW
  10: EINVAL, // RTN_NAT
  11: EINVAL, // RTN_XRESOLVE
};

// ---------------------------------------------------------------- rules (linux/fib_rules.h)
export const RTM_NEWRULE = 32;
export const RTM_GETRULE = 34;
export const fib_rule_hdr = defineStruct('fib_rule_hdr', () => [
  ['family', 'u8'],
  ['dst_len', 'u8'],
  ['src_len', 'u8'],
  ['tos', 'u8'],
  ['table', 'u8'],
  ['res1', 'u8'],
  ['res2', 'u8'],
  ['action', 'u8'],
  ['flags', 'u32'],
]);
const fib_rule_uid_range = defineStruct('fib_rule_uid_range', () => [['start', 'u32'], ['end', 'u32']]);
const fib_rule_port_range = defineStruct('fib_rule_port_range', () => [['start', 'u16'], ['end', 'u16']]);
export const FRA = nlaTable('fra', () => ({
  1: ['FRA_DST', 'binary'],
  2: ['FRA_SRC', 'binary'],
  3: ['FRA_IIFNAME', 'asciiz'],
  4: ['FRA_GOTO', 'u32'],
  6: ['FRA_PRIORITY', 'u32'],
  10: ['FRA_FWMARK', 'u32'],
  11: ['FRA_FLOW', 'u32'],
  12: ['FRA_TUN_ID', 'binary'],
  13: ['FRA_SUPPRESS_IFGROUP', 'u32'],
  14: ['FRA_SUPPRESS_PREFIXLEN', 'u32'],
  15: ['FRA_TABLE', 'u32'],
  16: ['FRA_FWMASK', 'u32'],
  17: ['FRA_OIFNAME', 'asciiz'],
  19: ['FRA_L3MDEV', 'u8'],
  20: ['FRA_UID_RANGE', { struct: fib_rule_uid_range }],
  21: ['FRA_PROTOCOL', 'u8'],
  22: ['FRA_IP_PROTO', 'u8'],
  23: ['FRA_SPORT_RANGE', { struct: fib_rule_port_range }],
  24: ['FRA_DPORT_RANGE', { struct: fib_rule_port_range }],
  25: ['FRA_DSCP', 'u8'],
}));
const RULE_SPEC = { name: 'RTM_NEWRULE', header: fib_rule_hdr, attrs: FRA };

const FIB_RULE_INVERT = 0x2;
const FIB_RULE_IIF_DETACHED = 0x8;
const FR_ACT_TO_TBL = 1;
const FR_ACT_GOTO = 2;
const FR_ACT_NOP = 3;
const FR_ACT_UNREACHABLE = 7;
const FR_ACT_PROHIBIT = 8;

export interface Rule {
  prio: number;
  table: number;
  action: number;
  flags: number;
  goto: number | null;
  /** selectors that a flow with no source, mark, tos, oif, ports, proto and uid 0 can meet */
  matches: boolean;
  /** the destination selector, matched per look-up */
  dstSel: { addr: number; len: number } | null;
  suppressPrefixlen: number;
  suppressIfgroup: number;
}

export interface NextHop {
  ifindex: number;
  flags: number;
}

export interface Route {
  table: number;
  dst: number;
  plen: number;
  tos: number;
  scope: number;
  type: number;
  flags: number;
  nexthops: NextHop[];
}

export function ruleFrom(m: Message, loopbackName: string): Rule {
  const h = m.header;
  const v = m.attrs.values;
  const flags = Number(h.flags);
  let ok = true;
  const src = v.FRA_SRC as Uint8Array | undefined;
  const dst = v.FRA_DST as Uint8Array | undefined;
  const srcLen = Number(h.src_len);
  const dstLen = Number(h.dst_len);
  if (src && (hostOrder(src) & prefixMask(srcLen)) !== 0) ok = false; // saddr 0
  if (v.FRA_IIFNAME !== undefined && (flags & FIB_RULE_IIF_DETACHED || v.FRA_IIFNAME !== loopbackName)) ok = false;
  if (v.FRA_OIFNAME !== undefined) ok = false;
  const mark = Number(v.FRA_FWMARK ?? 0);
  const mask = v.FRA_FWMASK !== undefined ? Number(v.FRA_FWMASK) : mark ? 0xffffffff : 0;
  if ((mark & mask) !== 0) ok = false;
  const tun = v.FRA_TUN_ID as Uint8Array | undefined;
  if (tun && tun.some((b) => b !== 0)) ok = false;
  if (v.FRA_L3MDEV) ok = false;
  const uid = v.FRA_UID_RANGE as { start: number; end: number } | undefined;
  if (uid && !(Number(uid.start) <= 0 && Number(uid.end) >= 0)) ok = false;
  if (Number(h.tos) !== 0 || Number(v.FRA_DSCP ?? 0) !== 0) ok = false;
  if (Number(v.FRA_IP_PROTO ?? 0) !== 0) ok = false;
  for (const r of [v.FRA_SPORT_RANGE, v.FRA_DPORT_RANGE] as ({ start: number; end: number } | undefined)[]) {
    if (r && (Number(r.start) !== 0 || Number(r.end) !== 0) && !(Number(r.start) <= 0 && Number(r.end) >= 0)) ok = false;
  }
  return {
    prio: Number(v.FRA_PRIORITY ?? 0),
    table: Number(v.FRA_TABLE ?? h.table),
    action: Number(h.action),
    flags,
    goto: v.FRA_GOTO !== undefined ? Number(v.FRA_GOTO) : null,
    matches: ok,
    dstSel: dst ? { addr: hostOrder(dst), len: dstLen } : null,
    suppressPrefixlen: v.FRA_SUPPRESS_PREFIXLEN !== undefined ? Number(v.FRA_SUPPRESS_PREFIXLEN) | 0 : -1,
    suppressIfgroup: v.FRA_SUPPRESS_IFGROUP !== undefined ? Number(v.FRA_SUPPRESS_IFGROUP) | 0 : -1,
  };
}

export function routeFrom(m: Message): Route {
  const h = m.header;
  const v = m.attrs.values;
  const dst = v.RTA_DST as Uint8Array | undefined;
  const nexthops: NextHop[] = [];
  if (v.RTA_OIF !== undefined) nexthops.push({ ifindex: Number(v.RTA_OIF), flags: Number(h.rtm_flags) & 0xff });
  const mp = v.RTA_MULTIPATH as Uint8Array | undefined;
  if (mp) {
    const dv = new DataView(mp.buffer, mp.byteOffset, mp.byteLength);
    for (let off = 0; off + 8 <= mp.length;) {
      const len = dv.getUint16(off, true);
      if (len < 8) break;
      nexthops.push({ ifindex: dv.getInt32(off + 4, true), flags: dv.getUint8(off + 2) });
      off += (len + 3) & ~3;
    }
  }
  return {
    table: Number(v.RTA_TABLE ?? h.rtm_table),
    dst: dst ? hostOrder(dst) : 0,
    plen: Number(h.rtm_dst_len),
    tos: Number(h.rtm_tos),
    scope: Number(h.rtm_scope),
    type: Number(h.rtm_type),
    flags: Number(h.rtm_flags),
    nexthops,
  };
}

export interface RouteResult {
  /** 0, or the errno the look-up fails with */
  errno: number;
  /** the device the route leads to (rt->dst.dev) */
  ifindex: number;
}

export interface FibResult {
  errno: number;
  route?: Route;
  nh?: NextHop;
}

/** fib_table_lookup over the given routes (already one table, or the merged local+main). */
function tableLookup(routes: Route[], daddr: number): FibResult {
  const hits = routes
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => ((daddr ^ r.dst) & prefixMask(r.plen)) === 0)
    .sort((a, b) => b.r.plen - a.r.plen || b.r.table - a.r.table || a.i - b.i);
  for (const { r } of hits) {
    if (r.tos) continue;
    if (r.scope < RT_SCOPE_LINK) continue;
    const err = TYPE_ERROR[r.type];
    if (err) return { errno: err };
    if (r.flags & RTNH_F_DEAD && r.nexthops.length <= 1) continue;
    const nh = r.nexthops.find((n) => !(n.flags & RTNH_F_DEAD));
    if (!nh) {
      // a local/broadcast route always names its device; a route without any nexthop we can
      // see (a nexthop object without compat mode) cannot be followed
      continue;
    }
    return { errno: 0, route: r, nh };
  }
  return { errno: EAGAIN };
}

/** The kernel's three rules and nothing else: fib_has_custom_rules is false. */
function defaultRules(r: Rule[]): boolean {
  const want: [number, number][] = [[0, RT_TABLE_LOCAL], [32766, RT_TABLE_MAIN], [32767, RT_TABLE_DEFAULT]];
  return (
    r.length === 3 &&
    r.every((x, i) => x.prio === want[i]![0] && x.table === want[i]![1] && x.action === FR_ACT_TO_TBL && x.matches &&
      !x.dstSel && !(x.flags & FIB_RULE_INVERT))
  );
}

/** fib4_rule_suppress */
function suppressed(rule: Rule, res: FibResult, links: LinkInfo[]): boolean {
  if (res.route!.plen <= rule.suppressPrefixlen) return true;
  if (rule.suppressIfgroup !== -1) {
    const dev = links.find((l) => l.index === res.nh!.ifindex);
    if (dev && dev.group === rule.suppressIfgroup) return true;
  }
  return false;
}

/** fib_lookup() */
function fib_lookup(routes: Route[], rules: Rule[], links: LinkInfo[], daddr: number): FibResult {
  const table = (id: number): Route[] => routes.filter((r) => r.table === id);
  if (defaultRules(rules)) {
    let res = tableLookup(routes.filter((r) => r.table === RT_TABLE_MAIN || r.table === RT_TABLE_LOCAL), daddr);
    if (res.errno) res = tableLookup(table(RT_TABLE_DEFAULT), daddr);
    if (res.errno === EAGAIN) res = { errno: ENETUNREACH };
    return res;
  }
  for (let i = 0; i < rules.length; i++) {
    let rule = rules[i]!;
    for (;;) {
      let match = rule.matches;
      const sel = rule.dstSel;
      if (match && sel && ((daddr ^ sel.addr) & prefixMask(sel.len)) !== 0) match = false;
      if (rule.flags & FIB_RULE_INVERT) match = !match;
      if (!match) break;
      if (rule.action === FR_ACT_GOTO) {
        const target = rule.goto === null ? -1 : rules.findIndex((x) => x.prio === rule.goto);
        if (target < 0) break;
        i = target;
        rule = rules[i]!;
        continue;
      }
      if (rule.action === FR_ACT_NOP) break;
      let res: FibResult;
      if (rule.action === FR_ACT_TO_TBL) res = tableLookup(table(rule.table), daddr);
      else if (rule.action === FR_ACT_UNREACHABLE) res = { errno: ENETUNREACH };
      else if (rule.action === FR_ACT_PROHIBIT) res = { errno: EACCES };
      else res = { errno: EINVAL };
      if (!res.errno && suppressed(rule, res, links)) break;
      if (res.errno !== EAGAIN) return res;
      break;
    }
  }
  return { errno: ENETUNREACH }; // -ESRCH
}

/**
 * ip_route_output(net, ip, 0, RTO_ONLINK, 0) -> rt->dst.dev, or the errno, from the routes
 * and rules of the namespace and its links.
 */
export function ip_route_output_link(routes: Route[], rules: Rule[], links: LinkInfo[], ip: Uint8Array): RouteResult {
  const daddr = hostOrder(ip);
  if (daddr === 0) return { errno: 0, ifindex: LOOPBACK_IFINDEX };
  const res = fib_lookup(routes, rules, links, daddr);
  if (res.errno) return { errno: res.errno, ifindex: 0 };
  if (res.route!.type === RTN_LOCAL) return { errno: 0, ifindex: LOOPBACK_IFINDEX };
  const ifindex = res.nh!.ifindex;
  const dev = links.find((l) => l.index === ifindex);
  if (!dev || !dev.hasInet) return { errno: EINVAL, ifindex: 0 };
  if (daddr >>> 24 === 0) return { errno: EINVAL, ifindex: 0 }; // ipv4_is_zeronet
  return { errno: 0, ifindex };
}

/** The dumps the look-up needs, taken once (on the first look-up). */
export class Fib4 {
  private routes: Route[] | null = null;
  private rules: Rule[] = [];

  constructor(private readonly nl: Netlink, private readonly links: LinkInfo[]) {}

  private load(): void {
    if (this.routes) return;
    const rpay = encodeStruct(rtmsg, { rtm_family: AF_INET });
    this.routes = this.nl
      .dumpAll(RTM_GETROUTE, rpay)
      .filter((m) => m.type === RTM_NEWROUTE)
      .map((m) => routeFrom(decodeMessage(RTNL_MESSAGES[RTM_NEWROUTE]!, m)));
    const lo = this.links.find((l) => l.index === LOOPBACK_IFINDEX)?.name ?? 'lo';
    this.rules = this.nl
      .dumpAll(RTM_GETRULE, encodeStruct(fib_rule_hdr, { family: AF_INET }))
      .filter((m) => m.type === RTM_NEWRULE)
      .map((m) => ruleFrom(decodeMessage(RULE_SPEC, m), lo));
  }

  /** ip_route_output(net, ip, 0, RTO_ONLINK, 0) */
  output(ip: Uint8Array): RouteResult {
    if (hostOrder(ip) === 0) return { errno: 0, ifindex: LOOPBACK_IFINDEX };
    this.load();
    return ip_route_output_link(this.routes!, this.rules, this.links, ip);
  }
}
