/**
 * The legacy contract of net-tools 2.10 `netstat` (Debian 12, 2.10-0.1+deb12u2), as data.
 * Sources: netstat.c, statistics.c, lib/net-support.h, lib/net-features.h, lib/inet.c,
 * lib/interface.c of net-tools 2.10 with Debian's config.h; line numbers are of that tag.
 */
import type { LongOption } from '../src/lib/getopt.js';

/** netstat.c:139 `Release` and `Signature`, lib/net-features.h `Features` (Debian's config.h). */
export const RELEASE = 'net-tools 2.10';
export const SIGNATURE =
  'Fred Baumgarten, Alan Cox, Bernd Eckenfels, Phil Blundell, Tuan Hoang, Brian Micek and others';
export const FEATURES =
  '+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\n' +
  'AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\n' +
  'HW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 ';

/** netstat.c:2074 */
export const OPTSTRING = 'A:CFMacdeghilnNoprsStuUvVWw2fx64?Z';

/** lib/net-support.h:143-157 AFTRANS_OPTS: val 1, then `lop` picks the name (AFTRANS_CNT is 12, one short). */
export const AFTRANS_OPTS = [
  'ax25', 'x25', 'ip', 'ipx', 'appletalk', 'netrom', 'inet', 'inet6', 'ddp', 'rose', 'unix', 'bluetooth', 'tcpip',
] as const;
export const AFTRANS_CNT = 12;

/** netstat.c:2026-2064 longopts (HAVE_FW_MASQUERADE): AFTRANS_OPTS first. */
export const LONGOPTS: readonly LongOption[] = [
  ...AFTRANS_OPTS.map((name) => ({ name, has_arg: 0 as const, val: 1 })),
  { name: 'version', has_arg: 0, val: 'V' },
  { name: 'interfaces', has_arg: 0, val: 'i' },
  { name: 'help', has_arg: 0, val: 'h' },
  { name: 'route', has_arg: 0, val: 'r' },
  { name: 'masquerade', has_arg: 0, val: 'M' },
  { name: 'protocol', has_arg: 1, val: 'A' },
  { name: 'tcp', has_arg: 0, val: 't' },
  { name: 'sctp', has_arg: 0, val: 'S' },
  { name: 'udp', has_arg: 0, val: 'u' },
  { name: 'udplite', has_arg: 0, val: 'U' },
  { name: 'raw', has_arg: 0, val: 'w' },
  { name: 'unix', has_arg: 0, val: 'x' },
  { name: 'l2cap', has_arg: 0, val: '2' },
  { name: 'rfcomm', has_arg: 0, val: 'f' },
  { name: 'listening', has_arg: 0, val: 'l' },
  { name: 'all', has_arg: 0, val: 'a' },
  { name: 'timers', has_arg: 0, val: 'o' },
  { name: 'continuous', has_arg: 0, val: 'c' },
  { name: 'extend', has_arg: 0, val: 'e' },
  { name: 'programs', has_arg: 0, val: 'p' },
  { name: 'verbose', has_arg: 0, val: 'v' },
  { name: 'statistics', has_arg: 0, val: 's' },
  { name: 'wide', has_arg: 0, val: 'W' },
  { name: 'numeric', has_arg: 0, val: 'n' },
  { name: 'numeric-hosts', has_arg: 0, val: '!' },
  { name: 'numeric-ports', has_arg: 0, val: '@' },
  { name: 'numeric-users', has_arg: 0, val: '#' },
  { name: 'symbolic', has_arg: 0, val: 'N' },
  { name: 'cache', has_arg: 0, val: 'C' },
  { name: 'fib', has_arg: 0, val: 'F' },
  { name: 'groups', has_arg: 0, val: 'g' },
  { name: 'context', has_arg: 0, val: 'Z' },
];

/** lib/net-support.h:64-72: the `options` bits route_info() and the printers take. */
export const FLAG_EXT = 3;
export const FLAG_NUM_HOST = 4;
export const FLAG_NUM_PORT = 8;
export const FLAG_NUM_USER = 16;
export const FLAG_NUM = FLAG_NUM_HOST | FLAG_NUM_PORT | FLAG_NUM_USER;
export const FLAG_SYM = 32;
export const FLAG_CACHE = 64;
export const FLAG_FIB = 128;
export const FLAG_VERBOSE = 256;

/** lib/net-support.h:169-176 */
export const E_VERSION = 0;
export const E_USAGE = 0;
export const E_OPTERR = 3;

/** netstat.c:128 */
export const DFLT_AF = 'inet';

