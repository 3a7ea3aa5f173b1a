/**
 * src/netlink/codec.ts, messages.ts and stream.ts on real kernel bytes.
 *
 * The datagrams in test/fixtures/netlink/*.hex were received from Linux 6.18 (x86_64) by
 * test/fixtures/netlink/capture.mjs in a throwaway `unshare -n` namespace holding:
 *   lo up; veth pair v0 (ifindex 3, 02:00:00:00:00:01, mtu 1400) <-> v1 (ifindex 2,
 *   02:00:00:00:00:02, mtu 1500), both up, addrgenmode none; on v0 10.1.2.3/24 brd 10.1.2.255
 *   label v0:5, 10.1.2.4/24 (secondary, label v0), 2001:db8::1/64 nodad.
 * Exchanges, on one socket: seq 1 RTM_GETLINK dump, seq 2 RTM_GETADDR AF_INET dump, seq 3
 * RTM_GETADDR AF_INET6 dump, seq 4 RTM_NEWADDR 10.9.9.9/32 (ACK), seq 5 the same again
 * (-EEXIST with ext-ack), seq 6 RTM_NEWADDR prefixlen 33 (-EINVAL with ext-ack).
 * nlmsg_pid was replaced by 0 in the files; seq is as captured. The concrete values asserted
 * below are the scenario's (what `ip` configured) and the kernel UAPI constants.
 *
 * No privileges and no kernel are needed: the Netlink tests drive a fake NetlinkSocket.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AttrIndex, DecodeError, decodeAttrs, decodeString, defineStruct, encodeAttrs, encodeStruct, iterAttrs, nlaTable, offsetsOf,
  typesOf, type Struct,
} from '../../src/netlink/codec.js';
import {
  AF_INET, AF_INET6, IFA, IFLA, NETLINK_ROUTE, NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK_TLVS,
  NLM_F_CAPPED, NLM_F_DUMP_INTR, NLM_F_MULTI, RTM_GETADDR, RTM_GETLINK, RTM_NEWADDR, RTM_NEWLINK,
  RTNL_MESSAGES, ifaddrmsg, ifinfomsg,
} from '../../src/netlink/messages.js';
import {
  Netlink, NetlinkError, decodeMessage, indexMessage, splitMessages, type Message, type RawMessage,
} from '../../src/netlink/stream.js';
import type { NetlinkSocket, Sys } from '../../src/sys/types.js';

// ------------------------------------------------------------------ fixtures and helpers

const fixtureDir = new URL('../fixtures/netlink/', import.meta.url);

interface Exchange {
  /** the request bytes recorded as `# sent:` */
  sent: Uint8Array[];
  /** the datagrams, in order */
  datagrams: Uint8Array[];
}

function load(name: string): Exchange {
  const text = readFileSync(new URL(`${name}.hex`, fixtureDir), 'latin1');
  const sent: Uint8Array[] = [];
  const datagrams: Uint8Array[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# sent: ')) sent.push(Uint8Array.from(Buffer.from(line.slice(8), 'hex')));
    else if (line !== '' && !line.startsWith('#')) datagrams.push(Uint8Array.from(Buffer.from(line, 'hex')));
  }
  return { sent, datagrams };
}

const LINKS = load('link-dump');
const ADDR4 = load('addr4-dump');
const ADDR6 = load('addr6-dump');
const ACK = load('request-ack');
const EEXIST = load('request-eexist');
const EINVAL = load('request-einval');

const hex = (b: unknown): string => Buffer.from(b as Uint8Array).toString('hex');
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

function messagesOf(ex: Exchange): RawMessage[] {
  return ex.datagrams.flatMap((d) => splitMessages(d));
}

function decoded(ex: Exchange, type: number): Message[] {
  return messagesOf(ex)
    .filter((m) => m.type === type)
    .map((m) => decodeMessage(RTNL_MESSAGES[m.type]!, m));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** A copy of a datagram with every message's nlmsg_pid (and optionally seq/flags) rewritten. */
function rewrite(d: Uint8Array, f: { pid?: number; seq?: number; orFlags?: number }): Uint8Array {
  const b = Uint8Array.from(d);
  const dv = new DataView(b.buffer);
  for (let off = 0; off + 16 <= b.length; ) {
    const len = dv.getUint32(off, true);
    if (f.pid !== undefined) dv.setUint32(off + 12, f.pid, true);
    if (f.seq !== undefined) dv.setUint32(off + 8, f.seq, true);
    if (f.orFlags !== undefined) dv.setUint16(off + 6, dv.getUint16(off + 6, true) | f.orFlags, true);
    off += (len + 3) & ~3;
  }
  return b;
}

/** One netlink message built byte by byte (nlmsghdr little-endian as on x86_64). */
function nlmsg(type: number, flags: number, seq: number, pid: number, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array((16 + payload.length + 3) & ~3);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, 16 + payload.length, true);
  dv.setUint16(4, type, true);
  dv.setUint16(6, flags, true);
  dv.setUint32(8, seq, true);
  dv.setUint32(12, pid, true);
  b.set(payload, 16);
  return b;
}

