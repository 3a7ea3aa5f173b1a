/**
 * arp (net-tools 2.10 arp.c): display, set and delete entries of the kernel's ARP table.
 * main() with getopt_long, arp_show, arp_set, arp_del, arp_getdevhw, arp_file and getargs
 * (lib/getargs.c), ported one to one. The table comes from rtnetlink (src/model/neigh.ts),
 * the ioctls are emulated over rtnetlink (src/model/arpreq.ts), names go through libc
 * (src/model/arp_names.ts).
 */
import type { Io, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { Disp2, arp_disp } from '../format/arp_disp.js';
import { Getopt } from '../lib/getopt.js';
import { inet_ntoa } from '../lib/inet.js';
import { NetlinkError } from '../netlink/stream.js';
import { streamArpTable } from '../model/neigh.js';
import { BufferWriter } from '../io.js';
import { latin1 } from '../netlink/codec.js';
import { InetNames, cut } from '../model/arp_names.js';
import { ArpIoctl, ENOENT, ENXIO, type ArpReq } from '../model/arpreq.js';
import { strerror } from '../../compat/errno.js';
import { get_hwntype, get_hwtype, print_hwlist, type HwType } from '../../compat/hwtypes.js';
import { get_aftype, type AfType } from '../../compat/aftypes.js';
import {
  ATF_COM, ATF_DONTPUB, ATF_MAGIC, ATF_NETMASK, ATF_PERM, ATF_PUBL, ATF_USETRAILERS, DEVICE_SIZE,
  DFLT_AF, DFLT_HW, E_OPTERR, E_USAGE, E_VERSION, ETHERS, ETHERS_LINE_SIZE, FEATURES, FLAG_NUM,
  FLAG_SYM, GETARGS_MAX, HOST_NETMASK, HOST_SET_SIZE, HOST_SHOW_SIZE, LONGOPTS, MSG, OPTSTRING,
  RELEASE, USAGE, USAGE_HW, WORDS,
} from '../../compat/arp.js';
import { EISDIR } from '../../compat/errno.js';

const AF_INET = 2;

/** A C exit() out of the middle of main. */
class Exit {
  constructor(readonly code: number) {}
}

export function main(argv: string[], sys: Sys, io: Io): number {
  const arp = new Arp(sys, io);
  try {
    return arp.run(argv) & 0xff;
  } catch (e) {
    if (e instanceof Exit) return e.code & 0xff;
    if (e instanceof NetlinkError || e instanceof SysError) {
      io.stderr.write(`arp: ${e.message}\n`);
      return 255;
    }
    throw e;
  } finally {
    arp.close();
  }
}

/** lib/getargs.c getargs(): words split at blanks and tabs, '…' and "…" quoting, 31 at most. */
export function getargs(s: string): string[] {
  const out: string[] = [];
  let p = 0;
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  while (p < s.length && out.length < GETARGS_MAX) {
    while (blank(s[p])) p++;
    let arg = '';
    if (s[p] === '"' || s[p] === "'") {
      const want = s[p++];
      while (p < s.length) {
        if (s[p] === want && s[p - 1] !== '\\') {
          p++;
          break;
        }
        arg += s[p++];
      }
    } else {
      while (p < s.length && !blank(s[p])) arg += s[p++];
    }
    out.push(arg);
    while (p < s.length && blank(s[p])) p++;
  }
  return out;
}

/**
 * The lines fgets(buff, 1024, fp) gives: at most 1023 bytes, ending after a newline; then,
 * as C strings, each ends at its first NUL byte.
 */
export function fgetsLines(data: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < data.length) {
    let end = data.indexOf('\n', p);
    end = end < 0 ? data.length : end + 1;
    if (end - p > ETHERS_LINE_SIZE - 1) end = p + ETHERS_LINE_SIZE - 1;
    const chunk = data.slice(p, end);
    const nul = chunk.indexOf('\0');
    out.push(nul >= 0 ? chunk.slice(0, nul) : chunk);
    p = end;
  }
  return out;
}

class Arp {
  private opt_n = 0;
  private opt_N = 0;
  private opt_v = 0;
  private opt_D = 0;
  private opt_e = 0;
  private opt_a = 0;
  private ap!: AfType;
  private hw!: HwType;
  private hw_set = 0;
  private device = '';
  private readonly names: InetNames;
  private emuCache: ArpIoctl | null = null;

  constructor(
    private readonly sys: Sys,
    private readonly io: Io,
  ) {
    this.names = new InetNames(sys);
  }

  close(): void {
    this.emuCache?.close();
  }

  private get emu(): ArpIoctl {
    if (!this.emuCache) this.emuCache = new ArpIoctl(this.sys);
    return this.emuCache;
  }