/**
 * usage() netstat.c:1980-2021 (HAVE_FW_MASQUERADE, HAVE_SELINUX): stdout for rc 0, stderr
 * otherwise; then print_aflist(1), which always writes to stderr.
 */
export const USAGE =
  'usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n' +
  '       netstat [-vWnNcaeol] [<Socket> ...]\n' +
  '       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n\n' +
  '        -r, --route              display routing table\n' +
  '        -i, --interfaces         display interface table\n' +
  '        -g, --groups             display multicast group memberships\n' +
  '        -s, --statistics         display networking statistics (like SNMP)\n' +
  '        -M, --masquerade         display masqueraded connections\n\n' +
  '        -v, --verbose            be verbose\n' +
  "        -W, --wide               don't truncate IP addresses\n" +
  "        -n, --numeric            don't resolve names\n" +
  "        --numeric-hosts          don't resolve host names\n" +
  "        --numeric-ports          don't resolve port names\n" +
  "        --numeric-users          don't resolve user names\n" +
  '        -N, --symbolic           resolve hardware names\n' +
  '        -e, --extend             display other/more information\n' +
  '        -p, --programs           display PID/Program name for sockets\n' +
  '        -o, --timers             display timers\n' +
  '        -c, --continuous         continuous listing\n\n' +
  '        -l, --listening          display listening server sockets\n' +
  '        -a, --all                display all sockets (default: connected)\n' +
  '        -F, --fib                display Forwarding Information Base (default)\n' +
  '        -C, --cache              display routing cache instead of FIB\n' +
  '        -Z, --context            display SELinux security context for sockets\n' +
  '\n  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}\n' +
  '           {-x|--unix} --ax25 --ipx --netrom\n' +
  "  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: %s\n" +
  '  List of possible address families (which support routing):\n';

// ------------------------------------------------------------------ messages (lib/net-support.h, lib/af.c)

/** lib/net-support.h:159 EINTERN */
export const MSG_EINTERN = "%s: Internal Error `%s'.\n";
/** lib/net-support.h:162 ENOSUPP */
export const MSG_ENOSUPP = "%s: feature `%s' not supported.\nPlease recompile `net-tools' with newer kernel source or full configuration.\n";
/** lib/net-support.h:166 ESYSNOT */
export const MSG_ESYSNOT = "%s: no support for `%s' on this system.\n";
/** lib/af.c:309 aftrans_opt */
export const MSG_UNKNOWN_AF = "Unknown address family `%s'.\n";
export const MSG_TOO_MANY_AF = 'Too much address family arguments.\n';
/** netstat.c:2208 (HAVE_SELINUX, is_selinux_enabled() <= 0) */
export const MSG_NO_SELINUX = 'SELinux is not enabled on this machine.\n';
/** netstat.c:2254 */
export const MSG_NO_STATS_AF = 'netstat: No statistics support for specified address family: %s\n';
/** netstat.c:2280 perror-style texts for the statistics files (statistics.c:553-598) */
export const MSG_CANNOT_OPEN = 'cannot open %s';
/** netstat.c:491-496 prg_cache_load */
export const MSG_PRG_NONE = '(No info could be read for "-p": geteuid()=%d but you should be root.)\n';
export const MSG_PRG_SOME =
  '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n';
/** netstat.c bogus-line warnings */
export const MSG_BOGUS_UNIX = 'warning, got bogus unix line.\n';
export const MSG_BOGUS_RAW = 'warning, got bogus raw line.\n';
export const MSG_BOGUS_IGMP = 'warning, got bogus igmp line %d.\n';
export const MSG_BOGUS_IGMP6 = 'warning, got bogus igmp6 line %d.\n';
/** lib/interface.c:576-588 do_if_fetch; iface_info netstat.c:1960 */
export const MSG_FETCH = '%s: error fetching interface information: %s\n';
export const MSG_DEVICE_NOT_FOUND = 'Device not found';
export const MSG_MISSING_IFACE = 'missing interface information';

/** The family names ESYSNOT / ENOSUPP print (netstat.c INFO_GUTS* and the *_info functions). */
export const AF_NAMES = {
  __proto__: null, // a dictionary: see IFF in compat/ifconfig.ts
  tcp: 'AF INET (tcp)',
  sctp: 'AF INET (sctp)',
  udp: 'AF INET (udp)',
  udplite: 'AF INET (udplite)',
  raw: 'AF INET (raw)',
  igmp: 'AF INET (igmp)',
  unix: 'AF UNIX',
  ipx: 'AF IPX',
  ax25: 'AF AX25',
  x25: 'AF X25',
  netrom: 'AF NETROM',
  rose: 'AF ROSE',
  bluetooth: 'AF BLUETOOTH',
  masq: 'ip_masquerade',
} as const;

