/**
 * The print side of netstat's socket tables: addr_do_one, tcp_do_one, udp_do_one, raw_do_one,
 * unix_do_one and finish_this_one of netstat.c (net-tools 2.10), one row at a time.
 */
import type { ByteWriter, Sys } from '../sys/types.js';
import type { InetSock, UnixSock } from '../model/socket.js';
import type { PrgCache } from '../model/prgcache.js';
import type { Names } from './netstat_names.js';
import { rowFormatter, sprintf } from './printf.js';
import {
  ADDR_MIN_WIDTH, ADDR_SHORT_LEN, DGRAM_TIMER_OFF, DGRAM_TIMER_ON, DGRAM_TIMER_UNKNOWN, FMT_INODE,
  FMT_PROG, FMT_RAW, FMT_SELINUX, FMT_TCP, FMT_TIMER, FMT_UDP, FMT_USER_ID, FMT_USER_NAME,
  SO_ACCEPTCON, SO_NOSPACE, SO_WAITDATA, SS_CONNECTED, SS_UNCONNECTED, TCP_STATES, TCP_TIMERS,
  TCP_TIMER_UNKNOWN, UDP_STATE_ESTABLISHED, UDP_STATE_UNKNOWN, UNIX_INODE, UNIX_PATH, UNIX_ROW,
  UNIX_STATES, UNIX_STATE_LISTENING, UNIX_STATE_UNKNOWN, UNIX_TYPES, UNIX_TYPE_UNKNOWN,
} from '../../compat/netstat.js';

const TCP_ESTABLISHED = 1;
const TCP_CLOSE = 7;
const TCP_LISTEN = 10;
/** sysconf(_SC_CLK_TCK) on Linux */
const CLK_TCK = 100;

export interface SockFlags {
  all: boolean;
  lst: boolean;
  wide: boolean;
  numHost: boolean;
  numPort: boolean;
  numUser: boolean;
  /** flag_exp: 1, or more with -e */
  exp: number;
  prg: boolean;
  selinux: boolean;
  opt: boolean;
}

/** printf("%2.2f", x) for the non-negative values timers have. */
function f22(x: number): string {
  return x.toFixed(2).padStart(2);
}

export class SockPrinter {
  constructor(
    private readonly sys: Sys,
    private readonly names: Names,
    private readonly prg: PrgCache,
    private readonly f: SockFlags,
  ) {}

  /** addr_do_one(): "addr:port", cut to 22 bytes (the port keeps at most 18) unless -W. */
  addr(family: number, addr: Uint8Array, port: number, proto: string): string {
    const saddr = this.names.sprint(family, addr, this.f.numHost);
    const sport = this.names.sname(port, proto, this.f.numPort);
    if (!this.f.wide && saddr.length + sport.length > ADDR_SHORT_LEN) {
      const portLen = Math.min(sport.length, ADDR_SHORT_LEN - 4);
      const addrLen = ADDR_SHORT_LEN - portLen;
      return `${saddr.slice(0, addrLen)}:${sport.slice(0, portLen)}`;
    }
    return `${saddr}:${sport}`.slice(0, 127);
  }

  /** finish_this_one(): User and Inode (-e), PID/Program name (-p), context (-Z), Timer (-o). */
  finish(out: ByteWriter, uid: number, inode: number, timers: string): void {
    if (this.f.exp > 1) {
      const name = this.f.numUser ? null : this.sys.getpwuid(uid >>> 0);
      if (name !== null) out.write(rowFormatter(FMT_USER_NAME)(name));
      else out.write(rowFormatter(FMT_USER_ID)(uid));
      out.write(rowFormatter(FMT_INODE)(inode));
    }
    if (this.f.prg) out.write(rowFormatter(FMT_PROG)(this.prg.get(inode)));
    if (this.f.selinux) out.write(rowFormatter(FMT_SELINUX)(this.prg.getCon(inode)));
    if (this.f.opt) out.write(rowFormatter(FMT_TIMER)(timers));
    out.write('\n');
  }

  /** tcp_do_one() into `out`; false when the -l/-a filter (by remote port) drops the socket. */
  tcp(out: ByteWriter, s: InetSock, prot: string): boolean {
    if (!this.f.all && ((this.f.lst && s.remotePort) || (!this.f.lst && !s.remotePort))) return false;
    const local = this.addr(s.family, s.local, s.localPort, 'tcp');
    const rem = this.addr(s.family, s.remote, s.remotePort, 'tcp');
    let timers = '';
    if (this.f.opt) {
      const t = f22(s.timeLen / CLK_TCK);
      if (s.timer === 0) timers = sprintf(TCP_TIMERS[0], s.retr, s.probes);
      else if (s.timer >= 1 && s.timer <= 4) {
        timers = sprintf(TCP_TIMERS[s.timer as 1 | 2 | 3 | 4], t, s.retr, s.probes);
      } else timers = sprintf(TCP_TIMER_UNKNOWN, s.timer, t, s.retr, s.probes);
    }
    out.write(rowFormatter(FMT_TCP)(prot, s.rxq, s.txq, Math.max(ADDR_MIN_WIDTH, local.length), local,
      Math.max(ADDR_MIN_WIDTH, rem.length), rem, TCP_STATES[s.state] ?? ''));
    this.finish(out, s.uid, s.inode, timers);
    return true;
  }

