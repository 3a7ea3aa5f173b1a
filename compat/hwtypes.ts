/**
 * The legacy hardware-type table (struct hwtype) of net-tools 2.10, as data.
 *
 * Upstream: lib/hw.c (table, hwinit() titles, lookups, print_hwlist, hw_null_address),
 * lib/net-support.h:58-67 (struct hwtype), and one file per type (see each entry).
 * The compiled-in set is Debian's debian/config.h for net-tools 2.10-0.1+deb12u2:
 * HAVE_HWSTRIP 0, HAVE_HWTR 0, HAVE_HWIB undefined (so `#if HAVE_HWIB` is false), every other
 * HW type 1 (including HAVE_HWEC, although `-V` does not print it).  Type numbers are the
 * glibc <net/if_arp.h> ARPHRD_* values the Debian build saw (so ARPHRD_ASH is 781, not the
 * private fallback 517 in lib/ash.c, and ARPHRD_HDLC is ARPHRD_CISCO, 513).
 *
 * Byte strings follow the project convention (src/sys/types.ts): a `string` holding C bytes
 * is latin1, one char per byte.  Printers return such strings; `input` parsers read their
 * text argument that way (a char code above 0xFF counts as a non-ASCII byte).
 *
 * Printers take the buffer net-tools hands them.  C reads past whatever the kernel filled in
 * (ifconfig: lib/interface.c:439-441 copies only the first 8 bytes of ifr_hwaddr.sa_data into
 * the 32-byte ife->hwaddr; arp.c:260 passes ifr_hwaddr.sa_data), so here a byte beyond the end
 * of the given Uint8Array reads as 0: pass a buffer of the right size if the tail matters.
 */
import { LITTLE_ENDIAN } from '../src/netlink/codec.js';

/**
 * Whether plain `char` is signed for the build we mimic.  It changes what pr_ash and
 * irda_print print for bytes >= 0x80 (they pass a `char` to %x).  Debian amd64/i386: signed;
 * the Linux ABIs of arm, arm64, powerpc, s390 and riscv make char unsigned.
 */
export const CHAR_IS_SIGNED: boolean = !['arm', 'arm64', 'ppc', 'ppc64', 's390', 's390x', 'riscv64'].includes(
  process.arch,
);


/** struct hwtype (lib/net-support.h:58-67). */
export interface HwType {
  /** `name` field, e.g. "ether" */
  readonly name: string;
  /** English title set by hwinit() (lib/hw.c:163-237) */
  readonly title: string;
  /** ARPHRD_* value; -1 for unspec */
  readonly type: number;
  /** address length in bytes; 0 = not ARP-capable (print_hwlist(1) skips it) */
  readonly alen: number;
  /** `suppress_null_addr`: ifconfig omits an all-zero address (lib/interface.c:853-857) */
  readonly suppressNullAddr: boolean;
  /** `print`, or null where the C table has NULL (ifconfig then prints the name alone) */
  readonly print: ((hw: Uint8Array) => string) | null;
  /**
   * `input` (the hw-level one, e.g. AX25_hinput), present exactly where the C pointer is
   * non-NULL (ifconfig.c:701 "has no handler to set address" tests that).  Returns null
   * where C returns < 0, else the bytes C wrote at sa_data[0...] (it may write fewer than
   * `alen`: in_ether("1:2") writes 2 bytes, in_ether("") none; the rest of the caller's
   * sockaddr keeps what it held, zeros after arp.c's memset).  `stderr` receives what the
   * C function itself prints to stderr (only in_ash does); default process.stderr.
   */
  readonly input?: (text: string, stderr?: (text: string) => void) => Uint8Array | null;
  /** `activate` is non-NULL (only ppp: do_ppp, lib/ppp.c:42-46; slattach's business) */
  readonly hasActivate: boolean;
}

// ---------------------------------------------------------------------------------------
// small C helpers

/** ptr[i] & 0377: a byte of the buffer, 0 beyond its end */
function at(hw: Uint8Array, i: number): number {
  return i < hw.length ? hw[i]! : 0;
}

/** the value a plain `char` holding byte b has when promoted to int */
function charValue(b: number): number {
  return CHAR_IS_SIGNED && b >= 0x80 ? b - 0x100 : b;
}