  private err(text: string): void {
    this.io.stderr.write(text);
  }

  private out(text: string): void {
    this.io.stdout.write(text);
  }

  private perror(what: string, errno: number): void {
    this.err(`${what}: ${strerror(errno)}\n`);
  }

  /** usage() arp.c:630-654 */
  private usage(rc: number): never {
    const fp = rc ? this.io.stderr : this.io.stdout;
    fp.write(USAGE + sprintf(USAGE_HW, DFLT_HW));
    this.err(print_hwlist(1));
    throw new Exit(rc);
  }

  run(argv: string[]): number {
    this.hw = get_hwtype(DFLT_HW)!;
    this.ap = get_aftype(DFLT_AF)!;
    let what = 0;
    const g = new Getopt(argv, OPTSTRING, LONGOPTS, { posixlyCorrect: this.sys.getenv('POSIXLY_CORRECT') !== null });
    for (const o of g) {
      this.err(o.message);
      switch (o.opt) {
        case 'a':
          what = 1;
          this.opt_a = 1;
          break;
        case 'f':
          what = 2;
          break;
        case 'd':
          what = 3;
          break;
        case 's':
          what = 4;
          break;
        case 'e':
          this.opt_e = 1;
          break;
        case 'n':
          this.opt_n = FLAG_NUM;
          break;
        case 'D':
          this.opt_D = 1;
          break;
        case 'N':
          this.opt_N = FLAG_SYM;
          this.err(MSG.notYetN);
          break;
        case 'v':
          this.opt_v = 1;
          break;
        case 'A':
        case 'p': {
          const ap = get_aftype(o.optarg!, (t) => this.err(t));
          if (!ap) {
            this.err(sprintf(MSG.unknownAf, o.optarg!));
            throw new Exit(255);
          }
          this.ap = ap;
          break;
        }
        case 'H':
        case 't': {
          const hw = get_hwtype(o.optarg!);
          if (!hw) {
            this.err(sprintf(MSG.unknownHw, o.optarg!));
            throw new Exit(255);
          }
          this.hw = hw;
          this.hw_set = 1;
          break;
        }
        case 'i':
          this.device = cut(o.optarg!, DEVICE_SIZE);
          break;
        case 'V':
          this.out(`${RELEASE}\n${FEATURES}\n`);
          throw new Exit(E_VERSION);
        case 'h':
          this.usage(E_USAGE);
        // falls through: usage() does not return
        default:
          this.usage(E_OPTERR);
      }
    }
    void this.opt_N;

    if (this.ap.af !== AF_INET) {
      this.err(sprintf(MSG.kernelInetOnly, this.ap.name));
      throw new Exit(255);
    }
    if (!this.hw_set) this.hw = get_hwtype(DFLT_HW)!;
    if (this.hw.alen <= 0) {
      this.err(sprintf(MSG.noArpSupport, this.hw.name));
      throw new Exit(255);
    }

    const args = g.argv.slice(g.optind);
    switch (what) {
      case 0:
        this.opt_e = 1;
        return this.arp_show(args[0]);
      case 1:
        return this.arp_show(args[0]);
      case 2:
        return this.arp_file(args[0] ?? ETHERS);
      case 3:
        return this.arp_del(args);
      default:
        return this.arp_set(args);
    }
  }

  // ------------------------------------------------------------------ display

  /** arp_show() arp.c:528-622 */
  private arp_show(name: string | undefined): number {
    let host = '';
    if (name !== undefined) {
      host = cut(name, HOST_SHOW_SIZE);
      const r = this.names.resolve(host);
      if (r.rc < 0) {
        this.err(this.names.herror(host));
        return -1;
      }
      host = cut(inet_ntoa(r.addr), HOST_SHOW_SIZE);
    }
    let disp2 = new Disp2();
    let entries = 0;
    let showed = 0;
    // the rows are formatted as the dump streams in, and written once it is complete (an
    // interrupted dump starts again: what it gave is thrown away)
    let rows = new BufferWriter();
    streamArpTable(this.sys, (l) => {
      entries++;
      if (this.hw_set && l.type !== this.hw.type) return;
      if (host && l.ip !== host) return;
      if (this.device && l.dev !== this.device) return;
      showed++;
      let hostname: string;
      if (this.opt_n) hostname = '?';
      else {
        const r = this.names.resolve(l.ip);
        hostname = r.rc < 0 ? l.ip : this.names.sprint(r.addr, this.opt_n | 0x8000);
        if (hostname === l.ip) hostname = '?';
      }
      if (this.opt_e) rows.write(disp2.row(hostname[0] === '?' ? l.ip : hostname, l.type, l.flags, l.hwa, l.mask, l.dev));
      else rows.write(arp_disp(hostname, l.ip, l.type, l.flags, l.hwa, l.mask, l.dev));
    }, () => {
      disp2 = new Disp2();
      entries = 0;
      showed = 0;
      rows = new BufferWriter();
    });
    rows.writeTo(this.io.stdout);
    if (this.opt_v) this.out(sprintf(MSG.trailer, entries, entries - showed, showed));
    if (!showed) {
      if (host && !this.opt_a) this.out(sprintf(MSG.noEntryShow, name!, host));
      else if (this.hw_set || host || this.device) this.out(sprintf(MSG.noMatch, entries));
    }
    return 0;
  }