  /** The -l/-a filter of udp_do_one and raw_do_one: by remote address. */
  private dgramWanted(s: InetSock): boolean {
    const notnull = s.remote.some((b) => b !== 0);
    return this.f.all || (notnull && !this.f.lst) || (!notnull && this.f.lst);
  }

  /** Timers of udp_do_one/raw_do_one: /proc has none for these, so always "off (0.00/0/0)". */
  private dgramTimers(): string {
    if (!this.f.opt) return '';
    const timer = 0;
    const timeLen = 0;
    if (timer === 0) return sprintf(DGRAM_TIMER_OFF, 0, 0);
    if (timer === 1 || timer === 2) return sprintf(DGRAM_TIMER_ON, timer, f22(timeLen / 100), 0, 0);
    return sprintf(DGRAM_TIMER_UNKNOWN, timer, f22(timeLen / 100), 0, 0);
  }

  /** udp_do_one() for udp, udp6, udpl, udpl6 (the service names are udp's), into `out`. */
  udp(out: ByteWriter, s: InetSock, prot: string): boolean {
    if (!this.dgramWanted(s)) return false;
    const state = s.state === TCP_ESTABLISHED ? UDP_STATE_ESTABLISHED : s.state === TCP_CLOSE ? '' : UDP_STATE_UNKNOWN;
    const local = this.addr(s.family, s.local, s.localPort, 'udp');
    const rem = this.addr(s.family, s.remote, s.remotePort, 'udp');
    const timers = this.dgramTimers();
    out.write(rowFormatter(FMT_UDP)(prot, s.rxq, s.txq, local, rem, state));
    this.finish(out, s.uid, s.inode, timers);
    return true;
  }

  /** raw_do_one(): the "port" is the IP protocol, named from /etc/protocols; the state is a number. */
  raw(out: ByteWriter, s: InetSock, prot: string): boolean {
    if (!this.dgramWanted(s)) return false;
    const local = this.addr(s.family, s.local, s.localPort, 'raw');
    const rem = this.addr(s.family, s.remote, s.remotePort, 'raw');
    const timers = this.dgramTimers();
    out.write(rowFormatter(FMT_RAW)(prot, s.rxq, s.txq, local, rem, s.state));
    this.finish(out, s.uid, s.inode, timers);
    return true;
  }

  /**
   * unix_do_one() for the line unix_seq_show would have printed: flags ACC for a listener,
   * SS_CONNECTED for an ESTABLISHED socket, else SS_UNCONNECTED (every socket unix_diag
   * returns has a struct socket: it skips those whose inode is 0). Writes the row to `out`
   * unless the -l/-a filter drops it; returns the warnings a path with a newline would cause.
   */
  unix(out: ByteWriter, u: UnixSock, refcnt: number): number {
    const flags = u.state === TCP_LISTEN ? SO_ACCEPTCON : 0;
    const state = u.state === TCP_ESTABLISHED ? SS_CONNECTED : SS_UNCONNECTED;
    const { path, warnings } = procPath(u.name);
    if (!this.f.all) {
      if (state === SS_UNCONNECTED && flags & SO_ACCEPTCON) {
        if (!this.f.lst) return warnings;
      } else if (this.f.lst) return warnings;
    }
    const type = UNIX_TYPES[u.type] ?? UNIX_TYPE_UNKNOWN;
    let ssState: string = UNIX_STATES[state] ?? UNIX_STATE_UNKNOWN;
    if (state === SS_UNCONNECTED) ssState = flags & SO_ACCEPTCON ? UNIX_STATE_LISTENING : '';
    let ssFlags = '[ ';
    if (flags & SO_ACCEPTCON) ssFlags += 'ACC ';
    if (flags & SO_WAITDATA) ssFlags += 'W ';
    if (flags & SO_NOSPACE) ssFlags += 'N ';
    ssFlags += ']';
    out.write(rowFormatter(UNIX_ROW)('unix', refcnt, ssFlags, type, ssState));
    out.write(rowFormatter(UNIX_INODE)(u.inode));
    if (this.f.prg) out.write(rowFormatter(FMT_PROG)(this.prg.get(u.inode)));
    if (this.f.selinux) out.write(rowFormatter(FMT_SELINUX)(this.prg.getCon(u.inode)));
    out.write(rowFormatter(UNIX_PATH)(path));
    return warnings;
  }
}

/**
 * The path as netstat reads it back from /proc/net/unix: unix_seq_show writes the name with
 * '@' for a leading NUL (abstract) and for any NUL inside, without a pathname's terminating
 * NUL; then sscanf's "%s" stops at the first white space. A newline splits the /proc line:
 * each piece after it is a line netstat cannot parse ("warning, got bogus unix line.").
 */
export function procPath(name: Uint8Array | null): { path: string; warnings: number } {
  if (!name || name.length === 0) return { path: '', warnings: 0 };
  let bytes: Uint8Array;
  let text = '';
  if (name[0] !== 0) bytes = name.subarray(0, name.length - 1);
  else {
    text = '@';
    bytes = name.subarray(1);
  }
  for (const b of bytes) text += b === 0 ? '@' : String.fromCharCode(b);
  const warnings = text.split('\n').length - 1;
  const m = /^[^ \t\n\v\f\r]*/.exec(text)!;
  return { path: m[0], warnings };
}