/** printf %x / %X of an int argument (converted to unsigned int), zero-padded to width */
function hexInt(v: number, width: number, upper = false): string {
  const s = (v >>> 0).toString(16).padStart(width, '0');
  return upper ? s.toUpperCase() : s;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

function HEX2(b: number): string {
  return b.toString(16).padStart(2, '0').toUpperCase();
}

/** text as the bytes of a NUL-terminated C string (latin1 chars; stops at a NUL) */
function cBytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) break;
    out.push(c > 0xff ? 0x80 | (c & 0x7f) : c);
  }
  return out;
}

/** ctype in the C (or a UTF-8) locale: only ASCII classifies */
const isdigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isupper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const islower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isspace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** value of a hex digit as lib/ether.c tests it (isdigit, a-f, A-F), or -1 */
function hexDigit(c: number): number {
  if (isdigit(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * glibc strtol(s + start, &end, base) for base 10 or 16 on a byte array that ends with an
 * implicit NUL.  Returns the `long` value (clamped on overflow) and the end index.
 */
function strtol(s: number[], start: number, base: 10 | 16): { value: bigint; end: number } {
  const ch = (i: number): number => (i < s.length ? s[i]! : 0);
  const digit = (c: number): number => {
    const d = base === 16 ? hexDigit(c) : isdigit(c) ? c - 0x30 : -1;
    return d;
  };
  let i = start;
  while (isspace(ch(i))) i++;
  let neg = false;
  if (ch(i) === 0x2d) {
    neg = true;
    i++;
  } else if (ch(i) === 0x2b) {
    i++;
  }
  if (base === 16 && ch(i) === 0x30 && (ch(i + 1) | 0x20) === 0x78 && digit(ch(i + 2)) >= 0) i += 2;
  const first = i;
  let v = 0n;
  let overflow = false;
  while (digit(ch(i)) >= 0) {
    if (!overflow) {
      v = v * BigInt(base) + BigInt(digit(ch(i)));
      if (v > LONG_MAX + 1n) overflow = true;
    }
    i++;
  }
  if (i === first) return { value: 0n, end: start }; // no digits: endptr = nptr
  if (neg) v = -v;
  if (overflow || v > LONG_MAX) v = neg ? LONG_MIN : LONG_MAX;
  if (v < LONG_MIN) v = LONG_MIN;
  return { value: v, end: i };
}

/** glibc atoi: (int) strtol(s, NULL, 10) */
function atoi(s: number[], start: number): number {
  return Number(BigInt.asIntN(32, strtol(s, start, 10).value));
}

function defaultStderr(text: string): void {
  process.stderr.write(Buffer.from(text, 'latin1'));
}

// ---------------------------------------------------------------------------------------
// printers and parsers, one per upstream function

/** lib/loopback.c:35-47 pr_unspec: sizeof(struct sockaddr) = 16 bytes as "%02X-", last '-' cut */
function pr_unspec(hw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < 16; i++) parts.push(HEX2(at(hw, i)));
  return parts.join('-');
}

/** lib/ether.c:38-47 pr_ether: "%02x:" six times, lower case */
function pr_ether(hw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push(hex2(at(hw, i)));
  return parts.join(':');
}

/**
 * The hex-pair loop shared by lib/ether.c:56-124 in_ether (n = ETH_ALEN 6) and
 * lib/eui64.c:70-144 in_eui64 (n = EUI64_ALEN 8): a second digit is optional (':' or end
 * closes a one-digit byte), a ':' after a byte is skipped (so after a one-digit byte two
 * colons are skipped: "1::2" reads 01:02), parsing stops after n bytes and trailing text is
 * ignored (the checks are under _DEBUG, 0 in the Debian build), "" is accepted (no bytes).
 */
function inHexLoose(text: string, n: number): Uint8Array | null {
  const s = cBytes(text);
  const ch = (i: number): number => (i < s.length ? s[i]! : 0);
  const out: number[] = [];
  let p = 0;
  while (ch(p) !== 0 && out.length < n) {
    let val = hexDigit(ch(p++));
    if (val < 0) return null;
    val <<= 4;
    const c = ch(p);
    const d = hexDigit(c);
    if (d >= 0) val |= d;
    else if (c === 0x3a || c === 0) val >>= 4;
    else return null;
    if (c !== 0) p++;
    out.push(val & 0xff);
    if (ch(p) === 0x3a) p++;
  }
  return Uint8Array.from(out);
}

/**
 * The strict hex-pair loop of lib/arcnet.c:53-116 in_arcnet (n = 1), lib/fddi.c:67-130
 * in_fddi (n = FDDI_K_ALEN 6), lib/hippi.c:67-129 in_hippi (n = HIPPI_ALEN 6): both digits
 * required, one optional ':' after each byte, trailing text ignored, "" accepted (no bytes).
 */
function inHexStrict(text: string, n: number): Uint8Array | null {
  const s = cBytes(text);
  const ch = (i: number): number => (i < s.length ? s[i]! : 0);
  const out: number[] = [];
  let p = 0;
  while (ch(p) !== 0 && out.length < n) {
    const hi = hexDigit(ch(p++));
    if (hi < 0) return null;
    const lo = hexDigit(ch(p++));
    if (lo < 0) return null;
    out.push(((hi << 4) | lo) & 0xff);
    if (ch(p) === 0x3a) p++;
  }
  return Uint8Array.from(out);
}

/** lib/ether.c:56-124 in_ether */
function in_ether(text: string): Uint8Array | null {
  return inHexLoose(text, 6);
}

/** lib/eui64.c:52-61 pr_eui64: "%02X:" eight times */
function pr_eui64(hw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) parts.push(HEX2(at(hw, i)));
  return parts.join(':');
}

/** lib/eui64.c:70-144 in_eui64 */
function in_eui64(text: string): Uint8Array | null {
  return inHexLoose(text, 8);
}

/** lib/arcnet.c:38-44 pr_arcnet: "%02X" of the first byte */
function pr_arcnet(hw: Uint8Array): string {
  return HEX2(at(hw, 0));
}

/** lib/arcnet.c:53-116 in_arcnet */
function in_arcnet(text: string): Uint8Array | null {
  return inHexStrict(text, 1);
}

/** lib/fddi.c:49-58 pr_fddi: "%02X-" six times */
function pr_fddi(hw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push(HEX2(at(hw, i)));
  return parts.join('-');
}

/** lib/fddi.c:67-130 in_fddi */
function in_fddi(text: string): Uint8Array | null {
  return inHexStrict(text, 6);
}

/** lib/hippi.c:49-58 pr_hippi: "%02X:" six times */
function pr_hippi(hw: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) parts.push(HEX2(at(hw, i)));
  return parts.join(':');
}