/**
 * Titles and headers of the families only /proc knows (netstat.c ipx_info, ax25_info,
 * x25_info, netrom_info, rose_info): printed when the file is there. Their rows are not ported
 * (no kernel this shim runs on has these families; see compat/netstat.md).
 */
export const PROC_FAMILY_HEADS = {
  ipx: 'Active IPX sockets\nProto Recv-Q Send-Q Local Address              Foreign Address            State',
  ipxUser: ' User',
  ax25: 'Active AX.25 sockets\nDest       Source     Device  State        Vr/Vs    Send-Q  Recv-Q\n',
  x25: 'Active X.25 sockets\nDest         Source          Device  LCI  State        Vr/Vs  Send-Q  Recv-Q\n',
  netrom: 'Active NET/ROM sockets\nUser       Dest       Source     Device  State        Vr/Vs    Send-Q  Recv-Q\n',
  rose: 'Active ROSE sockets\ndest_addr   dest_call  src_addr    src_call  dev   lci neigh   state\n',
} as const;

/** /proc files whose presence the original tests for families it reads only from /proc (lib/pathnames.h). */
export const PROC_FAMILY_FILES = {
  __proto__: null,
  ipx1: '/proc/net/ipx/socket',
  ipx2: '/proc/net/ipx',
  ax25: '/proc/net/ax25',
  x25: '/proc/net/x25',
  netrom: '/proc/net/nr',
  rose: '/proc/net/rose',
  masq: '/proc/net/ip_masquerade',
  sctpEps: '/proc/net/sctp/eps',
  sctp6Eps: '/proc/net/sctp6/eps',
  sctpAssocs: '/proc/net/sctp/assocs',
  sctp6Assocs: '/proc/net/sctp6/assocs',
  igmp: '/proc/net/igmp',
  igmp6: '/proc/net/igmp6',
  unix: '/proc/net/unix',
  snmp: '/proc/net/snmp',
  netstat: '/proc/net/netstat',
  snmp6: '/proc/net/snmp6',
  sctpSnmp: '/proc/net/sctp/snmp',
} as const;

// ------------------------------------------------------------------ socket tables (netstat.c)

/** netstat.c:2304-2325 */
export const TITLE_INET = 'Active Internet connections ';
export const TITLE_UNIX = 'Active UNIX domain sockets ';
export const TITLE_ALL = '(servers and established)';
export const TITLE_LISTEN = '(only servers)';
export const TITLE_CONNECTED = '(w/o servers)';
export const HEAD_INET = '\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ';
export const HEAD_EXTEND = ' User       Inode     ';
export const HEAD_TIMER = ' Timer';
/** netstat.c:1595 */
export const HEAD_UNIX = '\nProto RefCnt Flags       Type       State         I-Node  ';
export const HEAD_UNIX_PATH = ' Path\n';
/** netstat.c:236-275: PROGNAME_WIDTH 20 (the name is cut to 19 bytes), SELINUX_WIDTH 50 */
export const PROGNAME_WIDTH = 20;
export const SELINUX_WIDTH = 50;
export const PROGNAME_BANNER = 'PID/Program name';
export const SELINUX_BANNER = 'Security Context';
/** netstat.c:404: readlink() into char lname[30] */
export const PRG_LNAME_SIZE = 30;
/** netstat.c:404: read() into char cmdlbuf[512] */
export const PRG_CMDLINE_SIZE = 512;

/** netstat.c:625-639 tcp_state[] */
export const TCP_STATES = [
  '', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE',
  'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING',
] as const;

/** Row formats: tcp_do_one netstat.c:1213, udp_do_one 1338, raw_do_one 1437, finish_this_one 641-659. */
export const FMT_TCP = '%-4s  %6ld %6ld %-*s %-*s %-11s';
export const FMT_UDP = '%-5s %6ld %6ld %-23s %-23s %-11s';
export const FMT_RAW = '%-4s  %6ld %6ld %-23s %-23s %-11d';
export const FMT_USER_NAME = ' %-10s ';
export const FMT_USER_ID = ' %-10d ';
export const FMT_INODE = '%-10lu';
export const FMT_PROG = ' %-20s';
export const FMT_SELINUX = ' %-50s';
export const FMT_TIMER = ' %s';

