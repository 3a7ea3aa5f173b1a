/** The print side of net-tools' lib/interface.c: ife_print_short, ife_print_long. */
import type { Interface } from '../model/interface.js';
import { sprintf } from './printf.js';
import { inet_ntoa, inet_ntop6 } from '../lib/inet.js';
import {
  BYTE_UNITS, IFF, IF_PORT_TEXT, IPV6_ADDR_COMPATv4, IPV6_ADDR_LINKLOCAL, IPV6_ADDR_LOOPBACK,
  IPV6_ADDR_SITELOCAL, LONG_FLAG_NAMES, LONG_FMT, SCOPE_WORDS, SHORT_FLAG_LETTERS, SHORT_FMT,
  SHORT_NO_FLAGS, SHORT_NO_STATS,
} from '../../compat/ifconfig.js';
import { get_hwntype, hw_null_address } from '../../compat/hwtypes.js';

const ARPHRD_CSLIP = 257;
const ARPHRD_CSLIP6 = 259;

export function ife_print_short(p: Interface): string {
  let out = sprintf(SHORT_FMT.name, p.name) + sprintf(SHORT_FMT.mtu, p.mtu);
  if (p.statistics_valid) {
    const s = p.stats;
    out += sprintf(SHORT_FMT.rx, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_fifo_errors);
    out += sprintf(SHORT_FMT.tx, s.tx_packets, s.tx_errors, s.tx_dropped, s.tx_fifo_errors);
  } else {
    out += sprintf(SHORT_FMT.nostats, SHORT_NO_STATS);
  }
  if (p.flags === 0) out += SHORT_NO_FLAGS;
  for (const [bit, letter] of SHORT_FLAG_LETTERS) if (p.flags & bit) out += letter;
  return out + '\n';
}

/** `(%lu.%lu %s)` parts: truncated binary units, strictly-greater thresholds. */
function byteUnits(bytes: bigint): [bigint, bigint, string] {
  let short = BigInt.asUintN(64, bytes * 10n);
  let unit = 'B';
  // indexed, without destructuring: an array pattern is an iterator protocol of bytecode,
  // which made this function of four lines one of the largest V8 compiles at ifconfig's start
  for (let i = 0; i < BYTE_UNITS.length; i++) {
    const u = BYTE_UNITS[i]!;
    if (bytes > u[0]) {
      short = u[2] === 'EiB' ? bytes / u[1] : short / u[1];
      unit = u[2];
      break;
    }
  }
  return [short / 10n, short % 10n, unit];
}