/** lib/hippi.c:67-129 in_hippi */
function in_hippi(text: string): Uint8Array | null {
  return inHexStrict(text, 6);
}

/**
 * lib/irda.c:62-70 irda_print: snprintf(buff, 12, "%02x:%02x:%02x:%02x", ptr[3], ptr[2],
 * ptr[1], ptr[0]) with plain (signed on x86) chars, so a byte >= 0x80 prints as "ffffff80",
 * and the result is cut to 11 chars.
 */
function irda_print(hw: Uint8Array): string {
  const s = [3, 2, 1, 0].map((i) => hexInt(charValue(at(hw, i)), 2)).join(':');
  return s.slice(0, 11);
}

/** lib/frame.c:40-47 pr_dlci: the first two bytes as a host-order short, "%i" */
function pr_dlci(hw: Uint8Array): string {
  const lo = LITTLE_ENDIAN ? at(hw, 0) : at(hw, 1);
  const hi = LITTLE_ENDIAN ? at(hw, 1) : at(hw, 0);
  const v = (hi << 8) | lo;
  return String(v >= 0x8000 ? v - 0x10000 : v);
}

/** lib/tunnel.c:24-27 pr_tunnel: always "" */
function pr_tunnel(_hw: Uint8Array): string {
  return '';
}

/** lib/tunnel.c:30-33 in_tunnel: always fails */
function in_tunnel(_text: string): Uint8Array | null {
  return null;
}

/**
 * lib/ax25.c:50-65 AX25_print and lib/netrom.c:55-70 NETROM_print (identical): six bytes
 * shifted right by one, cut at the first NUL or blank, then "-%d" of (ptr[6] & 0x1E) >> 1
 * when non-zero.
 */
function pr_ax25call(hw: Uint8Array): string {
  let call = '';
  for (let i = 0; i < 6; i++) {
    const c = at(hw, i) >> 1;
    if (c === 0 || c === 0x20) break;
    call += String.fromCharCode(c);
  }
  const ssid = (at(hw, 6) & 0x1e) >> 1;
  return ssid !== 0 ? `${call}-${ssid}` : call;
}

