/**
 * Netlink message declarations, as data. Field and attribute names follow the kernel UAPI
 * headers (linux/netlink.h, rtnetlink.h, if_link.h, if_addr.h, neighbour.h, inet_diag.h,
 * unix_diag.h) so a grep crosses from here to the C. Each declaration is marked `@__PURE__`
 * (it only builds data), so that a command's bundle leaves out the ones it never reads (the
 * sock_diag ones but for netstat). A table's entries and a struct's fields are written as a
 * function that returns them (codec.ts nlaTable, defineStruct): they are made when a command
 * first reads them, not for every table its bundle holds (RTNL_MESSAGES names all of rtnetlink's).
 */
import { defineStruct, nlaTable, type NlaTable, type StructDef } from './codec.js';

// ------------------------------------------------------------ linux/netlink.h
export const NETLINK_ROUTE = 0;
export const NETLINK_SOCK_DIAG = 4;

export const NLMSG_NOOP = 1;
export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
export const NLMSG_OVERRUN = 4;

export const NLM_F_REQUEST = 0x01;
export const NLM_F_MULTI = 0x02;
export const NLM_F_ACK = 0x04;
export const NLM_F_ECHO = 0x08;
export const NLM_F_DUMP_INTR = 0x10;
export const NLM_F_DUMP_FILTERED = 0x20;
export const NLM_F_ROOT = 0x100;
export const NLM_F_MATCH = 0x200;
export const NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
export const NLM_F_REPLACE = 0x100;
export const NLM_F_EXCL = 0x200;
export const NLM_F_CREATE = 0x400;
export const NLM_F_APPEND = 0x800;
/** in NLMSG_ERROR: request was capped / ext-ack TLVs follow */
export const NLM_F_CAPPED = 0x100;
export const NLM_F_ACK_TLVS = 0x200;

export const nlmsghdr = /* @__PURE__ */ defineStruct('nlmsghdr', () => [
  ['nlmsg_len', 'u32'],
  ['nlmsg_type', 'u16'],
  ['nlmsg_flags', 'u16'],
  ['nlmsg_seq', 'u32'],
  ['nlmsg_pid', 'u32'],
]);
export const NLMSG_HDRLEN = 16;

export const nlmsgerr = /* @__PURE__ */ defineStruct('nlmsgerr', () => [['error', 'i32'], ['msg', { struct: nlmsghdr }]]);

/** enum nlmsgerr_attrs: extended ACK TLVs after struct nlmsgerr */
export const NLMSGERR_ATTRS = /* @__PURE__ */ nlaTable('nlmsgerr_attrs', () => ({
  1: ['NLMSGERR_ATTR_MSG', 'asciiz'],
  2: ['NLMSGERR_ATTR_OFFS', 'u32'],
  3: ['NLMSGERR_ATTR_COOKIE', 'binary'],
  4: ['NLMSGERR_ATTR_POLICY', 'binary'],
  5: ['NLMSGERR_ATTR_MISS_TYPE', 'u32'],
  6: ['NLMSGERR_ATTR_MISS_NEST', 'u32'],
}));

// ------------------------------------------------------------ linux/rtnetlink.h
export const RTM_NEWLINK = 16;
export const RTM_DELLINK = 17;
export const RTM_GETLINK = 18;
export const RTM_SETLINK = 19;
export const RTM_NEWADDR = 20;
export const RTM_DELADDR = 21;
export const RTM_GETADDR = 22;
export const RTM_NEWROUTE = 24;
export const RTM_DELROUTE = 25;
export const RTM_GETROUTE = 26;
export const RTM_NEWNEIGH = 28;
export const RTM_DELNEIGH = 29;
export const RTM_GETNEIGH = 30;

export const ifinfomsg = /* @__PURE__ */ defineStruct('ifinfomsg', () => [
  ['ifi_family', 'u8'],
  ['__ifi_pad', 'u8'],
  ['ifi_type', 'u16'],
  ['ifi_index', 'i32'],
  ['ifi_flags', 'u32'],
  ['ifi_change', 'u32'],
]);

export const ifaddrmsg = /* @__PURE__ */ defineStruct('ifaddrmsg', () => [
  ['ifa_family', 'u8'],
  ['ifa_prefixlen', 'u8'],
  ['ifa_flags', 'u8'],
  ['ifa_scope', 'u8'],
  ['ifa_index', 'u32'],
]);

