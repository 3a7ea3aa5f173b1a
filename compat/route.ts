/**
 * The legacy contract of net-tools 2.10 `route` (Debian 12, 2.10-0.1+deb12u2), as data: its
 * option grammar, usage and error texts, the table titles, headers and row formats of the
 * routing-table printers (shared with `netstat -r`), the flag letters, and the texts of the
 * legacy address families' printers and setters.
 *
 * Sources (net-tools 2.10): route.c, lib/af.c, lib/getroute.c, lib/setroute.c, lib/inet.c,
 * lib/inet_gr.c, lib/inet6_gr.c, lib/inet_sr.c, lib/inet6_sr.c, lib/ax25_gr.c, lib/netrom_gr.c,
 * lib/netrom_sr.c, lib/rose_gr.c, lib/ipx_gr.c, lib/ipx_sr.c, lib/ddp_gr.c, lib/x25_gr.c,
 * lib/x25_sr.c, lib/x25.c, lib/net-features.h; every text checked against the installed binary.
 */
import { required_argument, no_argument, type LongOption } from '../src/lib/getopt.js';
import {
  RTF_ADDRCONF, RTF_ALLONLINK, RTF_CACHE, RTF_DEFAULT, RTF_DYNAMIC, RTF_EXPIRES, RTF_FLOW,
  RTF_GATEWAY, RTF_HOST, RTF_IRTT, RTF_LOCAL, RTF_MODIFIED, RTF_MTU, RTF_NONEXTHOP,
  RTF_NOTCACHED, RTF_POLICY, RTF_REINSTATE, RTF_REJECT, RTF_UP, RTF_WINDOW,
} from './net-support.js';

// ------------------------------------------------------------ route.c

/** route.c:58 */
export const DFLT_AF = 'inet';

/** getopt_long optstring, route.c:145 */
export const OPTSTRING = 'A:eCFhnN64Vv?';

/**
 * AFTRANS_OPTS (lib/net-support.h:149-162): every long family option returns 1. There are 13
 * of them but AFTRANS_CNT is 12, so `--tcpip` (index 12) trips route.c's range check.
 */
export const AFTRANS_OPTS: readonly LongOption[] = [
  { name: 'ax25', has_arg: no_argument, val: 1 },
  { name: 'x25', has_arg: no_argument, val: 1 },
  { name: 'ip', has_arg: no_argument, val: 1 },
  { name: 'ipx', has_arg: no_argument, val: 1 },
  { name: 'appletalk', has_arg: no_argument, val: 1 },
  { name: 'netrom', has_arg: no_argument, val: 1 },
  { name: 'inet', has_arg: no_argument, val: 1 },
  { name: 'inet6', has_arg: no_argument, val: 1 },
  { name: 'ddp', has_arg: no_argument, val: 1 },
  { name: 'rose', has_arg: no_argument, val: 1 },
  { name: 'unix', has_arg: no_argument, val: 1 },
  { name: 'bluetooth', has_arg: no_argument, val: 1 },
  { name: 'tcpip', has_arg: no_argument, val: 1 },
];
/** lib/net-support.h:163 */
export const AFTRANS_CNT = 12;

/** route.c:109-121 longopts[] */
export const LONGOPTS: readonly LongOption[] = [
  ...AFTRANS_OPTS,
  { name: 'extend', has_arg: no_argument, val: 'e' },
  { name: 'verbose', has_arg: no_argument, val: 'v' },
  { name: 'version', has_arg: no_argument, val: 'V' },
  { name: 'numeric', has_arg: no_argument, val: 'n' },
  { name: 'symbolic', has_arg: no_argument, val: 'N' },
  { name: 'protocol', has_arg: required_argument, val: 'A' },
  { name: 'cache', has_arg: no_argument, val: 'C' },
  { name: 'fib', has_arg: no_argument, val: 'F' },
  { name: 'help', has_arg: no_argument, val: 'h' },
];

/** usage() route.c:78-96: stdout for rc 0, stderr otherwise; print_aflist(1) always to stderr. */
export const USAGE =
  'Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n' +
  '       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n\n' +
  '       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n' +
  '       route {-V|--version}                  Display version/author and exit.\n\n' +
  '        -v, --verbose            be verbose\n' +
  "        -n, --numeric            don't resolve names\n" +
  '        -e, --extend             display other/more information\n' +
  '        -F, --fib                display Forwarding Information Base (default)\n' +
  '        -C, --cache              display routing cache instead of FIB\n\n' +
  "  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: %s\n" +
  '  List of possible address families (which support routing):\n';

