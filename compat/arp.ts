/**
 * The legacy contract of net-tools 2.10 `arp` (Debian 12, 2.10-0.1+deb12u2), as data.
 * Sources: arp.c of net-tools 2.10 (line numbers of that tag), lib/net-features.h (the -V
 * feature lines, as Debian's config.h selects them), lib/net-support.h (exit codes, flags),
 * <net/if_arp.h> (ATF_*), the kernel's net/ipv4/arp.c (what /proc/net/arp shows).
 * Every text was checked against the installed /usr/sbin/arp.
 */
import { no_argument, required_argument, type LongOption } from '../src/lib/getopt.js';

/** version() arp.c:624-628: printf("%s\n%s\n", Release, Features). */
export const RELEASE = 'net-tools 2.10';
/** lib/net-features.h with FEATURE_ARP and Debian's config.h (the HW line ends in a blank). */
export const FEATURES = [
  '+I18N +SELINUX',
  'AF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH',
  'HW: (ether) +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 ',
].join('\n');

/** arp.c:77-78 */
export const DFLT_AF = 'inet';
export const DFLT_HW = 'ether';

/** arp.c:696 getopt_long optstring and arp.c:659-675 longopts. */
export const OPTSTRING = 'A:H:adfp:nsei:t:vh?DNV';
export const LONGOPTS: readonly LongOption[] = [
  { name: 'verbose', has_arg: no_argument, val: 'v' },
  { name: 'version', has_arg: no_argument, val: 'V' },
  { name: 'all', has_arg: no_argument, val: 'a' },
  { name: 'delete', has_arg: no_argument, val: 'd' },
  { name: 'file', has_arg: no_argument, val: 'f' },
  { name: 'numeric', has_arg: no_argument, val: 'n' },
  { name: 'set', has_arg: no_argument, val: 's' },
  { name: 'protocol', has_arg: required_argument, val: 'A' },
  { name: 'hw-type', has_arg: required_argument, val: 'H' },
  { name: 'device', has_arg: required_argument, val: 'i' },
  { name: 'help', has_arg: no_argument, val: 'h' },
  { name: 'use-device', has_arg: no_argument, val: 'D' },
  { name: 'symbolic', has_arg: no_argument, val: 'N' },
];

/** lib/net-support.h:169-176 */
export const E_VERSION = 0;
export const E_USAGE = 0;
export const E_OPTERR = 3;

/** lib/net-support.h:96-100: -n sets opt_n = FLAG_NUM */
export const FLAG_NUM = 4 | 8 | 16;
export const FLAG_SYM = 32;

/**
 * usage() arp.c:630-654: stdout for rc 0, stderr otherwise; then print_hwlist(1), which always
 * writes to stderr.
 */
export const USAGE = [
  'Usage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n',
  '  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry\n',
  '  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file\n',
  '  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry\n',
  "  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-\n\n",
  '        -a                       display (all) hosts in alternative (BSD) style\n',
  '        -e                       display (all) hosts in default (Linux) style\n',
  '        -s, --set                set a new ARP entry\n',
  '        -d, --delete             delete a specified entry\n',
  '        -v, --verbose            be verbose\n',
  "        -n, --numeric            don't resolve names\n",
  '        -i, --device             specify network interface (e.g. eth0)\n',
  '        -D, --use-device         read <hwaddr> from given device\n',
  '        -A, -p, --protocol       specify protocol family\n',
  '        -f, --file               read new entries from file or from /etc/ethers\n\n',
].join('');
/** arp.c:650-651 (%s is DFLT_HW) */
export const USAGE_HW = "  <HW>=Use '-H <hw>' to specify hardware address type. Default: %s\n  List of possible hardware types (which support ARP):\n";

