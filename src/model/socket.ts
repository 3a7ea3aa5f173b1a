/**
 * The fetch side of netstat's socket tables, from NETLINK_SOCK_DIAG instead of /proc/net/tcp*,
 * udp*, udplite*, raw* and unix: one record per line the /proc file would have had, in the
 * same order (sock_diag walks the same hash tables, slot by slot, as the /proc seq files do:
 * TCP listening hash then established hash; UDP port hash; raw hash; the UNIX hash).
 *
 * What /proc printed and where it comes from here (net/ipv4/tcp_ipv4.c get_tcp4_sock,
 * get_openreq4, get_timewait4_sock; udp4_format_sock; raw_sock_seq_show; af_unix.c
 * unix_seq_show, and their IPv6 twins):
 *  - addresses, ports, state, uid, inode, queues: inet_diag_msg (TCP listeners: Send-Q is 0
 *    where diag reports the backlog limit);
 *  - the timer kind and time left: idiag_timer and idiag_expires (milliseconds; /proc has
 *    clock ticks, USER_HZ 100, so ticks = ms / 10 truncated);
 *  - TCP's retransmit count and probes: tcp_info (INET_DIAG_INFO) tcpi_retransmits and
 *    tcpi_probes, asked for only when -o wants them;
 *  - UNIX RefCnt: only /proc/net/unix has it (compat/netstat.md); everything else from
 *    unix_diag.
 */
import type { Sys } from '../sys/types.js';
import { AttrIndex, encodeStruct, latin1, u16be, u32le } from '../netlink/codec.js';
import * as O from '../netlink/names/inet_diag_msg.js';
import * as INET_DIAG_T from '../netlink/names/inet_diag.js';
import {
  AF_INET, AF_INET6, AF_UNIX, NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY, TCPDIAG_GETSOCK, inet_diag_msg, inet_diag_req,
  inet_diag_req_v2, sockDiagSpec, unix_diag_req,
} from '../netlink/messages.js';
import { Netlink, NetlinkError, decodeMessage, indexMessage } from '../netlink/stream.js';
import { EPROTO } from '../../compat/errno.js';

export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_UDPLITE = 136;
export const IPPROTO_RAW = 255;

/** net/tcp_states.h */
export const TCP_ESTABLISHED = 1;
export const TCP_SYN_SENT = 2;
export const TCP_SYN_RECV = 3;
export const TCP_TIME_WAIT = 6;
export const TCP_CLOSE = 7;
export const TCP_LISTEN = 10;
export const TCP_NEW_SYN_RECV = 12;
/**
 * Every state a /proc table shows: TCP_ESTABLISHED (1) .. TCP_NEW_SYN_RECV (12). Not
 * TCP_BOUND_INACTIVE (13): asked for, inet_diag also walks the bind hash for bound sockets
 * that neither listen nor connect, which /proc/net/tcp never lists.
 */
export const ALL_INET_STATES = ((1 << 13) - 1) & ~1;

/** linux/inet_diag.h: ext bit for INET_DIAG_INFO */
const EXT_INFO = 1 << (2 - 1);
/** linux/unix_diag.h UDIAG_SHOW_* */
const UDIAG_SHOW_NAME = 0x01;
const UDIAG_SHOW_PEER = 0x04;

/**
 * One line of /proc/net/{tcp,udp,udplite,raw}{,6}, from one inet_diag_msg. SockDiag.inet hands
 * every socket but a listener in the same object: it is valid during the callback.
 */
export interface InetSock {
  family: number;
  /** sk_state (TIME_WAIT sockets: tw_substate; request sockets: SYN_RECV) */
  state: number;
  local: Uint8Array;
  remote: Uint8Array;
  localPort: number;
  remotePort: number;
  /** /proc's tx_queue and rx_queue */
  txq: number;
  rxq: number;
  /** /proc's timer_active: 0 off, 1 retransmit, 2 keepalive, 3 timewait, 4 zero-window probe */
  timer: number;
  /** time left on the timer in clock ticks (USER_HZ) */
  timeLen: number;
  /** /proc's retransmits column and its "timeout" column (probes out) */
  retr: number;
  probes: number;
  uid: number;
  inode: number;
}