/** version() route.c:99-103: Release and the Features string of lib/net-features.h as Debian builds them. */
export const VERSION =
  'net-tools 2.10\n' +
  '+NEW_ADDRT +RTF_IRTT +RTF_REJECT +I18N +SELINUX\n' +
  'AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\n' +
  'HW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n';

/** EINTERN() lib/net-support.h:165, as route.c:178 uses it for `--tcpip` */
export const ERR_INTERN = "%s: Internal Error `%s'.\n";
export const ERR_INTERN_FILE = 'route.c';
export const ERR_INTERN_LONGOPTS = 'longopts 1 range';

// ------------------------------------------------------------ lib/af.c

export const ERR_TOO_MANY_AF = 'Too much address family arguments.\n';
export const ERR_UNKNOWN_AF = "Unknown address family `%s'.\n";

// ------------------------------------------------------------ lib/getroute.c, lib/setroute.c

export const ERR_AF_NOT_SUPPORTED = "Address family `%s' not supported.\n";
export const ERR_NO_ROUTING = "No routing for address family `%s'.\n";

// ------------------------------------------------------------ lib/inet_gr.c (IPv4 table)

export const INET_TITLE_FIB = 'Kernel IP routing table\n';
export const INET_HEADER_FIB: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n',
  2: 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n',
  3: 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n',
};
/** rows of rprint_fib (lib/inet_gr.c:168-206): normal, and RTF_REJECT ones */
export const INET_ROW_FIB: Readonly<Record<1 | 2 | 3, string>> = {
  1: '%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n',
  2: '%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n',
  3: '%-15s %-15s %-15s %-5s %-6d %-3d %6d %-6.6s   %-5d %-6d %d\n',
};
export const INET_ROW_FIB_REJECT: Readonly<Record<1 | 2 | 3, string>> = {
  1: '%-15s -               %-15s %-5s %-6d -  %7d -\n',
  2: '%-15s -               %-15s %-5s     - -          - -\n',
  3: '%-15s -               %-15s %-5s %-6d -  %7d -        -     -      -\n',
};
export const INET_PROC_ROUTE = '/proc/net/route';
export const INET_NOT_CONFIGURED = 'INET (IPv4) not configured in this system.\n';

/**
 * rprint_cache (lib/inet_gr.c:208-440): /proc/net/rt_cache has had only its header since
 * Linux 3.6 (the cache is gone); proc_guess_fmt finds every column of the 2.2 layout in it
 * (format 63 -> 2), so the title, one header and no rows are printed.
 */
export const INET_TITLE_CACHE = 'Kernel IP routing cache\n';
export const INET_HEADER_CACHE: Readonly<Record<1 | 2 | 3, string>> = {
  1: 'Source          Destination     Gateway         Flags Metric Ref    Use Iface\n',
  2: 'Source          Destination     Gateway         Flags   MSS Window  irtt Iface\n',
  3: 'Source          Destination     Gateway         Flags Metric Ref    Use Iface    MSS   Window irtt  TOS HHRef HHUptod     SpecDst\n',
};

/** rprint_fib's flag letters (lib/inet_gr.c:122-165), in order; RTF_REJECT replaces what came before it. */
export const INET_FLAG_LETTERS: readonly (readonly [number, string])[] = [
  [RTF_UP, 'U'],
  [RTF_GATEWAY, 'G'],
  [RTF_REJECT, '!'],
  [RTF_HOST, 'H'],
  [RTF_REINSTATE, 'R'],
  [RTF_DYNAMIC, 'D'],
  [RTF_MODIFIED, 'M'],
  [RTF_DEFAULT, 'd'],
  [RTF_ALLONLINK, 'a'],
  [RTF_ADDRCONF, 'c'],
  [RTF_NONEXTHOP, 'o'],
  [RTF_EXPIRES, 'e'],
  [RTF_CACHE, 'c'],
  [RTF_FLOW, 'f'],
  [RTF_POLICY, 'p'],
  [RTF_LOCAL, 'l'],
  [RTF_MTU, 'u'],
  [RTF_WINDOW, 'w'],
  [RTF_IRTT, 'i'],
  [RTF_NOTCACHED, 'n'],
];

// ------------------------------------------------------------ lib/inet6_gr.c (IPv6 table)