/** tcp_do_one netstat.c:1180-1211 (divided by sysconf(_SC_CLK_TCK)) */
export const TCP_TIMERS = {
  0: 'off (0.00/%ld/%d)',
  1: 'on (%s/%ld/%d)',
  2: 'keepalive (%s/%ld/%d)',
  3: 'timewait (%s/%ld/%d)',
  4: 'probe (%s/%ld/%d)',
} as const;
export const TCP_TIMER_UNKNOWN = 'unkn-%d (%s/%ld/%d)';
/** udp_do_one/raw_do_one (divided by 100) */
export const DGRAM_TIMER_OFF = 'off (0.00/%ld/%d)';
export const DGRAM_TIMER_ON = 'on%d (%s/%ld/%d)';
export const DGRAM_TIMER_UNKNOWN = 'unkn-%d (%s/%ld/%d)';
/** udp_do_one netstat.c:1309-1321 */
export const UDP_STATE_ESTABLISHED = 'ESTABLISHED';
export const UDP_STATE_UNKNOWN = 'UNKNOWN';
/** addr_do_one netstat.c:1093 and its callers: the address:port column keeps 22 bytes */
export const ADDR_SHORT_LEN = 22;
export const ADDR_MIN_WIDTH = 23;

/** unix_do_one netstat.c:1458-1580 */
export const UNIX_ROW = '%-5s %-6ld %-11s %-10s %-13s ';
export const UNIX_INODE = '%-8lu';
export const UNIX_PATH = ' %s\n';
export const UNIX_TYPES: Readonly<Record<number, string>> = {
  1: 'STREAM', 2: 'DGRAM', 3: 'RAW', 4: 'RDM', 5: 'SEQPACKET',
};
export const UNIX_TYPE_UNKNOWN = 'UNKNOWN';
/** socket_state SS_* (netstat.c:122-128) */
export const SS_FREE = 0;
export const SS_UNCONNECTED = 1;
export const SS_CONNECTING = 2;
export const SS_CONNECTED = 3;
export const SS_DISCONNECTING = 4;
export const UNIX_STATES = ['FREE', '', 'CONNECTING', 'CONNECTED', 'DISCONNECTING'] as const;
export const UNIX_STATE_LISTENING = 'LISTENING';
export const UNIX_STATE_UNKNOWN = 'UNKNOWN';
export const SO_ACCEPTCON = 1 << 16;
export const SO_WAITDATA = 1 << 17;
export const SO_NOSPACE = 1 << 18;

/** igmp: netstat.c:2383-2388 and igmp_do_one's row */
export const IGMP_HEAD =
  'IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n--------------- ------ ---------------------\n';
export const IGMP_ROW = '%-15s %-6d %s\n';

/** iface_info netstat.c:1944-1969 (aligned, unlike ifconfig -s) */
export const IFACE_TITLE = 'Kernel Interface table\n';
export const IFACE_HEADER =
  'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

// ------------------------------------------------------------------ statistics.c

/** enum State (statistics.c:18-21) */
export const ST_NUMBER = 0;
export const ST_OPT_NUMBER = 1;
export const ST_I_FORWARD = 2;
export const ST_I_INP_ICMP = 3;
export const ST_I_OUTP_ICMP = 4;
export const ST_I_RTO_ALG = 5;
/** states[] statistics.c:33-40: indent and title per state */
export const STATES: readonly { indent: number; title: string | null }[] = [
  { indent: 4, title: null },
  { indent: 4, title: null },
  { indent: 4, title: null },
  { indent: 8, title: 'ICMP input histogram:' },
  { indent: 8, title: 'ICMP output histogram:' },
  { indent: 0, title: null }, // i_rto_alg: not initialised in the C array, so zeroes
];
export const I_STATIC = 1 << 16;
export const I_TITLE = 1 << 17;

export interface StatEntry {
  readonly title: string;
  readonly out: string;
  readonly type: number;
}
const e = (title: string, out: string, type: number): StatEntry => ({ title, out, type });
const N = ST_NUMBER;
const O = ST_OPT_NUMBER;
const IN = ST_I_INP_ICMP | I_TITLE;
const OUT = ST_I_OUTP_ICMP | I_TITLE;