/** One attribute built byte by byte: nla_len, nla_type, data, zero padding to 4. */
function nla(type: number, data: Uint8Array): Uint8Array {
  const b = new Uint8Array((4 + data.length + 3) & ~3);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 4 + data.length, true);
  dv.setUint16(2, type, true);
  b.set(data, 4);
  return b;
}

const le32 = (v: number): Uint8Array => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  return b;
};

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

// ------------------------------------------------------------------ framing

describe('splitMessages on captured datagrams', () => {
  it('frames the RTM_GETLINK dump: 3 RTM_NEWLINK then NLMSG_DONE, all seq 1, NLM_F_MULTI', () => {
    expect(LINKS.datagrams.map((d) => splitMessages(d).map((m) => m.type))).toEqual([
      [RTM_NEWLINK, RTM_NEWLINK],
      [RTM_NEWLINK],
      [NLMSG_DONE],
    ]);
    for (const m of messagesOf(LINKS)) {
      expect(m.seq).toBe(1);
      expect(m.pid).toBe(0);
      expect(m.flags).toBe(NLM_F_MULTI);
    }
    // NLMSG_DONE carries an int 0
    const done = messagesOf(LINKS).at(-1)!;
    expect(hex(done.payload)).toBe('00000000');
  });

  it('frames the address dumps (seq 2 and 3)', () => {
    expect(messagesOf(ADDR4).map((m) => [m.type, m.seq])).toEqual([
      [RTM_NEWADDR, 2], [RTM_NEWADDR, 2], [RTM_NEWADDR, 2], [NLMSG_DONE, 2],
    ]);
    expect(messagesOf(ADDR6).map((m) => [m.type, m.seq])).toEqual([
      [RTM_NEWADDR, 3], [RTM_NEWADDR, 3], [NLMSG_DONE, 3],
    ]);
  });

  it('payloads plus rebuilt nlmsghdrs give back each datagram byte for byte', () => {
    for (const d of [...LINKS.datagrams, ...ADDR4.datagrams, ...ADDR6.datagrams, ...EEXIST.datagrams]) {
      const rebuilt = concat(...splitMessages(d).map((m) => nlmsg(m.type, m.flags, m.seq, m.pid, m.payload)));
      expect(hex(rebuilt)).toBe(hex(d));
    }
  });
});

// ------------------------------------------------------------------ decoding real messages

describe('RTM_NEWLINK (ifinfomsg + IFLA_*) from the kernel', () => {
  const links = decoded(LINKS, RTM_NEWLINK);

  it('has lo, v1, v0 with their ifi_type, index and flags', () => {
    expect(links.map((l) => l.attrs.values.IFLA_IFNAME)).toEqual(['lo', 'v1', 'v0']);
    expect(links.map((l) => l.header.ifi_type)).toEqual([772, 1, 1]); // ARPHRD_LOOPBACK, ARPHRD_ETHER
    expect(links.map((l) => l.header.ifi_index)).toEqual([1, 2, 3]);
    // IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_LOWER_UP ; IFF_UP|IFF_BROADCAST|IFF_RUNNING|IFF_MULTICAST|IFF_LOWER_UP
    expect(links.map((l) => l.header.ifi_flags)).toEqual([0x10049, 0x11043, 0x11043]);
    expect(links.map((l) => l.header.ifi_family)).toEqual([0, 0, 0]);
  });

  it('decodes IFLA_MTU, addresses, qdisc, txqlen, link and the nested IFLA_LINKINFO', () => {
    const [lo, v1, v0] = links.map((l) => l.attrs.values);
    expect([lo!.IFLA_MTU, v1!.IFLA_MTU, v0!.IFLA_MTU]).toEqual([65536, 1500, 1400]);
    expect(hex(lo!.IFLA_ADDRESS)).toBe('000000000000');
    expect(hex(v0!.IFLA_ADDRESS)).toBe('020000000001');
    expect(hex(v1!.IFLA_ADDRESS)).toBe('020000000002');
    expect(hex(v0!.IFLA_BROADCAST)).toBe('ffffffffffff');
    expect(v0!.IFLA_TXQLEN).toBe(1000);
    expect(v0!.IFLA_QDISC).toBe('noqueue');
    expect(v0!.IFLA_LINK).toBe(2); // the peer's ifindex
    expect(v1!.IFLA_LINK).toBe(3);
    expect(lo!.IFLA_LINK).toBeUndefined();
    expect(v0!.IFLA_LINKINFO).toEqual({ IFLA_INFO_KIND: 'veth' });
    expect(v0!.IFLA_OPERSTATE).toBe(6); // IF_OPER_UP
    expect(v0!.IFLA_MIN_MTU).toBe(68);
    expect(v0!.IFLA_MAX_MTU).toBe(65535);
  });

  it('decodes IFLA_STATS64 with bigint counters and IFLA_STATS with numbers', () => {
    const [lo, v1, v0] = links.map((l) => l.attrs.values);
    for (const v of [lo, v1, v0]) {
      const s64 = v!.IFLA_STATS64 as Struct;
      expect(Object.keys(s64)).toHaveLength(25);
      for (const x of Object.values(s64)) expect(typeof x).toBe('bigint');
      const s32 = v!.IFLA_STATS as Struct;
      for (const x of Object.values(s32)) expect(typeof x).toBe('number');
    }
    for (const x of Object.values(lo!.IFLA_STATS64 as Struct)) expect(x).toBe(0n);
    // the one frame v0 sent while the pair came up, as the kernel counted it
    const s0 = v0!.IFLA_STATS64 as Struct;
    expect([s0.tx_packets, s0.tx_bytes, s0.rx_packets]).toEqual([1n, 90n, 0n]);
    const s1 = v1!.IFLA_STATS64 as Struct;
    expect([s1.rx_packets, s1.rx_bytes, s1.tx_packets]).toEqual([1n, 90n, 0n]);
    expect((v0!.IFLA_STATS as Struct).tx_bytes).toBe(90);
  });

  it('keeps the attributes newer than the table (IFLA 62..69 on 6.18) in `other`, in wire order', () => {
    for (const l of links) {
      const other = l.attrs.other;
      expect(other.map((a) => a.type)).toEqual([67, 63, 64, 66, 68, 69, 62, 65]);
      expect(other.map((a) => a.data.length)).toEqual([1, 4, 4, 4, 2, 2, 0, 0]);
      expect(other.map((a) => a.nested)).toEqual([false, false, false, false, false, false, true, true]);
      for (const a of other) expect(IFLA.attrs[a.type]).toBeUndefined();
      // IFLA_GSO_IPV4_MAX_SIZE / IFLA_GRO_IPV4_MAX_SIZE: 65536 like their non-IPv4 siblings
      const u32 = (a: { data: Uint8Array }) => new DataView(a.data.buffer, a.data.byteOffset, 4).getUint32(0, true);
      expect(u32(other[1]!)).toBe(65536);
      expect(u32(other[2]!)).toBe(65536);
      // `other` entries are also in `raw`, and every raw entry is either named or other
      const named = l.attrs.raw.filter((a) => IFLA.attrs[a.type] !== undefined).length;
      expect(named + other.length).toBe(l.attrs.raw.length);
    }
  });
});