export const rtmsg = /* @__PURE__ */ defineStruct('rtmsg', () => [
  ['rtm_family', 'u8'],
  ['rtm_dst_len', 'u8'],
  ['rtm_src_len', 'u8'],
  ['rtm_tos', 'u8'],
  ['rtm_table', 'u8'],
  ['rtm_protocol', 'u8'],
  ['rtm_scope', 'u8'],
  ['rtm_type', 'u8'],
  ['rtm_flags', 'u32'],
]);

export const ndmsg = /* @__PURE__ */ defineStruct('ndmsg', () => [
  ['ndm_family', 'u8'],
  ['ndm_pad1', 'u8'],
  ['ndm_pad2', 'u16'],
  ['ndm_ifindex', 'i32'],
  ['ndm_state', 'u16'],
  ['ndm_flags', 'u8'],
  ['ndm_type', 'u8'],
]);

/** struct rtnl_link_stats (32-bit counters, IFLA_STATS) */
const STATS_FIELDS = [
  'rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors', 'tx_errors', 'rx_dropped',
  'tx_dropped', 'multicast', 'collisions', 'rx_length_errors', 'rx_over_errors', 'rx_crc_errors',
  'rx_frame_errors', 'rx_fifo_errors', 'rx_missed_errors', 'tx_aborted_errors',
  'tx_carrier_errors', 'tx_fifo_errors', 'tx_heartbeat_errors', 'tx_window_errors',
  'rx_compressed', 'tx_compressed', 'rx_nohandler',
] as const;
export type LinkStatsField = (typeof STATS_FIELDS)[number];
export const rtnl_link_stats = /* @__PURE__ */ defineStruct('rtnl_link_stats', () => STATS_FIELDS.map((f) => [f, 'u32'] as const));
/** struct rtnl_link_stats64 (IFLA_STATS64); older kernels send fewer fields, so decoding zero-extends. */
export const rtnl_link_stats64 = /* @__PURE__ */ defineStruct('rtnl_link_stats64', () => [
  ...STATS_FIELDS.map((f) => [f, 'u64'] as const),
  ['rx_otherhost_dropped', 'u64'],
]);
/** struct rtnl_link_ifmap (IFLA_MAP) */
export const rtnl_link_ifmap = /* @__PURE__ */ defineStruct('rtnl_link_ifmap', () => [
  ['mem_start', 'u64'],
  ['mem_end', 'u64'],
  ['base_addr', 'u64'],
  ['irq', 'u16'],
  ['dma', 'u8'],
  ['port', 'u8'],
  ['__pad', { bytes: 4 }],
]);

export const IFLA_INFO = /* @__PURE__ */ nlaTable('ifla_info', () => ({
  1: ['IFLA_INFO_KIND', 'asciiz'],
  2: ['IFLA_INFO_DATA', 'binary'],
  3: ['IFLA_INFO_XSTATS', 'binary'],
  4: ['IFLA_INFO_SLAVE_KIND', 'asciiz'],
  5: ['IFLA_INFO_SLAVE_DATA', 'binary'],
}));