  // ------------------------------------------------------------------ changes

  /** arp_getdevhw() arp.c:240-263 */
  private arp_getdevhw(ifname: string, hw: HwType | null): { family: number; data: Uint8Array } | null {
    const r = this.emu.SIOCGIFHWADDR(ifname);
    if (r.errno) {
      this.err(sprintf(MSG.cantGetHw, ifname, strerror(r.errno)));
      return null;
    }
    if (hw && r.family !== hw.type) {
      this.err(MSG.protoMismatch);
      return null;
    }
    if (this.opt_v) {
      let xhw = get_hwntype(r.family);
      if (!xhw || !xhw.print) xhw = get_hwntype(-1)!;
      this.err(sprintf(MSG.deviceHw, ifname, xhw.name, xhw.print!(r.data)));
    }
    return { family: r.family, data: r.data };
  }

  /** The sockaddr_storage `ss` arp_set and arp_del reuse: what INET_resolve left in it. */
  private static ssAfterResolve(addr: Uint8Array): Uint8Array {
    const ss = new Uint8Array(128);
    new DataView(ss.buffer).setUint16(0, AF_INET, true);
    ss.set(addr, 4);
    return ss;
  }

  /** arp_set() arp.c:266-385 */
  private arp_set(args: string[]): number {
    let i = 0;
    if (args[i] === undefined) {
      this.err(MSG.needHost);
      return -1;
    }
    let host = cut(args[i++]!, HOST_SET_SIZE);
    let r = this.names.resolve(host);
    if (r.rc < 0) {
      this.err(this.names.herror(host));
      return -1;
    }
    const pa = r.addr;
    const ss = Arp.ssAfterResolve(pa);

    if (args[i] === undefined) {
      this.err(MSG.needHw);
      return -1;
    }
    let haFamily: number;
    let haData: Uint8Array;
    if (this.opt_D) {
      const d = this.arp_getdevhw(args[i++]!, this.hw_set ? this.hw : null);
      if (!d) return -1;
      haFamily = d.family;
      haData = d.data;
    } else {
      // hw->input writes sa_family and sa_data over what INET_resolve left in ss; a type
      // without an input function crashes the original (a NULL call): see compat/arp.md
      const bytes = this.hw.input ? this.hw.input(args[i++]!, (t) => this.err(t)) : (i++, null);
      if (!bytes) {
        this.err(MSG.invalidHw);
        return -1;
      }
      new DataView(ss.buffer).setUint16(0, this.hw.type & 0xffff, true);
      ss.set(bytes.subarray(0, ss.length - 2), 2);
      haFamily = this.hw.type & 0xffff;
      haData = ss.slice(2, 16);
    }

    let flags = ATF_PERM | ATF_COM;
    let netmask: Uint8Array = new Uint8Array(4);
    while (args[i] !== undefined) {
      const a = args[i]!;
      if (a === WORDS.temp) flags &= ~ATF_PERM;
      else if (a === WORDS.pub) flags |= ATF_PUBL;
      else if (a === WORDS.priv) flags &= ~ATF_PUBL;
      else if (a === WORDS.trail) flags |= ATF_USETRAILERS;
      else if (a === WORDS.dontpub) flags |= ATF_DONTPUB;
      else if (a === WORDS.auto) flags |= ATF_MAGIC;
      else if (a === WORDS.dev) {
        if (args[++i] === undefined) this.usage(E_OPTERR);
        this.device = cut(args[i]!, DEVICE_SIZE);
      } else if (a === WORDS.netmask) {
        if (args[++i] === undefined) this.usage(E_OPTERR);
        if (args[i] !== HOST_NETMASK) {
          host = cut(args[i]!, HOST_SET_SIZE);
          r = this.names.resolve(host);
          if (r.rc < 0) {
            this.err(this.names.herror(host));
            return -1;
          }
          netmask = r.addr;
          flags |= ATF_NETMASK;
        }
      } else this.usage(E_OPTERR);
      i++;
    }

    const req: ArpReq = { pa, haFamily, haData, flags, netmask, dev: this.device };
    if (this.opt_v) this.err(MSG.verboseSarp);
    const e = this.emu.SIOCSARP(req);
    if (e) {
      this.perror(MSG.siocsarp, e);
      return -1;
    }
    return 0;
  }