/** main() arp.c:656-811 */
export const MSG = {
  __proto__: null, // a dictionary: see IFF in compat/ifconfig.ts
  notYetN: 'arp: -N not yet supported.\n',
  unknownAf: 'arp: %s: unknown address family.\n',
  unknownHw: 'arp: %s: unknown hardware type.\n',
  kernelInetOnly: "arp: %s: kernel only supports 'inet'.\n",
  noArpSupport: 'arp: %s: hardware type without ARP support.\n',
  /** arp_del, arp_set */
  needHost: 'arp: need host name\n',
  needHw: 'arp: need hardware address\n',
  invalidHw: 'arp: invalid hardware address\n',
  /** printf, to stdout (arp.c:214, 229) */
  noEntryDel: 'No ARP entry for %s\n',
  /** perror() prefixes */
  siocsarp: 'SIOCSARP',
  siocdarpPriv: 'SIOCDARP(dontpub)',
  siocdarpPub: 'SIOCDARP(pub)',
  /** -v texts on stderr */
  verboseArgs: 'args=%s\n',
  verboseDarpPriv: 'arp: SIOCDARP(dontpub)\n',
  verboseDarpPub: 'arp: SIOCDARP(pub)\n',
  verboseSarp: 'arp: SIOCSARP()\n',
  /** arp_getdevhw arp.c:240-263 */
  cantGetHw: "arp: cant get HW-Address for `%s': %s.\n",
  protoMismatch: 'arp: protocol type mismatch.\n',
  deviceHw: "arp: device `%s' has HW address %s `%s'.\n",
  /** arp_file arp.c:389-432 */
  cannotOpen: 'arp: cannot open etherfile %s !\n',
  formatError: 'arp: format error on line %u of etherfile %s !\n',
  cannotSet: 'arp: cannot set entry on line %u of etherfile %s !\n',
  verboseLine: '>> %s',
  /** arp_show arp.c:528-622, to stdout */
  trailer: 'Entries: %d\tSkipped: %d\tFound: %d\n',
  noEntryShow: '%s (%s) -- no entry\n',
  noMatch: 'arp: in %d entries no match found.\n',
} as const;

/** arp.c:796 */
export const ETHERS = '/etc/ethers';

/** arp_disp_2() arp.c:436-483 (the Linux style, -e and the default). */
export const DISP2 = {
  title: 'Address                  HWtype  HWaddress           Flags Mask            Iface\n',
  name: '%-23.23s  ',
  hw: '%-8.8s%-20.20s',
  tail: '%-6.6s%-15.15s %s\n',
  proxyType: '*',
  fromInterface: '<from_interface>',
  incomplete: '(incomplete)',
} as const;

/** arp_disp() arp.c:486-524 (the BSD style, -a). */
export const DISP = {
  head: '%s (%s) at ',
  fromInterface: '<from_interface> ',
  incomplete: '<incomplete> ',
  hw: '%s [%s] ',
  netmask: 'netmask %s ',
  tail: 'on %s\n',
} as const;

/** <net/if_arp.h> arpreq flags */
export const ATF_COM = 0x02;
export const ATF_PERM = 0x04;
export const ATF_PUBL = 0x08;
export const ATF_USETRAILERS = 0x10;
export const ATF_NETMASK = 0x20;
export const ATF_DONTPUB = 0x40;
export const ATF_MAGIC = 0x80;

/** Flag letters of arp_disp_2 (arp.c:450-466) and words of arp_disp (arp.c:508-521), in order. */
export const FLAG_LETTERS: readonly (readonly [number, string])[] = [
  [ATF_COM, 'C'], [ATF_PERM, 'M'], [ATF_PUBL, 'P'], [ATF_MAGIC, 'A'], [ATF_DONTPUB, '!'], [ATF_USETRAILERS, 'T'],
];
export const FLAG_WORDS: readonly (readonly [number, string])[] = [
  [ATF_PERM, 'PERM '], [ATF_PUBL, 'PUB '], [ATF_MAGIC, 'AUTO '], [ATF_DONTPUB, 'DONTPUB '], [ATF_USETRAILERS, 'TRAIL '],
];

/** The modifier words arp_set (arp.c:307-370) and arp_del (arp.c:128-193) take after the host. */
export const WORDS = {
  __proto__: null,
  temp: 'temp', pub: 'pub', priv: 'priv', trail: 'trail', dontpub: 'dontpub', auto: 'auto', dev: 'dev',
  netmask: 'netmask',
} as const;
/** a netmask given as exactly this text is ignored (arp.c:179, 356) */
export const HOST_NETMASK = '255.255.255.255';

/** Buffer sizes that cut arguments: host[128] (set/del), host[100] (show), device[16]. */
export const HOST_SET_SIZE = 128;
export const HOST_SHOW_SIZE = 100;
export const DEVICE_SIZE = 16;
/** arp_file: char buff[1024] read with fgets; getargs keeps at most 31 words. */
export const ETHERS_LINE_SIZE = 1024;
export const GETARGS_MAX = 31;