/** One line of /proc/net/unix, from one unix_diag_msg. */
export interface UnixSock {
  /** SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_SEQPACKET 5 */
  type: number;
  /** sk_state */
  state: number;
  inode: number;
  /** sun_path as unix_diag gives it (addr->len - offsetof(sun_path) bytes), or null if unbound */
  name: Uint8Array | null;
  /** inode of the peer, 0 if none */
  peer: number;
}

/** A sock_diag channel: one socket, opened on first use, closed by `close()`. */
export class SockDiag {
  private nl: Netlink | null = null;

  constructor(private readonly sys: Sys) {}

  private channel(): Netlink {
    return (this.nl ??= new Netlink(this.sys, NETLINK_SOCK_DIAG));
  }

  close(): void {
    this.nl?.close();
    this.nl = null;
  }

  /**
   * Every socket of one family and protocol whose state is in `states` (a bit mask), in the
   * kernel's hash-walk order, handed to `each` as the dump streams in (a table may have tens
   * of thousands: none is kept but the listeners). A dump the kernel flags as interrupted calls
   * `onRestart` and runs again. `info`: ask for tcp_info (TCP only). Throws NetlinkError
   * (ENOENT when the kernel has no diag handler for the protocol).
   */
  inet(family: number, protocol: number, states: number, info: boolean, each: (s: InetSock) => void, onRestart: () => void): void {
    const payload = encodeStruct(inet_diag_req_v2, {
      sdiag_family: family,
      sdiag_protocol: protocol,
      idiag_ext: info ? EXT_INFO : 0,
      // inet_diag_req_raw's sdiag_raw_protocol; only raw_lookup (not the dump) reads it
      pad: protocol === IPPROTO_RAW ? IPPROTO_RAW : 0,
      idiag_states: states >>> 0,
      id: {},
    });
    const each4 = family === AF_INET ? each : null;
    const each6 = family === AF_INET6 ? each : null;
    this.inetDump(SOCK_DIAG_BY_FAMILY, payload, protocol, info, each4, each6, onRestart);
  }

  /**
   * inet() of TCP for IPv4 and IPv6 at once: one TCPDIAG_GETSOCK dump, which walks the kernel's
   * tables once for both families where two SOCK_DIAG_BY_FAMILY dumps walk them twice (the
   * walk of a table's empty slots costs as much again as its sockets). `each4` gets the IPv4
   * sockets and `each6` the IPv6 ones, each family's in the order its own dump gives.
   */
  tcpBoth(states: number, info: boolean, each4: (s: InetSock) => void, each6: (s: InetSock) => void, onRestart: () => void): void {
    const payload = encodeStruct(inet_diag_req, {
      idiag_family: 0,
      idiag_src_len: 0,
      idiag_dst_len: 0,
      idiag_ext: info ? EXT_INFO : 0,
      id: {},
      idiag_states: states >>> 0,
      idiag_dbs: 0,
    });
    this.inetDump(TCPDIAG_GETSOCK, payload, IPPROTO_TCP, info, each4, each6, onRestart);
  }

