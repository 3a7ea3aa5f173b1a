/**
 * Address text as glibc writes and reads it. Ported so that replayed runs need no libc;
 * test/unit/inet.test.ts checks them against the real libc functions. And the IPv4 netmask of
 * a prefix length, and an in_addr to and from a host-order number.
 */

/** The IPv4 netmask of a prefix length as a host-order number: 0 up to 0, all ones from 32 on. */
export function prefixMask(len: number): number {
  return len <= 0 ? 0 : len >= 32 ? 0xffffffff : (0xffffffff << (32 - len)) >>> 0;
}

/** ntohl(s_addr): the address as a host-order number. */
export function hostOrder(a: Uint8Array): number {
  return ((a[0]! << 24) | (a[1]! << 16) | (a[2]! << 8) | a[3]!) >>> 0;
}

/** in_addr bytes of a host-order number (htonl). */
export function fromHostOrder(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/**
 * inet_ntoa / inet_ntop(AF_INET): 4 bytes network order -> dotted quad. The text of the first
 * three bytes is kept from the call before: a table's addresses mostly share it (a subnet's
 * routes, hosts and neighbours), and then the quad is one new string, not seven.
 */
export function inet_ntoa(a: Uint8Array): string {
  const hi = (a[0]! << 16) | (a[1]! << 8) | a[2]!;
  if (hi !== ntoaHi) {
    ntoaHi = hi;
    ntoaPrefix = `${a[0]}.${a[1]}.${a[2]}.`;
  }
  return ntoaPrefix + a[3];
}
let ntoaHi = 0;
let ntoaPrefix = '0.0.0.';

/**
 * inet_ntoa of a column, remembered for the next row: a table repeats its gateways, netmasks
 * and local addresses row after row. The bytes are kept as an int32 (a small integer to V8,
 * where an unsigned s_addr above 2^31 is a boxed number).
 */
export class LastQuad {
  private addr = 0;
  private text = '0.0.0.0';

  of(a: Uint8Array): string {
    const addr = a[0]! | (a[1]! << 8) | (a[2]! << 16) | (a[3]! << 24);
    if (addr !== this.addr) {
      this.addr = addr;
      this.text = inet_ntoa(a);
    }
    return this.text;
  }
}

/** glibc resolv/inet_ntop.c inet_ntop6: longest (first on ties) run of >= 2 zero words is `::`;
 *  `::a.b.c.d` for a 6-word zero prefix and `::ffff:a.b.c.d` for v4-mapped. */
export function inet_ntop6(a: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 8; i++) words.push((a[2 * i]! << 8) | a[2 * i + 1]!);
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else curLen++;
    } else if (curBase !== -1) {
      if (bestBase === -1 || curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) {
    bestBase = curBase;
    bestLen = curLen;
  }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += inet_ntoa(a.subarray(12, 16));
      return out;
    }
    out += words[i]!.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

export function inet_ntop(family: number, a: Uint8Array): string {
  return family === 10 ? inet_ntop6(a) : inet_ntoa(a);
}

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * glibc inet_aton: 1 to 4 parts, each decimal, 0-octal or 0x-hex; the last part fills the
 * remaining bytes (`10.1` = 10.0.0.1); anything after the address must start with a space.
 * Returns 4 bytes in network order, or null.
 */
export function inet_aton(cp: string): Uint8Array | null {
  const parts: number[] = [];
  let i = 0;
  let c = cp.charCodeAt(i);
  for (;;) {
    // each part must start with a digit
    if (!(c >= 0x30 && c <= 0x39)) return null;
    let base = 10;
    let val = 0n;
    if (c === 0x30) {
      i++;
      c = cp.charCodeAt(i);
      const n1 = cp.charCodeAt(i + 1);
      const hexDigit = (n1 >= 0x30 && n1 <= 0x39) || (n1 >= 0x61 && n1 <= 0x66) || (n1 >= 0x41 && n1 <= 0x46);
      if ((c === 0x78 || c === 0x58) && hexDigit) {
        // strtoul takes "0x" only when a hex digit follows; otherwise it parses just "0"
        base = 16;
        i++;
        c = cp.charCodeAt(i);
      } else base = 8;
    }
    // strtoul-like accumulation (digits valid in the base)
    for (;;) {
      let d = -1;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (base === 16 && c >= 0x61 && c <= 0x66) d = c - 0x61 + 10;
      else if (base === 16 && c >= 0x41 && c <= 0x46) d = c - 0x41 + 10;
      if (d < 0 || d >= base) break;
      val = val * BigInt(base) + BigInt(d);
      i++;
      c = cp.charCodeAt(i);
    }
    if (val > 0xffffffffn) return null;
    if (c === 0x2e /* . */) {
      if (parts.length >= 3 || val > 0xffn) return null;
      parts.push(Number(val));
      i++;
      c = cp.charCodeAt(i);
      continue;
    }
    parts.push(Number(val));
    break;
  }
  if (i < cp.length && !isSpace(c)) return null;
  const n = parts.length;
  const last = parts[n - 1]!;
  const max = [0xffffffff, 0xffffff, 0xffff, 0xff][n - 1]!;
  if (last > max) return null;
  let v = last;
  for (let k = 0; k < n - 1; k++) v += parts[k]! * 2 ** (8 * (3 - k));
  return new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

/** inet_pton(AF_INET6): RFC 4291 text forms, with an optional trailing dotted quad. */
export function inet_pton6(src: string): Uint8Array | null {
  const out = new Uint8Array(16);
  if (!/^[0-9a-fA-F:.]+$/.test(src)) return null;
  const dbl = src.indexOf('::');
  if (dbl >= 0 && src.indexOf('::', dbl + 1) >= 0) return null;
  const parseSide = (s: string, allowV4: boolean): number[] | null => {
    if (s === '') return [];
    const parts = s.split(':');
    const words: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (allowV4 && i === parts.length - 1 && p.includes('.')) {
        const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(p);
        if (!m) return null;
        const b = m.slice(1).map(Number);
        // glibc inet_pton4: no leading zeros, each part <= 255
        if (m.slice(1).some((x) => x.length > 1 && x[0] === '0') || b.some((x) => x > 255)) return null;
        words.push((b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
      words.push(parseInt(p, 16));
    }
    return words;
  };
  let words: number[];
  if (dbl >= 0) {
    const left = src.slice(0, dbl);
    const right = src.slice(dbl + 2);
    const l = parseSide(left, false);
    const r = parseSide(right, true);
    if (!l || !r || l.length + r.length > 7) return null;
    words = [...l, ...new Array<number>(8 - l.length - r.length).fill(0), ...r];
  } else {
    const w = parseSide(src, true);
    if (!w || w.length !== 8) return null;
    words = w;
  }
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}
