/**
 * The `input` functions of the address families that ifconfig hands a bare address or an
 * address keyword's operand (`ap->input(0, host, &sa)`), with their herror texts: AX.25 and
 * NET/ROM callsigns (lib/ax25.c AX25_input, lib/netrom.c NETROM_input: the same rules and
 * messages), ROSE node addresses (lib/rose.c ROSE_input), X.25 addresses (lib/x25.c
 * X25_input, also route's), IPX network:node addresses (lib/ipx.c IPX_input) and Econet
 * net.station numbers (lib/econet.c ec_input). IPX and Econet have no herror: ifconfig then
 * prints a text of its own.
 */
import { X25_ERR_INVALID, X25_ERR_TOO_LONG } from '../../compat/route.js';
import { atoi, strtoul } from './cstdlib.js';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** AX25_input / NETROM_input: up to six letters or digits, an optional -SSID. */
export function callsign_input(text: string): string | null {
  let i = 0;
  let p = 0;
  while (p < text.length && text[p] !== '-' && i < 6) {
    let c = text.charCodeAt(p++);
    if (isLower(c)) c -= 0x20;
    if (!(isUpper(c) || isDigit(c))) return 'Invalid callsign';
    i++;
  }
  if (i === 6 && p < text.length && text[p] !== '-') return 'Callsign too long';
  return null;
}

/** ROSE_input: exactly ten characters (digits are not checked). */
export function rose_input(text: string): string | null {
  return text.length !== 10 ? 'Node address must be ten digits' : null;
}

/**
 * X25_input() lib/x25.c:81-126: at most 18 characters; an optional "/sigdigits" (atoi, into an
 * unsigned int), else sigdigits is the length; the address before '/' must have 1 to 15
 * characters (any) and at least sigdigits of them. The significant digits and the address, or
 * the text X25_errmsg is given.
 */
export function X25_input(bufp: string): { sigdigits: number; address: string } | { err: string } {
  if (bufp.length > 18) return { err: X25_ERR_TOO_LONG };
  const p = bufp.indexOf('/');
  const address = p >= 0 ? bufp.slice(0, p) : bufp;
  const sigdigits = p >= 0 ? atoi(bufp.slice(p + 1)) >>> 0 : address.length;
  if (address.length < 1 || address.length > 15 || sigdigits > address.length) return { err: X25_ERR_INVALID };
  return { sigdigits, address };
}

const hexValue = (c: number): number => (isDigit(c) ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x41 + 10 : -1);

/**
 * IPX_input(0, ...) lib/ipx.c:128-161 with IPX_getsock (87-124): a network number (strtoul
 * base 16) that is neither 0 nor 0xffffffff, then ':' (else -3), then the node: twelve hex
 * digits, anything after them ignored, neither all zeros nor all ones (else -1). IPX_getsock
 * raises each character it looks at to upper case in the caller's buffer (the one it stops at
 * too), and ifconfig prints that buffer in its error: `host` is the text as the parse left it.
 */
export function IPX_input(bufp: string): { rc: number; host: string } {
  const net = strtoul(bufp, 16);
  if (net.value === 0n || net.value === 0xffffffffn) return { rc: -1, host: bufp };
  if (bufp[net.end] !== ':') return { rc: -3, host: bufp };
  const chars = bufp.split('');
  const node: number[] = [];
  let sp = net.end + 1;
  for (let i = 0; i < 6; i++) {
    let byte = 0;
    for (let half = 0; half < 2; half++, sp++) {
      let c = sp < chars.length ? chars[sp]!.charCodeAt(0) : 0;
      if (isLower(c)) {
        c -= 0x20;
        chars[sp] = String.fromCharCode(c);
      }
      const v = hexValue(c);
      if (v < 0) return { rc: -1, host: chars.join('') };
      byte = (byte << 4) | v;
    }
    node.push(byte);
  }
  const host = chars.join('');
  if (node.every((b) => b === 0) || node.every((b) => b === 0xff)) return { rc: -1, host };
  return { rc: 0, host };
}

/**
 * ec_input() lib/econet.c:57-74: sscanf "%d.%d", else "%d": it succeeds when the text starts
 * with a number (after white space, with an optional sign), whatever follows.
 */
export function ec_input(bufp: string): number {
  let i = 0;
  while (i < bufp.length && (bufp[i] === ' ' || (bufp.charCodeAt(i) >= 0x09 && bufp.charCodeAt(i) <= 0x0d))) i++;
  if (bufp[i] === '+' || bufp[i] === '-') i++;
  return i < bufp.length && isDigit(bufp.charCodeAt(i)) ? 0 : -1;
}

/**
 * What `ap->input(0, host, &sa)` did: its return value, the host buffer after it, and what
 * `ap->herror(host)` would print (null: the family has no herror).
 */
export interface AfInputResult {
  rc: number;
  host: string;
  herror: string | null;
}

/**
 * The input functions of one run of ifconfig, by aftype name. Each of lib/ax25.c, netrom.c,
 * rose.c and x25.c keeps its error text in a static buffer that only a failing input writes,
 * and its herror prints "HOST: " and that buffer. X25_input returns its sigdigits on success,
 * which ifconfig's `pointopoint` takes for a failure (it tests `input() != 0`): X25_herror then
 * prints what an earlier failure of the run left (nothing at first).
 */
export class AfInput {
  private readonly errmsg = new Map<string, string>();

  /**
   * whether the family has an input function here (inet and inet6 are ifconfig's own): the
   * families of compat/ifconfig.ts AF_WITH_INPUT, spelled here so that route's bundle, which
   * needs X25_input alone, does not take ifconfig's compat texts (a unit test holds the two
   * lists together)
   */
  has(name: string): boolean {
    return Object.hasOwn(WITH_HERROR, name) || name === 'ipx' || name === 'ec';
  }

  input(name: string, host: string): AfInputResult {
    if (name === 'ipx') return { ...IPX_input(host), herror: null };
    if (name === 'ec') return { rc: ec_input(host), host, herror: null };
    const parse = Object.hasOwn(WITH_HERROR, name) ? WITH_HERROR[name] : undefined;
    if (!parse) throw new Error(`no input function for ${name}`);
    const r = parse(host);
    if (typeof r === 'string') this.errmsg.set(name, r);
    return { rc: typeof r === 'string' ? -1 : r, host, herror: this.herror(name, host) };
  }

  /**
   * What `ap->herror(host)` of one of these families prints now: "HOST: " and its error buffer
   * (ifconfig's add and del call it after inet's own look-up failed); null for a family
   * without an herror.
   */
  herror(name: string, host: string): string | null {
    return Object.hasOwn(WITH_HERROR, name) ? `${host}: ${this.errmsg.get(name) ?? ''}\n` : null;
  }
}

/** The families with an herror: input's return value on success, else its error text. */
const WITH_HERROR: Readonly<Record<string, (text: string) => number | string>> = {
  ax25: (t) => callsign_input(t) ?? 0,
  netrom: (t) => callsign_input(t) ?? 0,
  rose: (t) => rose_input(t) ?? 0,
  x25: (t) => {
    const r = X25_input(t);
    return 'err' in r ? r.err : r.sigdigits;
  },
};
