/**
 * The recording format shared by the recording and replaying Sys: JSON lines, one event a line,
 * in the order they happened (iproute2's `ss -D`/TCPDIAG_FILE idea, in reviewable text).
 *
 *   {"op":"netlinkOpen","protocol":0,"sock":1,"portid":1234}      (or "errno":N)
 *   {"op":"send","sock":1,"hex":"2000000012000103..."}            request, seq and pid zeroed
 *   {"op":"recv","sock":1,"hex":"..."}                            answer, seq and pid zeroed
 *   {"op":"readFile","path":"/proc/net/if_inet6","b64":"..."}     (or "errno":N)
 *   {"op":"call","fn":"gethostbyaddr","args":[...],"result":...}  libc answers (or "errno")
 *
 * Byte strings inside args/results are written as {"$hex":"..."}.
 */

export type Event =
  | { op: 'netlinkOpen'; protocol: number; sock: number; portid?: number; errno?: number }
  | { op: 'send'; sock: number; hex: string; errno?: number }
  | { op: 'recv'; sock: number; hex: string; errno?: number }
  | { op: 'readFile'; path: string; b64?: string; errno?: number }
  | { op: 'call'; fn: string; args: unknown[]; result?: unknown; errno?: number; syscall?: string };

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

export function fromHex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}

/** Zero nlmsg_seq and nlmsg_pid of every message in a datagram (a copy). */
export function normalizeDatagram(d: Uint8Array): Uint8Array {
  const out = d.slice();
  const dv = new DataView(out.buffer);
  let off = 0;
  while (off + 16 <= out.length) {
    const len = dv.getUint32(off, true);
    dv.setUint32(off + 8, 0, true);
    dv.setUint32(off + 12, 0, true);
    if (len < 16 || len > out.length - off) break;
    off += len + ((4 - (len % 4)) % 4);
  }
  return out;
}

/** Set nlmsg_seq and nlmsg_pid of every message in a datagram (a copy). */
export function stampDatagram(d: Uint8Array, seq: number, pid: number): Uint8Array {
  const out = d.slice();
  const dv = new DataView(out.buffer);
  let off = 0;
  while (off + 16 <= out.length) {
    const len = dv.getUint32(off, true);
    dv.setUint32(off + 8, seq, true);
    dv.setUint32(off + 12, pid, true);
    if (len < 16 || len > out.length - off) break;
    off += len + ((4 - (len % 4)) % 4);
  }
  return out;
}

/** JSON with byte strings as {"$hex": ...} and bigints as {"$big": "..."}. */
export function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $hex: toHex(v) };
  if (typeof v === 'bigint') return { $big: v.toString() };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = encodeValue(x);
    return o;
  }
  return v;
}

export function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$hex === 'string' && Object.keys(o).length === 1) return fromHex(o.$hex);
    if (typeof o.$big === 'string' && Object.keys(o).length === 1) return BigInt(o.$big);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

export function serialize(events: Event[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '');
}

export function parse(text: string): Event[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as Event;
      } catch {
        throw new Error(`recording line ${i + 1}: not JSON`);
      }
    });
}

/** The libc calls of Sys that are recorded as {"op":"call"}: everything but the kernel I/O. */
export const RECORDED_CALLS = [
  'geteuid', 'getenv', 'gethostbyaddr', 'gethostbyname', 'herrno', 'getnetbyaddr', 'getnetbyname',
  'getnameinfo', 'getaddrinfo', 'gai_strerror', 'getservents', 'getprotoents', 'getpwuid',
  'uname', 'gethostname', 'sethostname', 'getdomainname', 'setdomainname', 'stat',
  'readdir', 'readlinks', 'sleep',
] as const;
export type RecordedCall = (typeof RECORDED_CALLS)[number];