  /** One dump of inet_diag_msg answers of nlmsg_type `type`, each family's to its own callback. */
  private inetDump(
    type: number,
    payload: Uint8Array,
    protocol: number,
    info: boolean,
    each4: ((s: InetSock) => void) | null,
    each6: ((s: InetSock) => void) | null,
    onRestart: () => void,
  ): void {
    const spec = sockDiagSpec(AF_INET, false);
    const what = type === SOCK_DIAG_BY_FAMILY ? spec.name : 'TCPDIAG_GETSOCK inet_diag_msg';
    const tb = new AttrIndex(spec.attrs);
    const size = inet_diag_msg.size;
    const v4 = each4 && new FamilyRows(AF_INET, each4);
    const v6 = each6 && new FamilyRows(AF_INET6, each6);
    this.channel().dump(type, payload, (raw) => {
      // the fixed header is read in place in the datagram (`b`, from `at`), at the offsets of its
      // declaration (messages.ts); the attributes are indexed only when -o wants tcp_info
      const b = raw.data;
      const at = raw.start;
      if (raw.type !== type || raw.end === at) return;
      const f = b[at] === AF_INET ? v4 : b[at] === AF_INET6 ? v6 : null;
      if (f === null) return;
      if (raw.end - at < size) {
        throw new NetlinkError(EPROTO, `netlink: malformed ${what}: ${raw.end - at} bytes, need ${size}`);
      }
      const tcpInfo = info ? indexMessage(spec, raw, tb).bytes(INET_DIAG_T.INET_DIAG_INFO) : undefined;
      const state = b[at + O.idiag_state]!;
      const listen = protocol === IPPROTO_TCP && state === TCP_LISTEN;
      const s = listen ? f.newSock() : f.row;
      s.state = state;
      const src = at + O.id_idiag_src;
      const dst = at + O.id_idiag_dst;
      const { local, remote } = s;
      for (let i = 0; i < f.alen; i++) {
        local[i] = b[src + i]!;
        remote[i] = b[dst + i]!;
      }
      s.localPort = u16be(b, at + O.id_idiag_sport);
      // raw_sock_seq_show prints a destination port of 0, whatever connect() was given
      s.remotePort = protocol === IPPROTO_RAW ? 0 : u16be(b, at + O.id_idiag_dport);
      // a listener's idiag_wqueue is sk_max_ack_backlog; /proc has write_seq - snd_una, 0
      s.txq = listen ? 0 : u32le(b, at + O.idiag_wqueue);
      s.rxq = u32le(b, at + O.idiag_rqueue);
      s.timer = b[at + O.idiag_timer]!;
      s.timeLen = Math.floor(u32le(b, at + O.idiag_expires) / 10);
      s.retr = tcpInfo && tcpInfo.length >= 4 ? tcpInfo[2]! : b[at + O.idiag_retrans]!;
      s.probes = tcpInfo && tcpInfo.length >= 4 ? tcpInfo[3]! : 0;
      s.uid = u32le(b, at + O.idiag_uid);
      s.inode = u32le(b, at + O.idiag_inode);
      if (listen) f.listeners.push(s);
      // the listening hash is walked before the established one, where the requests are; a
      // request's listener is looked for among its own family's, as /proc's tables have them
      else if (protocol === IPPROTO_TCP && state === TCP_SYN_RECV && s.inode === 0) requestUid(s, f.listeners);
      f.each(s);
    }, () => {
      if (v4) v4.listeners = [];
      if (v6) v6.listeners = [];
      onRestart();
    });
  }

  /** Every UNIX socket whose state is in `states`, in the hash-walk order of /proc/net/unix. */
  unix(states: number): UnixSock[] {
    const payload = encodeStruct(unix_diag_req, {
      sdiag_family: AF_UNIX,
      sdiag_protocol: 0,
      udiag_states: states >>> 0,
      udiag_ino: 0,
      udiag_show: UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
      udiag_cookie: [0, 0],
    });
    const spec = sockDiagSpec(AF_UNIX, false);
    const out: UnixSock[] = [];
    for (const raw of this.channel().dumpAll(SOCK_DIAG_BY_FAMILY, payload)) {
      if (raw.type !== SOCK_DIAG_BY_FAMILY || raw.payload[0] !== AF_UNIX) continue;
      const m = decodeMessage(spec, raw);
      const v = m.attrs.values;
      out.push({
        type: Number(m.header.udiag_type),
        state: Number(m.header.udiag_state),
        inode: Number(m.header.udiag_ino),
        name: (v.UNIX_DIAG_NAME as Uint8Array | undefined) ?? null,
        peer: Number(v.UNIX_DIAG_PEER ?? 0),
      });
    }
    return out;
  }
}

/** What an inet dump keeps for one family: its callback, the one row object, its listeners. */
class FamilyRows {
  readonly alen: number;
  /** every socket is read into this one, but a listener, kept for the requests after it */
  readonly row: InetSock;
  listeners: InetSock[] = [];
  constructor(readonly family: number, readonly each: (s: InetSock) => void) {
    this.alen = family === AF_INET6 ? 16 : 4;
    this.row = this.newSock();
  }
  newSock(): InetSock {
    const alen = this.alen;
    return {
      family: this.family, state: 0, local: new Uint8Array(alen), remote: new Uint8Array(alen), localPort: 0, remotePort: 0,
      txq: 0, rxq: 0, timer: 0, timeLen: 0, retr: 0, probes: 0, uid: 0, inode: 0,
    };
  }
}

