/**
 * ifconfig's configuration forms: the keyword loop of net-tools 2.10 ifconfig.c main()
 * (lines 340-1055) and its helpers set_flag, clr_flag, test_flag, set_netmask,
 * get_nmbc_parent, set_ifstate, do_ifcmd, ported one to one. Every ioctl goes to
 * src/model/ioctl.ts, which does with rtnetlink what the ioctl did.
 */
import type { Io, Sys } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { strerror } from '../../compat/errno.js';
import { get_hwtype, type HwType } from '../../compat/hwtypes.js';
import { get_aftype, type AfType } from '../../compat/aftypes.js';
import {
  AF_WITH_INPUT, AF_WITH_SOCKET, DFLT_AF, ERR_FAMILY, ERR_FETCH, ERR_DEVICE_NOT_FOUND, ERR_GETADDRINFO,
  ERR_GET_FLAGS, ERR_HW_BUSY, ERR_HW_INVALID, ERR_HW_NO_HANDLER, ERR_MEDIA, ERR_NO_ECONET,
  ERR_NO_INPUT, ERR_OPTION_HINT, ERR_RESOLVE_FOR, ERR_RESOLVE_SET, ERR_TEST_FLAGS,
  IFF, IF_PORT_NAMES, VERBOSE_DELETING, WARN_ERRORS, WARN_STILL,
} from '../../compat/ifconfig.js';
import { IoctlEmu, EBADF, ENODEV, type SockFamily } from '../model/ioctl.js';
import { IfWorld, if_cache_add } from '../model/interface.js';
import { inet_aton, inet_pton6 } from '../lib/inet.js';
import { atoi, atol, strtol, strtoul } from '../lib/cstdlib.js';
import { AfInput } from '../lib/af_input.js';
import { herror, hostOrder } from '../lib/inet_resolve.js';
import { Exit, usage } from './ifconfig-common.js';
import { EBUSY, ENOTTY } from '../../compat/errno.js';

const IFNAMSIZ = 16;
const E_OPTERR = 3;
const AF_INET = 2;
const AF_INET6 = 10;
const AF_ECONET = 19;

/** safe_strncpy(host, s, 128) */
const host128 = (s: string): string => s.slice(0, 127);

interface Resolved {
  ok: boolean;
  addr: number;
}

export class IfconfigSet {
  private readonly emu: IoctlEmu;
  /** the address families' input functions, with their error buffers, for this run */
  private readonly afin = new AfInput();
  private goterr = 0;
  private didnetmask = 0;
  private neednetmask = 0;
  private samask = 0;
  private ap!: AfType;
  /** the socket ap->fd stood for */
  private skfd: SockFamily = 'inet';
  /** lib/interface.c's int_list: interface names read so far, kept for the whole run */
  private readonly int_list: string[] = [];
  /** if_list_all: the whole list has been read once (later changes are not seen) */
  private if_list_all = false;

  constructor(
    private readonly sys: Sys,
    private readonly io: Io,
    private readonly opt_v: boolean,
  ) {
    this.emu = new IoctlEmu(sys);
  }

  private err(text: string): void {
    this.io.stderr.write(text);
  }

  /** perror(what) */
  private perror(what: string, errno: number): void {
    this.err(`${what}: ${strerror(errno)}\n`);
  }

  /** herror(text), with the h_errno the last look-up left */
  private herror(text: string): void {
    this.err(herror(text, this.sys.herrno()));
  }

  // ------------------------------------------------------------------ flags

  /** set_flag(): SIOCGIFFLAGS, then SIOCSIFFLAGS with the flag added, through ap's socket */
  private set_flag(ifname: string, flag: number): number {
    return this.changeFlags(ifname, this.skfd, (flags) => flags | flag);
  }

  /** clr_flag(): the same with the flag removed; a `dev:label` name goes through an AF_INET socket */
  private clr_flag(ifname: string, flag: number): number {
    return this.changeFlags(ifname, ifname.includes(':') ? 'inet' : this.skfd, (flags) => flags & ~flag);
  }