/** The tables in their declared order (NOT all sorted: glibc bsearch runs over them as they are). */
export const IPTAB: readonly StatEntry[] = [
  e('DefaultTTL', 'Default TTL is %llu', N | I_STATIC),
  e('Forwarding', 'Forwarding is %s', ST_I_FORWARD | I_STATIC),
  e('ForwDatagrams', '%llu forwarded', N),
  e('FragCreates', '%llu fragments created', O),
  e('FragFails', '%llu outgoing packets failed fragmentation', O),
  e('FragOKs', '%llu outgoing packets fragmented ok', O),
  e('InAddrErrors', '%llu with invalid addresses', O),
  e('InDelivers', '%llu incoming packets delivered', N),
  e('InDiscards', '%llu incoming packets discarded', N),
  e('InHdrErrors', '%llu with invalid headers', O),
  e('InReceives', '%llu total packets received', N),
  e('InUnknownProtos', '%llu with unknown protocol', O),
  e('OutDiscards', '%llu outgoing packets dropped', O),
  e('OutNoRoutes', '%llu dropped because of missing route', O),
  e('OutRequests', '%llu requests sent out', N),
  e('ReasmFails', '%llu packet reassemblies failed', O),
  e('ReasmOKs', '%llu packets reassembled ok', O),
  e('ReasmReqds', '%llu reassemblies required', O),
  e('ReasmTimeout', '%llu fragments dropped after timeout', O),
];

export const IP6TAB: readonly StatEntry[] = [
  e('Ip6FragCreates', '%llu fragments created', O),
  e('Ip6FragFails', '%llu outgoing packets failed fragmentation', O),
  e('Ip6FragOKs', '%llu outgoing packets fragmented ok', O),
  e('Ip6InAddrErrors', '%llu with invalid addresses', O),
  e('Ip6InDelivers', '%llu incoming packets delivered', N),
  e('Ip6InDiscards', '%llu incoming packets discarded', N),
  e('Ip6InHdrErrors', '%llu with invalid headers', O),
  e('Ip6InMcastPkts', '%llu incoming multicast packets', O),
  e('Ip6InNoRoutes', '%llu incoming packets with no route', O),
  e('Ip6InReceives', '%llu total packets received', N),
  e('Ip6InTooBigErrors', '%llu with packets too big', O),
  e('Ip6InTruncatedPkts', '%llu with truncated packets', O),
  e('Ip6InUnknownProtos', '%llu with unknown protocol', O),
  e('Ip6OutDiscards', '%llu outgoing packets dropped', O),
  e('Ip6OutForwDatagrams', '%llu forwarded', N),
  e('Ip6OutMcastPkts', '%llu outgoing multicast packets', O),
  e('Ip6OutNoRoutes', '%llu dropped because of missing route', O),
  e('Ip6OutRequests', '%llu requests sent out', N),
  e('Ip6ReasmFails', '%llu packet reassemblies failed', O),
  e('Ip6ReasmOKs', '%llu packets reassembled ok', O),
  e('Ip6ReasmReqds', '%llu reassemblies required', O),
  e('Ip6ReasmTimeout', '%llu fragments dropped after timeout', O),
];

export const ICMPTAB: readonly StatEntry[] = [
  e('InAddrMaskReps', 'address mask replies: %llu', IN),
  e('InAddrMasks', 'address mask request: %llu', IN),
  e('InDestUnreachs', 'destination unreachable: %llu', IN),
  e('InEchoReps', 'echo replies: %llu', IN),
  e('InEchos', 'echo requests: %llu', IN),
  e('InErrors', '%llu input ICMP message failed', N),
  e('InMsgs', '%llu ICMP messages received', N),
  e('InParmProbs', 'wrong parameters: %llu', IN),
  e('InRedirects', 'redirects: %llu', IN),
  e('InSrcQuenchs', 'source quenches: %llu', IN),
  e('InTimeExcds', 'timeout in transit: %llu', IN),
  e('InTimestampReps', 'timestamp reply: %llu', IN),
  e('InTimestamps', 'timestamp request: %llu', IN),
  e('OutAddrMaskReps', 'address mask replies: %llu', OUT),
  e('OutAddrMasks', 'address mask requests: %llu', OUT),
  e('OutDestUnreachs', 'destination unreachable: %llu', OUT),
  e('OutEchoReps', 'echo replies: %llu', OUT),
  e('OutEchos', 'echo requests: %llu', OUT),
  e('OutErrors', '%llu ICMP messages failed', N),
  e('OutMsgs', '%llu ICMP messages sent', N),
  e('OutParmProbs', 'wrong parameters: %llu', OUT),
  e('OutRedirects', 'redirect: %llu', OUT),
  e('OutSrcQuenchs', 'source quench: %llu', OUT),
  e('OutTimeExcds', 'time exceeded: %llu', OUT),
  e('OutTimestampReps', 'timestamp replies: %llu', OUT),
  e('OutTimestamps', 'timestamp requests: %llu', OUT),
];