/**
 * get_openreq4 prints the uid of the listener a request socket (SYN_RECV, inode 0) belongs
 * to; inet_req_diag_fill reports 0. The listener is the LISTEN socket on the same local port
 * whose address is the request's or the wildcard, as the kernel's listener lookup finds it.
 */
function requestUid(s: InetSock, listeners: InetSock[]): void {
  const match = (l: InetSock, exact: boolean): boolean =>
    l.localPort === s.localPort && (exact ? sameBytes(l.local, s.local) : l.local.every((b) => b === 0));
  const l = listeners.find((x) => match(x, true)) ?? listeners.find((x) => match(x, false));
  if (l) s.uid = l.uid;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The RefCnt column of /proc/net/unix by inode (the kernel shows sk_refcnt nowhere else), or
 * null when the file cannot be read. Lines are `%pK: %08X %08X %08X %04X %02X %5lu[ path]`.
 */
export function readUnixRefcnts(sys: Sys): Map<number, number> | null {
  let text: string;
  try {
    text = latin1(sys.readFile('/proc/net/unix'));
  } catch {
    return null;
  }
  const map = new Map<number, number>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^\s*[0-9a-fA-F]+: ([0-9A-Fa-f]+) [0-9A-Fa-f]+ [0-9A-Fa-f]+ [0-9A-Fa-f]+ [0-9A-Fa-f]+ +(\d+)/.exec(lines[i]!);
    if (!m) continue;
    const inode = Number(m[2]);
    if (inode !== 0 && !map.has(inode)) map.set(inode, parseInt(m[1]!, 16));
  }
  return map;
}

/**
 * A /proc/net/{raw,raw6} table, for a kernel built without CONFIG_INET_RAW_DIAG (sock_diag
 * answers ENOENT for IPPROTO_RAW): the one socket table sock_diag cannot give there
 * (compat/netstat.md). Parsed as raw_do_one's sscanf reads it:
 * "%d: %64[0-9A-Fa-f]:%X %64[0-9A-Fa-f]:%X %X %lX:%lX %X:%lX %lX %d %d %lu". Throws SysError.
 */
export function readProcInet(sys: Sys, path: string): { socks: InetSock[]; bogus: number } {
  const text = latin1(sys.readFile(path));
  const socks: InetSock[] = [];
  let bogus = 0;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hex = '([0-9A-Fa-f]{1,64})';
  const re = new RegExp(
    `^\\s*[+-]?\\d+:\\s*${hex}:([0-9A-Fa-f]+)\\s+${hex}:([0-9A-Fa-f]+)\\s+([0-9A-Fa-f]+)\\s+([0-9A-Fa-f]+):([0-9A-Fa-f]+)` +
      `\\s+([0-9A-Fa-f]+):([0-9A-Fa-f]+)\\s+([0-9A-Fa-f]+)\\s+([+-]?\\d+)\\s+([+-]?\\d+)\\s+(\\d+)`,
  );
  for (let i = 1; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (!m) {
      bogus++;
      continue;
    }
    const addr = (h: string): Uint8Array => {
      // %X into s_addr / %08X x4 into s6_addr32: host-order words, little-endian bytes
      const words = h.length > 8 ? h.match(/.{1,8}/g)!.slice(0, 4) : [h];
      const out = new Uint8Array(words.length * 4);
      words.forEach((w, k) => {
        const v = parseInt(w, 16) >>> 0;
        out.set([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24], k * 4);
      });
      return out;
    };
    const local = addr(m[1]!);
    socks.push({
      family: local.length === 16 ? 10 : 2,
      state: parseInt(m[5]!, 16),
      local,
      remote: addr(m[3]!),
      localPort: parseInt(m[2]!, 16) & 0xffff,
      remotePort: parseInt(m[4]!, 16) & 0xffff,
      txq: parseInt(m[6]!, 16),
      rxq: parseInt(m[7]!, 16),
      timer: parseInt(m[8]!, 16),
      timeLen: parseInt(m[9]!, 16),
      retr: parseInt(m[10]!, 16),
      probes: Number(m[12]),
      uid: Number(m[11]),
      inode: Number(m[13]),
    });
  }
  return { socks, bogus };
}
