/**
 * src/model/interface.ts: an interface's /proc/net/dev counters as if_fetch reads them from its
 * link message, IFLA_STATS64 (u64) or, without it, IFLA_STATS (u32), and its struct ifmap from
 * IFLA_MAP, over a fake netlink socket that answers the three dumps of IfWorld with messages made
 * by the codec from the tables.
 */
import { describe, expect, it } from 'vitest';
import { encodeAttrs, encodeStruct, type Struct } from '../../src/netlink/codec.js';
import {
  IFLA, NETLINK_ROUTE, NLM_F_MULTI, NLMSG_DONE, RTM_GETADDR, RTM_GETLINK, RTM_NEWLINK, ifinfomsg, rtnl_link_stats,
  type LinkStatsField,
} from '../../src/netlink/messages.js';
import { buildMessage, type RawMessage } from '../../src/netlink/stream.js';
import { IfWorld, type IfStats } from '../../src/model/interface.js';
import type { NetlinkSocket, Sys } from '../../src/sys/types.js';

const PORTID = 77;
/** the counters of struct rtnl_link_stats, in their order (rtnl_link_stats64 begins with them) */
const STATS_FIELDS = rtnl_link_stats.fields.map((f) => f[0] as LinkStatsField);

/** one RTM_NEWLINK message with a name and the given stats attributes */
function link(index: number, name: string, stats: [string, Struct][]): Uint8Array {
  const payload = Buffer.concat([
    encodeStruct(ifinfomsg, { ifi_family: 0, ifi_type: 1, ifi_index: index, ifi_flags: 0x1043 }),
    encodeAttrs(IFLA, [['IFLA_IFNAME', name], ['IFLA_MTU', 1500], ...stats]),
  ]);
  return buildMessage(RTM_NEWLINK, NLM_F_MULTI, 0, payload);
}

/** a datagram of messages, each with the request's seq and our port */
function datagram(msgs: Uint8Array[], seq: number): Uint8Array {
  const out = Buffer.concat([...msgs, buildMessage(NLMSG_DONE, NLM_F_MULTI, 0, new Uint8Array(4))]);
  for (let off = 0; off < out.length; off += out.readUInt32LE(off)) {
    out.writeUInt32LE(seq, off + 8);
    out.writeUInt32LE(PORTID, off + 12);
  }
  return out;
}

function world(links: Uint8Array[]): IfWorld {
  const queue: Uint8Array[] = [];
  const sock: NetlinkSocket = {
    portid: PORTID,
    send(msg) {
      const type = msg[4]! | (msg[5]! << 8);
      const seq = new DataView(msg.buffer, msg.byteOffset).getUint32(8, true);
      expect([RTM_GETLINK, RTM_GETADDR]).toContain(type);
      queue.push(datagram(type === RTM_GETLINK ? links : [], seq));
    },
    recv: () => queue.shift()!,
    close() {},
  };
  const sys: Partial<Sys> = { netlinkOpen: (protocol) => (expect(protocol).toBe(NETLINK_ROUTE), sock) };
  return new IfWorld(sys as Sys);
}

/** counters 1, 2, 3, ... in STATS_FIELDS order (times `scale`, which makes them need 64 bits) */
function counters(scale: bigint, wide: boolean): Struct {
  const s: Struct = {};
  STATS_FIELDS.forEach((f, i) => (s[f] = wide ? BigInt(i + 1) * scale : (i + 1) * Number(scale)));
  if (wide) s.rx_otherhost_dropped = 999n;
  return s;
}

/** dev_seq_printf_stats's columns of those counters */
function expected(c: (f: LinkStatsField) => bigint): IfStats {
  return {
    rx_bytes: c('rx_bytes'),
    rx_packets: c('rx_packets'),
    rx_errors: c('rx_errors'),
    rx_dropped: c('rx_dropped') + c('rx_missed_errors'),
    rx_fifo_errors: c('rx_fifo_errors'),
    rx_frame_errors: c('rx_length_errors') + c('rx_over_errors') + c('rx_crc_errors') + c('rx_frame_errors'),
    rx_compressed: c('rx_compressed'),
    rx_multicast: c('multicast'),
    tx_bytes: c('tx_bytes'),
    tx_packets: c('tx_packets'),
    tx_errors: c('tx_errors'),
    tx_dropped: c('tx_dropped'),
    tx_fifo_errors: c('tx_fifo_errors'),
    collisions: c('collisions'),
    tx_carrier_errors: c('tx_carrier_errors') + c('tx_aborted_errors') + c('tx_window_errors') + c('tx_heartbeat_errors'),
    tx_compressed: c('tx_compressed'),
  };
}

const nth = (scale: bigint) => (f: LinkStatsField): bigint => BigInt(STATS_FIELDS.indexOf(f) + 1) * scale;
const plain = (s: IfStats | undefined): Record<string, bigint> => ({ ...s });

describe('if_fetch: the /proc/net/dev counters of a link', () => {
  const big = 1n << 40n;
  const w = world([
    link(1, 'wide0', [['IFLA_STATS64', counters(big, true)], ['IFLA_STATS', counters(7n, false)]]),
    link(2, 'narrow0', [['IFLA_STATS', counters(1000n, false)]]),
    link(3, 'none0', []),
    link(4, 'fifteen-chars-x', [['IFLA_STATS64', counters(5n, true)]]),
    link(5, 'map0', [['IFLA_MAP', { mem_start: 0xfe000000n, mem_end: 0xfe0fffffn, base_addr: 0x1e300n, irq: 0x10b, dma: 3, port: 4 }]]),
  ]);

  it('reads IFLA_STATS64 when the link has it (and not IFLA_STATS)', () => {
    expect(plain(w.if_fetch('wide0')?.stats)).toEqual(expected(nth(big)));
  });

  it('reads the 32-bit IFLA_STATS of a link without IFLA_STATS64', () => {
    expect(plain(w.if_fetch('narrow0')?.stats)).toEqual(expected(nth(1000n)));
  });

  it('gives 0 for every counter of a link without statistics', () => {
    expect(Object.values(plain(w.if_fetch('none0')?.stats))).toEqual(new Array(16).fill(0n));
  });

  it('gives 0 for every counter of a 15-byte name, as Debian net-tools 2.10 does', () => {
    expect(Object.values(plain(w.if_fetch('fifteen-chars-x')?.stats))).toEqual(new Array(16).fill(0n));
  });

  it('reads struct ifmap from IFLA_MAP, base_addr cut to 16 bits and irq to 8 as SIOCGIFMAP does', () => {
    expect({ ...w.if_fetch('map0')?.map }).toEqual({ mem_start: 0xfe000000n, mem_end: 0xfe0fffffn, base_addr: 0xe300, irq: 0x0b, dma: 3, port: 4 });
    expect({ ...w.if_fetch('none0')?.map }).toEqual({ mem_start: 0n, mem_end: 0n, base_addr: 0, irq: 0, dma: 0, port: 0 });
  });
});