export const IFLA = /* @__PURE__ */ nlaTable('ifla', () => ({
  1: ['IFLA_ADDRESS', 'binary'],
  2: ['IFLA_BROADCAST', 'binary'],
  3: ['IFLA_IFNAME', 'asciiz'],
  4: ['IFLA_MTU', 'u32'],
  5: ['IFLA_LINK', 'u32'],
  6: ['IFLA_QDISC', 'asciiz'],
  7: ['IFLA_STATS', { struct: rtnl_link_stats, minSize: 92 }],
  8: ['IFLA_COST', 'binary'],
  9: ['IFLA_PRIORITY', 'binary'],
  10: ['IFLA_MASTER', 'u32'],
  11: ['IFLA_WIRELESS', 'binary'],
  12: ['IFLA_PROTINFO', 'binary'],
  13: ['IFLA_TXQLEN', 'u32'],
  14: ['IFLA_MAP', { struct: rtnl_link_ifmap, minSize: 28 }],
  15: ['IFLA_WEIGHT', 'u32'],
  16: ['IFLA_OPERSTATE', 'u8'],
  17: ['IFLA_LINKMODE', 'u8'],
  18: ['IFLA_LINKINFO', { nested: IFLA_INFO }],
  19: ['IFLA_NET_NS_PID', 'u32'],
  20: ['IFLA_IFALIAS', 'asciiz'],
  21: ['IFLA_NUM_VF', 'u32'],
  22: ['IFLA_VFINFO_LIST', 'binary'],
  23: ['IFLA_STATS64', { struct: rtnl_link_stats64, minSize: 184 }],
  24: ['IFLA_VF_PORTS', 'binary'],
  25: ['IFLA_PORT_SELF', 'binary'],
  26: ['IFLA_AF_SPEC', 'binary'],
  27: ['IFLA_GROUP', 'u32'],
  28: ['IFLA_NET_NS_FD', 'u32'],
  29: ['IFLA_EXT_MASK', 'u32'],
  30: ['IFLA_PROMISCUITY', 'u32'],
  31: ['IFLA_NUM_TX_QUEUES', 'u32'],
  32: ['IFLA_NUM_RX_QUEUES', 'u32'],
  33: ['IFLA_CARRIER', 'u8'],
  34: ['IFLA_PHYS_PORT_ID', 'binary'],
  35: ['IFLA_CARRIER_CHANGES', 'u32'],
  36: ['IFLA_PHYS_SWITCH_ID', 'binary'],
  37: ['IFLA_LINK_NETNSID', 's32'],
  38: ['IFLA_PHYS_PORT_NAME', 'asciiz'],
  39: ['IFLA_PROTO_DOWN', 'u8'],
  40: ['IFLA_GSO_MAX_SEGS', 'u32'],
  41: ['IFLA_GSO_MAX_SIZE', 'u32'],
  42: ['IFLA_PAD', 'binary'],
  43: ['IFLA_XDP', 'binary'],
  44: ['IFLA_EVENT', 'u32'],
  45: ['IFLA_NEW_NETNSID', 's32'],
  46: ['IFLA_IF_NETNSID', 's32'],
  47: ['IFLA_CARRIER_UP_COUNT', 'u32'],
  48: ['IFLA_CARRIER_DOWN_COUNT', 'u32'],
  49: ['IFLA_NEW_IFINDEX', 's32'],
  50: ['IFLA_MIN_MTU', 'u32'],
  51: ['IFLA_MAX_MTU', 'u32'],
  52: ['IFLA_PROP_LIST', 'binary'],
  53: ['IFLA_ALT_IFNAME', 'asciiz'],
  54: ['IFLA_PERM_ADDRESS', 'binary'],
  55: ['IFLA_PROTO_DOWN_REASON', 'binary'],
  56: ['IFLA_PARENT_DEV_NAME', 'asciiz'],
  57: ['IFLA_PARENT_DEV_BUS_NAME', 'asciiz'],
  58: ['IFLA_GRO_MAX_SIZE', 'u32'],
  59: ['IFLA_TSO_MAX_SIZE', 'u32'],
  60: ['IFLA_TSO_MAX_SEGS', 'u32'],
  61: ['IFLA_ALLMULTI', 'u32'],
}));

/** RTEXT_FILTER_* for IFLA_EXT_MASK */
export const RTEXT_FILTER_VF = 1 << 0;
export const RTEXT_FILTER_SKIP_STATS = 1 << 3;

export const ifa_cacheinfo = /* @__PURE__ */ defineStruct('ifa_cacheinfo', () => [
  ['ifa_prefered', 'u32'],
  ['ifa_valid', 'u32'],
  ['cstamp', 'u32'],
  ['tstamp', 'u32'],
]);

export const IFA = /* @__PURE__ */ nlaTable('ifa', () => ({
  1: ['IFA_ADDRESS', 'binary'],
  2: ['IFA_LOCAL', 'binary'],
  3: ['IFA_LABEL', 'asciiz'],
  4: ['IFA_BROADCAST', 'binary'],
  5: ['IFA_ANYCAST', 'binary'],
  6: ['IFA_CACHEINFO', { struct: ifa_cacheinfo }],
  7: ['IFA_MULTICAST', 'binary'],
  8: ['IFA_FLAGS', 'u32'],
  9: ['IFA_RT_PRIORITY', 'u32'],
  10: ['IFA_TARGET_NETNSID', 's32'],
  11: ['IFA_PROTO', 'u8'],
}));

export const RTAX = /* @__PURE__ */ nlaTable('rtax', () => ({
  1: ['RTAX_LOCK', 'u32'],
  2: ['RTAX_MTU', 'u32'],
  3: ['RTAX_WINDOW', 'u32'],
  4: ['RTAX_RTT', 'u32'],
  5: ['RTAX_RTTVAR', 'u32'],
  6: ['RTAX_SSTHRESH', 'u32'],
  7: ['RTAX_CWND', 'u32'],
  8: ['RTAX_ADVMSS', 'u32'],
  9: ['RTAX_REORDERING', 'u32'],
  10: ['RTAX_HOPLIMIT', 'u32'],
  11: ['RTAX_INITCWND', 'u32'],
  12: ['RTAX_FEATURES', 'u32'],
  13: ['RTAX_RTO_MIN', 'u32'],
  14: ['RTAX_INITRWND', 'u32'],
  15: ['RTAX_QUICKACK', 'u32'],
  16: ['RTAX_CC_ALGO', 'asciiz'],
  17: ['RTAX_FASTOPEN_NO_COOKIE', 'u32'],
}));

