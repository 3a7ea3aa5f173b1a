/**
 * The constants of net-tools 2.10 lib/net-support.h that more than one command uses: the
 * option flags route_info() and the AF printers take, the RTACTION_* codes of route_edit(),
 * the exit codes, and the kernel's route flag bits as net-tools defines them.
 *
 * Upstream: lib/net-support.h:106-176 (RTACTION_*, FLAG_*, E_*) and 178-238 (RTF_*, RTCF_*),
 * Debian 2.10-0.1+deb12u2.
 */

// ------------------------------------------------------------ route_edit() actions (lib/net-support.h:106-110)
export const RTACTION_ADD = 1;
export const RTACTION_DEL = 2;
export const RTACTION_HELP = 3;
export const RTACTION_FLUSH = 4;
export const RTACTION_SHOW = 5;

// ------------------------------------------------------------ option flags (lib/net-support.h:112-120)
/** AND-mask of the "extend" level: 1 = default table, 2 = -e, 3 = -ee; 0 prints no rows */
export const FLAG_EXT = 3;
export const FLAG_NUM_HOST = 4;
export const FLAG_NUM_PORT = 8;
export const FLAG_NUM_USER = 16;
export const FLAG_NUM = FLAG_NUM_HOST | FLAG_NUM_PORT | FLAG_NUM_USER;
export const FLAG_SYM = 32;
export const FLAG_CACHE = 64;
export const FLAG_FIB = 128;
export const FLAG_VERBOSE = 256;

// ------------------------------------------------------------ exit codes (lib/net-support.h:169-176)
export const E_NOTFOUND = 8;
export const E_SOCK = 7;
export const E_LOOKUP = 6;
export const E_VERSION = 0;
export const E_USAGE = 0;
export const E_OPTERR = 3;
export const E_INTERN = 2;
export const E_NOSUPP = 1;

// ------------------------------------------------------------ route flags (lib/net-support.h:203-238)
export const RTF_UP = 0x0001;
export const RTF_GATEWAY = 0x0002;
export const RTF_HOST = 0x0004;
export const RTF_REINSTATE = 0x0008;
export const RTF_DYNAMIC = 0x0010;
export const RTF_MODIFIED = 0x0020;
export const RTF_MTU = 0x0040;
export const RTF_MSS = RTF_MTU;
export const RTF_WINDOW = 0x0080;
export const RTF_IRTT = 0x0100;
export const RTF_REJECT = 0x0200;
export const RTF_NOTCACHED = 0x0400;
export const RTF_DEFAULT = 0x00010000;
export const RTF_ALLONLINK = 0x00020000;
export const RTF_ADDRCONF = 0x00040000;
export const RTF_NONEXTHOP = 0x00200000;
export const RTF_EXPIRES = 0x00400000;
export const RTF_CACHE = 0x01000000;
export const RTF_FLOW = 0x02000000;
export const RTF_POLICY = 0x04000000;
export const RTF_LOCAL = 0x80000000;
