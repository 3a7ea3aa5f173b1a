/**
 * hostname, dnsdomainname, domainname, nisdomainname, ypdomainname: Debian's hostname 3.23
 * (hostname.c of 3.23+nmu1), one program that looks at the name it was invoked by.
 *
 * Names come from the kernel's UTS calls (gethostname, getdomainname, sethostname,
 * setdomainname) and libc's resolver (getaddrinfo with AI_CANONNAME, gethostbyname,
 * getnameinfo), all through Sys; the addresses of -I and -A from the two rtnetlink dumps
 * glibc's getifaddrs() makes (src/model/ifaddrs.ts). Function names below are the C ones.
 */
import type { Io, Main, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { Getopt } from '../lib/getopt.js';
import { sprintf } from '../format/printf.js';
import { NetlinkError } from '../netlink/stream.js';
import { getifaddrs, in6LinkLocal } from '../model/ifaddrs.js';
import { readFirstLine } from '../model/hostname-file.js';
import { strerror } from '../../compat/errno.js';
import {
  BOOT_DEFAULT, ERR_INVALID, ERR_ROOT_DOMAIN, ERR_ROOT_HOST, ERR_TOO_LONG, LONGOPTS, NIS_NOT_SET,
  NONE, OPTSTRING, TYPE_OF_OPTION, TYPE_OF_PROGNAME, Type, USAGE, USAGE_STATUS, VERSION,
  VERSION_FORMAT, hstrerror,
} from '../../compat/hostname.js';
import { EINVAL, EPERM } from '../../compat/errno.js';

const AF_INET = 2;
const AF_INET6 = 10;
const SOCK_DGRAM = 2;
const AI_CANONNAME = 0x2;
const NI_NUMERICHOST = 1;
const NI_NAMEREQD = 8;
const EAI_NONAME = -2;
const IFF_UP = 0x1;
const IFF_LOOPBACK = 0x8;

/** exit(code), unwinding to main */
class Exit {
  constructor(readonly code: number) {}
}

/** isspace() in the C locale */
const isspace = (c: string): boolean => c === ' ' || (c >= '\t' && c <= '\r');
/** isalnum() in the C locale (undefined past the end: false, like the NUL there) */
const isalnum = (c: string | undefined): boolean =>
  c !== undefined && ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));

/**
 * check_name() hostname.c:186-207, the RFC 1035 2.3.1 rules: letters, digits, '-' and '.',
 * alphanumeric at both ends, no '-' next to a '.', no two dots in a row.
 */
export function check_name(name: string): boolean {
  const len = name.length;
  if (!len || !isalnum(name[0]) || !isalnum(name[len - 1])) return false;
  for (let i = 0; i < len; i++) {
    const c = name[i]!;
    if (!isalnum(c) && c !== '-' && c !== '.') return false;
    if (c === '-' && (name[i - 1] === '.' || name[i + 1] === '.')) return false;
    if (c === '.' && name[i - 1] === '.') return false;
  }
  return true;
}

/** set_name()'s DEFAULT case: leading and trailing C whitespace removed. */
export function trimSpace(name: string): string {
  let a = 0;
  let b = name.length;
  while (a < b && isspace(name[a]!)) a++;
  while (b > a && isspace(name[b - 1]!)) b--;
  return name.slice(a, b);
}

class Hostname {
  /** hostname.c:478: argv[0] after its last '/' (err()/errx() print the same, from glibc) */
  readonly progname: string;

  constructor(
    private readonly argv: string[],
    private readonly sys: Sys,
    private readonly io: Io,
  ) {
    const argv0 = argv[0] ?? '';
    this.progname = argv0.slice(argv0.lastIndexOf('/') + 1);
  }

  /** errx(status, "%s", msg) */
  private errx(msg: string, status = 1): never {
    this.io.stderr.write(`${this.progname}: ${msg}\n`);
    throw new Exit(status);
  }

  /** err(status, NULL): the text of errno */
  private err(errno: number, status = 1): never {
    this.errx(strerror(errno), status);
  }

  /** usage() hostname.c:144-180 */
  private usage(to: 'stdout' | 'stderr'): never {
    this.io[to].write(USAGE);
    throw new Exit(USAGE_STATUS);
  }

  /** localhost() hostname.c:110-140: gethostname, err(1) when it fails */
  private localhost(): string {
    try {
      return this.sys.gethostname();
    } catch (e) {
      if (e instanceof SysError) this.err(e.errno);
      throw e;
    }
  }

  /** localdomain() hostname.c:78-104 */
  private localdomain(): string {
    try {
      return this.sys.getdomainname();
    } catch (e) {
      if (e instanceof SysError) this.err(e.errno);
      throw e;
    }
  }

  /** localnisdomain() hostname.c:56-70: "not set" goes to stdout, status 1 */
  private localnisdomain(): string {
    let name: string | null = null;
    try {
      name = this.sys.getdomainname();
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
    }
    if (name === null || name === NONE) {
      this.io.stdout.write(sprintf(NIS_NOT_SET, this.progname));
      throw new Exit(1);
    }
    return name;
  }

