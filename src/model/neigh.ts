/**
 * The IPv4 neighbour table as /proc/net/arp shows it, read over rtnetlink instead.
 *
 * The kernel writes /proc/net/arp (net/ipv4/arp.c arp_seq_show) by walking the neighbour hash
 * table, skipping entries whose state is only NUD_NOARP or NUD_NONE (NEIGH_SEQ_SKIP_NOARP:
 * `!(nud_state & ~NUD_NOARP)`), and then the proxy (pneigh) hash table. An RTM_GETNEIGH dump
 * walks the same hash table in the same order (neigh_dump_table), and a dump with NTF_PROXY
 * walks the pneigh table (pneigh_dump_table); checked against the file on the running kernel.
 * Each line is what arp_format_neigh_entry / arp_format_pneigh_entry print:
 *   "%-16s 0x%-10x0x%-10x%-17s     *        %s"  (ip, dev->type, flags, hw address, dev)
 * with flags from arp_state_to_flags (PERMANENT: ATF_PERM|ATF_COM, other NUD_VALID: ATF_COM,
 * else 0), and ATF_PUBL|ATF_PERM, 00:00:00:00:00:00 and type 0 / dev "*" (no device) for proxies.
 */
import type { Sys } from '../sys/types.js';
import { AttrIndex, encodeStruct, i32le, iterAttrs, u16le } from '../netlink/codec.js';
import * as T from '../netlink/names/nda.js';
import * as NDM from '../netlink/names/ndmsg.js';
import {
  AF_INET, NDA, RTEXT_FILTER_SKIP_STATS, RTM_GETNEIGH, RTM_NEWNEIGH, RTNL_MESSAGES, ndmsg,
} from '../netlink/messages.js';
import { Netlink, indexMessage, type Message } from '../netlink/stream.js';
import { openRtnl, rtnl_linkdump } from '../netlink/rtnl.js';
import { inet_ntoa } from '../lib/inet.js';
import { ATF_COM, ATF_PERM, ATF_PUBL } from '../../compat/arp.js';

/** include/uapi/linux/neighbour.h */
export const NUD_INCOMPLETE = 0x01;
export const NUD_REACHABLE = 0x02;
export const NUD_STALE = 0x04;
export const NUD_DELAY = 0x08;
export const NUD_PROBE = 0x10;
export const NUD_FAILED = 0x20;
export const NUD_NOARP = 0x40;
export const NUD_PERMANENT = 0x80;
export const NUD_NONE = 0x00;
export const NUD_VALID = NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY;
export const NTF_PROXY = 0x08;

const ARPHRD_NETROM = 0;
const ARPHRD_AX25 = 3;
/** arp_format_neigh_entry's char hbuffer[HBUFFERLEN] */
const HBUFFERLEN = 30;

/** One line of /proc/net/arp, as arp_show() scans it ("%s 0x%x 0x%x %99s %99s %99s"). */
export interface ArpLine {
  ip: string;
  type: number;
  flags: number;
  /** "" when the kernel printed no hardware address (a device with addr_len 0) */
  hwa: string;
  mask: string;
  dev: string;
}

/** What the link dump tells about a device. */
export interface LinkInfo {
  index: number;
  name: string;
  type: number;
  addrLen: number;
  address: Uint8Array;
  /** dev_get_flags() */
  flags: number;
  /** IFLA_GROUP */
  group: number;
  /** the device has IPv4 (an in_device): IFLA_AF_SPEC carries an AF_INET part */
  hasInet: boolean;
  /** its IPv4 devconf values (IFLA_INET_CONF), index = IPV4_DEVCONF_* - 1 */
  inetConf: number[];
}

const IFLA_INET_CONF = 1;

/** IFLA_AF_SPEC's AF_INET part: present or not, and its IFLA_INET_CONF array. */
function inetSpec(spec: Uint8Array | undefined): { hasInet: boolean; inetConf: number[] } {
  const out = { hasInet: false, inetConf: [] as number[] };
  if (!spec) return out;
  for (const af of iterAttrs(spec, 0, 'IFLA_AF_SPEC')) {
    if (af.type !== AF_INET) continue;
    out.hasInet = true;
    for (const a of iterAttrs(af.data, 0, 'IFLA_AF_SPEC.AF_INET')) {
      if (a.type !== IFLA_INET_CONF) continue;
      // a plain u32 array in answers (inet_fill_link_af), nested attributes only when setting
      const dv = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
      for (let i = 0; i + 4 <= a.data.length; i += 4) out.inetConf.push(dv.getUint32(i, true));
    }
  }
  return out;
}