  /** What set_flag and clr_flag share (ifconfig.c:126-170): read the flags, write them changed. */
  private changeFlags(ifname: string, fd: SockFamily, change: (flags: number) => number): number {
    const g = this.emu.SIOCGIFFLAGS(ifname, fd);
    if (g.errno) {
      this.err(sprintf(ERR_GET_FLAGS, ifname, strerror(g.errno)));
      return -1;
    }
    const e = this.emu.SIOCSIFFLAGS(ifname, change(g.flags) & 0xffff, fd);
    if (e) {
      this.perror('SIOCSIFFLAGS', e);
      return -1;
    }
    return 0;
  }

  private test_flag(ifname: string, flags: number): number {
    const fd: SockFamily = ifname.includes(':') ? 'inet' : this.skfd;
    const g = this.emu.SIOCGIFFLAGS(ifname, fd);
    if (g.errno) {
      this.err(sprintf(ERR_TEST_FLAGS, ifname, strerror(g.errno)));
      return -1;
    }
    return g.flags & flags;
  }

  private clearWithWarning(ifname: string, flag: number, warning: string): void {
    this.goterr |= this.clr_flag(ifname, flag);
    if (this.test_flag(ifname, flag) > 0) this.err(sprintf(warning, ifname));
  }

  // ------------------------------------------------------------------ address input

  /**
   * lib/inet.c INET_resolve(name, hostfirst=0): default, dotted quad, networks, hosts. `rc` is
   * its return value: 1 for `default` and a name from the networks database, 0 for another
   * address, -1 when there is none.
   */
  private INET_resolve(name: string): { rc: number; addr: number } {
    if (name === 'default') return { rc: 1, addr: 0 };
    const a = inet_aton(name);
    if (a) return { rc: 0, addr: hostOrder(a) };
    const np = this.sys.getnetbyname(name);
    if (np) return { rc: 1, addr: np.net >>> 0 };
    const hp = this.sys.gethostbyname(name);
    if (!hp || hp.addrs.length === 0) return { rc: -1, addr: 0 };
    return { rc: 0, addr: hostOrder(hp.addrs[0]!) };
  }

  /**
   * ap->input(0, host) for the address keywords (broadcast, dstaddr, netmask, pointopoint);
   * on failure the error is printed: the family's herror, or ifconfig's own text when it has
   * none. `pointopoint` takes any non-zero return for a failure, the others a negative one.
   * An inet6 ap resolves with getaddrinfo; its address then goes to an AF_INET6 socket, where
   * these ioctls fail (see ioctlInet).
   */
  private inputFor(host: string, what: string): Resolved {
    // pointopoint takes INET_resolve's 1 (`default`, a network's name) for a failure too
    const failed = (rc: number): boolean => (what === 'pointopoint' ? rc !== 0 : rc < 0);
    if (this.ap.name === 'inet6') {
      if (this.INET6_resolve(host)) return { ok: true, addr: 0 };
      this.herror(host);
      return { ok: false, addr: 0 };
    }
    if (this.ap.name !== 'inet') {
      // a family without an input function: the original calls NULL (compat/README.md)
      if (!this.afin.has(this.ap.name)) {
        this.err(sprintf(ERR_RESOLVE_FOR, host, what));
        return { ok: false, addr: 0 };
      }
      const r = this.afin.input(this.ap.name, host);
      if (failed(r.rc)) {
        this.err(r.herror ?? sprintf(ERR_RESOLVE_FOR, r.host, what));
        return { ok: false, addr: 0 };
      }
      return { ok: true, addr: 0 };
    }
    const r = this.INET_resolve(host);
    if (failed(r.rc)) {
      this.herror(host);
      return { ok: false, addr: 0 };
    }
    return { ok: true, addr: r.addr };
  }

  /** lib/inet6.c INET6_resolve: getaddrinfo(AF_INET6); prints its own line on failure. */
  private INET6_resolve(name: string): Uint8Array | null {
    const r = this.sys.getaddrinfo(name, null, { family: AF_INET6, socktype: 0, protocol: 0, flags: 0 });
    if (r.rc !== 0 || r.list.length === 0) {
      this.err(sprintf(ERR_GETADDRINFO, name, r.rc));
      return null;
    }
    return r.list[0]!.addr;
  }