  run(): number {
    let type: Type = TYPE_OF_PROGNAME[this.progname] ?? Type.DEFAULT;
    let boot = false;
    let file: string | null = null;

    const g = new Getopt(this.argv, OPTSTRING, LONGOPTS, { posixlyCorrect: this.sys.getenv('POSIXLY_CORRECT') !== null });
    for (const o of g) {
      this.io.stderr.write(o.message);
      switch (o.opt) {
        case 'b':
          boot = true;
          break;
        case 'F':
          file = o.optarg;
          break;
        case 'V':
          this.io.stdout.write(sprintf(VERSION_FORMAT, VERSION));
          return 0;
        case '?':
        case 'h':
          this.usage('stdout');
        default: {
          const t = typeof o.opt === 'string' ? TYPE_OF_OPTION[o.opt] : undefined;
          if (t === undefined) this.usage('stderr');
          type = t;
        }
      }
    }

    // -F: the name from a file; with -b, a missing or empty one falls back to the current name
    let name: string | null = null;
    if (file !== null) {
      name = this.read_file(file, boot);
      if (boot && (name === null || name === '')) {
        name = this.localhost();
        if (name === '' || name === NONE) name = BOOT_DEFAULT;
      }
    }

    let optind = g.optind;
    if (optind < g.argv.length) {
      if (name !== null) this.usage('stderr');
      name = g.argv[optind++]!;
    }
    if (optind < g.argv.length) this.usage('stderr');

    if (name !== null) this.set_name(type, name);
    else this.show_name(type);
    return 0;
  }

  /** read_file() hostname.c:381-413 */
  private read_file(filename: string, boot: boolean): string | null {
    const r = readFirstLine(this.sys, filename);
    if (typeof r === 'string') return r;
    if (boot) return null;
    this.err(r.errno);
  }

  /** set_name() hostname.c:210-253 */
  private set_name(type: Type, name: string): void {
    switch (type) {
      case Type.DEFAULT: {
        name = trimSpace(name);
        if (!check_name(name)) this.errx(ERR_INVALID);
        this.setOrComplain(() => this.sys.sethostname(name), ERR_ROOT_HOST);
        break;
      }
      case Type.NIS:
      case Type.NIS_DEF:
        this.setOrComplain(() => this.sys.setdomainname(name), ERR_ROOT_DOMAIN);
        break;
      default:
        this.usage('stderr');
    }
  }

  /** EPERM and EINVAL have their words; any other failure passes in silence (status 0). */
  private setOrComplain(set: () => void, eperm: string): void {
    try {
      set();
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      if (e.errno === EPERM) this.errx(eperm);
      if (e.errno === EINVAL) this.errx(ERR_TOO_LONG);
    }
  }

  /** show_name() hostname.c:255-378 */
  private show_name(type: Type): void {
    const out = this.io.stdout;
    switch (type) {
      case Type.DEFAULT:
        out.write(`${this.localhost()}\n`);
        return;
      case Type.SHORT: {
        const p = this.localhost();
        const dot = p.indexOf('.');
        out.write(`${dot >= 0 ? p.slice(0, dot) : p}\n`);
        return;
      }
      case Type.NIS:
        out.write(`${this.localdomain()}\n`);
        return;
      case Type.NIS_DEF:
        out.write(`${this.localnisdomain()}\n`);
        return;
      case Type.ALL_IPS:
      case Type.ALL_FQDNS:
        this.allAddresses(type);
        return;
      default:
        this.resolved(type);
    }
  }

  /** -I and -A: every address of getifaddrs() but loopback's, down links' and IPv6 link-local */
  private allAddresses(type: Type): void {
    const flags = type === Type.ALL_IPS ? NI_NUMERICHOST : NI_NAMEREQD;
    let list;
    try {
      list = getifaddrs(this.sys);
    } catch (e) {
      if (e instanceof SysError || e instanceof NetlinkError) this.errx(strerror(e.errno));
      throw e;
    }
    for (const ifa of list) {
      if (ifa.addr === null) continue;
      if (ifa.flags & IFF_LOOPBACK) continue;
      if (!(ifa.flags & IFF_UP)) continue;
      if (ifa.family !== AF_INET && ifa.family !== AF_INET6) continue;
      if (ifa.family === AF_INET6 && in6LinkLocal(ifa.addr)) continue;
      const r = this.sys.getnameinfo(ifa.family, ifa.addr, 0, flags);
      if (r.rc !== 0) {
        // addresses without a name are skipped; -I gives up on any other failure
        if (type !== Type.ALL_FQDNS && r.rc !== EAI_NONAME) this.errx(this.sys.gai_strerror(r.rc));
      } else {
        this.io.stdout.write(`${r.host} `);
      }
    }
    this.io.stdout.write('\n');
  }

  /** -f, -d, -a, -i: getaddrinfo(host name, AI_CANONNAME) first, whatever is shown */
  private resolved(type: Type): void {
    const out = this.io.stdout;
    const hints = { family: 0, socktype: SOCK_DGRAM, protocol: 0, flags: AI_CANONNAME };
    const res = this.sys.getaddrinfo(this.localhost(), null, hints);
    if (res.rc !== 0) this.errx(this.sys.gai_strerror(res.rc));
    const canon = res.list[0]?.canonname ?? '';

    switch (type) {
      case Type.ALIAS: {
        const hp = this.sys.gethostbyname(this.localhost());
        if (hp === null) this.errx(hstrerror(this.sys.herrno()));
        out.write(`${hp.aliases.join(' ')}\n`);
        return;
      }
      case Type.IP: {
        res.list.forEach((ai, i) => {
          const r = this.sys.getnameinfo(ai.family, ai.addr, ai.port, NI_NUMERICHOST);
          if (r.rc !== 0) this.errx(this.sys.gai_strerror(r.rc));
          out.write(i > 0 ? ` ${r.host}` : r.host);
        });
        out.write('\n');
        return;
      }
      case Type.DNS: {
        // no dot in the canonical name: nothing at all, not even a newline
        const dot = canon.indexOf('.');
        if (dot >= 0) out.write(`${canon.slice(dot + 1)}\n`);
        return;
      }
      case Type.FQDN:
        out.write(`${canon}\n`);
        return;
    }
  }
}

export const main: Main = (argv, sys, io) => {
  try {
    return new Hostname(argv, sys, io).run();
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
};