describe('RTM_NEWADDR (ifaddrmsg + IFA_*) from the kernel', () => {
  it('AF_INET: lo 127.0.0.1/8, v0 10.1.2.3/24 label v0:5 brd 10.1.2.255, 10.1.2.4/24 secondary', () => {
    const a = decoded(ADDR4, RTM_NEWADDR);
    expect(a.map((m) => [m.header.ifa_family, m.header.ifa_index, m.header.ifa_prefixlen])).toEqual([
      [AF_INET, 1, 8], [AF_INET, 3, 24], [AF_INET, 3, 24],
    ]);
    expect(a.map((m) => m.attrs.values.IFA_LABEL)).toEqual(['lo', 'v0:5', 'v0']);
    expect(a.map((m) => hex(m.attrs.values.IFA_LOCAL))).toEqual(['7f000001', '0a010203', '0a010204']);
    expect(a.map((m) => hex(m.attrs.values.IFA_ADDRESS))).toEqual(['7f000001', '0a010203', '0a010204']);
    expect(hex(a[1]!.attrs.values.IFA_BROADCAST)).toBe('0a0102ff');
    expect(a[2]!.attrs.values.IFA_BROADCAST).toBeUndefined();
    // RT_SCOPE_HOST for 127.0.0.1, RT_SCOPE_UNIVERSE otherwise
    expect(a.map((m) => m.header.ifa_scope)).toEqual([254, 0, 0]);
    // IFA_F_PERMANENT; IFA_F_SECONDARY|IFA_F_PERMANENT
    expect(a.map((m) => m.header.ifa_flags)).toEqual([0x80, 0x80, 0x81]);
    expect(a.map((m) => m.attrs.values.IFA_FLAGS)).toEqual([0x80, 0x80, 0x81]);
    const ci = a[1]!.attrs.values.IFA_CACHEINFO as Struct;
    expect([ci.ifa_prefered, ci.ifa_valid]).toEqual([0xffffffff, 0xffffffff]); // INFINITY_LIFE_TIME
    for (const m of a) expect(m.attrs.other).toEqual([]);
  });

  it('AF_INET6: ::1/128 on lo, 2001:db8::1/64 nodad on v0, IFA_ADDRESS only', () => {
    const a = decoded(ADDR6, RTM_NEWADDR);
    expect(a.map((m) => [m.header.ifa_family, m.header.ifa_index, m.header.ifa_prefixlen])).toEqual([
      [AF_INET6, 1, 128], [AF_INET6, 3, 64],
    ]);
    expect(a.map((m) => hex(m.attrs.values.IFA_ADDRESS))).toEqual([
      '00000000000000000000000000000001', '20010db8000000000000000000000001',
    ]);
    expect(a.map((m) => m.attrs.values.IFA_LOCAL)).toEqual([undefined, undefined]);
    expect(a.map((m) => m.attrs.values.IFA_LABEL)).toEqual([undefined, undefined]);
    expect(a.map((m) => m.header.ifa_scope)).toEqual([254, 0]);
    // IFA_F_PERMANENT ; IFA_F_PERMANENT|IFA_F_NODAD
    expect(a.map((m) => m.header.ifa_flags)).toEqual([0x80, 0x82]);
    expect(a[0]!.attrs.values.IFA_PROTO).toBe(1); // IFAPROT_KERNEL_LO
  });
});

