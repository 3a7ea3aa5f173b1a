/**
 * Netlink framing and the one dump loop / request-ack path (after libmnl's mnl_cb_run):
 * sequence and port id checked, NLMSG_ERROR turned into an errno (extended-ack text kept),
 * NLM_F_DUMP_INTR makes the whole dump run again, and a truncated or malformed message
 * is a clear NetlinkError, never a crash or a loop.
 */
import type { NetlinkSocket, Sys } from '../sys/types.js';
import { NetlinkError } from './errors.js';

export { NetlinkError };
import {
  decodeAttrs, decodeStruct, encodeStruct, u16le, u32le, DecodeError, type AttrIndex, type DecodedAttrs, type Struct,
} from './codec.js';
import {
  NLMSG_DONE, NLMSG_ERROR, NLMSG_NOOP, NLMSG_OVERRUN, NLMSG_HDRLEN, NLM_F_ACK, NLM_F_ACK_TLVS,
  NLM_F_CAPPED, NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST, NLMSGERR_ATTRS, nlmsghdr,
  type MessageSpec,
} from './messages.js';
import { EINTR, ENOBUFS, EPROTO, ESRCH } from '../../compat/errno.js';

/** One netlink message, framed but not yet decoded. */
export interface RawMessage {
  type: number;
  flags: number;
  seq: number;
  pid: number;
  /** payload after the 16-byte nlmsghdr */
  payload: Uint8Array;
}

/** A decoded message: fixed header fields and attributes. */
export interface Message {
  type: number;
  flags: number;
  header: Struct;
  attrs: DecodedAttrs;
}


/**
 * A message as a dump hands it to its callback: where it lies in its datagram, read in place.
 * One view serves every message of a datagram, and the datagram is the socket's receive buffer
 * (NetlinkSocket.recv), so both are valid only during the call; `keep()` gives a RawMessage of
 * its own.
 */
export class MessageView implements RawMessage {
  type = 0;
  flags = 0;
  seq = 0;
  pid = 0;
  /** the datagram, and where the payload (after the nlmsghdr) starts and ends in it */
  data: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  private view: Uint8Array | null = null;
  /** for keep(): a copy of the datagram, made once whatever it keeps */
  private copy: Uint8Array | null = null;

  /** the message at `off` of a datagram checkFrames() has passed */
  at(data: Uint8Array, off: number): this {
    if (data !== this.data) {
      this.data = data;
      this.copy = null;
    }
    this.type = u16le(data, off + 4);
    this.flags = u16le(data, off + 6);
    this.seq = u32le(data, off + 8);
    this.pid = u32le(data, off + 12);
    this.start = off + NLMSG_HDRLEN;
    this.end = off + u32le(data, off);
    this.view = null;
    return this;
  }

  /** the payload as a Uint8Array of its own (made when first asked for) */
  get payload(): Uint8Array {
    return (this.view ??= this.data.subarray(this.start, this.end));
  }

  /** the message as a RawMessage of its own: its payload a view of a copy of the datagram */
  keep(): RawMessage {
    const payload = (this.copy ??= this.data.slice()).subarray(this.start, this.end);
    return { type: this.type, flags: this.flags, seq: this.seq, pid: this.pid, payload };
  }
}

/**
 * Check the framing of one datagram: every message's length within it, no stray bytes after
 * the last. A bad length is a NetlinkError (EPROTO), raised before any message is handed on.
 */
export function checkFrames(buf: Uint8Array): void {
  let off = 0;
  while (off + NLMSG_HDRLEN <= buf.length) {
    const len = u32le(buf, off);
    if (len < NLMSG_HDRLEN || off + len > buf.length) {
      throw new NetlinkError(EPROTO, `netlink: malformed message: length ${len} at offset ${off} of a ${buf.length}-byte datagram`);
    }
    off += (len + 3) & ~3;
  }
  if (off < buf.length) {
    // trailing bytes that cannot hold a header: the kernel never sends these
    throw new NetlinkError(EPROTO, `netlink: truncated message: ${buf.length - off} stray bytes at the end of a datagram`);
  }
}

/**
 * Split one datagram into messages of their own (views of one copy of it: the datagram may be
 * a receive buffer the next recv overwrites). A bad length is a NetlinkError (EPROTO).
 */
export function splitMessages(buf: Uint8Array): RawMessage[] {
  checkFrames(buf);
  const out: RawMessage[] = [];
  const m = new MessageView();
  for (let off = 0; off + NLMSG_HDRLEN <= buf.length; off += (u32le(buf, off) + 3) & ~3) {
    out.push(m.at(buf, off).keep());
  }
  return out;
}

/** Build one message: nlmsghdr + fixed header + attributes (already encoded). */
export function buildMessage(type: number, flags: number, seq: number, payload: Uint8Array): Uint8Array {
  const len = NLMSG_HDRLEN + payload.length;
  const out = new Uint8Array(len);
  out.set(encodeStruct(nlmsghdr, { nlmsg_len: len, nlmsg_type: type, nlmsg_flags: flags, nlmsg_seq: seq, nlmsg_pid: 0 }));
  out.set(payload, NLMSG_HDRLEN);
  return out;
}

