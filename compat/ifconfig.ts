/**
 * The legacy contract of net-tools 2.10 `ifconfig` (Debian 12, 2.10-0.1+deb12u2), as data.
 * Sources: ifconfig.c and lib/interface.c of net-tools 2.10; line numbers are of that tag.
 */

/** `Release` printed by -V/--version (ifconfig.c:236 version(), RELEASE from version.h). */
export const RELEASE = 'net-tools 2.10';

/** Options ifconfig.c:279-306 recognises (hand-parsed, not getopt), while argv[0] starts with '-'. */
export const OPT_ALL = ['-a'];
export const OPT_SHORT = ['-s'];
export const OPT_VERBOSE = ['-v'];
export const OPT_VERSION = ['-V', '-version', '--version'];
export const OPT_HELP = ['-?', '-h', '-help', '--help'];

/** ifconfig.c:300-302 */
export const ERR_OPTION = "ifconfig: option `%s' not recognised.\n";
export const ERR_OPTION_HINT = "ifconfig: `--help' gives usage information.\n";

/**
 * usage() ifconfig.c:203-233, as compiled by Debian (HAVE_AFINET, SIOCSKEEPALIVE,
 * HAVE_TXQUEUELEN, SIOCSIFNAME, HAVE_DYNAMIC all set). Goes to stdout for rc 0, stderr otherwise;
 * the two lists (print_hwlist/print_aflist, lib/hw.c, lib/af.c) always go to stderr.
 */
export const USAGE_HEAD = [
  'Usage:\n  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]\n',
  '  [add <address>[/<prefixlen>]]\n',
  '  [del <address>[/<prefixlen>]]\n',
  '  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]\n',
  '  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]\n',
  '  [outfill <NN>] [keepalive <NN>]\n',
  '  [hw <HW> <address>]  [mtu <NN>]\n',
  '  [[-]trailers]  [[-]arp]  [[-]allmulti]\n',
  '  [multicast]  [[-]promisc]\n',
  '  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]\n',
  '  [txqueuelen <NN>]\n',
  '  [name <newname>]\n',
  '  [[-]dynamic]\n',
  '  [up|down] ...\n\n',
  '  <HW>=Hardware Type.\n',
  '  List of possible hardware types:\n',
].join('');
export const USAGE_AF = '  <AF>=Address family. Default: %s\n  List of possible address families:\n';
/** ifconfig.c:28 */
export const DFLT_AF = 'inet';

/** if_print() ifconfig.c:105: the -s header (misaligned in Debian's 2.10; fixed upstream later). */
export const SHORT_HEADER = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

/** do_if_fetch() lib/interface.c:576-588 */
export const ERR_FETCH = '%s: error fetching interface information: %s\n';
export const ERR_DEVICE_NOT_FOUND = 'Device not found';

/**
 * <net/if.h> interface flags. This table and the format tables below have a null prototype:
 * V8 makes such an object a dictionary, with no hidden class made per name at each start (the
 * first object of a shape with many names costs about 2 us a name to make).
 */
export const IFF = {
  __proto__: null,
  UP: 0x1, BROADCAST: 0x2, DEBUG: 0x4, LOOPBACK: 0x8, POINTOPOINT: 0x10, NOTRAILERS: 0x20,
  RUNNING: 0x40, NOARP: 0x80, PROMISC: 0x100, ALLMULTI: 0x200, MASTER: 0x400, SLAVE: 0x800,
  MULTICAST: 0x1000, PORTSEL: 0x2000, AUTOMEDIA: 0x4000, DYNAMIC: 0x8000,
} as const;

/** ife_print_long() lib/interface.c:691-723: flag names in print order. */
export const LONG_FLAG_NAMES: readonly (readonly [number, string])[] = [
  [IFF.UP, 'UP'], [IFF.BROADCAST, 'BROADCAST'], [IFF.DEBUG, 'DEBUG'], [IFF.LOOPBACK, 'LOOPBACK'],
  [IFF.POINTOPOINT, 'POINTOPOINT'], [IFF.NOTRAILERS, 'NOTRAILERS'], [IFF.RUNNING, 'RUNNING'],
  [IFF.NOARP, 'NOARP'], [IFF.PROMISC, 'PROMISC'], [IFF.ALLMULTI, 'ALLMULTI'], [IFF.SLAVE, 'SLAVE'],
  [IFF.MASTER, 'MASTER'], [IFF.MULTICAST, 'MULTICAST'], [IFF.DYNAMIC, 'DYNAMIC'],
];