describe('AttrIndex (parse_rtattr) reads what decodeAttrs decodes', () => {
  it('every attribute of every captured RTM_NEWLINK / RTM_NEWADDR, one index reused', () => {
    const idx = new Map<unknown, AttrIndex>();
    let n = 0;
    for (const m of [...messagesOf(LINKS), ...messagesOf(ADDR4), ...messagesOf(ADDR6)]) {
      const spec = RTNL_MESSAGES[m.type];
      if (!spec) continue;
      const d = decodeMessage(spec, m);
      if (!idx.has(spec)) idx.set(spec, new AttrIndex(spec.attrs));
      const tb = indexMessage(spec, m, idx.get(spec)!);
      for (const [type, [name, kind]] of Object.entries(spec.attrs.attrs)) {
        const t = Number(type);
        const want = d.attrs.values[name];
        expect(tb.has(t), name).toBe(want !== undefined);
        if (want === undefined) continue;
        if (kind === 'u8' || kind === 'u16' || kind === 'u32' || kind === 's32' || kind === 'be16' || kind === 'be32') expect(tb.uint(t), name).toBe(want);
        else if (kind === 'asciiz' || kind === 'string') expect(tb.string(t), name).toBe(want);
        else if (kind === 'binary') expect(hex(tb.bytes(t)), name).toBe(hex(want));
        else if (typeof kind === 'object' && 'struct' in kind) expect(tb.struct(t), name).toEqual(want);
        n++;
      }
    }
    expect(n).toBeGreaterThan(60);
  });

  it('a field offset and a type number by name', () => {
    expect(offsetsOf(ifaddrmsg)).toEqual({ ifa_family: 0, ifa_prefixlen: 1, ifa_flags: 2, ifa_scope: 3, ifa_index: 4 });
    expect(typesOf(IFA).IFA_LABEL).toBe(3);
  });

  it('a short fixed-size attribute and a bad nla_len are DecodeErrors, an absent one is `absent`', () => {
    const tb = new AttrIndex(IFA);
    expect(caught(() => tb.parse(concat(bytes('0218000007000000'), nla(8, bytes('8000'))), 8))).toBeInstanceOf(DecodeError);
    expect(caught(() => tb.parse(concat(bytes('0218000007000000'), Uint8Array.of(2, 0, 3, 0)), 8))).toBeInstanceOf(DecodeError);
    tb.parse(concat(bytes('0218000007000000'), nla(8, le32(0x81))), 8);
    expect([tb.uint(8), tb.has(3), tb.uint(9, -1), tb.string(3)]).toEqual([0x81, false, -1, undefined]);
    // unknown types are skipped, and a second parse forgets the first
    tb.parse(concat(bytes('0218000007000000'), nla(200, bytes('01')), nla(3, bytes('7800'))), 8);
    expect([tb.has(8), tb.string(3)]).toEqual([false, 'x']);
  });

  it('looks a type up in its table when one first comes, and keeps what it learnt', () => {
    let made = 0;
    const T = nlaTable('t', () => (made++, { 1: ['T_A', 'u32'], 4: ['T_D', 'u16'] }));
    expect(made).toBe(0);
    const tb = new AttrIndex(T);
    // 2 and 3 lie between the table's types, 5 past them: skipped, as types it does not know
    tb.parse(concat(nla(2, le32(7)), nla(5, le32(8)), nla(1, le32(9)), nla(3, bytes('01'))), 0);
    expect([tb.has(1), tb.has(2), tb.has(3), tb.has(4), tb.has(5), tb.uint(1)]).toEqual([true, false, false, false, false, 9]);
    // T_D first seen now, T_A short: the sizes are checked for a type learnt earlier as for a new one
    tb.parse(nla(4, bytes('0201')), 0);
    expect(tb.uint(4)).toBe(0x102);
    expect(caught(() => tb.parse(nla(1, bytes('0102')), 0))).toBeInstanceOf(DecodeError);
    expect(caught(() => tb.parse(nla(4, bytes('01')), 0))).toBeInstanceOf(DecodeError);
    expect(made).toBe(1);
  });
});

describe('declarations', () => {
  it('a table\'s entries and a struct\'s fields are made at their first use, once', () => {
    let tables = 0;
    let structs = 0;
    const T = nlaTable('t', () => (tables++, { 3: ['T_C', 'u8'] }));
    const inner = defineStruct('inner', () => (structs++, [['a', 'u16'], ['b', 'u8']]));
    const outer = defineStruct('outer', () => [['x', 'u32'], ['in', { struct: inner }], ['tail', { bytes: 5 }]]);
    expect([T.name, outer.name, tables, structs]).toEqual(['t', 'outer', 0, 0]);
    expect(outer.size).toBe(12);
    expect(structs).toBe(1);
    expect(offsetsOf(outer)).toEqual({ x: 0, in: 4, 'in.a': 4, 'in.b': 6, tail: 7 });
    expect(typesOf(T)).toEqual({ T_C: 3 });
    expect(typesOf(T)).toEqual({ T_C: 3 });
    expect([tables, structs, outer.size, inner.size]).toEqual([1, 1, 12, 3]);
  });
});