/** Decode a message's payload by its spec. A short header or a bad attribute is a NetlinkError. */
export function decodeMessage(spec: MessageSpec, m: RawMessage): Message {
  try {
    const header = decodeStruct(spec.header, m.payload);
    const attrs = decodeAttrs(spec.attrs, m.payload, (spec.header.size + 3) & ~3);
    return { type: m.type, flags: m.flags, header, attrs };
  } catch (e) {
    if (e instanceof DecodeError) throw new NetlinkError(EPROTO, `netlink: malformed ${spec.name}: ${e.message}`);
    throw e;
  }
}

/**
 * Index a message's attributes into `tb` (an AttrIndex of its spec's table) after checking that
 * its fixed header is whole: decodeMessage without making anything, for large dumps. The
 * header's fields are read from `m.payload` at their offsets (offsetsOf).
 */
export function indexMessage(spec: MessageSpec, m: RawMessage, tb: AttrIndex): AttrIndex {
  try {
    // a dump's view is indexed where it lies in the datagram (tb.buffer is then the datagram)
    const view = m instanceof MessageView;
    const buf = view ? m.data : m.payload;
    const start = view ? m.start : 0;
    const end = view ? m.end : buf.length;
    if (end - start < spec.header.size) {
      throw new DecodeError(`${spec.header.name}: ${end - start} bytes, need ${spec.header.size}`);
    }
    return tb.parse(buf, start + ((spec.header.size + 3) & ~3), end);
  } catch (e) {
    if (e instanceof DecodeError) throw new NetlinkError(EPROTO, `netlink: malformed ${spec.name}: ${e.message}`);
    throw e;
  }
}

/** The errno and extended-ack text of an NLMSG_ERROR payload. */
export function parseError(m: RawMessage): { errno: number; extack?: string } {
  if (m.payload.length < 4) throw new NetlinkError(EPROTO, 'netlink: truncated NLMSG_ERROR');
  const error = new DataView(m.payload.buffer, m.payload.byteOffset, 4).getInt32(0, true);
  let extack: string | undefined;
  if (m.flags & NLM_F_ACK_TLVS && m.payload.length >= 4 + NLMSG_HDRLEN) {
    const orig = decodeStruct(nlmsghdr, m.payload.subarray(4));
    const skip = m.flags & NLM_F_CAPPED ? NLMSG_HDRLEN : Number(orig.nlmsg_len);
    const off = 4 + skip + ((4 - (skip % 4)) % 4);
    if (off >= 4 && off <= m.payload.length) {
      try {
        const tlv = decodeAttrs(NLMSGERR_ATTRS, m.payload, off);
        const msg = tlv.values.NLMSGERR_ATTR_MSG;
        if (typeof msg === 'string') extack = msg;
      } catch {
        // a damaged ext-ack is not worth failing for: the errno is what counts
      }
    }
  }
  return { errno: -error, extack };
}

function errorFrom(what: string, errno: number, extack?: string): NetlinkError {
  return new NetlinkError(errno, `${what}: errno ${errno}${extack ? ` (${extack})` : ''}`, extack);
}

/**
 * A netlink channel on one protocol: the socket is opened on first use.
 * `dump` and `request` are the only ways commands talk to the kernel.
 */
export class Netlink {
  private sock: NetlinkSocket | null = null;
  private seq: number;
  /** how many times a dump interrupted by concurrent changes is started again */
  static readonly DUMP_RETRIES = 10;

  constructor(private readonly sys: Sys, readonly protocol: number) {
    this.seq = 1;
  }

  private socket(): NetlinkSocket {
    if (!this.sock) this.sock = this.sys.netlinkOpen(this.protocol);
    return this.sock;
  }

  close(): void {
    this.sock?.close();
    this.sock = null;
  }

  /**
   * Run a dump (NLM_F_REQUEST|NLM_F_DUMP) and hand every answer message to `onMessage`.
   * When the kernel flags the dump NLM_F_DUMP_INTR, `onRestart` is called and the dump runs
   * again from the start (up to DUMP_RETRIES times; after that it is an EINTR error).
   */
  dump(type: number, payload: Uint8Array, onMessage: (m: MessageView) => void, onRestart: () => void): void {
    Netlink.untilWhole(() => this.dumpOnce(type, payload, onMessage), onRestart);
  }

  /**
   * Run `once` (one dump, or several that must agree, each a dumpOnce) until a run of it is not
   * interrupted: before each new run `onRestart` is called; after DUMP_RETRIES runs it is an
   * EINTR error. `once` returns whether the kernel flagged a dump of that run interrupted.
   */
  static untilWhole(once: () => boolean, onRestart: () => void): void {
    for (let attempt = 0; ; attempt++) {
      if (!once()) return;
      if (attempt + 1 >= Netlink.DUMP_RETRIES) {
        throw new NetlinkError(EINTR, 'netlink: dump interrupted by concurrent changes too many times');
      }
      onRestart();
    }
  }