export const ICMP6TAB: readonly StatEntry[] = [
  e('Icmp6InDestUnreachs', 'destination unreachable: %llu', IN),
  e('Icmp6InEchoReplies', 'echo replies: %llu', IN),
  e('Icmp6InEchos', 'echo requests: %llu', IN),
  e('Icmp6InErrors', '%llu input ICMP message failed', N),
  e('Icmp6InGroupMembQueries', 'group member queries: %llu', IN),
  e('Icmp6InGroupMembReductions', 'group member reductions: %llu', IN),
  e('Icmp6InGroupMembResponses', 'group member responses: %llu', IN),
  e('Icmp6InMsgs', '%llu ICMP messages received', N),
  e('Icmp6InNeighborAdvertisements', 'neighbour advertisement: %llu', IN),
  e('Icmp6InNeighborSolicits', 'neighbour solicits: %llu', IN),
  e('Icmp6InParmProblems', 'parameter problem: %llu', IN),
  e('Icmp6InPktTooBigs', 'packets too big: %llu', IN),
  e('Icmp6InRedirects', 'redirects: %llu', IN),
  e('Icmp6InRouterAdvertisements', 'router advertisement: %llu', IN),
  e('Icmp6InRouterSolicits', 'router solicits: %llu', IN),
  e('Icmp6InTimeExcds', 'received ICMPv6 time exceeded: %llu', IN),
  e('Icmp6OutDestUnreachs', 'destination unreachable: %llu', OUT),
  e('Icmp6OutEchoReplies', 'echo replies: %llu', OUT),
  e('Icmp6OutEchos', 'echo requests: %llu', OUT),
  e('Icmp6OutGroupMembQueries', 'group member queries: %llu', OUT),
  e('Icmp6OutGroupMembReductions', 'group member reductions: %llu', OUT),
  e('Icmp6OutGroupMembResponses', 'group member responses: %llu', OUT),
  e('Icmp6OutMsgs', '%llu ICMP messages sent', N),
  e('Icmp6OutNeighborAdvertisements', 'neighbor advertisements: %llu', OUT),
  e('Icmp6OutNeighborSolicits', 'neighbor solicits: %llu', OUT),
  e('Icmp6OutParmProblems', 'parameter problem: %llu', OUT),
  e('Icmp6OutPktTooBigs', 'packets too big: %llu', OUT),
  e('Icmp6OutRedirects', 'redirects: %llu', OUT),
  // the trailing blank is in the C table: this key never matches the kernel's
  e('Icmp6OutRouterAdvertisements ', 'router advertisement: %llu', OUT),
  e('Icmp6OutRouterSolicits', 'router solicits: %llu', OUT),
  e('Icmp6OutTimeExcds', 'sent ICMPv6 time exceeded: %llu', OUT),
];

export const TCPTAB: readonly StatEntry[] = [
  e('ActiveOpens', '%llu active connection openings', N),
  e('AttemptFails', '%llu failed connection attempts', N),
  e('CurrEstab', '%llu connections established', N),
  e('EstabResets', '%llu connection resets received', N),
  e('InErrs', '%llu bad segments received', N),
  e('InSegs', '%llu segments received', N),
  e('MaxConn', '', N),
  e('OutRsts', '%llu resets sent', N),
  e('OutSegs', '%llu segments sent out', N),
  e('PassiveOpens', '%llu passive connection openings', N),
  e('RetransSegs', '%llu segments retransmitted', N),
  e('RtoAlgorithm', 'RTO algorithm is %s', ST_I_RTO_ALG | I_STATIC),
  e('RtoMax', '', N),
  e('RtoMin', '', N),
];

export const UDPTAB: readonly StatEntry[] = [
  e('InDatagrams', '%llu packets received', N),
  e('InErrors', '%llu packet receive errors', N),
  e('NoPorts', '%llu packets to unknown port received', N),
  e('OutDatagrams', '%llu packets sent', N),
  e('RcvbufErrors', '%llu receive buffer errors', N),
  e('SndbufErrors', '%llu send buffer errors', N),
];

export const UDP6TAB: readonly StatEntry[] = [
  e('Udp6InDatagrams', '%llu packets received', N),
  e('Udp6InErrors', '%llu packet receive errors', N),
  e('Udp6NoPorts', '%llu packets to unknown port received', N),
  e('Udp6OutDatagrams', '%llu packets sent', N),
];