describe('re-encoding the decoded header and raw attributes', () => {
  it('reproduces every captured RTM_NEWLINK / RTM_NEWADDR payload byte for byte', () => {
    let n = 0;
    for (const m of [...messagesOf(LINKS), ...messagesOf(ADDR4), ...messagesOf(ADDR6)]) {
      const spec = RTNL_MESSAGES[m.type];
      if (!spec) continue;
      const d = decodeMessage(spec, m);
      const head = encodeStruct(spec.header, d.header);
      const pad = new Uint8Array(((spec.header.size + 3) & ~3) - spec.header.size);
      const again = concat(head, pad, encodeAttrs(spec.attrs, d.attrs.raw));
      expect(hex(again)).toBe(hex(m.payload));
      n++;
    }
    expect(n).toBe(8);
  });
});

describe('unknown attributes built by hand', () => {
  // ifaddrmsg {AF_INET, 24, 0, 0, ifindex 7} + IFA_LABEL "x" + type 200 (not in IFA) + type 201|NLA_F_NESTED
  const header = bytes('0218000007000000');
  const attrs = concat(
    nla(3, bytes('7800')),
    nla(200, bytes('010203')),
    nla(0x8000 | 201, nla(1, bytes('aabbccdd'))),
    nla(3, bytes('7900')), // a second IFA_LABEL: the first one wins
  );
  const payload = concat(header, attrs);

  it('lands in `other` with its type, flags and data; named ones are decoded', () => {
    const d = decodeMessage(RTNL_MESSAGES[RTM_NEWADDR]!, { type: RTM_NEWADDR, flags: 0, seq: 0, pid: 0, payload });
    expect(d.header).toEqual({ ifa_family: 2, ifa_prefixlen: 24, ifa_flags: 0, ifa_scope: 0, ifa_index: 7 });
    expect(d.attrs.values).toEqual({ IFA_LABEL: 'x' });
    expect(d.attrs.other.map((a) => [a.type, a.nested, a.rawType, hex(a.data)])).toEqual([
      [200, false, 200, '010203'],
      [201, true, 0x8000 | 201, '08000100aabbccdd'],
    ]);
    expect(d.attrs.raw.map((a) => a.type)).toEqual([3, 200, 201, 3]);
  });

  it('re-encodes to the same bytes (padding, flags and duplicates kept)', () => {
    const d = decodeAttrs(IFA, payload, 8);
    expect(hex(encodeAttrs(IFA, d.raw))).toBe(hex(attrs));
  });
});

// ------------------------------------------------------------------ malformed input

