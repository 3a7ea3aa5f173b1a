/**
 * netstat (net-tools 2.10 netstat.c main): getopt_long over the original option list, then one
 * of -M, -s, -r, -i or the socket listing (TCP, SCTP, UDP, UDP-Lite, raw, groups, UNIX, and
 * the /proc-only families), repeated every second with -c.
 *
 * Sockets come from NETLINK_SOCK_DIAG (src/model/socket.ts), owners from /proc/PID/fd
 * (src/model/prgcache.ts), interfaces from rtnetlink (src/model/interface.ts); what is read
 * from /proc instead, and why, is in compat/netstat.md.
 */
import type { ByteWriter, Io, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { Getopt } from '../lib/getopt.js';
import { sprintf } from '../format/printf.js';
import { ife_print } from '../format/ife_print.js';
import { IfWorld } from '../model/interface.js';
import { NetlinkError } from '../netlink/stream.js';
import { latin1 } from '../netlink/codec.js';
import { BufferWriter } from '../io.js';
import { route_info } from '../lib/getroute.js';
import {
  ALL_INET_STATES, IPPROTO_RAW, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_UDPLITE, SockDiag, TCP_LISTEN,
  readProcInet, readUnixRefcnts, type InetSock, type UnixSock,
} from '../model/socket.js';
import { PrgCache } from '../model/prgcache.js';
import { multicastGroups } from '../model/groups.js';
import { Names } from '../format/netstat_names.js';
import { SockPrinter } from '../format/netstat_sockets.js';
import { Statistics } from '../format/netstat_stats.js';
import { Scan } from '../format/netstat_scan.js';
import { strerror } from '../../compat/errno.js';
import { print_aflist, AFTRANS } from '../../compat/aftypes.js';
import {
  AFTRANS_CNT, AF_NAMES, DFLT_AF, E_OPTERR, E_USAGE, E_VERSION, FEATURES, FLAG_CACHE, FLAG_EXT,
  FLAG_FIB, FLAG_NUM, FLAG_NUM_HOST, FLAG_NUM_PORT, FLAG_NUM_USER, FLAG_SYM, FLAG_VERBOSE,
  HEAD_EXTEND, HEAD_INET, HEAD_TIMER, HEAD_UNIX, HEAD_UNIX_PATH, IFACE_HEADER, IFACE_TITLE,
  IGMP_HEAD, IGMP_ROW, LONGOPTS, MSG_BOGUS_IGMP, MSG_BOGUS_IGMP6, MSG_BOGUS_RAW, MSG_BOGUS_UNIX, MSG_EINTERN,
  MSG_ENOSUPP, MSG_ESYSNOT, MSG_FETCH, MSG_DEVICE_NOT_FOUND, MSG_NO_SELINUX, MSG_NO_STATS_AF,
  MSG_TOO_MANY_AF, MSG_UNKNOWN_AF, OPTSTRING, PROC_FAMILY_FILES, PROC_FAMILY_HEADS, PROGNAME_BANNER, RELEASE,
  SELINUX_BANNER, SIGNATURE, TITLE_ALL, TITLE_CONNECTED, TITLE_INET, TITLE_LISTEN, TITLE_UNIX,
  USAGE,
} from '../../compat/netstat.js';
import { EACCES, EISDIR, ENOENT } from '../../compat/errno.js';

const AF_INET = 2;
const AF_INET6 = 10;
const IFF_UP = 0x1;

/** A C exit() out of the middle of main. */
class Exit {
  constructor(readonly code: number) {}
}

/** The af.c flag_* counters aftrans_opt() bumps, and afname. */
interface AfFlags {
  [flag: string]: number;
}

class Netstat {
  // netstat.c:145-172
  flag_int = 0;
  flag_rou = 0;
  flag_mas = 0;
  flag_sta = 0;
  flag_all = 0;
  flag_lst = 0;
  flag_cnt = 0;
  flag_deb = 0;
  flag_not = 0;
  flag_cf = 0;
  flag_opt = 0;
  flag_raw = 0;
  flag_tcp = 0;
  flag_sctp = 0;
  flag_udp = 0;
  flag_udplite = 0;
  flag_igmp = 0;
  flag_exp = 1;
  flag_wide = 0;
  flag_prg = 0;
  flag_arg = 0;
  flag_noprot = 0;
  flag_ver = 0;
  flag_l2cap = 0;
  flag_rfcomm = 0;
  flag_selinux = 0;
  /** lib/af.c */
  af: AfFlags = {};
  afname = '';

  private readonly names: Names;
  private prg: PrgCache | null = null;
  private diag: SockDiag | null = null;
  /** iface_info's skfd: "Kernel Interface table" is printed only while it is closed */
  private skfdOpen = false;
  /** igmp_do_one's static igmp6_flag and idx_flag: they survive -c rounds */
  private igmp6Flag = false;
  private idxFlag = false;
  /** igmp_do_one's `struct in6_addr in6`: a stack slot that keeps its words between calls */
  private readonly in6 = new Uint32Array(4);

  constructor(
    private readonly argv0: string,
    private readonly sys: Sys,
    private readonly io: Io,
  ) {
    this.names = new Names(sys);
  }

  private out(s: string): void {
    this.io.stdout.write(s);
  }

  private err(s: string): void {
    this.io.stderr.write(s);
  }

  private flag(name: string): number {
    return this.af[name] ?? 0;
  }

  // ---------------------------------------------------------------- options

  /** lib/af.c aftrans_opt(): 0 ok, 1 unknown family (the caller exits 1). */
  private aftrans_opt(arg: string): number {
    const buf = arg.slice(0, 255);
    for (const tmp1 of buf.split(',')) {
      const paft = AFTRANS.find((a) => a.alias === tmp1);
      if (!paft) {
        this.err(sprintf(MSG_UNKNOWN_AF, tmp1));
        return 1;
      }
      if (paft.name.length + this.afname.length + 1 >= 256) {
        this.err(MSG_TOO_MANY_AF);
        return 0;
      }
      this.af[paft.flag] = this.flag(paft.flag) + 1;
      if (this.afname) this.afname += ',';
      this.afname += paft.name;
    }
    return 0;
  }

  /** usage() netstat.c:1980: stdout for rc 0, else stderr; the family list always on stderr. */
  private usage(rc: number): never {
    (rc ? this.io.stderr : this.io.stdout).write(sprintf(USAGE, DFLT_AF));
    this.err(print_aflist(1));
    throw new Exit(rc);
  }

  /** is_selinux_enabled(): a mounted selinuxfs. */
  private selinuxEnabled(): boolean {
    try {
      this.sys.stat('/sys/fs/selinux/enforce');
      return true;
    } catch (e) {
      if (e instanceof SysError) return false;
      throw e;
    }
  }

  parse(argv: string[]): void {
    const g = new Getopt(argv, OPTSTRING, LONGOPTS, { posixlyCorrect: this.sys.getenv('POSIXLY_CORRECT') !== null });
    for (const o of g) {
      this.err(o.message);
      switch (o.opt) {
        case 1:
          if (o.longindex === null || o.longindex < 0 || o.longindex >= AFTRANS_CNT) {
            this.err(sprintf(MSG_EINTERN, 'netstat.c', 'longopts 1 range'));
            break;
          }
          if (this.aftrans_opt(LONGOPTS[o.longindex]!.name)) throw new Exit(1);
          break;
        case 'A':
          if (this.aftrans_opt(o.optarg ?? '')) throw new Exit(1);
          break;
        case 'M': this.flag_mas++; break;
        case 'a': this.flag_all++; break;
        case 'l': this.flag_lst++; break;
        case 'c': this.flag_cnt++; break;
        case 'd': this.flag_deb++; break;
        case 'g': this.flag_igmp++; break;
        case 'e': this.flag_exp++; break;
        case 'p': this.flag_prg++; break;
        case 'i': this.flag_int++; break;
        case 'W': this.flag_wide++; break;
        case 'n': this.flag_not |= FLAG_NUM; break;
        case '!': this.flag_not |= FLAG_NUM_HOST; break;
        case '@': this.flag_not |= FLAG_NUM_PORT; break;
        case '#': this.flag_not |= FLAG_NUM_USER; break;
        case 'N': this.flag_not |= FLAG_SYM; break;
        case 'C': this.flag_cf |= FLAG_CACHE; break;
        case 'F': this.flag_cf |= FLAG_FIB; break;
        case 'o': this.flag_opt++; break;
        case '6':
          if (this.aftrans_opt('inet6')) throw new Exit(1);
          break;
        case '4':
          if (this.aftrans_opt('inet')) throw new Exit(1);
          break;
        case 'V':
          this.out(`${RELEASE}\n${SIGNATURE}\n${FEATURES}\n`);
          throw new Exit(E_VERSION);
        case 'v': this.flag_ver |= FLAG_VERBOSE; break;
        case 'r': this.flag_rou++; break;
        case 't': this.flag_tcp++; break;
        case 'S': this.flag_sctp++; break;
        case 'u': this.flag_udp++; break;
        case 'U': this.flag_udplite++; break;
        case 'w': this.flag_raw++; break;
        case '2': this.flag_l2cap++; break;
        case 'f': this.flag_rfcomm++; break;
        case 'x':
          if (this.aftrans_opt('unix')) throw new Exit(1);
          break;
        case 'Z':
          if (!this.selinuxEnabled()) {
            this.err(MSG_NO_SELINUX);
            throw new Exit(1);
          }
          this.flag_prg++;
          this.flag_selinux++;
          break;
        case '?':
          this.usage(E_OPTERR);
        // falls through (usage does not return)
        case 'h':
          this.usage(E_USAGE);
        // falls through
        case 's':
          this.flag_sta++;
          break;
      }
    }
  }

  // ---------------------------------------------------------------- main

  run(): number {
    if (this.flag_int + this.flag_rou + this.flag_mas + this.flag_sta > 1) this.usage(E_OPTERR);

    const protos = (): boolean =>
      !!(this.flag_tcp || this.flag_sctp || this.flag_udp || this.flag_udplite || this.flag_raw);
    if ((this.flag('flag_inet') || this.flag('flag_inet6') || this.flag_sta) && !protos()) {
      this.flag_noprot = this.flag_tcp = this.flag_sctp = this.flag_udp = this.flag_udplite = this.flag_raw = 1;
    }
    if ((protos() || this.flag_igmp) && !(this.flag('flag_inet') || this.flag('flag_inet6'))) {
      this.af.flag_inet = this.af.flag_inet6 = 1;
    }
    if (this.flag('flag_bluetooth') && !(this.flag_l2cap || this.flag_rfcomm)) this.flag_l2cap = this.flag_rfcomm = 1;
    this.flag_arg = this.flag_tcp + this.flag_sctp + this.flag_udplite + this.flag_udp + this.flag_raw +
      this.flag('flag_unx') + this.flag('flag_ipx') + this.flag('flag_ax25') + this.flag('flag_netrom') +
      this.flag_igmp + this.flag('flag_x25') + this.flag('flag_rose') + this.flag_l2cap + this.flag_rfcomm;

    if (this.flag_mas) {
      for (;;) {
        const i = this.masq_info();
        if (i || !this.flag_cnt) return i;
        this.wait_continous();
      }
    }

    if (this.flag_sta) {
      if (!this.afname) this.afname = DFLT_AF;
      const stats = new Statistics(this.sys, { out: (s) => this.out(s), err: (s) => this.err(s) }, {
        raw: !!this.flag_raw, tcp: !!this.flag_tcp, udp: !!this.flag_udp, sctp: !!this.flag_sctp,
      });
      if (this.afname === 'inet') stats.parsesnmp();
      else if (this.afname === 'inet6') stats.parsesnmp6();
      else {
        this.out(sprintf(MSG_NO_STATS_AF, this.afname));
        return 1;
      }
      return 0;
    }

    if (this.flag_rou) {
      if (!this.afname) this.afname = DFLT_AF;
      if (this.flag_exp === 2) this.flag_exp = 1;
      else if (this.flag_exp === 1) this.flag_exp = 2;
      let options = (this.flag_exp & FLAG_EXT) | this.flag_not | this.flag_cf | this.flag_ver;
      if (!this.flag_cf) options |= FLAG_FIB;
      for (;;) {
        const i = route_info(this.afname, options, this.sys, this.io, this.argv0);
        if (i || !this.flag_cnt) return i;
        this.wait_continous();
      }
    }

    if (this.flag_int) {
      for (;;) {
        const i = this.iface_info();
        if (!this.flag_cnt || i) return i;
        this.wait_continous();
      }
    }

    let i = -1; // what getopt's loop left in i
    for (;;) {
      const argIs = !this.flag_arg;
      if (argIs || this.flag_tcp || this.flag_sctp || this.flag_udp || this.flag_udplite || this.flag_raw) {
        this.prg_cache_load();
        let head = TITLE_INET + this.listTitle() + HEAD_INET;
        if (this.flag_exp > 1) head += HEAD_EXTEND;
        head += this.progBanner();
        if (this.flag_opt) head += HEAD_TIMER;
        this.out(head + '\n');
      }
      if (argIs || this.flag_tcp) {
        i = this.inet_info('tcp', IPPROTO_TCP, ['tcp', 'tcp6'], 'tcp');
        if (i) return this.done(i);
      }
      if (argIs || this.flag_sctp) {
        i = this.sctp_info();
        if (i) return this.done(i);
      }
      if (argIs || this.flag_udp) {
        i = this.inet_info('udp', IPPROTO_UDP, ['udp', 'udp6'], 'udp');
        if (i) return this.done(i);
      }
      if (argIs || this.flag_udplite) {
        i = this.inet_info('udplite', IPPROTO_UDPLITE, ['udpl', 'udpl6'], 'udp');
        if (i) return this.done(i);
      }
      if (argIs || this.flag_raw) {
        i = this.inet_info('raw', IPPROTO_RAW, ['raw', 'raw6'], 'raw');
        if (i) return this.done(i);
      }
      if (this.flag_igmp) {
        this.out(IGMP_HEAD);
        i = this.igmp_info();
        if (i) return this.done(i);
      }
      if (argIs || this.flag('flag_unx')) {
        this.prg_cache_load();
        i = this.unix_info();
        if (i) return this.done(i);
      }
      if (argIs || this.flag('flag_ipx')) {
        i = this.ipx_info();
        if (i) return this.done(i);
      }
      for (const [flag, path, name, head] of [
        ['flag_ax25', PROC_FAMILY_FILES.ax25, AF_NAMES.ax25, PROC_FAMILY_HEADS.ax25],
        ['flag_x25', PROC_FAMILY_FILES.x25, AF_NAMES.x25, PROC_FAMILY_HEADS.x25],
        ['flag_netrom', PROC_FAMILY_FILES.netrom, AF_NAMES.netrom, PROC_FAMILY_HEADS.netrom],
        ['flag_rose', PROC_FAMILY_FILES.rose, AF_NAMES.rose, PROC_FAMILY_HEADS.rose],
      ] as const) {
        if (argIs || this.flag(flag)) {
          i = this.procOnlyFamily(path, name, head);
          if (i) return this.done(i);
        }
      }
      if (argIs || this.flag_l2cap || this.flag_rfcomm) {
        // HAVE_AFBLUETOOTH is 0 in Debian's build
        if (this.flag_arg) {
          i = 1;
          this.err(sprintf(MSG_ENOSUPP, 'netstat', AF_NAMES.bluetooth));
        }
      }
      this.closeDiag();
      if (!this.flag_cnt || i) break;
      this.wait_continous();
      this.prg?.clear();
    }
    return i & 0xff;
  }

  private done(i: number): number {
    this.closeDiag();
    return i & 0xff;
  }

  private listTitle(): string {
    return this.flag_all ? TITLE_ALL : this.flag_lst ? TITLE_LISTEN : TITLE_CONNECTED;
  }

  private progBanner(): string {
    let s = '';
    if (this.flag_prg) s += sprintf(' %-20s', PROGNAME_BANNER);
    if (this.flag_selinux) s += sprintf('%-50s', ` ${SELINUX_BANNER}`);
    return s;
  }

  /** wait_continous(): fflush(stdout); sleep(1). */
  private wait_continous(): void {
    this.io.stdout.flush?.();
    this.sys.sleep(1);
  }

  private prg_cache_load(): void {
    if (!this.flag_prg) return;
    this.prg ??= new PrgCache(this.sys, !!this.flag_selinux);
    // no socket of ours may be open while /proc/self/fd is read: the C tool holds none then
    this.closeDiag();
    this.err(this.prg.load());
  }

  private printer(): SockPrinter {
    this.prg ??= new PrgCache(this.sys, !!this.flag_selinux);
    return new SockPrinter(this.sys, this.names, this.prg, {
      all: !!this.flag_all,
      lst: !!this.flag_lst,
      wide: !!this.flag_wide,
      numHost: !!(this.flag_not & FLAG_NUM_HOST),
      numPort: !!(this.flag_not & FLAG_NUM_PORT),
      numUser: !!(this.flag_not & FLAG_NUM_USER),
      exp: this.flag_exp,
      prg: !!this.flag_prg,
      selinux: !!this.flag_selinux,
      opt: !!this.flag_opt,
    });
  }

  private sockDiag(): SockDiag {
    return (this.diag ??= new SockDiag(this.sys));
  }

  private closeDiag(): void {
    this.diag?.close();
    this.diag = null;
  }

  /** The ESYSNOT / rc part of INFO_GUTS1 when the family's table cannot be had. */
  private missing(name: string): number {
    if (!this.flag_noprot && (this.flag_arg || this.flag_ver)) this.err(sprintf(MSG_ESYSNOT, 'netstat', name));
    return !this.flag_noprot && this.flag_arg ? 1 : 0;
  }

  /**
   * Which TCP states the kernel need send: -l wants listeners (remote port 0), the default
   * everything else; the remote-port test of tcp_do_one still runs on what comes back.
   */
  private tcpStates(): number {
    if (this.flag_all) return ALL_INET_STATES;
    // tcp_do_one keeps the sockets without a remote port (listeners) for -l, the others without
    if (this.flag_lst) return 1 << TCP_LISTEN;
    // with -e the listeners are dumped too (and dropped): a request socket (SYN_RECV) shows the
    // uid of its listener, which the dump gives before it
    if (this.flag_exp > 1) return ALL_INET_STATES;
    return ALL_INET_STATES & ~(1 << TCP_LISTEN);
  }

  /**
   * INFO_GUTS6 over sock_diag: the IPv4 table (its absence is reported as the /proc file's
   * would be), then the IPv6 one (silently skipped when absent).
   */
  private inet_info(
    key: 'tcp' | 'udp' | 'udplite' | 'raw',
    protocol: number,
    prots: [string, string],
    /** the SockPrinter method that prints a row */
    row: 'tcp' | 'udp' | 'raw',
  ): number {
    let rc = 0;
    const p = this.printer();
    const states = protocol === IPPROTO_TCP ? this.tcpStates() : ALL_INET_STATES;
    const info = protocol === IPPROTO_TCP && !!this.flag_opt;
    /** one family's table into `out` (0), or the errno that stopped it (nothing written) */
    const dump = (family: number, prot: string, out: ByteWriter): number => {
      let rows = new BufferWriter();
      // the printer's method called straight from the dump's callback, one call per socket
      const emit = (s: InetSock): void => void p[row](rows, s, prot);
      try {
        this.sockDiag().inet(family, protocol, states, info, emit, () => {
          rows = new BufferWriter();
        });
        rows.writeTo(out);
        return 0;
      } catch (e) {
        if (!(e instanceof NetlinkError || e instanceof SysError)) throw e;
        if (protocol !== IPPROTO_RAW || e.errno !== ENOENT) return e.errno;
      }
      // no raw_diag in this kernel: /proc/net/raw{,6} is then the only source (compat/netstat.md)
      try {
        const { socks, bogus } = readProcInet(this.sys, `/proc/net/${family === AF_INET6 ? 'raw6' : 'raw'}`);
        for (let b = 0; b < bogus; b++) this.err(MSG_BOGUS_RAW);
        rows = new BufferWriter();
        for (const s of socks) emit(s);
        rows.writeTo(out);
        return 0;
      } catch (e) {
        if (e instanceof SysError) return e.errno;
        throw e;
      }
    };
    const want4 = !this.flag_arg || this.flag('flag_inet');
    const want6 = !this.flag_arg || this.flag('flag_inet6');
    // TCP of both families in one dump (SockDiag.tcpBoth); where the kernel refuses it, the
    // two dumps below say what they say about it
    if (want4 && want6 && protocol === IPPROTO_TCP) {
      let rows4 = new BufferWriter();
      let rows6 = new BufferWriter();
      try {
        this.sockDiag().tcpBoth(
          states,
          info,
          (s) => void p[row](rows4, s, prots[0]),
          (s) => void p[row](rows6, s, prots[1]),
          () => {
            rows4 = new BufferWriter();
            rows6 = new BufferWriter();
          },
        );
        rows4.writeTo(this.io.stdout);
        rows6.writeTo(this.io.stdout);
        return rc;
      } catch (e) {
        if (!(e instanceof NetlinkError || e instanceof SysError)) throw e;
      }
    }
    if (want4) {
      const errno = dump(AF_INET, prots[0], this.io.stdout);
      if (errno) {
        if (errno !== ENOENT && errno !== EACCES) {
          this.err(`/proc/net/${key}: ${strerror(errno)}\n`);
          return -1;
        }
        rc = this.missing(AF_NAMES[key]);
      }
    }
    if (want6) dump(AF_INET6, prots[1], this.io.stdout);
    return rc;
  }

  /** unix_info(): title, header, then INFO_GUTS over unix_diag, RefCnt from /proc/net/unix. */
  private unix_info(): number {
    this.out(TITLE_UNIX + this.listTitle() + HEAD_UNIX + this.progBanner() + HEAD_UNIX_PATH);
    const states = this.flag_all ? ALL_INET_STATES : this.flag_lst ? 1 << TCP_LISTEN : ALL_INET_STATES & ~(1 << TCP_LISTEN);
    let list: UnixSock[];
    let all: UnixSock[] | null = null;
    try {
      list = this.sockDiag().unix(states);
    } catch (e) {
      if (!(e instanceof NetlinkError || e instanceof SysError)) throw e;
      if (e.errno !== ENOENT && e.errno !== EACCES) {
        this.err(`/proc/net/unix: ${strerror(e.errno)}\n`);
        return -1;
      }
      return this.missing(AF_NAMES.unix);
    }
    const refcnts = readUnixRefcnts(this.sys);
    const refcnt = (u: UnixSock): number => {
      const r = refcnts?.get(u.inode);
      if (r !== undefined) return r;
      // /proc/net/unix unreadable (or the socket came after it was read): sk_refcnt is 2 for a
      // socket with its file, plus one for each socket whose peer it is (compat/netstat.md)
      if (all === null) {
        try {
          all = states === ALL_INET_STATES ? list : this.sockDiag().unix(ALL_INET_STATES);
        } catch {
          all = list;
        }
      }
      return 2 + all.filter((x) => x.peer === u.inode && x.inode !== u.inode).length;
    };
    const p = this.printer();
    let bogus = 0;
    // one write for the table's rows (a table may have tens of thousands)
    const rows = new BufferWriter();
    for (const u of list) bogus += p.unix(rows, u, refcnt(u));
    rows.writeTo(this.io.stdout);
    for (let w = 0; w < bogus; w++) this.err(MSG_BOGUS_UNIX);
    return 0;
  }

  /**
   * sctp_info(): the kernel here has no sock_diag for SCTP wired into this shim; the family's
   * presence is /proc/net/sctp/, as the original tests it (compat/netstat.md).
   */
  private sctp_info(): number {
    const probe = (path: string): number => this.probe(path);
    let res = 0;
    const guts = (v4: string): number => {
      let rc = 0;
      if (!this.flag_arg || this.flag('flag_inet')) {
        const errno = probe(v4);
        if (errno) {
          if (errno !== ENOENT && errno !== EACCES) {
            this.err(`${v4}: ${strerror(errno)}\n`);
            return -1;
          }
          rc = this.missing(AF_NAMES.sctp);
        }
      }
      return rc;
    };
    if (this.flag_all || this.flag_lst) {
      res = guts(PROC_FAMILY_FILES.sctpEps);
      if (res) return res;
    }
    if (this.flag_all || !this.flag_lst) res = guts(PROC_FAMILY_FILES.sctpAssocs);
    return res;
  }

  /** ipx_info(): /proc/net/ipx/socket, else /proc/net/ipx when it is a file. */
  private ipx_info(): number {
    const found = (): number => {
      this.out(PROC_FAMILY_HEADS.ipx + (this.flag_exp > 1 ? PROC_FAMILY_HEADS.ipxUser : '') + '\n');
      return 0;
    };
    let errno = this.probe(PROC_FAMILY_FILES.ipx1);
    if (errno === EISDIR) errno = 0; // fopen() of a directory succeeds
    if (errno === 0) return found();
    if (errno !== ENOENT) {
      this.err(`${PROC_FAMILY_FILES.ipx1}: ${strerror(errno)}\n`);
      return -1;
    }
    errno = this.probe(PROC_FAMILY_FILES.ipx2);
    if (errno === EISDIR) errno = ENOENT;
    if (errno === 0) return found();
    if (errno !== ENOENT) {
      this.err(`${PROC_FAMILY_FILES.ipx2}: ${strerror(errno)}\n`);
      return -1;
    }
    return this.procOnlyMissing(AF_NAMES.ipx);
  }

  /**
   * Whether the family's /proc file is there (0) or the errno fopen() would have met: the
   * original only tests these files, for families the kernel here does not have. A directory
   * is EISDIR (ipx_info's S_ISREG test).
   */
  private probe(path: string): number {
    try {
      const st = this.sys.stat(path);
      return (st.mode & 0o170000) === 0o040000 ? EISDIR : 0;
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return e.errno;
    }
  }

  /** ax25_info, x25_info, netrom_info, rose_info when their /proc file is absent. */
  private procOnlyFamily(path: string, name: string, head: string): number {
    const errno = this.probe(path);
    if (errno === 0 || errno === EISDIR) {
      this.out(head);
      return 0;
    }
    if (errno !== ENOENT) {
      this.err(`${path}: ${strerror(errno)}\n`);
      return -1;
    }
    return this.procOnlyMissing(name);
  }

  private procOnlyMissing(name: string): number {
    if (this.flag_arg || this.flag_ver) this.err(sprintf(MSG_ESYSNOT, 'netstat', name));
    return this.flag_arg ? 1 : 0;
  }

  /** ip_masq_info(): /proc/net/ip_masquerade has been gone since Linux 2.4. */
  private masq_info(): number {
    const errno = this.probe(PROC_FAMILY_FILES.masq);
    if (errno && errno !== ENOENT) {
      this.err(`${PROC_FAMILY_FILES.masq}: ${strerror(errno)}\n`);
      return -1 & 0xff;
    }
    this.err(sprintf(MSG_ESYSNOT, 'netstat', AF_NAMES.masq));
    return 1;
  }

  /** iface_info(): the interface table as ifconfig -s (or ifconfig -a with -e) prints it. */
  private iface_info(): number {
    if (!this.skfdOpen) {
      this.skfdOpen = true;
      this.out(IFACE_TITLE);
    }
    const short = this.flag_exp < 2;
    if (short) this.out(IFACE_HEADER);
    const world = new IfWorld(this.sys);
    for (const name of world.if_readlist()) {
      const ife = world.if_fetch(name);
      if (!ife) {
        this.err(sprintf(MSG_FETCH, name, MSG_DEVICE_NOT_FOUND));
        this.err(`missing interface information: ${strerror(19)}\n`);
        throw new Exit(1);
      }
      if (ife.flags & IFF_UP || this.flag_all) this.out(ife_print(ife, short));
    }
    if (!this.flag_cnt) this.skfdOpen = false;
    return 0;
  }

  /** igmp_info(): INFO_GUTS6 over /proc/net/igmp and /proc/net/igmp6 (compat/netstat.md). */
  private igmp_info(): number {
    let rc = 0;
    const read = (path: string): string | number => {
      try {
        return latin1(this.sys.readFile(path));
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        return e.errno;
      }
    };
    if (!this.flag_arg || this.flag('flag_inet')) {
      const text = read(PROC_FAMILY_FILES.igmp);
      if (typeof text !== 'number') this.igmpLines(text);
      else if (!this.igmpNetlink(AF_INET)) {
        if (text !== ENOENT && text !== EACCES) {
          this.err(`${PROC_FAMILY_FILES.igmp}: ${strerror(text)}\n`);
          return -1;
        }
        rc = this.missing(AF_NAMES.igmp);
      }
    }
    if (!this.flag_arg || this.flag('flag_inet6')) {
      const text = read(PROC_FAMILY_FILES.igmp6);
      if (typeof text !== 'number') this.igmpLines(text);
      else this.igmpNetlink(AF_INET6);
    }
    return rc;
  }

  /**
   * Without /proc/net/igmp{,6}: the groups from RTM_GETMULTICAST, each with RefCnt 1 (the
   * user count is not in netlink; a listed group has at least one). false if netlink has none.
   */
  private igmpNetlink(family: number): boolean {
    let groups;
    try {
      groups = multicastGroups(this.sys, family);
    } catch (e) {
      if (e instanceof NetlinkError || e instanceof SysError) return false;
      throw e;
    }
    const numHost = !!(this.flag_not & FLAG_NUM_HOST);
    for (const g of groups) this.out(sprintf(IGMP_ROW, g.device.slice(0, 15), 1, this.names.sprint(family, g.addr, numHost)));
    return true;
  }

  private igmpLines(text: string): void {
    // fgets(buffer, 8192): lines; a final line without '\n' still counts
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const device = { v: '' };
    lines.forEach((line, lnr) => this.igmp_do_one(lnr, line + '\n', device));
  }

  /** igmp_do_one() netstat.c:662-766 */
  private igmp_do_one(lnr: number, line: string, device: { v: string }): void {
    const numHost = !!(this.flag_not & FLAG_NUM_HOST);
    if (lnr === 0) {
      if (!line.includes('Device')) this.igmp6Flag = true;
      else {
        this.idxFlag = line.startsWith('Idx');
        return;
      }
    }
    if (this.igmp6Flag) {
      // sscanf(line, "%d %15s %64[0-9A-Fa-f] %d", &idx, device, mcast_addr, &refcnt) == 4
      const sc = new Scan(line);
      const idx = sc.int();
      const dev = idx === null ? null : sc.str(15);
      const hex = dev === null ? null : sc.ws().hexSet(64);
      const refcnt = hex === null ? null : sc.int();
      if (refcnt === null) {
        this.err(sprintf(MSG_BOGUS_IGMP6, lnr));
        return;
      }
      // sscanf(mcast_addr, "%08X%08X%08X%08X", &in6.s6_addr32[0..3]), then htonl() on each:
      // words the text does not reach keep what the stack held (the last address's words)
      const hs = new Scan(hex!);
      for (let k = 0; k < 4; k++) {
        const w = hs.hex(8);
        if (w === null) break;
        this.in6[k] = w;
      }
      const addr = new Uint8Array(16);
      for (let k = 0; k < 4; k++) {
        const w = this.in6[k]!;
        this.in6[k] = ((w & 0xff) << 24 | (w & 0xff00) << 8 | (w >>> 8) & 0xff00 | w >>> 24) >>> 0;
        // the words in memory, little-endian, after htonl: the bytes of the text's value
        addr.set([w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff], k * 4);
      }
      // inet_ntop, then INET6_getsock's inet_pton: the same 16 bytes
      this.out(sprintf(IGMP_ROW, dev!, refcnt, this.names.inet6(addr, numHost)));
      return;
    }
    if (line[0] !== '\t') {
      // "%d\t%15c" (or "%15c"): exactly 15 bytes, then cut at the last ':'
      const sc = new Scan(line);
      const ok = this.idxFlag ? sc.int() !== null : true;
      const d0 = ok ? sc.ws().chars(15) : null;
      if (d0 === null) {
        this.err(sprintf(MSG_BOGUS_IGMP, lnr));
        return;
      }
      const colon = d0.lastIndexOf(':');
      device.v = colon >= 0 ? d0.slice(0, colon) : d0;
      return;
    }
    // "\t%8[0-9A-Fa-f] %d"
    const sc = new Scan(line);
    const hex = sc.ws().hexSet(8);
    const refcnt = hex === null ? null : sc.int();
    if (refcnt === null) {
      this.err(sprintf(MSG_BOGUS_IGMP, lnr));
      return;
    }
    // sscanf("%X") into s_addr: the value's bytes in host (little-endian) order
    const v = new Scan(hex!).hex()!;
    const addr = new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24]);
    this.out(sprintf(IGMP_ROW, device.v, refcnt, this.names.inet(addr, numHost)));
  }
}

export function main(argv: string[], sys: Sys, io: Io): number {
  const ns = new Netstat(argv[0] ?? 'netstat', sys, io);
  try {
    ns.parse(argv);
    return ns.run();
  } catch (e) {
    if (e instanceof Exit) return e.code & 0xff;
    if (e instanceof NetlinkError || e instanceof SysError) {
      io.stderr.write(`netstat: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