/**
 * lib/ax25.c:86-144 AX25_input via AX25_hinput (157-164), and lib/netrom.c:90-149
 * NETROM_input via NETROM_hinput (162-169), which behave the same: up to six letters or
 * digits (lower case raised) before '-' or the end, each stored << 1; a seventh
 * non-'-' character is "Callsign too long"; the call is padded with (' ' << 1); the 7th
 * byte is (atoi(after '-') << 1) & 0xFE, or 0 without '-'.  A '-' after a six-character
 * call is taken; anything after six characters other than '-' fails; after fewer than six
 * the loop only stops at '-' or the end.  Writes 7 bytes.
 */
function in_ax25call(text: string): Uint8Array | null {
  const s = cBytes(text);
  const ch = (i: number): number => (i < s.length ? s[i]! : 0);
  const out: number[] = [];
  let p = 0;
  while (ch(p) !== 0 && ch(p) !== 0x2d && out.length < 6) {
    let c = ch(p++);
    if (islower(c)) c -= 0x20;
    if (!(isupper(c) || isdigit(c))) return null; // "Invalid callsign"
    out.push((c << 1) & 0xfe);
  }
  if (out.length === 6 && ch(p) !== 0x2d && ch(p) !== 0) return null; // "Callsign too long"
  while (out.length < 6) out.push((0x20 << 1) & 0xfe);
  if (ch(p) === 0x2d) out.push((atoi(s, p + 1) << 1) & 0xfe);
  else out.push(0);
  return Uint8Array.from(out);
}

/** lib/rose.c:57-66 ROSE_print: "%02hhx" of five bytes */
function pr_rose(hw: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += hex2(at(hw, i));
  return s;
}

/**
 * lib/rose.c:80-103 ROSE_input via ROSE_hinput (116-123): exactly ten characters (strlen),
 * not checked for digits; byte i = ((s[2i] - '0') << 4) | (s[2i+1] - '0'), truncated to a
 * char.  Writes 5 bytes.
 */
function in_rose(text: string): Uint8Array | null {
  const s = cBytes(text);
  if (s.length !== 10) return null; // "Node address must be ten digits"
  const out: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = charValue(s[2 * i]!) - 0x30;
    const b = charValue(s[2 * i + 1]!) - 0x30;
    out.push(((a << 4) | b) & 0xff);
  }
  return Uint8Array.from(out);
}

/** lib/x25.c:54-63 X25_print: strncpy of X25_ADDR_LEN (16) bytes, so up to the first NUL */
function pr_x25(hw: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    const b = at(hw, i);
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  return s;
}

/**
 * lib/x25.c:80-131 X25_input via X25_hinput (143-150): at most 18 characters; an optional
 * "/sigdigits" (atoi, into an unsigned int) else sigdigits = length; the address before '/'
 * must be 1..15 characters (any characters) and sigdigits <= its length; then
 * strncpy(ptr, addr, sigdigits + 1), i.e. sigdigits + 1 bytes written: the address's first
 * sigdigits + 1 chars, NUL-padded (no NUL at all when sigdigits < length).
 */
function in_x25(text: string): Uint8Array | null {
  const s = cBytes(text);
  if (s.length > 18) return null; // "Address can't exceed eighteen digits with sigdigits"
  const slash = s.indexOf(0x2f);
  const addr = slash >= 0 ? s.slice(0, slash) : s;
  const sigdigits = slash >= 0 ? atoi(s, slash + 1) >>> 0 : addr.length;
  if (addr.length < 1 || addr.length > 15 || sigdigits > addr.length) return null; // "Invalid address"
  const out = new Uint8Array(sigdigits + 1);
  for (let i = 0; i < sigdigits + 1 && i < addr.length; i++) out[i] = addr[i]!;
  return out;
}

/** lib/ash.c:25 ASH_ALEN */
const ASH_ALEN = 64;

/** lib/ash.c:27-31 hamming[] */
const HAMMING = [0x15, 0x02, 0x49, 0x5e, 0x64, 0x73, 0x38, 0x2f, 0xd0, 0xc7, 0x8c, 0x9b, 0xa1, 0xb6, 0xfd, 0xea];