/** ife_print_short() lib/interface.c:612-643: flag letters in print order (POINTOPOINT is a second 'P'). */
export const SHORT_FLAG_LETTERS: readonly (readonly [number, string])[] = [
  [IFF.ALLMULTI, 'A'], [IFF.BROADCAST, 'B'], [IFF.DEBUG, 'D'], [IFF.LOOPBACK, 'L'],
  [IFF.MULTICAST, 'M'], [IFF.DYNAMIC, 'd'], [IFF.PROMISC, 'P'], [IFF.NOTRAILERS, 'N'],
  [IFF.NOARP, 'O'], [IFF.POINTOPOINT, 'P'], [IFF.SLAVE, 's'], [IFF.MASTER, 'm'],
  [IFF.RUNNING, 'R'], [IFF.UP, 'U'],
];
export const SHORT_NO_FLAGS = '[NO FLAGS]';
export const SHORT_NO_STATS = '     - no statistics available -';

/** ife_print_short() lib/interface.c:597-610 */
export const SHORT_FMT = {
  __proto__: null,
  name: '%-15.15s ',
  mtu: '%5d ',
  rx: '%8llu %6lu %6lu %-6lu ',
  tx: '%8llu %6lu %6lu %6lu ',
  nostats: '%-56s',
};

/** ife_print_long() lib/interface.c:732-955 */
export const LONG_FMT = {
  __proto__: null,
  head: '%s: %s  mtu %d',
  outfill: '  outfill %d  keepalive %d',
  inet: '        %s %s',
  netmask: '  netmask %s',
  broadcast: '  broadcast %s',
  destination: '  destination %s',
  inet6: '        %s %s  prefixlen %d',
  scopeid: '  scopeid 0x%x',
  hw: '        %s %s',
  hwNoAddr: '        %s',
  txqueuelen: '  txqueuelen %d',
  hwTitle: '  (%s)\n',
  media: '        media %s',
  autoselect: 'autoselect',
  rxPackets: 'RX packets %llu  bytes %llu (%lu.%lu %s)\n',
  rxCompressed: 'RX compressed:%lu\n',
  rxErrors: 'RX errors %lu  dropped %lu  overruns %lu  frame %lu\n',
  txPackets: 'TX packets %llu  bytes %llu (%lu.%lu %s)\n',
  txCompressed: 'TX compressed %lu\n',
  txErrors: 'TX errors %lu  dropped %lu overruns %lu  carrier %lu  collisions %lu\n',
  indent: '        ',
  device: '        device ',
  irq: 'interrupt %d  ',
  base: 'base 0x%x  ',
  memory: 'memory 0x%lx-%lx  ',
  dma: '  dma 0x%x',
};

/** lib/interface.c:867-908: byte-unit thresholds (strictly greater than), divisor, unit. */
export const BYTE_UNITS: readonly (readonly [bigint, bigint, string])[] = [
  // EiB is special: short = bytes / 115292150460684697 (2^60 / 10), not bytes*10 / 2^60
  [1152921504606846976n, 115292150460684697n, 'EiB'],
  [1125899906842624n, 1125899906842624n, 'PiB'],
  [1099511627776n, 1099511627776n, 'TiB'],
  [1073741824n, 1073741824n, 'GiB'],
  [1048576n, 1048576n, 'MiB'],
  [1024n, 1024n, 'KiB'],
];

/** IPv6 scope bits of if_inet6 (lib/interface.c:70-85, kernel __ipv6_addr_type & IPV6_ADDR_SCOPE_MASK). */
export const IPV6_ADDR_LOOPBACK = 0x0010;
export const IPV6_ADDR_LINKLOCAL = 0x0020;
export const IPV6_ADDR_SITELOCAL = 0x0040;
export const IPV6_ADDR_COMPATv4 = 0x0080;
/** ife_print_long() lib/interface.c:779-797: scope words */
export const SCOPE_WORDS = { compat: 'compat', global: 'global', link: 'link', site: 'site', host: 'host' };

