/**
 * The legacy address-family table (struct aftype) of net-tools 2.10, as data.
 *
 * Upstream: lib/af.c (aftrans[], aftypes[], afinit() titles, get_aftype, get_afntype,
 * print_aflist), lib/net-support.h:36-53 (struct aftype), lib/getroute.c:52-78
 * (getroute_init sets `rprint`), lib/setroute.c:45-70 (setroute_init sets `rinput`), and one
 * file per family (see each entry).  The compiled-in set is Debian's debian/config.h for
 * net-tools 2.10-0.1+deb12u2: every AF except Bluetooth (HAVE_AFDECnet is 1 but lib/af.c has
 * no DECnet entry).  Family numbers are glibc's <bits/socket.h> PF_* values.
 */

/** struct aftype (lib/net-support.h:36-53), the fields the tools' text depends on. */
export interface AfType {
  /** `name`, e.g. "inet6" */
  readonly name: string;
  /** English title set by afinit() (lib/af.c:159-196) */
  readonly title: string;
  /** AF_* value (AF_UNSPEC 0 for unspec) */
  readonly af: number;
  /** `alen` as initialised (inet: sizeof(unsigned long), 8 on LP64) */
  readonly alen: number;
  /**
   * `rprint` is non-NULL once getroute_init() has run (route.c:133 and netstat.c:2072 run it
   * before anything is printed); print_aflist(1) lists exactly these.
   */
  readonly rprint: boolean;
  /** `rinput` is non-NULL once setroute_init() has run (route.c:134). */
  readonly rinput: boolean;
  /** `flag_file`: the /proc path whose presence tells that the kernel has the family */
  readonly flagFile: string | null;
}

function af(
  name: string,
  title: string,
  afNum: number,
  alen: number,
  rprint: boolean,
  rinput: boolean,
  flagFile: string | null,
): AfType {
  return Object.freeze({ name, title, af: afNum, alen, rprint, rinput, flagFile });
}

/**
 * aftypes[] of lib/af.c:120-157 in order for the Debian build, titles from afinit()
 * (lib/af.c:159-196), unspec last.
 */
export const AFTYPES: readonly AfType[] = Object.freeze([
  af('unix', 'UNIX Domain', 1, 0, false, false, '/proc/net/unix'), // lib/unix.c:83-90 AF_UNIX
  af('inet', 'DARPA Internet', 2, 8, true, true, null), // lib/inet.c:355-363 AF_INET
  af('inet6', 'IPv6', 10, 16, true, true, '/proc/net/if_inet6'), // lib/inet6.c:182-190 AF_INET6
  af('ax25', 'AMPR AX.25', 3, 7, true, false, '/proc/net/ax25'), // lib/ax25.c:195-202 AF_AX25
  af('netrom', 'AMPR NET/ROM', 6, 7, true, true, '/proc/net/nr'), // lib/netrom.c:200-207 AF_NETROM
  af('rose', 'AMPR ROSE', 11, 10, true, false, '/proc/net/rose'), // lib/rose.c:131-138 AF_ROSE
  af('ipx', 'Novell IPX', 4, 0, true, true, '/proc/net/ipx'), // lib/ipx.c:164-171 AF_IPX
  af('ddp', 'Appletalk DDP', 5, 0, true, false, '/proc/net/appletalk'), // lib/ddp.c:56-63 AF_APPLETALK
  af('ec', 'Econet', 19, 0, false, false, '/proc/sys/net/econet'), // lib/econet.c:77-84 AF_ECONET
  af('ash', 'Ash', 18, 0, false, false, '/proc/sys/net/ash'), // lib/ash.c:117-124 AF_ASH
  af('x25', 'CCITT X.25', 9, 16, true, true, '/proc/net/x25'), // lib/x25.c:158-165 AF_X25, X25_ADDR_LEN
  af('unspec', 'UNSPEC', 0, 0, false, false, null), // lib/unix.c:94-99 AF_UNSPEC
]);

/**
 * aftrans[] of lib/af.c:44-101: the -A / --<af> / argv[0]-prefix aliases, in order, with
 * the aftype name each stands for and the flag_* variable it counts in.
 */
export const AFTRANS: readonly { readonly alias: string; readonly name: string; readonly flag: string }[] =
  Object.freeze([
    { alias: 'ax25', name: 'ax25', flag: 'flag_ax25' },
    { alias: 'ip', name: 'inet', flag: 'flag_inet' },
    { alias: 'ip6', name: 'inet6', flag: 'flag_inet6' },
    { alias: 'ipx', name: 'ipx', flag: 'flag_ipx' },
    { alias: 'rose', name: 'rose', flag: 'flag_rose' },
    { alias: 'appletalk', name: 'ddp', flag: 'flag_ddp' },
    { alias: 'netrom', name: 'netrom', flag: 'flag_netrom' },
    { alias: 'inet', name: 'inet', flag: 'flag_inet' },
    { alias: 'inet6', name: 'inet6', flag: 'flag_inet6' },
    { alias: 'ddp', name: 'ddp', flag: 'flag_ddp' },
    { alias: 'unix', name: 'unix', flag: 'flag_unx' },
    { alias: 'tcpip', name: 'inet', flag: 'flag_inet' },
    { alias: 'econet', name: 'ec', flag: 'flag_econet' },
    { alias: 'x25', name: 'x25', flag: 'flag_x25' },
    { alias: 'ash', name: 'ash', flag: 'flag_ash' },
    { alias: 'bluetooth', name: 'bluetooth', flag: 'flag_bluetooth' },
  ]);

/** lib/af.c:250, printed by get_aftype when no family matched and the name holds a ','. */
export const MSG_MORE_THAN_ONE_AF = "Please don't supply more than one address family.\n";

function defaultStderr(text: string): void {
  process.stderr.write(Buffer.from(text, 'latin1'));
}

/**
 * lib/af.c:236-252 get_aftype: first entry whose name equals `name` (strcmp), else null;
 * on no match, if `name` contains a ',' it also writes MSG_MORE_THAN_ONE_AF to stderr
 * (given as `stderr`; default process.stderr).  Note "unspec" matches (unspec is in the
 * table), and aliases such as "ip" do not (they go through aftrans, not here).
 */
export function get_aftype(name: string, stderr: (text: string) => void = defaultStderr): AfType | null {
  for (const t of AFTYPES) if (t.name === name) return t;
  if (name.includes(',')) stderr(MSG_MORE_THAN_ONE_AF);
  return null;
}

/** lib/af.c:256-270 get_afntype: first entry whose af equals `afNum`, else null (0 = unspec). */
export function get_afntype(afNum: number): AfType | null {
  for (const t of AFTYPES) if (t.af === afNum) return t;
  return null;
}

/**
 * lib/af.c:321-341 print_aflist: the bytes it writes to stderr.  type 0 = all (ifconfig.c:234),
 * 1 = those with `rprint` set, i.e. routable once getroute_init() ran (route.c:96,
 * netstat.c:2018); unspec (af 0) is always skipped.  Three "name (title) " per line, each
 * line opened by four blanks, a newline at the end.
 */
export function print_aflist(type: 0 | 1): string {
  let out = '';
  let count = 0;
  for (const t of AFTYPES) {
    if ((type === 1 && !t.rprint) || t.af === 0) continue;
    if (count % 3 === 0) out += count ? '\n    ' : '    ';
    out += `${t.name} (${t.title}) `;
    count++;
  }
  return out + '\n';
}