  /** dump() collecting the messages; restarts discard what an interrupted run gave. */
  dumpAll(type: number, payload: Uint8Array): RawMessage[] {
    let out: RawMessage[] = [];
    this.dump(type, payload, (m) => out.push(m.keep()), () => { out = []; });
    return out;
  }

  /**
   * One run of a dump; true when the kernel flagged it interrupted (what followed the flag is
   * not handed on). Each message is handed on as the one MessageView of its datagram, read in
   * place: a table of 50k rows makes no object per row here.
   */
  dumpOnce(type: number, payload: Uint8Array, onMessage: (m: MessageView) => void): boolean {
    const sock = this.socket();
    const seq = this.seq++;
    sock.send(buildMessage(type, NLM_F_REQUEST | NLM_F_DUMP, seq, payload));
    let interrupted = false;
    for (;;) {
      const datagram = this.recv(sock);
      checkFrames(datagram);
      // a view per datagram: what keep() copied is of this datagram, whatever recv handed over
      const m = new MessageView();
      for (let off = 0, next = 0; off + NLMSG_HDRLEN <= datagram.length; off = next) {
        m.at(datagram, off);
        next = off + ((m.end - m.start + NLMSG_HDRLEN + 3) & ~3);
        if (!this.mine(sock, m, seq)) continue;
        if (m.flags & NLM_F_DUMP_INTR) interrupted = true;
        switch (m.type) {
          case NLMSG_NOOP:
            continue;
          case NLMSG_DONE: {
            // NLMSG_DONE carries an int: a negative errno when the dump failed part-way
            if (m.payload.length >= 4) {
              const err = new DataView(m.payload.buffer, m.payload.byteOffset, 4).getInt32(0, true);
              if (err < 0) throw errorFrom('netlink dump', -err);
            }
            return interrupted;
          }
          case NLMSG_ERROR: {
            const { errno, extack } = parseError(m);
            if (errno === 0) return interrupted; // an ACK ends a dump that had nothing to say
            throw errorFrom('netlink dump', errno, extack);
          }
          case NLMSG_OVERRUN:
            throw new NetlinkError(ENOBUFS, 'netlink: overrun');
          default:
            if (!interrupted) onMessage(m);
        }
      }
    }
  }

  /**
   * Send one change request with NLM_F_ACK and wait for its ACK. Returns 0, or throws a
   * NetlinkError carrying the kernel's errno (and extended-ack text).
   */
  request(type: number, flags: number, payload: Uint8Array): void {
    const sock = this.socket();
    const seq = this.seq++;
    sock.send(buildMessage(type, NLM_F_REQUEST | NLM_F_ACK | flags, seq, payload));
    for (;;) {
      const datagram = this.recv(sock);
      for (const m of splitMessages(datagram)) {
        if (!this.mine(sock, m, seq)) continue;
        if (m.type === NLMSG_ERROR) {
          const { errno, extack } = parseError(m);
          if (errno === 0) return;
          throw errorFrom('netlink request', errno, extack);
        }
        // anything else (an echo) is ignored; the ACK ends the exchange
      }
    }
  }

  /**
   * Send one get request (NLM_F_REQUEST, no dump) and return its single answer; an
   * NLMSG_ERROR answer is thrown as a NetlinkError (e.g. ENODEV for an unknown link).
   */
  get(type: number, payload: Uint8Array): RawMessage {
    const sock = this.socket();
    const seq = this.seq++;
    sock.send(buildMessage(type, NLM_F_REQUEST, seq, payload));
    for (;;) {
      const datagram = this.recv(sock);
      for (const m of splitMessages(datagram)) {
        if (!this.mine(sock, m, seq)) continue;
        if (m.type === NLMSG_ERROR) {
          const { errno, extack } = parseError(m);
          throw errorFrom('netlink get', errno, extack);
        }
        if (m.type === NLMSG_NOOP) continue;
        return m;
      }
    }
  }

  /** Answers to other requests or from other senders are not ours (libmnl: ESRCH/EPROTO). */
  private mine(sock: NetlinkSocket, m: RawMessage, seq: number): boolean {
    if (m.pid !== 0 && m.pid !== sock.portid) {
      throw new NetlinkError(ESRCH, `netlink: message for port ${m.pid}, ours is ${sock.portid}`);
    }
    if (m.seq !== seq) {
      // a late answer to an earlier request of ours: skip it
      if (m.seq < seq) return false;
      throw new NetlinkError(EPROTO, `netlink: unexpected sequence number ${m.seq}, expected ${seq}`);
    }
    return true;
  }

  private recv(sock: NetlinkSocket): Uint8Array {
    const d = sock.recv();
    if (d.length === 0) throw new NetlinkError(EPROTO, 'netlink: socket closed by the kernel');
    return d;
  }
}