export const TCPEXTTAB: readonly StatEntry[] = [
  e('DelayedACKLocked', '%llu delayed acks further delayed because of locked socket', O),
  e('DelayedACKLost', 'Quick ack mode was activated %llu times', O),
  e('DelayedACKs', '%llu delayed acks sent', O),
  e('EmbryonicRsts', '%llu resets received for embryonic SYN_RECV sockets', O),
  e('ListenDrops', '%llu SYNs to LISTEN sockets dropped', O),
  e('ListenOverflows', '%llu times the listen queue of a socket overflowed', O),
  e('LockDroppedIcmps', '%llu ICMP packets dropped because socket was locked', O),
  e('OfoPruned', '%llu packets dropped from out-of-order queue because of socket buffer overrun', O),
  e('OutOfWindowIcmps', '%llu ICMP packets dropped because they were out-of-window', O),
  e('PAWSActive', '%llu active connections rejected because of time stamp', O),
  e('PAWSEstab', '%llu packets rejected in established connections because of timestamp', O),
  e('PAWSPassive', '%llu passive connections rejected because of time stamp', O),
  e('PruneCalled', '%llu packets pruned from receive queue because of socket buffer overrun', O),
  e('RcvPruned', '%llu packets pruned from receive queue', O),
  e('SockMallocOOM', 'Ran %llu times out of system memory during packet sending', O),
  e('SyncookiesFailed', '%llu invalid SYN cookies received', O),
  e('SyncookiesRecv', '%llu SYN cookies received', O),
  e('SyncookiesSent', '%llu SYN cookies sent', O),
  e('TCPAbortFailed', '%llu times unable to send RST due to no memory', O),
  e('TCPAbortOnClose', '%llu connections reset due to early user close', O),
  e('TCPAbortOnData', '%llu connections reset due to unexpected data', O),
  e('TCPAbortOnLinger', '%llu connections aborted after user close in linger timeout', O),
  e('TCPAbortOnMemory', '%llu connections aborted due to memory pressure', O),
  e('TCPAbortOnSyn', '%llu connections reset due to unexpected SYN', O),
  e('TCPAbortOnTimeout', '%llu connections aborted due to timeout', O),
  e('TCPDirectCopyFromBacklog', '%llu bytes directly in process context from backlog', O),
  e('TCPDirectCopyFromPrequeue', '%llu bytes directly received in process context from prequeue', O),
  e('TCPDSACKOfoRecv', '%llu DSACKs for out of order packets received', O),
  e('TCPDSACKOfoSent', '%llu DSACKs sent for out of order packets', O),
  e('TCPDSACKOldSent', '%llu DSACKs sent for old packets', O),
  e('TCPDSACKRecv', '%llu DSACKs received', O),
  e('TCPDSackUndo', '%llu congestion window recovered without slow start using DSACK', O),
  e('TCPDSACKUndo', '%llu congestion windows recovered without slow start by DSACK', O),
  e('TCPFACKReorder', 'Detected reordering %llu times using FACK', O),
  e('TCPFastRetrans', '%llu fast retransmits', O),
  e('TCPForwardRetrans', '%llu forward retransmits', O),
  e('TCPFullUndo', '%llu congestion windows fully recovered without slow start', O),
  e('TCPHPAcks', '%llu predicted acknowledgments', O),
  e('TCPHPHits', '%llu packet headers predicted', N),
  e('TCPHPHitsToUser', '%llu packet headers predicted and directly queued to user', O),
  e('TCPLossFailures', '%llu timeouts in loss state', O),
  e('TCPLoss', '%llu TCP data loss events', O),
  e('TCPLossUndo', '%llu congestion windows recovered without slow start after partial ack', O),
  e('TCPLostRetransmits', '%llu retransmits lost', O),
  e('TCPMemoryPressures', 'TCP ran low on memory %llu times', O),
  e('TCPPartialUndo', '%llu congestion windows partially recovered using Hoe heuristic', O),
  e('TCPPrequeued', '%llu packets directly queued to recvmsg prequeue', O),
  e('TCPPrequeueDropped', '%llu packets dropped from prequeue', O),
  e('TCPPureAcks', '%llu acknowledgments not containing data payload received', O),
  e('TCPRcvCollapsed', '%llu packets collapsed in receive queue due to low socket buffer', O),
  e('TCPRenoFailures', '%llu timeouts after reno fast retransmit', O),
  e('TCPRenoRecoveryFailed', '%llu reno fast retransmits failed', O),
  e('TCPRenoRecoveryFail', '%llu classic Reno fast retransmits failed', O),
  e('TCPRenoRecovery', '%llu times recovered from packet loss due to fast retransmit', O),
  e('TCPRenoReorder', 'Detected reordering %llu times using reno fast retransmit', O),
  e('TCPSackFailures', '%llu timeouts after SACK recovery', O),
  e('TCPSackRecoveryFail', '%llu SACK retransmits failed', O),
  e('TCPSackRecovery', '%llu times recovered from packet loss by selective acknowledgements', O),
  e('TCPSACKReneging', '%llu bad SACK blocks received', O),
  e('TCPSACKReorder', 'Detected reordering %llu times using SACK', O),
  e('TCPSchedulerFailed', '%llu times receiver scheduled too late for direct processing', O),
  e('TCPSlowStartRetrans', '%llu retransmits in slow start', O),
  e('TCPTimeouts', '%llu other TCP timeouts', O),
  e('TCPTSReorder', 'Detected reordering %llu times using time stamp', O),
  e('TWKilled', '%llu TCP sockets finished time wait in slow timer', O),
  e('TW', '%llu TCP sockets finished time wait in fast timer', O),
  e('TWRecycled', '%llu time wait sockets recycled by time stamp', O),
];