export function ife_print_long(p: Interface): string {
  const hw = get_hwntype(p.type) ?? get_hwntype(-1)!;
  const canCompress = p.type === ARPHRD_CSLIP || p.type === ARPHRD_CSLIP6;

  let flags = sprintf('flags=%d<', p.flags);
  if (p.flags === 0) flags += '>';
  for (const [bit, name] of LONG_FLAG_NAMES) if (p.flags & bit) flags += name + ',';
  // the last ',' becomes '>'; otherwise the last character is dropped (so flags=0 prints "flags=0<")
  flags = flags.endsWith(',') ? flags.slice(0, -1) + '>' : flags.slice(0, -1);

  let out = sprintf(LONG_FMT.head, p.name, flags, p.mtu);
  if (p.outfill || p.keepalive) out += sprintf(LONG_FMT.outfill, p.outfill, p.keepalive);
  out += '\n';

  if (p.has_ip) {
    out += sprintf(LONG_FMT.inet, 'inet', inet_ntoa(p.addr));
    out += sprintf(LONG_FMT.netmask, inet_ntoa(p.netmask));
    if (p.flags & IFF.BROADCAST) out += sprintf(LONG_FMT.broadcast, inet_ntoa(p.broadaddr));
    if (p.flags & IFF.POINTOPOINT) out += sprintf(LONG_FMT.destination, inet_ntoa(p.dstaddr));
    out += '\n';
  }

  for (const a of p.inet6) {
    out += sprintf(LONG_FMT.inet6, 'inet6', fix_v4_address(inet_ntop6(a.addr), a.addr), a.prefixlen);
    let scope = a.scope;
    out += sprintf(LONG_FMT.scopeid, scope);
    let words = '<';
    if (scope & IPV6_ADDR_COMPATv4) {
      words += SCOPE_WORDS.compat + ',';
      scope -= IPV6_ADDR_COMPATv4;
    }
    if (scope === 0) words += SCOPE_WORDS.global + ',';
    if (scope & IPV6_ADDR_LINKLOCAL) words += SCOPE_WORDS.link + ',';
    if (scope & IPV6_ADDR_SITELOCAL) words += SCOPE_WORDS.site + ',';
    if (scope & IPV6_ADDR_LOOPBACK) words += SCOPE_WORDS.host + ',';
    words = words.endsWith(',') ? words.slice(0, -1) + '>' : words.slice(0, -1);
    out += words + '\n';
  }

  if (hw.print !== null && !(hw_null_address(hw, p.hwaddr) && hw.suppressNullAddr)) {
    out += sprintf(LONG_FMT.hw, hw.name, hw.print(p.hwaddr));
  } else {
    out += sprintf(LONG_FMT.hwNoAddr, hw.name);
  }
  if (p.tx_queue_len !== -1) out += sprintf(LONG_FMT.txqueuelen, p.tx_queue_len);
  out += sprintf(LONG_FMT.hwTitle, hw.title);

  if (p.flags & IFF.PORTSEL) {
    // if_port_text[port][0]: past the table's end C prints a NULL pointer as "(null)"
    out += sprintf(LONG_FMT.media, IF_PORT_TEXT[p.map.port] ?? '(null)');
    if (p.flags & IFF.AUTOMEDIA) out += LONG_FMT.autoselect;
    out += '\n';
  }

  if (p.statistics_valid) {
    const s = p.stats;
    const [rxw, rxf, rxu] = byteUnits(s.rx_bytes);
    const [txw, txf, txu] = byteUnits(s.tx_bytes);
    out += LONG_FMT.indent + sprintf(LONG_FMT.rxPackets, s.rx_packets, s.rx_bytes, rxw, rxf, rxu);
    if (canCompress) out += LONG_FMT.indent + sprintf(LONG_FMT.rxCompressed, s.rx_compressed);
    out += LONG_FMT.indent + sprintf(LONG_FMT.rxErrors, s.rx_errors, s.rx_dropped, s.rx_fifo_errors, s.rx_frame_errors);
    out += LONG_FMT.indent + sprintf(LONG_FMT.txPackets, s.tx_packets, s.tx_bytes, txw, txf, txu);
    if (canCompress) out += LONG_FMT.indent + sprintf(LONG_FMT.txCompressed, s.tx_compressed);
    out += LONG_FMT.indent + sprintf(LONG_FMT.txErrors, s.tx_errors, s.tx_dropped, s.tx_fifo_errors, s.tx_carrier_errors, s.collisions);
  }

  const m = p.map;
  if (m.irq || m.mem_start || m.dma || m.base_addr >= 0x100) {
    out += LONG_FMT.device;
    if (m.irq) out += sprintf(LONG_FMT.irq, m.irq);
    if (m.base_addr >= 0x100) out += sprintf(LONG_FMT.base, m.base_addr);
    if (m.mem_start) out += sprintf(LONG_FMT.memory, m.mem_start, m.mem_end);
    if (m.dma) out += sprintf(LONG_FMT.dma, m.dma);
    out += '\n';
  }
  return out + '\n';
}

/** lib/inet6.c fix_v4_address: a v4-mapped address prints as its bare IPv4 part. */
export function fix_v4_address(text: string, a: Uint8Array): string {
  const mapped = a.subarray(0, 10).every((b) => b === 0) && a[10] === 0xff && a[11] === 0xff;
  if (!mapped) return text;
  let s = text.indexOf('.');
  if (s < 0) return text;
  while (s > 0 && text[s] !== ':') s--;
  return text[s] === ':' ? text.slice(s + 1) : text;
}

export function ife_print(p: Interface, short: boolean): string {
  return short ? ife_print_short(p) : ife_print_long(p);
}