  /** INET6_getsock: inet_pton only */
  private inet6_pton(text: string): Uint8Array | null {
    return inet_pton6(text);
  }

  // ------------------------------------------------------------------ main loop

  /** ifconfig.c:340-1055: returns goterr (the exit status is goterr & 0xff). */
  run(ifname: string, args: string[]): number {
    let spp = 0;
    const next = (): string | undefined => args[++spp];
    const ap = get_aftype(args[0]!, (t) => this.err(t));
    if (ap) {
      this.ap = ap;
      spp++;
    } else {
      this.ap = get_aftype(DFLT_AF)!;
    }
    this.skfd = AF_WITH_SOCKET[this.ap.name] ?? null;

    while (spp < args.length) {
      const w = args[spp]!;
      switch (w) {
        case 'arp':
          this.goterr |= this.clr_flag(ifname, IFF.NOARP);
          spp++;
          continue;
        case '-arp':
          this.goterr |= this.set_flag(ifname, IFF.NOARP);
          spp++;
          continue;
        case 'media':
        case 'port': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          if (t.toLowerCase() === 'auto') {
            // ifconfig.c:367: no spp++ here, so "auto" is read again as the next keyword
            this.goterr |= this.set_flag(ifname, IFF.AUTOMEDIA);
            continue;
          }
          // strtol(*spp, &endp, 10); anything left over means a media name
          let newport: number;
          const r = strtol(t, 10);
          if (r.end !== t.length) {
            newport = -1;
            for (let i = 0; i < IF_PORT_NAMES.length && newport === -1; i++) {
              if (IF_PORT_NAMES[i]!.some((a) => a.toLowerCase() === t.toLowerCase())) newport = i;
            }
          } else newport = Number(BigInt.asIntN(32, r.value));
          spp++;
          if (newport === -1) {
            this.err(ERR_MEDIA);
            this.goterr = 1;
          } else {
            const g = this.emu.SIOCGIFMAP(ifname, this.skfd);
            if (g.errno) {
              this.perror('port: SIOCGIFMAP', g.errno);
              this.goterr = 1;
              continue;
            }
            g.map.port = newport & 0xff;
            const e = this.emu.SIOCSIFMAP(ifname, g.map, this.skfd);
            if (e) {
              this.perror('port: SIOCSIFMAP', e);
              this.goterr = 1;
            }
          }
          continue;
        }
        case 'trailers':
          this.goterr |= this.clr_flag(ifname, IFF.NOTRAILERS);
          spp++;
          continue;
        case '-trailers':
          this.goterr |= this.set_flag(ifname, IFF.NOTRAILERS);
          spp++;
          continue;
        case 'promisc':
          this.goterr |= this.set_flag(ifname, IFF.PROMISC);
          spp++;
          continue;
        case '-promisc':
          this.clearWithWarning(ifname, IFF.PROMISC, WARN_STILL.promisc);
          spp++;
          continue;
        case 'multicast':
          this.goterr |= this.set_flag(ifname, IFF.MULTICAST);
          spp++;
          continue;
        case '-multicast':
          this.clearWithWarning(ifname, IFF.MULTICAST, WARN_STILL.multicast);
          spp++;
          continue;
        case 'allmulti':
          this.goterr |= this.set_flag(ifname, IFF.ALLMULTI);
          spp++;
          continue;
        case '-allmulti':
          this.clearWithWarning(ifname, IFF.ALLMULTI, WARN_STILL.allmulti);
          spp++;
          continue;
        case 'up':
          this.goterr |= this.set_flag(ifname, IFF.UP | IFF.RUNNING);
          spp++;
          continue;
        case 'down':
          this.goterr |= this.clr_flag(ifname, IFF.UP);
          spp++;
          continue;
        case 'dynamic':
          this.goterr |= this.set_flag(ifname, IFF.DYNAMIC);
          spp++;
          continue;
        case '-dynamic':
          spp++;
          this.clearWithWarning(ifname, IFF.DYNAMIC, WARN_STILL.dynamic);
          continue;
        case 'mtu': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const e = this.emu.SIOCSIFMTU(ifname, atoi(t), this.skfd);
          if (e) {
            this.err(`SIOCSIFMTU: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case 'keepalive':
        case 'outfill': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const e = this.emu.SIOCDEVPRIVATE(ifname, this.skfd);
          if (e) {
            this.err(`${w === 'keepalive' ? 'SIOCSKEEPALIVE' : 'SIOCSOUTFILL'}: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case '-broadcast':
          this.clearWithWarning(ifname, IFF.BROADCAST, WARN_STILL.broadcast);
          spp++;
          continue;
        case 'broadcast': {
          const t = next();
          if (t !== undefined) {
            const host = host128(t);
            const r = this.inputFor(host, 'broadcast');
            if (!r.ok) {
              this.goterr = 1;
              spp++;
              continue;
            }
            const e = this.ioctlInet('SIOCSIFBRDADDR', ifname, r.addr);
            if (e) {
              this.err(`SIOCSIFBRDADDR: ${strerror(e)}\n`);
              this.goterr = 1;
            }
            spp++;
          }
          this.goterr |= this.set_flag(ifname, IFF.BROADCAST);
          continue;
        }
        case 'dstaddr': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const host = host128(t);
          const r = this.inputFor(host, 'dstaddr');
          if (!r.ok) {
            this.goterr = 1;
            spp++;
            continue;
          }
          const e = this.ioctlInet('SIOCSIFDSTADDR', ifname, r.addr);
          if (e) {
            this.err(`SIOCSIFDSTADDR: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case 'netmask': {
          const t = next();
          if (t === undefined || this.didnetmask) usage(this.io, E_OPTERR);
          const host = host128(t);
          const r = this.inputFor(host, 'netmask');
          if (!r.ok) {
            this.goterr = 1;
            spp++;
            continue;
          }
          this.didnetmask++;
          this.goterr |= this.set_netmask(ifname, r.addr);
          spp++;
          continue;
        }
        case 'txqueuelen': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const q = Number(BigInt.asIntN(32, strtoul(t, 0).value));
          const e = this.emu.SIOCSIFTXQLEN(ifname, q, this.skfd);
          if (e) {
            this.err(`SIOCSIFTXQLEN: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case 'name': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const e = this.emu.SIOCSIFNAME(ifname, t.slice(0, IFNAMSIZ - 1), this.skfd);
          if (e) {
            this.err(`SIOCSIFNAME: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case 'mem_start':
        case 'io_addr':
        case 'irq': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          const g = this.emu.SIOCGIFMAP(ifname, this.skfd);
          if (g.errno) {
            this.err(`${w}: SIOCGIFMAP: ${strerror(g.errno)}\n`);
            spp++;
            this.goterr = 1;
            continue;
          }
          if (w === 'mem_start') g.map.mem_start = strtoul(t, 0).value;
          else if (w === 'io_addr') g.map.base_addr = Number(BigInt.asUintN(16, strtol(t, 0).value));
          else g.map.irq = atoi(t) & 0xff;
          const e = this.emu.SIOCSIFMAP(ifname, g.map, this.skfd);
          if (e) {
            this.err(`${w}: SIOCSIFMAP: ${strerror(e)}\n`);
            this.goterr = 1;
          }
          spp++;
          continue;
        }
        case '-pointopoint':
        case '-pointtopoint':
          this.goterr |= this.clr_flag(ifname, IFF.POINTOPOINT);
          spp++;
          if (this.test_flag(ifname, IFF.POINTOPOINT) > 0) this.err(sprintf(WARN_STILL.pointopoint, ifname));
          continue;
        case 'pointopoint':
        case 'pointtopoint': {
          if (args[spp + 1] !== undefined) {
            spp++;
            const host = host128(args[spp]!);
            const r = this.inputFor(host, 'pointopoint');
            if (!r.ok) {
              this.goterr = 1;
              spp++;
              continue;
            }
            const e = this.ioctlInet('SIOCSIFDSTADDR', ifname, r.addr);
            if (e) {
              this.err(`SIOCSIFDSTADDR: ${strerror(e)}\n`);
              this.goterr = 1;
            }
          }
          this.goterr |= this.set_flag(ifname, IFF.POINTOPOINT);
          spp++;
          continue;
        }
        case 'hw': {
          const cls = next();
          if (cls === undefined) usage(this.io, E_OPTERR);
          const hw = get_hwtype(cls);
          if (!hw) usage(this.io, E_OPTERR);
          if (!hw.input) {
            this.err(sprintf(ERR_HW_NO_HANDLER, cls));
            spp += 2;
            this.goterr = 1;
            continue;
          }
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          this.hw(ifname, hw, host128(t));
          spp++;
          continue;
        }
        case 'add':
        case 'del': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          if (t.includes(':')) this.addDel6(ifname, w, t);
          else this.addDel4(ifname, w, host128(t));
          spp++;
          continue;
        }
        case 'tunnel': {
          const t = next();
          if (t === undefined) usage(this.io, E_OPTERR);
          this.tunnel(ifname, t);
          spp++;
          continue;
        }
        default:
          this.address(ifname, w);
          spp++;
      }
    }

    if (this.neednetmask) {
      this.goterr |= this.set_netmask(ifname, this.samask);
      this.didnetmask++;
    }
    if (this.opt_v && this.goterr) this.err(sprintf(WARN_ERRORS, this.goterr));
    this.emu.close();
    return this.goterr;
  }

  /**
   * An address ioctl through ap->fd. Only an AF_INET socket reaches devinet_ioctl; an
   * AF_INET6 socket takes SIOCSIFDSTADDR as addrconf_set_dstaddr (its in6_ifreq then names
   * no device: ENODEV) and passes the others to dev_ioctl, which knows none of them (ENOTTY);
   * so does an AF_UNIX socket; without a socket it is EBADF.
   */
  private ioctlInet(cmd: 'SIOCSIFBRDADDR' | 'SIOCSIFDSTADDR' | 'SIOCSIFNETMASK' | 'SIOCSIFADDR', ifname: string, addr: number): number {
    switch (this.skfd) {
      case 'inet':
        return this.emu[cmd](ifname, addr);
      case 'inet6':
        return cmd === 'SIOCSIFDSTADDR' || cmd === 'SIOCSIFADDR' ? ENODEV : ENOTTY;
      case 'unix':
        return ENOTTY;
      default:
        return EBADF;
    }
  }

  /** set_netmask() ifconfig.c:238-250 */
  private set_netmask(ifname: string, mask: number): number {
    const e = this.ioctlInet('SIOCSIFNETMASK', ifname, mask);
    if (e) {
      this.err(`SIOCSIFNETMASK: ${strerror(e)}\n`);
      return 1;
    }
    return 0;
  }

  /** `hw CLASS ADDR` ifconfig.c:694-727 */
  private hw(ifname: string, hw: HwType, host: string): void {
    const bytes = hw.input!(host, (t) => this.err(t));
    if (!bytes) {
      this.err(sprintf(ERR_HW_INVALID, host, hw.name));
      this.goterr = 1;
      return;
    }
    const e = this.skfd === null ? EBADF : this.emu.SIOCSIFHWADDR(ifname, hw.type, bytes, this.skfd);
    if (e) {
      if (e === EBUSY) this.err(sprintf(ERR_HW_BUSY, strerror(e)));
      else this.err(`SIOCSIFHWADDR: ${strerror(e)}\n`);
      this.goterr = 1;
    }
  }

  /** `add|del ADDR[/LEN]` with an IPv6 address (ifconfig.c:731-770, 824-874) */
  private addDel6(ifname: string, w: 'add' | 'del', text: string): void {
    let addrText = text;
    let prefix_len = 128n;
    const slash = text.indexOf('/');
    if (slash >= 0) {
      prefix_len = BigInt.asUintN(64, atol(text.slice(slash + 1)));
      if (prefix_len > 128n) usage(this.io, E_OPTERR);
      addrText = text.slice(0, slash);
    }
    const host = host128(addrText);
    const addr = this.inet6_pton(host);
    if (!addr) {
      this.herror(host);
      this.goterr = 1;
      return;
    }
    const idx = this.emu.SIOGIFINDEX(ifname, 'inet6');
    if (idx.errno) {
      this.perror('SIOGIFINDEX', idx.errno);
      this.goterr = 1;
      return;
    }
    const plen = Number(prefix_len);
    if (w === 'add') {
      const e = this.emu.SIOCSIFADDR6(idx.index, addr, plen);
      if (e) {
        this.perror('SIOCSIFADDR', e);
        this.goterr = 1;
      }
      return;
    }
    if (this.opt_v) this.err(sprintf(VERBOSE_DELETING, idx.index, plen));
    const e = this.emu.SIOCDIFADDR6(idx.index, addr, plen);
    if (e) {
      this.err(`SIOCDIFADDR: ${strerror(e)}\n`);
      this.goterr = 1;
    }
  }

  /** `tunnel ADDR[/LEN]` ifconfig.c:914-956 */
  private tunnel(ifname: string, text: string): void {
    let addrText = text;
    const slash = text.indexOf('/');
    if (slash >= 0) {
      const prefix_len = BigInt.asUintN(64, atol(text.slice(slash + 1)));
      if (prefix_len > 128n) usage(this.io, E_OPTERR);
      addrText = text.slice(0, slash);
    }
    const host = host128(addrText);
    if (!this.inet6_pton(host)) {
      this.herror(host);
      this.goterr = 1;
      return;
    }
    const idx = this.emu.SIOGIFINDEX(ifname, 'inet6');
    if (idx.errno) {
      this.perror('SIOGIFINDEX', idx.errno);
      this.goterr = 1;
      return;
    }
    const e = this.emu.SIOCSIFDSTADDR6(idx.index);
    if (e) {
      this.err(`SIOCSIFDSTADDR: ${strerror(e)}\n`);
      this.goterr = 1;
    }
  }

  /** `add|del a.b.c.d` ifconfig.c:772-805, 876-905 */
  private addDel4(ifname: string, w: 'add' | 'del', host: string): void {
    const r = this.INET_resolve(host);
    if (r.rc < 0) {
      // ap->herror(host), the family given's: the error buffer of those with one of their own
      // (afin.herror), h_errno's text for inet and inet6 and for one without an herror, a NULL
      // call (compat/README.md)
      const h = this.afin.herror(this.ap.name, host);
      if (h !== null) this.err(h);
      else this.herror(host);
      this.goterr = 1;
      return;
    }
    // get_nmbc_parent(): lookup_interface() puts the name in the list, if_fetch reads it
    const world = new IfWorld(this.sys);
    if (this.if_list_all) if_cache_add(this.int_list, ifname);
    else world.lookup_interface(this.int_list, ifname);
    const parent = this.do_if_fetch(world, ifname);
    const nm = parent ? hostOrder(parent.netmask) : 0;
    const bc = parent ? hostOrder(parent.broadaddr) : 0;
    this.set_ifstate(ifname, r.addr, nm, bc, w === 'add');
  }

  /**
   * do_if_fetch() lib/interface.c: if_fetch asks with ifconfig's socket, the one of the address
   * family given (skfd): a family without one (ax25, ipx...) has -1, where the first ioctl
   * fails with EBADF for every interface. Prints why when it fails.
   */
  private do_if_fetch(world: IfWorld, name: string): ReturnType<IfWorld['if_fetch']> {
    const x = this.skfd === null ? null : world.if_fetch(name);
    if (!x) this.err(sprintf(ERR_FETCH, name, this.skfd === null ? strerror(EBADF) : ERR_DEVICE_NOT_FOUND));
    return x;
  }

  /**
   * set_ifstate()/do_ifcmd() ifconfig.c:1080-1190: find the parent's alias whose destination
   * is the address and bring it up (add) or down, which deletes it (del); when there is none,
   * make the first free `parent:N` alias with the address, the netmask and the broadcast.
   * Failures here are silent but for set_flag's own messages (the C ignores the result).
   */
  private set_ifstate(parent: string, ip: number, nm: number, bc: number, flag: boolean): number {
    const searcher = new Uint8Array(256);
    const world = new IfWorld(this.sys);
    // for_all_interfaces(): the list is read once per run; aliases made since are not in it
    if (!this.if_list_all) {
      world.if_readlist(this.int_list);
      this.if_list_all = true;
    }
    for (const name of [...this.int_list]) {
      const x = this.do_if_fetch(world, name);
      if (!x) continue;
      if (!name.startsWith(parent)) continue;
      const colon = name.indexOf(':');
      if (colon < 0) continue;
      const z = name.slice(colon + 1);
      if (z.includes('-')) continue;
      const i = atoi(z);
      // abort(): the C dies of SIGABRT; a shell shows that as status 134
      if (i < 0 || i > 255) throw new Exit(134);
      searcher[i] = 1;
      if (hostOrder(x.dstaddr) !== ip) continue;
      const rc = flag ? this.set_flag(name, IFF.UP | IFF.RUNNING) : this.clr_flag(name, IFF.UP);
      return rc === -1 ? -1 : 0;
    }
    let i = 0;
    while (i < 256 && searcher[i]) i++;
    if (i === 256) return -1;
    const full = `${parent}:${i}`;
    if (full.length > IFNAMSIZ) return -1;
    const buf = full.slice(0, IFNAMSIZ - 1);
    if (this.ioctlInet('SIOCSIFADDR', buf, ip)) return -1;
    if (this.ioctlInet('SIOCSIFNETMASK', buf, nm)) return -1;
    if (this.ioctlInet('SIOCSIFBRDADDR', buf, bc)) return -1;
    if (this.set_flag(buf, IFF.BROADCAST) === -1) return -1;
    return 0;
  }

  /** A bare address: ifconfig.c:958-1044 */
  private address(ifname: string, word: string): void {
    let host = host128(word);
    if (this.ap.name === 'inet') {
      // INET_getnetmask: "/prefix" (strtoul base 0, all of it) becomes the netmask set at the end
      const slash = host.indexOf('/');
      if (slash >= 0) {
        const tail = host.slice(slash + 1);
        const r = strtoul(tail, 0);
        if (r.end !== tail.length) usage(this.io, E_OPTERR);
        host = host.slice(0, slash);
        if (this.didnetmask) usage(this.io, E_OPTERR);
        // htonl(~(0xffffffffU >> prefix)) with x86's shift count taken mod 32
        const prefix = Number(BigInt.asIntN(32, r.value));
        this.samask = ~(0xffffffff >>> (prefix & 31)) >>> 0;
        this.neednetmask = 1;
      }
    }
    if (!AF_WITH_INPUT.includes(this.ap.name)) {
      this.err(ERR_NO_INPUT);
      throw new Exit(1);
    }
    let addr = 0;
    if (this.ap.name === 'inet') {
      const r = this.INET_resolve(host);
      if (r.rc < 0) {
        this.herror(host);
        this.err(ERR_OPTION_HINT);
        throw new Exit(1);
      }
      addr = r.addr;
    } else if (this.ap.name === 'inet6') {
      if (!this.INET6_resolve(host)) {
        this.herror(host);
        this.err(ERR_OPTION_HINT);
        throw new Exit(1);
      }
    } else {
      const r = this.afin.input(this.ap.name, host);
      if (r.rc < 0) {
        this.err(r.herror ?? sprintf(ERR_RESOLVE_SET, r.host, this.ap.name));
        this.err(ERR_OPTION_HINT);
        throw new Exit(1);
      }
    }
    if (this.ap.af === AF_INET) {
      const e = this.ioctlInet('SIOCSIFADDR', ifname, addr);
      if (e) {
        this.perror('SIOCSIFADDR', e);
        this.goterr = 1;
      }
    } else if (this.ap.af === AF_ECONET) {
      this.err(ERR_NO_ECONET);
      throw new Exit(1);
    } else {
      this.err(sprintf(ERR_FAMILY, this.ap.af));
      throw new Exit(1);
    }
    // no set_flag for an alias whose name ends in '-', or an alias given 0.0.0.0
    let bring_up = true;
    if (ifname.includes(':')) {
      if (ifname.endsWith('-')) bring_up = false;
      else if (addr === 0) bring_up = false;
    }
    if (bring_up) this.goterr |= this.set_flag(ifname, IFF.UP | IFF.RUNNING);
  }
}