export const INET6_TITLE_FIB = 'Kernel IPv6 routing table\n';
export const INET6_TITLE_CACHE = 'Kernel IPv6 routing cache\n';
export const INET6_HEADER = 'Destination                    Next Hop                   Flag Met Ref  Use If\n';
export const INET6_ROW = '%-30s %-26s %-4s %-3d %-1d %6d %s\n';
export const INET6_PROC_ROUTE = '/proc/net/ipv6_route';
export const INET6_NOT_CONFIGURED = 'INET6 (IPv6) not configured in this system.\n';
/** rprint_fib6's flag letters (lib/inet6_gr.c:117-141), in order */
export const INET6_FLAG_LETTERS: readonly (readonly [number, string])[] = [
  [RTF_UP, 'U'],
  [RTF_REJECT, '!'],
  [RTF_GATEWAY, 'G'],
  [RTF_HOST, 'H'],
  [RTF_DEFAULT, 'D'],
  [RTF_ADDRCONF, 'A'],
  [RTF_CACHE, 'C'],
  [RTF_ALLONLINK, 'a'],
  [RTF_EXPIRES, 'e'],
  [RTF_MODIFIED, 'm'],
  [RTF_NONEXTHOP, 'n'],
  [RTF_FLOW, 'f'],
];

// ------------------------------------------------------------ lib/inet.c, lib/inet6.c names

/** INET_sprint / INET6_sprint for an address of family 0 or 0xFFFF (never reached by route) */
export const NONE_SET = '[NONE SET]';
/** INET_rresolve for 0.0.0.0/0 with 0x8000 (default) and without */
export const INET_DEFAULT_NAME = 'default';
export const INET_ANY_NAME = '*';
/** INET6_rresolve for :: when not numeric */
export const INET6_ANY_NAME = '[::]';

// ------------------------------------------------------------ lib/inet_sr.c (IPv4 add/del)

export const INET_USAGE =
  'Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]\n' +
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]\n' +
  '                              [netmask N] [mss Mss] [window W] [irtt I]\n' +
  '                              [mod] [dyn] [reinstate] [[dev] If]\n' +
  '       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject\n' +
  '       inet_route [-FC] flush      NOT supported\n';
export const INET_ERR_FLUSH = "Flushing `inet' routing table not supported\n";
export const INET_ERR_CACHE = "Modifying `inet' routing cache not supported\n";
export const INET_ERR_NETWORK_GW = 'route: %s: cannot use a NETWORK as gateway!\n';
export const INET_ERR_MSS = 'route: Invalid MSS/MTU.\n';
export const INET_ERR_WINDOW = 'route: Invalid window.\n';
export const INET_ERR_HOST_NETMASK = "route: netmask %.8x doesn't make sense with host route\n";
export const INET_ERR_BOGUS_NETMASK = 'route: bogus netmask %s\n';
export const INET_ERR_NETMASK_MATCH = "route: netmask doesn't match route address\n";
/** the `netmask` buffer's initial text, printed by "bogus netmask" if never set */
export const INET_NETMASK_DEFAULT = 'default';
/** the device a reject route names when none was given (the kernel ignores it) */
export const INET_REJECT_DEV = 'lo';
/** sysconf(_SC_CLK_TCK) on Linux: USER_HZ */
export const CLK_TCK = 100;

// ------------------------------------------------------------ lib/inet6_sr.c (IPv6 add/del)

export const INET6_USAGE =
  'Usage: inet6_route [-vF] del Target\n' +
  '       inet6_route [-vF] add Target [gw Gw] [metric M] [[dev] If]\n' +
  '       inet6_route [-FC] flush      NOT supported\n';
export const INET6_ERR_FLUSH = "Flushing `inet6' routing table not supported\n";
/** INET6_resolve (lib/inet6.c:60) on a getaddrinfo failure: name and the EAI code as a number */
export const INET6_ERR_GETADDRINFO = 'getaddrinfo: %s: %d\n';

// ------------------------------------------------------------ perror() prefixes

export const PERROR_SOCKET = 'socket';
export const PERROR_SIOCADDRT = 'SIOCADDRT';
export const PERROR_SIOCDELRT = 'SIOCDELRT';
export const PERROR_SIOGIFINDEX = 'SIOGIFINDEX';

// ------------------------------------------------------------ the other families

