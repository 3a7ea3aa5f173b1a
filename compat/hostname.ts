/**
 * The legacy contract of Debian's `hostname` 3.23 (package 3.23+nmu1, Debian 12), as data.
 * Source: hostname.c of hostname 3.23+nmu1 (line numbers below are of that file); the
 * resolver error texts are glibc 2.36's (resolv/herror.c), printed there through hstrerror().
 *
 * This is not net-tools' old hostname.c: Debian builds its `hostname`, `dnsdomainname`,
 * `domainname`, `nisdomainname` and `ypdomainname` from this one program.
 */
import { no_argument, required_argument, type LongOption } from '../src/lib/getopt.js';

/** hostname.c:46 `#define VERSION "3.23"`; printed by -V as "hostname %s\n" (hostname.c:508). */
export const VERSION = '3.23';
export const VERSION_FORMAT = 'hostname %s\n';

/** enum type_t (hostname.c:48): what is shown, or which name is set. */
export const Type = {
  __proto__: null, // a dictionary: see IFF in compat/ifconfig.ts
  DEFAULT: 0,
  DNS: 1,
  FQDN: 2,
  SHORT: 3,
  ALIAS: 4,
  IP: 5,
  NIS: 6,
  NIS_DEF: 7,
  ALL_FQDNS: 8,
  ALL_IPS: 9,
} as const;
export type Type = Exclude<(typeof Type)[keyof typeof Type], null>;

/** The type an invoked name starts with (hostname.c:479-487, compared after the last '/'). */
export const TYPE_OF_PROGNAME: Readonly<Record<string, Type>> = {
  dnsdomainname: Type.DNS,
  domainname: Type.NIS,
  ypdomainname: Type.NIS_DEF,
  nisdomainname: Type.NIS_DEF,
};

/** getopt_long's optstring (hostname.c:489). */
export const OPTSTRING = 'aAdfbF:h?iIsVy';

/** long_options[] (hostname.c:460-476), in table order (the order matters for abbreviations). */
export const LONGOPTS: readonly LongOption[] = [
  { name: 'domain', has_arg: no_argument, val: 'd' },
  { name: 'boot', has_arg: no_argument, val: 'b' },
  { name: 'file', has_arg: required_argument, val: 'F' },
  { name: 'fqdn', has_arg: no_argument, val: 'f' },
  { name: 'all-fqdns', has_arg: no_argument, val: 'A' },
  { name: 'help', has_arg: no_argument, val: 'h' },
  { name: 'long', has_arg: no_argument, val: 'f' },
  { name: 'short', has_arg: no_argument, val: 's' },
  { name: 'version', has_arg: no_argument, val: 'V' },
  { name: 'alias', has_arg: no_argument, val: 'a' },
  { name: 'ip-address', has_arg: no_argument, val: 'i' },
  { name: 'all-ip-addresses', has_arg: no_argument, val: 'I' },
  { name: 'nis', has_arg: no_argument, val: 'y' },
  { name: 'yp', has_arg: no_argument, val: 'y' },
];

/** Which display type each option selects (hostname.c:491-516); the last one given wins. */
export const TYPE_OF_OPTION: Readonly<Record<string, Type>> = {
  d: Type.DNS,
  a: Type.ALIAS,
  f: Type.FQDN,
  A: Type.ALL_FQDNS,
  i: Type.IP,
  I: Type.ALL_IPS,
  s: Type.SHORT,
  y: Type.NIS_DEF,
};

/**
 * usage() hostname.c:144-180: to stdout for -h, -? and getopt's errors, to stderr for misuse
 * (two names, a name with a display option); then exit(-1), status 255.
 */
export const USAGE =
  'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n' +
  '       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n' +
  '       hostname                                 display host name\n' +
  '\n' +
  '       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n' +
  '       {yp,nis,}domainname                      display NIS domain name\n' +
  '\n' +
  '       dnsdomainname                            display dns domain name\n' +
  '\n' +
  '       hostname -V|--version|-h|--help          print info and exit\n' +
  '\n' +
  'Program name:\n' +
  '       {yp,nis,}domainname=hostname -y\n' +
  '       dnsdomainname=hostname -d\n' +
  '\n' +
  'Program options:\n' +
  '    -a, --alias            alias names\n' +
  '    -A, --all-fqdns        all long host names (FQDNs)\n' +
  '    -b, --boot             set default hostname if none available\n' +
  '    -d, --domain           DNS domain name\n' +
  '    -f, --fqdn, --long     long host name (FQDN)\n' +
  '    -F, --file             read host name or NIS domain name from given file\n' +
  '    -i, --ip-address       addresses for the host name\n' +
  '    -I, --all-ip-addresses all addresses for the host\n' +
  '    -s, --short            short host name\n' +
  '    -y, --yp, --nis        NIS/YP domain name\n' +
  '\n' +
  'Description:\n' +
  '   This command can get or set the host name or the NIS domain name. You can\n' +
  '   also get the DNS domain or the FQDN (fully qualified domain name).\n' +
  '   Unless you are using bind or NIS for host lookups you can change the\n' +
  '   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n' +
  '   part of the FQDN) in the /etc/hosts file.\n';
/** usage() ends in exit(-1) */
export const USAGE_STATUS = 255;

/**
 * localnisdomain() hostname.c:58-70: printed with printf, so on **stdout**, then exit(1), when
 * getdomainname fails or the NIS domain is the kernel's "(none)".
 */
export const NIS_NOT_SET = '%s: Local domain name not set\n';
/** the kernel's domain name when none was ever set (init_uts_ns, UTS_DOMAINNAME) */
export const NONE = '(none)';

/** set_name() hostname.c:210-247; errx(1, ...) texts, after "progname: ". */
export const ERR_INVALID = 'the specified hostname is invalid';
export const ERR_ROOT_HOST = 'you must be root to change the host name';
export const ERR_ROOT_DOMAIN = 'you must be root to change the domain name';
export const ERR_TOO_LONG = 'name too long';

/** The host name -b sets when -F gave none and the kernel has none (hostname.c:528-532). */
export const BOOT_DEFAULT = 'localhost';

/**
 * hstrerror() texts of glibc 2.36 (resolv/herror.c h_errlist[] and its two fallbacks), C locale;
 * hostname -a prints them when gethostbyname() fails (hostname.c:309).
 */
export const H_ERRLIST: readonly string[] = [
  'Resolver Error 0 (no error)',
  'Unknown host', // HOST_NOT_FOUND
  'Host name lookup failure', // TRY_AGAIN
  'Unknown server error', // NO_RECOVERY
  'No address associated with name', // NO_DATA
];
export const H_ERR_INTERNAL = 'Resolver internal error';
export const H_ERR_UNKNOWN = 'Unknown resolver error';

export function hstrerror(err: number): string {
  if (err < 0) return H_ERR_INTERNAL;
  return H_ERRLIST[err] ?? H_ERR_UNKNOWN;
}