/** lib/interface.c:56-67 if_port_text[]: the names of each ifmap.port value (the first is printed). */
export const IF_PORT_NAMES: readonly (readonly string[])[] = [
  ['unknown'], ['10base2', 'bnc', 'coax'], ['10baseT', 'utp', 'tpe'], ['AUI', 'thick', 'db15'],
  ['100baseT'], ['100baseTX'], ['100baseFX'],
];
/** if_port_text[port][0]; index 7 is NULL in C. */
export const IF_PORT_TEXT = IF_PORT_NAMES.map((n) => n[0]!);

// ---------------------------------------------------------------- changing settings (ifconfig.c:340-1190)

/** set_flag()/clr_flag()/test_flag() ifconfig.c:126-198 */
export const ERR_GET_FLAGS = '%s: ERROR while getting interface flags: %s\n';
export const ERR_TEST_FLAGS = '%s: ERROR while testing interface flags: %s\n';

/** "still in ... mode" warnings after clearing a flag (ifconfig.c:420-483, 526, 665) */
export const WARN_STILL = {
  __proto__: null,
  promisc: 'Warning: Interface %s still in promisc mode... maybe other application is running?\n',
  multicast: 'Warning: Interface %s still in MULTICAST mode.\n',
  allmulti: 'Warning: Interface %s still in ALLMULTI mode.\n',
  dynamic: 'Warning: Interface %s still in DYNAMIC mode.\n',
  broadcast: 'Warning: Interface %s still in BROADCAST mode.\n',
  pointopoint: 'Warning: Interface %s still in POINTOPOINT mode.\n',
};

/** ifconfig.c:385 */
export const ERR_MEDIA = 'Unknown media type.\n';
/** ifconfig.c:703 */
export const ERR_HW_NO_HANDLER = "hw address type `%s' has no handler to set address. failed.\n";
/** ifconfig.c:711 */
export const ERR_HW_INVALID = '%s: invalid %s address.\n';
/** ifconfig.c:718 */
export const ERR_HW_BUSY = 'SIOCSIFHWADDR: %s - you may need to down the interface\n';
/** ifconfig.c:787, 898 */
export const ERR_NOT_INITIALIZED = 'Interface %s not initialized\n';
/** ifconfig.c:865 (-v) */
export const VERBOSE_DELETING = 'now deleting: ioctl(SIOCDIFADDR,{ifindex=%d,prefixlen=%ld})\n';
/** ifconfig.c:983, 988, 1016-1018 */
export const ERR_NO_INPUT = 'ifconfig: Cannot set address for this protocol family.\n';
export const ERR_RESOLVE_SET = "ifconfig: error resolving '%s' to set address for af=%s\n";
export const ERR_RESOLVE_FOR = "ifconfig: Error resolving '%s' for %s\n";
export const ERR_NO_ECONET = 'No support for ECONET on this system.\n';
export const ERR_FAMILY = "Don't know how to set addresses for family %d.\n";
/** ifconfig.c:1051 (-v) */
export const WARN_ERRORS = 'WARNING: at least one error occured. (%d)\n';
/** lib/inet6.c:72 INET6_resolve */
export const ERR_GETADDRINFO = 'getaddrinfo: %s: %d\n';

/**
 * Address families whose aftype has an `input` function (lib/*.c aftype tables): without one
 * a bare address is refused (ifconfig.c:982).
 */
export const AF_WITH_INPUT = ['inet', 'inet6', 'ax25', 'netrom', 'rose', 'ipx', 'ec', 'x25'];
/** Families ifconfig has a socket for on Linux (sockets_open: the flag file exists, or none is needed). */
export const AF_WITH_SOCKET: Readonly<Record<string, 'inet' | 'inet6' | 'unix'>> = { inet: 'inet', inet6: 'inet6', unix: 'unix' };