export const rta_cacheinfo = /* @__PURE__ */ defineStruct('rta_cacheinfo', () => [
  ['rta_clntref', 'u32'],
  ['rta_lastuse', 'u32'],
  ['rta_expires', 'i32'],
  ['rta_error', 'u32'],
  ['rta_used', 'u32'],
  ['rta_id', 'u32'],
  ['rta_ts', 'u32'],
  ['rta_tsage', 'u32'],
]);

export const RTA = /* @__PURE__ */ nlaTable('rta', () => ({
  1: ['RTA_DST', 'binary'],
  2: ['RTA_SRC', 'binary'],
  3: ['RTA_IIF', 'u32'],
  4: ['RTA_OIF', 'u32'],
  5: ['RTA_GATEWAY', 'binary'],
  6: ['RTA_PRIORITY', 'u32'],
  7: ['RTA_PREFSRC', 'binary'],
  8: ['RTA_METRICS', { nested: RTAX }],
  // struct rtnexthop list; kept raw, read by the route model
  9: ['RTA_MULTIPATH', 'binary'],
  10: ['RTA_PROTOINFO', 'binary'],
  11: ['RTA_FLOW', 'u32'],
  12: ['RTA_CACHEINFO', { struct: rta_cacheinfo }],
  13: ['RTA_SESSION', 'binary'],
  14: ['RTA_MP_ALGO', 'binary'],
  15: ['RTA_TABLE', 'u32'],
  16: ['RTA_MARK', 'u32'],
  17: ['RTA_MFC_STATS', 'binary'],
  18: ['RTA_VIA', 'binary'],
  19: ['RTA_NEWDST', 'binary'],
  20: ['RTA_PREF', 'u8'],
  21: ['RTA_ENCAP_TYPE', 'u16'],
  22: ['RTA_ENCAP', 'binary'],
  23: ['RTA_EXPIRES', 'u32'],
  24: ['RTA_PAD', 'binary'],
  25: ['RTA_UID', 'u32'],
  26: ['RTA_TTL_PROPAGATE', 'u8'],
  27: ['RTA_IP_PROTO', 'u8'],
  28: ['RTA_SPORT', 'be16'],
  29: ['RTA_DPORT', 'be16'],
  30: ['RTA_NH_ID', 'u32'],
}));

export const nda_cacheinfo = /* @__PURE__ */ defineStruct('nda_cacheinfo', () => [
  ['ndm_confirmed', 'u32'],
  ['ndm_used', 'u32'],
  ['ndm_updated', 'u32'],
  ['ndm_refcnt', 'u32'],
]);

export const NDA = /* @__PURE__ */ nlaTable('nda', () => ({
  1: ['NDA_DST', 'binary'],
  2: ['NDA_LLADDR', 'binary'],
  3: ['NDA_CACHEINFO', { struct: nda_cacheinfo }],
  4: ['NDA_PROBES', 'u32'],
  5: ['NDA_VLAN', 'u16'],
  6: ['NDA_PORT', 'be16'],
  7: ['NDA_VNI', 'u32'],
  8: ['NDA_IFINDEX', 'u32'],
  9: ['NDA_MASTER', 'u32'],
  10: ['NDA_LINK_NETNSID', 's32'],
  11: ['NDA_SRC_VNI', 'u32'],
  12: ['NDA_PROTOCOL', 'u8'],
  13: ['NDA_NH_ID', 'u32'],
  14: ['NDA_FDB_EXT_ATTRS', 'binary'],
  15: ['NDA_FLAGS_EXT', 'u32'],
  16: ['NDA_NDM_STATE_MASK', 'u16'],
  17: ['NDA_NDM_FLAGS_MASK', 'u8'],
}));

// ------------------------------------------------------------ linux/sock_diag.h, inet_diag.h, unix_diag.h
export const SOCK_DIAG_BY_FAMILY = 20;