describe('malformed input throws, never loops or crashes', () => {
  const real = ADDR4.datagrams[0]!; // three RTM_NEWADDR: 76 + 88 + 76 bytes
  const boundaries = new Set<number>();
  for (let off = 0, dv = new DataView(real.buffer); off < real.length; ) {
    off += (dv.getUint32(off, true) + 3) & ~3;
    boundaries.add(off);
  }

  it('a datagram cut inside a message is a NetlinkError', () => {
    let cuts = 0;
    for (let len = 1; len < real.length; len++) {
      if (boundaries.has(len)) continue;
      const e = caught(() => splitMessages(real.subarray(0, len)));
      expect(e, `cut at ${len}`).toBeInstanceOf(NetlinkError);
      expect((e as NetlinkError).errno).toBe(71); // EPROTO
      cuts++;
    }
    expect(cuts).toBeGreaterThan(200);
  });

  it('a cut at a message boundary is a shorter, valid datagram', () => {
    expect(splitMessages(real.subarray(0, 76)).map((m) => m.type)).toEqual([RTM_NEWADDR]);
  });

  // The kernel only sends NLMSG_ALIGNed messages; iproute2's rtnl_dump_filter_l treats any
  // remnant after the last whole message as fatal ("!!!Remnant of size %d"), and so do we.
  it.each([1, 2, 3, 77, 78, 79])('a datagram cut at %i bytes (a remnant of 1..3 bytes) is a NetlinkError', (len) => {
    expect(caught(() => splitMessages(real.subarray(0, len)))).toBeInstanceOf(NetlinkError);
  });

  it('nlmsg_len 0, 8 and 15 are NetlinkErrors (no zero-length step)', () => {
    for (const len of [0, 8, 15]) {
      const d = Uint8Array.from(real.subarray(0, 32));
      new DataView(d.buffer).setUint32(0, len, true);
      const e = caught(() => splitMessages(d));
      expect(e, `nlmsg_len ${len}`).toBeInstanceOf(NetlinkError);
    }
  });

  it('nlmsg_len past the end of the datagram is a NetlinkError', () => {
    const d = Uint8Array.from(real);
    new DataView(d.buffer).setUint32(76, 1000, true); // second message claims 1000 bytes
    expect(caught(() => splitMessages(d))).toBeInstanceOf(NetlinkError);
  });

  it('an attribute whose nla_len runs past the message is a NetlinkError (DecodeError inside)', () => {
    const m = splitMessages(real)[1]!; // 10.1.2.3 label v0:5
    const payload = Uint8Array.from(m.payload);
    // first attribute (IFA_ADDRESS) sits right after the 8-byte ifaddrmsg
    new DataView(payload.buffer).setUint16(8, payload.length, true);
    const e = caught(() => decodeMessage(RTNL_MESSAGES[RTM_NEWADDR]!, { ...m, payload }));
    expect(e).toBeInstanceOf(NetlinkError);
    expect((e as NetlinkError).errno).toBe(71);
    expect(caught(() => decodeAttrs(IFA, payload, 8))).toBeInstanceOf(DecodeError);
    expect(caught(() => [...iterAttrs(payload, 8)])).toBeInstanceOf(DecodeError);
  });

  it('nla_len 0..3 is a DecodeError (no zero-length step)', () => {
    for (const len of [0, 1, 3]) {
      const buf = concat(bytes('0218000007000000'), Uint8Array.of(len, 0, 3, 0), bytes('78000000'));
      expect(caught(() => decodeAttrs(IFA, buf, 8)), `nla_len ${len}`).toBeInstanceOf(DecodeError);
    }
  });

  it('a payload shorter than the fixed header, or a short fixed-size attribute, is a NetlinkError', () => {
    const short = { type: RTM_NEWLINK, flags: 0, seq: 0, pid: 0, payload: new Uint8Array(12) };
    expect(caught(() => decodeMessage(RTNL_MESSAGES[RTM_NEWLINK]!, short))).toBeInstanceOf(NetlinkError);
    // IFA_FLAGS (u32) with a 2-byte payload
    const payload = concat(bytes('0218000007000000'), nla(8, bytes('8000')));
    const m = { type: RTM_NEWADDR, flags: 0, seq: 0, pid: 0, payload };
    expect(caught(() => decodeMessage(RTNL_MESSAGES[RTM_NEWADDR]!, m))).toBeInstanceOf(NetlinkError);
  });
});

// ------------------------------------------------------------------ the dump / request loop

const PORTID = 4242;

/**
 * A NetlinkSocket that answers each send() with datagrams from `answer(request, seq)`.
 * recv() with nothing queued throws, so a test can never hang. As the live socket does, recv()
 * hands each datagram over in one receive buffer that the next recv() overwrites.
 */
class FakeSocket implements NetlinkSocket {
  readonly portid = PORTID;
  readonly sent: Uint8Array[] = [];
  private queue: Uint8Array[] = [];
  private rxbuf = new Uint8Array(1 << 16);
  closed = false;

  constructor(private readonly answer: (req: Uint8Array, seq: number) => Uint8Array[]) {}

  send(msg: Uint8Array): void {
    this.sent.push(Uint8Array.from(msg));
    const seq = new DataView(msg.buffer, msg.byteOffset, msg.byteLength).getUint32(8, true);
    this.queue.push(...this.answer(msg, seq));
  }

  recv(): Uint8Array {
    const d = this.queue.shift();
    if (!d) throw new Error('FakeSocket: recv() with nothing queued');
    this.rxbuf.fill(0xee); // what a datagram left there is gone
    this.rxbuf.set(d);
    return this.rxbuf.subarray(0, d.length);
  }

  close(): void {
    this.closed = true;
  }
}

function fakeSys(sock: FakeSocket): Sys {
  const sys: Partial<Sys> = {
    netlinkOpen: (protocol: number) => {
      expect(protocol).toBe(NETLINK_ROUTE);
      return sock;
    },
  };
  return sys as Sys;
}

const linkReq = encodeStruct(ifinfomsg, { ifi_family: 0 });
const addrReq = (family: number) => encodeStruct(ifaddrmsg, { ifa_family: family });
const nameOf = (m: RawMessage) => decodeMessage(RTNL_MESSAGES[m.type]!, m).attrs.values.IFLA_IFNAME;