export function linkInfo(m: Message): LinkInfo {
  const v = m.attrs.values;
  const address = (v.IFLA_ADDRESS as Uint8Array | undefined) ?? new Uint8Array(0);
  return {
    index: Number(m.header.ifi_index),
    name: String(v.IFLA_IFNAME ?? ''),
    type: Number(m.header.ifi_type),
    addrLen: address.length,
    address,
    flags: Number(m.header.ifi_flags),
    group: Number(v.IFLA_GROUP ?? 0),
    ...inetSpec(v.IFLA_AF_SPEC as Uint8Array | undefined),
  };
}

/** Every link, without counters (they are not needed and only make the dump long). */
export function links(nl: Netlink): LinkInfo[] {
  return rtnl_linkdump(nl, [['IFLA_EXT_MASK', RTEXT_FILTER_SKIP_STATS]]).map(linkInfo);
}

/** net/ipv4/arp.c ax2asc2: an AX.25 call sign, "-ssid" always, "*" when empty. */
export function ax2asc2(a: Uint8Array): string {
  let s = '';
  for (let n = 0; n < 6; n++) {
    const c = ((a[n] ?? 0) >> 1) & 0x7f;
    if (c !== 0x20) s += String.fromCharCode(c);
  }
  s += '-';
  let n = ((a[6] ?? 0) >> 1) & 0x0f;
  if (n > 9) {
    s += '1';
    n -= 10;
  }
  s += String.fromCharCode(n + 0x30);
  // C strings end at the first NUL: a call sign byte of 0 ends the text there
  const nul = s.indexOf('\0');
  const text = nul >= 0 ? s.slice(0, nul) : s;
  if (text === '' || text[0] === '-') return '*';
  return text;
}

/** The hardware address column of arp_format_neigh_entry. */
export function kernelHwText(type: number, ha: Uint8Array, addrLen: number): string {
  if (type === ARPHRD_AX25 || type === ARPHRD_NETROM) return ax2asc2(ha);
  let s = '';
  for (let j = 0; s.length < HBUFFERLEN - 3 && j < addrLen; j++) {
    s += (ha[j] ?? 0).toString(16).padStart(2, '0') + ':';
  }
  return s.slice(0, -1);
}

/** arp_state_to_flags() */
export function stateToFlags(state: number): number {
  if (state & NUD_PERMANENT) return ATF_PERM | ATF_COM;
  if (state & NUD_VALID) return ATF_COM;
  return 0;
}

/**
 * The lines /proc/net/arp would hold: the neighbours (hash order, NOARP/NONE skipped), then the
 * proxy entries, each handed to `onLine` as its dump streams in (20k neighbours are never held
 * decoded). A dump the kernel flags as interrupted calls `onRestart` and everything is given
 * again from the first line.
 */
export function streamArpTable(sys: Sys, onLine: (l: ArpLine) => void, onRestart: () => void): void {
  const nl = openRtnl(sys);
  try {
    const byIndex = new Map<number, LinkInfo>();
    for (const l of links(nl)) byIndex.set(l.index, l);
    const spec = RTNL_MESSAGES[RTM_NEWNEIGH]!;
    const tb = new AttrIndex(NDA);
    /** one run of the neighbour (or proxy) dump; true when the kernel flagged it interrupted */
    const dumpOnce = (proxy: boolean): boolean => {
      const payload = encodeStruct(ndmsg, { ndm_family: AF_INET, ndm_flags: proxy ? NTF_PROXY : 0 });
      return nl.dumpOnce(RTM_GETNEIGH, payload, (raw) => {
        if (raw.type !== RTM_NEWNEIGH) return;
        indexMessage(spec, raw, tb);
        // the ndmsg read where it lies in the datagram
        const h = raw.data;
        const at = raw.start;
        const dst = tb.bytes(T.NDA_DST!);
        if (!dst || dst.length !== 4) return;
        const index = i32le(h, at + NDM.ndm_ifindex!);
        if (proxy) {
          const dev = index ? byIndex.get(index) : undefined;
          onLine({ ip: inet_ntoa(dst), type: dev?.type ?? 0, flags: ATF_PUBL | ATF_PERM, hwa: '00:00:00:00:00:00', mask: '*', dev: dev ? dev.name : '*' });
          return;
        }
        const state = u16le(h, at + NDM.ndm_state!);
        if ((state & ~NUD_NOARP) === 0) return;
        const dev = byIndex.get(index);
        const type = dev?.type ?? 0;
        const addrLen = dev?.addrLen ?? 0;
        const ha = tb.bytes(T.NDA_LLADDR!) ?? new Uint8Array(addrLen);
        onLine({ ip: inet_ntoa(dst), type, flags: stateToFlags(state), hwa: kernelHwText(type, ha, addrLen), mask: '*', dev: dev?.name ?? '' });
      });
    };
    // an interrupted dump starts the whole table again: the neighbours, then the proxies
    Netlink.untilWhole(() => dumpOnce(false) || dumpOnce(true), onRestart);
  } finally {
    nl.close();
  }
}