/** lib/ax25_gr.c */
export const AX25_PROC_ROUTE = '/proc/net/ax25_route';
export const AX25_NOT_CONFIGURED = 'AX.25 not configured in this system.\n';
export const AX25_TITLE = 'Kernel AX.25 routing table\n';
export const AX25_HEADER = 'Destination  Iface    Use\n';
export const AX25_ROW = '%-9s    %-5s  %5d\n';

/** lib/netrom_gr.c, lib/netrom_sr.c */
export const NETROM_PROC_NODES = '/proc/net/nr_nodes';
export const NETROM_PROC_NEIGH = '/proc/net/nr_neigh';
export const NETROM_NOT_CONFIGURED = 'NET/ROM not configured in this system.\n';
export const NETROM_TITLE = 'Kernel NET/ROM routing table\n';
export const NETROM_HEADER = 'Destination  Mnemonic  Quality  Neighbour  Iface\n';
export const NETROM_ROW_HEAD = '%-9s    %-7s   ';
export const NETROM_ROW_TAIL = '%3d      %-9s  %s\n';
export const NETROM_ERR_RINPUT = 'NET/ROM: this needs to be written\n';

/** lib/rose_gr.c */
export const ROSE_PROC_NODES = '/proc/net/rose_nodes';
export const ROSE_PROC_NEIGH = '/proc/net/rose_neigh';
export const ROSE_NOT_CONFIGURED = 'ROSE not configured in this system.\n';
export const ROSE_TITLE = 'Kernel ROSE routing table\n';
export const ROSE_HEADER =
  'Destination  neigh1 callsign  device  neigh2 callsign  device  neigh3 callsign  device\n';

/** lib/ipx_gr.c, lib/ipx_sr.c */
export const IPX_PROC_ROUTE1 = '/proc/net/ipx/route';
export const IPX_PROC_ROUTE2 = '/proc/net/ipx_route';
export const IPX_NOT_CONFIGURED = 'IPX routing not in file %s or %s found.\n';
export const IPX_TITLE = 'Kernel IPX routing table\n';
export const IPX_HEADER = 'Destination               Router Net                Router Node\n';
export const IPX_ERR_RINPUT = 'IPX: this needs to be written\n';

/** lib/ddp_gr.c */
export const DDP_PROC_ROUTE = '/proc/net/atalk_route';
export const DDP_PERROR = 'Error opening /proc/net/atalk_route';
export const DDP_NOT_CONFIGURED = 'DDP (AppleTalk) not configured on this system.\n';
export const DDP_HEADER = 'Destination     Gateway         Device          Flags\n';
export const DDP_ROW = '%-16s%-16s%-16s%-s\n';
/** flags_decode() lib/ddp_gr.c:37-58: "stolen from inet_gr.c": the same letters, but `!` is appended, not a replacement */
export const DDP_FLAG_LETTERS = INET_FLAG_LETTERS;

/** lib/x25_gr.c, lib/x25_sr.c, lib/x25.c */
export const X25_PROC_ROUTE = '/proc/net/x25/route';
export const X25_PROC_ROUTE_OLD = '/proc/net/x25_routes';
export const X25_NOT_CONFIGURED = 'X.25 not configured in this system.\n';
export const X25_TITLE = 'Kernel X.25 routing table\n';
export const X25_HEADER = 'Destination          Iface\n';
export const X25_USAGE =
  'Usage: x25_route [-v] del Target[/mask] [dev] If\n' +
  '       x25_route [-v] add Target[/mask] [dev] If\n';
export const X25_ERR_FLUSH = "Flushing `x25' routing table not supported\n";
export const X25_ERR_CACHE = "Modifying `x25' routing cache not supported\n";
export const X25_ERR_TOO_LONG = "Address can't exceed eighteen digits with sigdigits";
export const X25_ERR_INVALID = 'Invalid address';
export const X25_ERR_BOGUS_NETMASK = 'route: bogus netmask %d\n';

// ------------------------------------------------------------ /proc reads (compat/route.md)

/**
 * The /proc files route_info reads (for `route` and `netstat -r`): the Ref column of the IPv6
 * table, which no netlink attribute carries, and the tables of the legacy families, which
 * exist nowhere else. Everything else comes from rtnetlink.
 */
export const PROC_READS: readonly RegExp[] = [
  /^\/proc\/net\/ipv6_route$/,
  /^\/proc\/net\/(ax25_route|nr_nodes|nr_neigh|rose_nodes|rose_neigh|ipx\/route|ipx_route|atalk_route|x25\/route|x25_routes)$/,
];