export const inet_diag_sockid = /* @__PURE__ */ defineStruct('inet_diag_sockid', () => [
  ['idiag_sport', 'be16'],
  ['idiag_dport', 'be16'],
  ['idiag_src', { bytes: 16 }],
  ['idiag_dst', { bytes: 16 }],
  ['idiag_if', 'u32'],
  ['idiag_cookie', { array: 'u32', count: 2 }],
]);

export const inet_diag_req_v2 = /* @__PURE__ */ defineStruct('inet_diag_req_v2', () => [
  ['sdiag_family', 'u8'],
  ['sdiag_protocol', 'u8'],
  ['idiag_ext', 'u8'],
  ['pad', 'u8'],
  ['idiag_states', 'u32'],
  ['id', { struct: inet_diag_sockid }],
]);

/**
 * inet_diag's first request, struct inet_diag_req, sent as TCPDIAG_GETSOCK (or DCCPDIAG_GETSOCK):
 * the kernel dumps the sockets of every family (AF_UNSPEC) of that protocol in one walk of its
 * tables, each answered as an inet_diag_msg of that nlmsg_type.
 */
export const TCPDIAG_GETSOCK = 18;
export const inet_diag_req = /* @__PURE__ */ defineStruct('inet_diag_req', () => [
  ['idiag_family', 'u8'],
  ['idiag_src_len', 'u8'],
  ['idiag_dst_len', 'u8'],
  ['idiag_ext', 'u8'],
  ['id', { struct: inet_diag_sockid }],
  ['idiag_states', 'u32'],
  ['idiag_dbs', 'u32'],
]);

export const inet_diag_msg = /* @__PURE__ */ defineStruct('inet_diag_msg', () => [
  ['idiag_family', 'u8'],
  ['idiag_state', 'u8'],
  ['idiag_timer', 'u8'],
  ['idiag_retrans', 'u8'],
  ['id', { struct: inet_diag_sockid }],
  ['idiag_expires', 'u32'],
  ['idiag_rqueue', 'u32'],
  ['idiag_wqueue', 'u32'],
  ['idiag_uid', 'u32'],
  ['idiag_inode', 'u32'],
]);

export const inet_diag_meminfo = /* @__PURE__ */ defineStruct('inet_diag_meminfo', () => [
  ['idiag_rmem', 'u32'],
  ['idiag_wmem', 'u32'],
  ['idiag_fmem', 'u32'],
  ['idiag_tmem', 'u32'],
]);

export const INET_DIAG = /* @__PURE__ */ nlaTable('inet_diag', () => ({
  1: ['INET_DIAG_MEMINFO', { struct: inet_diag_meminfo }],
  2: ['INET_DIAG_INFO', 'binary'],
  3: ['INET_DIAG_VEGASINFO', 'binary'],
  4: ['INET_DIAG_CONG', 'asciiz'],
  5: ['INET_DIAG_TOS', 'u8'],
  6: ['INET_DIAG_TCLASS', 'u8'],
  7: ['INET_DIAG_SKMEMINFO', 'binary'],
  8: ['INET_DIAG_SHUTDOWN', 'u8'],
  9: ['INET_DIAG_DCTCPINFO', 'binary'],
  10: ['INET_DIAG_PROTOCOL', 'u8'],
  11: ['INET_DIAG_SKV6ONLY', 'u8'],
  12: ['INET_DIAG_LOCALS', 'binary'],
  13: ['INET_DIAG_PEERS', 'binary'],
  14: ['INET_DIAG_PAD', 'binary'],
  15: ['INET_DIAG_MARK', 'u32'],
  16: ['INET_DIAG_BBRINFO', 'binary'],
  17: ['INET_DIAG_CLASS_ID', 'u32'],
  18: ['INET_DIAG_MD5SIG', 'binary'],
  19: ['INET_DIAG_ULP_INFO', 'binary'],
  20: ['INET_DIAG_SK_BPF_STORAGES', 'binary'],
  21: ['INET_DIAG_CGROUP_ID', 'u64'],
  22: ['INET_DIAG_SOCKOPT', 'binary'],
}));

export const INET_DIAG_REQ = /* @__PURE__ */ nlaTable('inet_diag_req', () => ({
  1: ['INET_DIAG_REQ_BYTECODE', 'binary'],
  2: ['INET_DIAG_REQ_SK_BPF_STORAGES', 'binary'],
  3: ['INET_DIAG_REQ_PROTOCOL', 'u32'],
}));