describe('Netlink.dumpAll / request over a fake socket', () => {
  it('replays the captured session: three dumps, an ACK, -EEXIST and -EINVAL with ext-ack', () => {
    const session = [LINKS, ADDR4, ADDR6, ACK, EEXIST, EINVAL];
    // the kernel addressed its answers to our port: put the port id back
    const sock = new FakeSocket((_req, seq) => session[seq - 1]!.datagrams.map((d) => rewrite(d, { pid: PORTID })));
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);

    const links = nl.dumpAll(RTM_GETLINK, linkReq);
    expect(links.map((m) => m.type)).toEqual([RTM_NEWLINK, RTM_NEWLINK, RTM_NEWLINK]);
    expect(links.map(nameOf)).toEqual(['lo', 'v1', 'v0']);
    expect(nl.dumpAll(RTM_GETADDR, addrReq(AF_INET))).toHaveLength(3);
    expect(nl.dumpAll(RTM_GETADDR, addrReq(AF_INET6))).toHaveLength(2);

    const req = concat(bytes('02200000'), le32(3), nla(2, bytes('0a090909')), nla(1, bytes('0a090909')));
    expect(nl.request(RTM_NEWADDR, 0x600, req)).toBeUndefined();

    const eexist = caught(() => nl.request(RTM_NEWADDR, 0x600, req)) as NetlinkError;
    expect(eexist).toBeInstanceOf(NetlinkError);
    expect(eexist.errno).toBe(17); // EEXIST
    expect(eexist.extack).toBe('ipv4: Address already assigned');

    const einval = caught(() => nl.request(RTM_NEWADDR, 0x600, req)) as NetlinkError;
    expect(einval.errno).toBe(22); // EINVAL
    expect(einval.extack).toBe('ipv4: Invalid prefix length');

    // what went out: nlmsghdr {len, type, flags, seq 1..6, pid 0}
    const hdr = (b: Uint8Array) => {
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      return [dv.getUint32(0, true), dv.getUint16(4, true), dv.getUint16(6, true), dv.getUint32(8, true), dv.getUint32(12, true)];
    };
    expect(sock.sent.map(hdr)).toEqual([
      [32, RTM_GETLINK, 0x301, 1, 0], // NLM_F_REQUEST|NLM_F_DUMP
      [24, RTM_GETADDR, 0x301, 2, 0],
      [24, RTM_GETADDR, 0x301, 3, 0],
      [40, RTM_NEWADDR, 0x605, 4, 0], // NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE
      [40, RTM_NEWADDR, 0x605, 5, 0],
      [40, RTM_NEWADDR, 0x605, 6, 0],
    ]);
    expect(hex(sock.sent[0]!.subarray(16))).toBe('00000000000000000000000000000000');
    nl.close();
    expect(sock.closed).toBe(true);
  });

  it('accepts answers with nlmsg_pid 0 as well', () => {
    const sock = new FakeSocket(() => LINKS.datagrams);
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    expect(nl.dumpAll(RTM_GETLINK, linkReq).map(nameOf)).toEqual(['lo', 'v1', 'v0']);
  });

  it('turns a dump NLMSG_ERROR into its errno and ext-ack text', () => {
    const TEXT = 'Invalid header for link dump';
    const sock = new FakeSocket((req, seq) => {
      const tlv = nla(1, Buffer.from(TEXT + '\0', 'latin1'));
      // struct nlmsgerr {error, the request's nlmsghdr + payload (not capped)} + TLVs
      return [nlmsg(NLMSG_ERROR, NLM_F_ACK_TLVS, seq, PORTID, concat(le32(-22), req, tlv))];
    });
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const e = caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError;
    expect(e).toBeInstanceOf(NetlinkError);
    expect(e.errno).toBe(22);
    expect(e.extack).toBe(TEXT);
  });

  it('reads the ext-ack after a capped echo (NLM_F_CAPPED: header only)', () => {
    const sock = new FakeSocket((req, seq) => {
      const tlv = nla(1, Buffer.from('capped text\0', 'latin1'));
      return [nlmsg(NLMSG_ERROR, NLM_F_ACK_TLVS | NLM_F_CAPPED, seq, PORTID, concat(le32(-95), req.subarray(0, 16), tlv))];
    });
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const e = caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError;
    expect([e.errno, e.extack]).toEqual([95, 'capped text']);
  });

  it('reports a negative int in NLMSG_DONE as the dump error', () => {
    const sock = new FakeSocket((_req, seq) => [
      rewrite(LINKS.datagrams[0]!, { seq }),
      nlmsg(NLMSG_DONE, NLM_F_MULTI, seq, 0, le32(-16)),
    ]);
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    expect((caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError).errno).toBe(16);
  });

  it('restarts a dump flagged NLM_F_DUMP_INTR and returns only the second run', () => {
    const [d0, d1, done] = LINKS.datagrams as [Uint8Array, Uint8Array, Uint8Array];
    const sock = new FakeSocket((_req, seq) => {
      if (seq === 1) {
        // lo and v1 arrive clean, then v0 and DONE carry NLM_F_DUMP_INTR
        return [rewrite(d0, { seq }), rewrite(d1, { seq, orFlags: NLM_F_DUMP_INTR }), rewrite(done, { seq, orFlags: NLM_F_DUMP_INTR })];
      }
      return [rewrite(d1, { seq }), rewrite(done, { seq })]; // second run: only v0
    });
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const got = nl.dumpAll(RTM_GETLINK, linkReq);
    expect(got.map(nameOf)).toEqual(['v0']);
    expect(got.map((m) => m.seq)).toEqual([2]);
    expect(sock.sent).toHaveLength(2);
  });

  it('gives up with EINTR when every run is interrupted', () => {
    const sock = new FakeSocket((_req, seq) => LINKS.datagrams.map((d) => rewrite(d, { seq, orFlags: NLM_F_DUMP_INTR })));
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const e = caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError;
    expect(e).toBeInstanceOf(NetlinkError);
    expect(e.errno).toBe(4);
    expect(sock.sent).toHaveLength(Netlink.DUMP_RETRIES);
  });

  it('rejects a message addressed to another port (ESRCH)', () => {
    const sock = new FakeSocket(() => LINKS.datagrams.map((d) => rewrite(d, { pid: 999 })));
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const e = caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError;
    expect(e).toBeInstanceOf(NetlinkError);
    expect(e.errno).toBe(3);
  });

  it('skips late answers to an earlier sequence number, rejects future ones', () => {
    const late = new FakeSocket((_req, seq) => [
      rewrite(ADDR4.datagrams[0]!, { seq: seq - 1 }), // a leftover of the previous request: skipped
      ...LINKS.datagrams.map((d) => rewrite(d, { seq })),
    ]);
    const nl2 = new Netlink(fakeSys(late), NETLINK_ROUTE);
    expect(nl2.dumpAll(RTM_GETLINK, linkReq).map(nameOf)).toEqual(['lo', 'v1', 'v0']);

    const future = new FakeSocket((_req, seq) => [rewrite(LINKS.datagrams[0]!, { seq: seq + 1 })]);
    const nl3 = new Netlink(fakeSys(future), NETLINK_ROUTE);
    expect((caught(() => nl3.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError).errno).toBe(71);
  });

  it('treats an empty datagram as EPROTO instead of waiting forever', () => {
    const sock = new FakeSocket(() => [new Uint8Array(0)]);
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    expect((caught(() => nl.dumpAll(RTM_GETLINK, linkReq)) as NetlinkError).errno).toBe(71);
  });

  it('hands a dump\'s messages on as views of their datagram, indexed in place', () => {
    const sock = new FakeSocket((_req, seq) => LINKS.datagrams.map((d) => rewrite(d, { seq })));
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const spec = RTNL_MESSAGES[RTM_NEWLINK]!;
    const tb = new AttrIndex(IFLA);
    const seen: { name: string | undefined; index: number; payload: number[]; kept: RawMessage }[] = [];
    nl.dump(RTM_GETLINK, linkReq, (m) => {
      const name = indexMessage(spec, m, tb).string(typesOf(IFLA).IFLA_IFNAME!);
      // the view's payload is its bytes of the datagram, the header read where it lies
      expect(m.data.subarray(m.start, m.end)).toEqual(m.payload);
      const index = new DataView(m.data.buffer, m.data.byteOffset + m.start).getInt32(4, true);
      seen.push({ name, index, payload: [...m.payload], kept: m.keep() });
    }, () => {});
    expect(seen.map((x) => x.name)).toEqual(['lo', 'v1', 'v0']);
    expect(seen.map((x) => x.index)).toEqual(seen.map((x) => decodeMessage(spec, x.kept).header.ifi_index));
    // what keep() gave is the message's own, whatever the view was moved to after it
    for (const x of seen) expect([...x.kept.payload]).toEqual(x.payload);
    expect(seen.map((x) => x.kept.type)).toEqual([RTM_NEWLINK, RTM_NEWLINK, RTM_NEWLINK]);
  });

  it('checks a whole datagram before handing on any message of it', () => {
    const [d0] = LINKS.datagrams as [Uint8Array];
    // a second message whose length runs past the datagram's end, after a good first one
    const first = new DataView(d0.buffer, d0.byteOffset).getUint32(0, true);
    const bad = concat(d0.subarray(0, first), le32(4096), d0.subarray(first + 4, first + 16));
    const sock = new FakeSocket((_req, seq) => [rewrite(bad, { seq })]);
    const nl = new Netlink(fakeSys(sock), NETLINK_ROUTE);
    const handed: number[] = [];
    const e = caught(() => nl.dump(RTM_GETLINK, linkReq, (m) => handed.push(m.type), () => {})) as NetlinkError;
    expect(e).toBeInstanceOf(NetlinkError);
    expect(e.errno).toBe(71);
    expect(e.message).toMatch(/length 4096 at offset/);
    expect(handed).toEqual([]);
  });
});

describe('decodeString: a C string as latin1, one char per byte', () => {
  it('keeps 0x80-0x9f as U+0080-U+009F (TextDecoder would give windows-1252 there)', () => {
    const bytes = Uint8Array.of(0x65, 0x80, 0x81, 0x8d, 0x9f, 0xa0, 0xe9, 0xff, 0, 0x41);
    const s = decodeString(bytes);
    expect([...s].map((ch) => ch.charCodeAt(0))).toEqual([0x65, 0x80, 0x81, 0x8d, 0x9f, 0xa0, 0xe9, 0xff]);
    expect(Buffer.from(s, 'latin1').equals(Buffer.from(bytes.subarray(0, 8)))).toBe(true);
  });

  it('reads every byte value the same way in a short string and in a long one', () => {
    const all = Uint8Array.from({ length: 255 }, (_, i) => i + 1);
    for (const len of [1, 63, 64, 65, 255]) {
      const s = decodeString(all.subarray(0, len));
      expect(s.length).toBe(len);
      expect([...s].map((ch) => ch.charCodeAt(0))).toEqual([...all.subarray(0, len)]);
    }
  });
});