  /** arp_del() arp.c:99-237 */
  private arp_del(args: string[]): number {
    let i = 0;
    if (args[i] === undefined) {
      this.err(MSG.needHost);
      return -1;
    }
    let host = cut(args[i]!, HOST_SET_SIZE);
    let r = this.names.resolve(host);
    if (r.rc < 0) {
      this.err(this.names.herror(host));
      return -1;
    }
    const req: ArpReq = {
      pa: r.addr,
      haFamily: this.hw_set ? this.hw.type & 0xffff : 0,
      haData: new Uint8Array(14),
      flags: ATF_PERM,
      netmask: new Uint8Array(4),
      dev: '',
    };
    let flags = 0;
    i++;
    while (args[i] !== undefined) {
      const a = args[i]!;
      if (this.opt_v) this.err(sprintf(MSG.verboseArgs, a));
      if (a === WORDS.pub) flags |= 1;
      else if (a === WORDS.priv) flags |= 2;
      else if (a === WORDS.temp) req.flags &= ~ATF_PERM;
      else if (a === WORDS.trail) req.flags |= ATF_USETRAILERS;
      else if (a === WORDS.dontpub) req.flags |= ATF_DONTPUB;
      else if (a === WORDS.auto) req.flags |= ATF_MAGIC;
      else if (a === WORDS.dev) {
        if (args[++i] === undefined) this.usage(E_OPTERR);
        this.device = cut(args[i]!, DEVICE_SIZE);
      } else if (a === WORDS.netmask) {
        if (args[++i] === undefined) this.usage(E_OPTERR);
        if (args[i] !== HOST_NETMASK) {
          // the mask's text replaces the host's: "No ARP entry for" prints it
          host = cut(args[i]!, HOST_SET_SIZE);
          r = this.names.resolve(host);
          if (r.rc < 0) {
            this.err(this.names.herror(host));
            return -1;
          }
          req.netmask = r.addr;
          req.flags |= ATF_NETMASK;
        }
      } else this.usage(E_OPTERR);
      i++;
    }
    if (flags === 0) flags = 3;
    req.dev = this.device;

    let deleted = false;
    if (flags & 2) {
      if (this.opt_v) this.err(MSG.verboseDarpPriv);
      const e = this.emu.SIOCDARP(req);
      if (e) {
        if (e === ENXIO || e === ENOENT) {
          if (!(flags & 1)) {
            this.out(sprintf(MSG.noEntryDel, host));
            return -1;
          }
        } else {
          this.perror(MSG.siocdarpPriv, e);
          return -1;
        }
      } else deleted = true;
    }
    if (!deleted && flags & 1) {
      req.flags |= ATF_PUBL;
      if (this.opt_v) this.err(MSG.verboseDarpPub);
      const e = this.emu.SIOCDARP(req);
      if (e) {
        if (e === ENXIO || e === ENOENT) {
          this.out(sprintf(MSG.noEntryDel, host));
          return -1;
        }
        this.perror(MSG.siocdarpPub, e);
        return -1;
      }
    }
    return 0;
  }

  /** arp_file() arp.c:389-432 */
  private arp_file(name: string): number {
    let text: string;
    try {
      text = latin1(this.sys.readFile(name));
    } catch (e) {
      // fopen() of a directory succeeds and fgets() then reads nothing
      if (e instanceof SysError && e.errno === EISDIR) text = '';
      else if (e instanceof SysError) {
        this.err(sprintf(MSG.cannotOpen, name));
        return -1;
      } else throw e;
    }
    let linenr = 0;
    for (const chunk of fgetsLines(text)) {
      linenr++;
      if (this.opt_v === 1) this.err(sprintf(MSG.verboseLine, chunk));
      const nl = chunk.indexOf('\n');
      const buff = nl >= 0 ? chunk.slice(0, nl) : chunk;
      if (buff[0] === '#' || buff === '') continue;
      const args = getargs(buff);
      if (args.length < 2) {
        this.err(sprintf(MSG.formatError, linenr, name));
        continue;
      }
      if (args[0]!.includes(':')) [args[0], args[1]] = [args[1]!, args[0]!];
      if (this.arp_set(args) !== 0) this.err(sprintf(MSG.cannotSet, linenr, name));
    }
    return 0;
  }
}