/**
 * lib/ash.c:34-49 pr_ash.  `while (ptr[i] != 0xc9 && ptr[i] != 0xff && i < ASH_ALEN)
 * sprintf(p++, "%1x", ptr[i++])`: with a signed char the two byte tests never hold, so all
 * 64 bytes are formatted; and since p advances by one whatever sprintf wrote, only the first
 * hex digit of each survives ('f' for a negative char).  Result: '[' + 64 digits + ']'.
 * With an unsigned char the loop also stops at the first 0xc9 or 0xff byte.
 */
function pr_ash(hw: Uint8Array): string {
  let s = '[';
  for (let i = 0; i < ASH_ALEN; i++) {
    const b = at(hw, i);
    if (!CHAR_IS_SIGNED && (b === 0xc9 || b === 0xff)) break;
    s += hexInt(charValue(b), 1)[0];
  }
  return s + ']';
}

/**
 * lib/ash.c:60-92 in_ash: hops as strtol(..., 16) separated by ':', each stored as
 * hamming[hop]; the rest of the 64 bytes is 0xc9.  Any other separator prints
 * "Malformed Ash address" (no newline) to stderr and fails.  "" is one hop 0.  A hop outside
 * 0..15 indexes past hamming[] in C (undefined; whatever follows in .data): we store 0.
 * Writes 64 bytes.
 */