export const unix_diag_req = /* @__PURE__ */ defineStruct('unix_diag_req', () => [
  ['sdiag_family', 'u8'],
  ['sdiag_protocol', 'u8'],
  ['pad', 'u16'],
  ['udiag_states', 'u32'],
  ['udiag_ino', 'u32'],
  ['udiag_show', 'u32'],
  ['udiag_cookie', { array: 'u32', count: 2 }],
]);

export const unix_diag_msg = /* @__PURE__ */ defineStruct('unix_diag_msg', () => [
  ['udiag_family', 'u8'],
  ['udiag_type', 'u8'],
  ['udiag_state', 'u8'],
  ['pad', 'u8'],
  ['udiag_ino', 'u32'],
  ['udiag_cookie', { array: 'u32', count: 2 }],
]);

export const unix_diag_vfs = /* @__PURE__ */ defineStruct('unix_diag_vfs', () => [
  ['udiag_vfs_ino', 'u32'],
  ['udiag_vfs_dev', 'u32'],
]);
export const unix_diag_rqlen = /* @__PURE__ */ defineStruct('unix_diag_rqlen', () => [
  ['udiag_rqueue', 'u32'],
  ['udiag_wqueue', 'u32'],
]);

export const UNIX_DIAG = /* @__PURE__ */ nlaTable('unix_diag', () => ({
  0: ['UNIX_DIAG_NAME', 'binary'], // may start with NUL (abstract); kept raw
  1: ['UNIX_DIAG_VFS', { struct: unix_diag_vfs }],
  2: ['UNIX_DIAG_PEER', 'u32'],
  3: ['UNIX_DIAG_ICONS', 'binary'],
  4: ['UNIX_DIAG_RQLEN', { struct: unix_diag_rqlen }],
  5: ['UNIX_DIAG_MEMINFO', 'binary'],
  6: ['UNIX_DIAG_SHUTDOWN', 'u8'],
  7: ['UNIX_DIAG_UID', 'u32'],
}));

// ------------------------------------------------------------ message registry

/** How the payload of one message type is laid out: a fixed header, then attributes. */
export interface MessageSpec {
  readonly name: string;
  readonly header: StructDef;
  readonly attrs: NlaTable;
}

const spec = (name: string, header: StructDef, attrs: NlaTable): MessageSpec => ({ name, header, attrs });

/** NETLINK_ROUTE messages by nlmsg_type. */
export const RTNL_MESSAGES: Readonly<Record<number, MessageSpec>> = {
  [RTM_NEWLINK]: spec('RTM_NEWLINK', ifinfomsg, IFLA),
  [RTM_DELLINK]: spec('RTM_DELLINK', ifinfomsg, IFLA),
  [RTM_GETLINK]: spec('RTM_GETLINK', ifinfomsg, IFLA),
  [RTM_SETLINK]: spec('RTM_SETLINK', ifinfomsg, IFLA),
  [RTM_NEWADDR]: spec('RTM_NEWADDR', ifaddrmsg, IFA),
  [RTM_DELADDR]: spec('RTM_DELADDR', ifaddrmsg, IFA),
  [RTM_GETADDR]: spec('RTM_GETADDR', ifaddrmsg, IFA),
  [RTM_NEWROUTE]: spec('RTM_NEWROUTE', rtmsg, RTA),
  [RTM_DELROUTE]: spec('RTM_DELROUTE', rtmsg, RTA),
  [RTM_GETROUTE]: spec('RTM_GETROUTE', rtmsg, RTA),
  [RTM_NEWNEIGH]: spec('RTM_NEWNEIGH', ndmsg, NDA),
  [RTM_DELNEIGH]: spec('RTM_DELNEIGH', ndmsg, NDA),
  [RTM_GETNEIGH]: spec('RTM_GETNEIGH', ndmsg, NDA),
};

export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;

/**
 * NETLINK_SOCK_DIAG: one nlmsg_type for all families; the layout depends on the family byte
 * and on the direction (request or answer).
 */
export function sockDiagSpec(family: number, request: boolean): MessageSpec {
  if (family === AF_UNIX) {
    return request ? spec('SOCK_DIAG_BY_FAMILY unix_diag_req', unix_diag_req, UNIX_DIAG)
      : spec('SOCK_DIAG_BY_FAMILY unix_diag_msg', unix_diag_msg, UNIX_DIAG);
  }
  return request ? spec('SOCK_DIAG_BY_FAMILY inet_diag_req_v2', inet_diag_req_v2, INET_DIAG_REQ)
    : spec('SOCK_DIAG_BY_FAMILY inet_diag_msg', inet_diag_msg, INET_DIAG);
}