export const SCTPTAB: readonly StatEntry[] = [
  e('SctpAborteds', '%llu Number of Aborteds ', N),
  e('SctpActiveEstabs', '%llu Active Associations', N),
  e('SctpChecksumErrors', '%llu Number of Packets with invalid Checksum', N),
  e('SctpCurrEstab', '%llu Current Associations', N),
  e('SctpFragUsrMsgs', '%llu Number of messages fragmented', N),
  e('SctpInCtrlChunks', '%llu Number of control chunks received', N),
  e('SctpInOrderChunks', '%llu Number of ordered chunks received', N),
  e('SctpInSCTPPacks', '%llu Number of SCTP packets received', N),
  e('SctpInUnorderChunks', '%llu Number of Unordered chunks received', N),
  e('SctpOutCtrlChunks', '%llu Number of control chunks sent', N),
  e('SctpOutOfBlues', '%llu Number of Out of Blue packets', N),
  e('SctpOutOrderChunks', '%llu Number of ordered chunks sent', N),
  e('SctpOutSCTPPacks', '%llu Number of SCTP packets sent', N),
  e('SctpOutUnorderChunks', '%llu Number of Unordered chunks sent', N),
  e('SctpPassiveEstabs', '%llu Passive Associations', N),
  e('SctpReasmUsrMsgs', '%llu Number of messages reassembled ', N),
  e('SctpShutdowns', '%llu Number of Graceful Terminations', N),
];

/** Which f_* flag a table is printed under (statistics.c struct tabtab). */
export type StatFlag = 'raw' | 'tcp' | 'udp' | 'sctp';
export interface StatTable {
  readonly title: string;
  readonly tab: readonly StatEntry[];
  readonly flag: StatFlag;
}
/** snmptabs[] statistics.c:300-308 */
export const SNMPTABS: readonly StatTable[] = [
  { title: 'Ip', tab: IPTAB, flag: 'raw' },
  { title: 'Icmp', tab: ICMPTAB, flag: 'raw' },
  { title: 'Tcp', tab: TCPTAB, flag: 'tcp' },
  { title: 'Udp', tab: UDPTAB, flag: 'udp' },
  { title: 'Sctp', tab: SCTPTAB, flag: 'sctp' },
  { title: 'TcpExt', tab: TCPEXTTAB, flag: 'tcp' },
];
/** snmp6tabs[] statistics.c:310-316 */
export const SNMP6TABS: readonly StatTable[] = [
  { title: 'Ip6', tab: IP6TAB, flag: 'raw' },
  { title: 'Icmp6', tab: ICMP6TAB, flag: 'raw' },
  { title: 'Udp6', tab: UDP6TAB, flag: 'udp' },
  { title: 'Tcp6', tab: TCPTAB, flag: 'tcp' },
];
export const STAT_ENABLED = 'enabled';
export const STAT_DISABLED = 'disabled';
export const MSG_PARSE_PROBLEM = 'Problem while parsing %s\n';

/**
 * Every /proc file netstat reads, each for a fact the kernel offers nowhere else (see
 * compat/netstat.md): UNIX RefCnt, the raw tables only where the kernel has no raw_diag,
 * group memberships with their user counts, the SNMP counters, process command lines and
 * SELinux contexts for -p/-Z. (The /proc-only families are only stat()ed.)
 */
export const PROC_READS: readonly RegExp[] = [
  /^\/proc\/net\/unix$/,
  /^\/proc\/net\/raw6?$/,
  /^\/proc\/net\/igmp6?$/,
  /^\/proc\/net\/(snmp|netstat|snmp6|sctp\/snmp)$/,
  /^\/proc\/\d+\/(cmdline|attr\/current)$/,
];