function in_ash(text: string, stderr: (text: string) => void = defaultStderr): Uint8Array | null {
  const s = cBytes(text);
  const out = new Uint8Array(ASH_ALEN).fill(0xc9);
  let p: number | null = 0;
  let i = 0;
  while (p !== null && i < ASH_ALEN) {
    const { value, end } = strtol(s, p, 16);
    const hop = Number(BigInt.asIntN(32, value));
    out[i++] = hop >= 0 && hop < 16 ? HAMMING[hop]! : 0;
    const next = end < s.length ? s[end]! : 0;
    if (next === 0x3a) {
      p = end + 1;
    } else if (next === 0) {
      p = null;
    } else {
      stderr('Malformed Ash address');
      return null;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// the table

function hw(
  name: string,
  title: string,
  type: number,
  alen: number,
  print: ((hw: Uint8Array) => string) | null,
  input: ((text: string, stderr?: (text: string) => void) => Uint8Array | null) | null,
  extra?: { suppressNullAddr?: boolean; hasActivate?: boolean },
): HwType {
  // one shape for every entry (`input` undefined where C has NULL), made without a spread:
  // this table is made at every start of ifconfig and arp
  return Object.freeze({
    name,
    title,
    type,
    alen,
    suppressNullAddr: extra?.suppressNullAddr ?? false,
    print,
    hasActivate: extra?.hasActivate ?? false,
    input: input ?? undefined,
  });
}

/**
 * hwtypes[] of lib/hw.c:80-159 in order, for the Debian build (no strip, no tr/tr1, no ib),
 * titles from hwinit() (lib/hw.c:163-237), unspec last.
 */
export const HWTYPES: readonly HwType[] = Object.freeze([
  hw('loop', 'Local Loopback', 772, 0, null, null), // lib/loopback.c:55-59 ARPHRD_LOOPBACK
  hw('slip', 'Serial Line IP', 256, 0, null, null), // lib/slip.c:37-41 ARPHRD_SLIP
  hw('cslip', 'VJ Serial Line IP', 257, 0, null, null), // lib/slip.c:42-46 ARPHRD_CSLIP
  hw('slip6', '6-bit Serial Line IP', 258, 0, null, null), // lib/slip.c:47-51 ARPHRD_SLIP6
  hw('cslip6', 'VJ 6-bit Serial Line IP', 259, 0, null, null), // lib/slip.c:52-56 ARPHRD_CSLIP6
  hw('adaptive', 'Adaptive Serial Line IP', 264, 0, null, null), // lib/slip.c:57-61 ARPHRD_ADAPT
  hw('ash', 'Ash', 781, ASH_ALEN, pr_ash, in_ash, { suppressNullAddr: true }), // lib/ash.c:94-99 ARPHRD_ASH
  hw('ether', 'Ethernet', 1, 6, pr_ether, in_ether), // lib/ether.c:127-131 ARPHRD_ETHER, ETH_ALEN
  hw('ax25', 'AMPR AX.25', 3, 7, pr_ax25call, in_ax25call), // lib/ax25.c:189-193 ARPHRD_AX25
  hw('netrom', 'AMPR NET/ROM', 0, 7, pr_ax25call, in_ax25call), // lib/netrom.c:194-198 ARPHRD_NETROM
  hw('rose', 'AMPR ROSE', 270, 10, pr_rose, in_rose), // lib/rose.c:125-129 ARPHRD_ROSE
  hw('tunnel', 'IPIP Tunnel', 768, 0, pr_tunnel, in_tunnel), // lib/tunnel.c:36-40 ARPHRD_TUNNEL
  hw('ppp', 'Point-to-Point Protocol', 512, 0, null, null, { hasActivate: true }), // lib/ppp.c:49-53 ARPHRD_PPP
  hw('hdlc', '(Cisco)-HDLC', 513, 0, null, null), // lib/hdlclapb.c:49-53 ARPHRD_HDLC
  hw('lapb', 'LAPB', 516, 0, null, null), // lib/hdlclapb.c:54-58 ARPHRD_LAPB
  hw('arcnet', 'ARCnet', 7, 1, pr_arcnet, in_arcnet), // lib/arcnet.c:119-123 ARPHRD_ARCNET
  hw('dlci', 'Frame Relay DLCI', 15, 3, pr_dlci, null), // lib/frame.c:49-53 ARPHRD_DLCI
  hw('frad', 'Frame Relay Access Device', 770, 0, null, null), // lib/frame.c:55-59 ARPHRD_FRAD
  hw('sit', 'IPv6-in-IPv4', 776, 0, null, null), // lib/sit.c:41-45 ARPHRD_SIT
  hw('fddi', 'Fiber Distributed Data Interface', 774, 6, pr_fddi, in_fddi), // lib/fddi.c:133-137 ARPHRD_FDDI, FDDI_K_ALEN
  hw('hippi', 'HIPPI', 780, 6, pr_hippi, in_hippi), // lib/hippi.c:132-136 ARPHRD_HIPPI, HIPPI_ALEN
  hw('irda', 'IrLAP', 783, 2, irda_print, null), // lib/irda.c:72-76 ARPHRD_IRDA
  hw('ec', 'Econet', 782, 0, null, null), // lib/ec_hw.c:23-27 ARPHRD_ECONET
  hw('x25', 'generic X.25', 271, 16, pr_x25, in_x25), // lib/x25.c:153-156 ARPHRD_X25, X25_ADDR_LEN
  hw('eui64', 'Generic EUI-64', 27, 8, pr_eui64, in_eui64), // lib/eui64.c:146-150 ARPHRD_EUI64, EUI64_ALEN
  hw('unspec', 'UNSPEC', -1, 0, pr_unspec, null), // lib/loopback.c:49-53
]);

/** lib/hw.c:240-254 get_hwtype: first entry whose name equals `name` (strcmp), else null. */
export function get_hwtype(name: string): HwType | null {
  for (const t of HWTYPES) if (t.name === name) return t;
  return null;
}

/**
 * lib/hw.c:258-272 get_hwntype: first entry whose type equals `type`, else null (callers
 * fall back to get_hwntype(-1), unspec: lib/interface.c:701-703, arp.c:257-258).  Note
 * ARPHRD_NETROM is 0, so get_hwntype(0) is netrom.
 */
export function get_hwntype(type: number): HwType | null {
  for (const t of HWTYPES) if (t.type === type) return t;
  return null;
}

/**
 * lib/hw.c:275-295 print_hwlist: the bytes it writes to stderr.  type 0 = all, 1 = ARPable
 * (alen != 0); unspec (type -1) is always skipped.  Three "name (title) " per line, each line
 * opened by four blanks, a newline at the end.
 */
export function print_hwlist(type: 0 | 1): string {
  let out = '';
  let count = 0;
  for (const t of HWTYPES) {
    if ((type === 1 && t.alen === 0) || t.type === -1) continue;
    if (count % 3 === 0) out += count ? '\n    ' : '    ';
    out += `${t.name} (${t.title}) `;
    count++;
  }
  return out + '\n';
}

/**
 * lib/hw.c:298-306 hw_null_address: true if the first hw.alen bytes of addr are all zero
 * (bytes beyond addr's end count as zero).
 */
export function hw_null_address(hw: HwType, addr: Uint8Array): boolean {
  for (let i = 0; i < hw.alen; i++) if (at(addr, i)) return false;
  return true;
}
