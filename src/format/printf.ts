/**
 * The subset of C printf the legacy formats use, with glibc semantics: field widths and
 * precisions count bytes (our strings are latin1, one char per byte), `%-15.15s` cuts,
 * integers may be bigint, `l`/`ll`/`h` length modifiers are accepted and ignored except
 * that `%u`/`%x` of a negative number wraps at the given width (32 bits, 64 with l/ll).
 */

type Arg = string | number | bigint;

/**
 * Where bprintf writes: room(n) gives a buffer with at least n free bytes at `pos`, and the
 * writer moves `pos` itself (BufferWriter in src/io.ts).
 */
export interface ByteSink {
  room(n: number): Uint8Array;
  pos: number;
}

const SPEC = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|L|q|j|z|t)?([sdiuxXoc%])/g;

function pad(body: string, width: number, left: boolean, zero: boolean, sign = ''): string {
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (left) return sign + body + ' '.repeat(width - len);
  if (zero) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

function toBig(v: Arg): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  return 0n;
}

interface Spec {
  left: boolean;
  zero: boolean;
  plus: boolean;
  space: boolean;
  alt: boolean;
  /** a number, '*' (from the arguments), or 0 */
  width: number | '*';
  /** a number, '*', or null (none) */
  prec: number | '*' | null;
  /** integer width in bits for d i u x X o */
  bits: number;
  conv: string;
}

/** A format compiled once: literal text and conversions, in order. */
type Compiled = (string | Spec)[];
const compiled = new Map<string, Compiled>();

function compile(fmt: string): Compiled {
  const out: Compiled = [];
  let last = 0;
  for (const m of fmt.matchAll(SPEC)) {
    if (m.index! > last) out.push(fmt.slice(last, m.index));
    last = m.index! + m[0].length;
    const [, flags = '', w, p, len, conv = ''] = m;
    if (conv === '%') {
      out.push('%');
      continue;
    }
    out.push({
      left: flags.includes('-'),
      zero: flags.includes('0'),
      plus: flags.includes('+'),
      space: flags.includes(' '),
      alt: flags.includes('#'),
      width: w === '*' ? '*' : w ? Number(w) : 0,
      prec: p === '*' ? '*' : p !== undefined ? Number(p) : null,
      bits: len === 'l' || len === 'll' || len === 'q' || len === 'j' || len === 'z' ? 64 : len === 'h' ? 16 : len === 'hh' ? 8 : 32,
      conv,
    });
  }
  if (last < fmt.length) out.push(fmt.slice(last));
  return out;
}

export function sprintf(fmt: string, ...args: Arg[]): string {
  let parts = compiled.get(fmt);
  if (!parts) compiled.set(fmt, (parts = compile(fmt)));
  let i = 0;
  const next = (): Arg => {
    if (i >= args.length) throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
    return args[i++]!;
  };
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let width = part.width === '*' ? Number(next()) : part.width;
    let left = part.left;
    if (width < 0) {
      left = true;
      width = -width;
    }
    let prec: number | undefined = part.prec === '*' ? Number(next()) : part.prec === null ? undefined : part.prec;
    // C: a negative precision taken from `*` is as if none was given
    if (prec !== undefined && prec < 0) prec = undefined;
    const zero = part.zero && !left && prec === undefined;
    out += convert(part, next(), width, left, prec, zero);
  }
  return out;
}

/** Small integers need no BigInt: the common case of every table row. */
const SAFE32 = (v: Arg): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0xffffffff;

function convert(part: Spec, v: Arg, width: number, left: boolean, prec: number | undefined, zero: boolean): string {
  switch (part.conv) {
    case 's': {
      let s = String(v);
      if (prec !== undefined) s = s.slice(0, prec);
      return pad(s, width, left, false);
    }
    case 'c':
      return pad(typeof v === 'number' ? String.fromCharCode(v & 0xff) : String(v).slice(0, 1), width, left, false);
    case 'd':
    case 'i': {
      let neg: boolean;
      let digits: string;
      if (SAFE32(v) && part.bits >= 32) {
        const n = part.bits === 32 ? v | 0 : v;
        neg = n < 0;
        digits = prec === 0 && n === 0 ? '' : String(neg ? -n : n);
      } else {
        const n = BigInt.asIntN(part.bits, toBig(v));
        neg = n < 0n;
        // C: a zero value with precision 0 prints no digits
        digits = prec === 0 && n === 0n ? '' : (neg ? -n : n).toString();
      }
      if (prec !== undefined) digits = digits.padStart(prec, '0');
      const sign = neg ? '-' : part.plus ? '+' : part.space ? ' ' : '';
      return pad(digits, width, left, zero, sign);
    }
    default: {
      // u x X o: unsigned at the argument's width
      const radix = part.conv === 'u' ? 10 : part.conv === 'o' ? 8 : 16;
      let zeroValue: boolean;
      let body: string;
      if (SAFE32(v) && part.bits >= 32 && (v >= 0 || part.bits === 32)) {
        const n = v >>> 0 === v || part.bits === 32 ? v >>> 0 : v;
        zeroValue = n === 0;
        body = n.toString(radix);
      } else {
        const n = BigInt.asUintN(part.bits, toBig(v));
        zeroValue = n === 0n;
        body = n.toString(radix);
      }
      if (prec === 0 && zeroValue) body = '';
      if (part.conv === 'X') body = body.toUpperCase();
      if (prec !== undefined) body = body.padStart(prec, '0');
      // C: '#' with o raises the precision so the first digit is 0; with x/X it prefixes 0x
      if (part.conv === 'o' && part.alt && !body.startsWith('0')) body = '0' + body;
      let prefix = '';
      if (part.alt && !zeroValue && (part.conv === 'x' || part.conv === 'X')) prefix = part.conv === 'x' ? '0x' : '0X';
      return pad(body, width, left, zero, prefix);
    }
  }
}

/** The longest text a fast conversion of bprintf writes without asking for more room. */
const FAST_MAX = 64;

/**
 * sprintf straight into bytes (latin1): the conversions of a table row (`%s`, `%d` of an int,
 * with flags, width and precision) are written without making strings; any other conversion
 * is sprintf's own, written as its bytes. The output is the same bytes as sprintf's.
 */
export function bprintf(out: ByteSink, fmt: string, ...args: Arg[]): void {
  let parts = compiled.get(fmt);
  if (!parts) compiled.set(fmt, (parts = compile(fmt)));
  let i = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      putLatin1(out, part);
      continue;
    }
    if (i >= args.length) throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
    let width = part.width === '*' ? Number(args[i++]) : part.width;
    let left = part.left;
    if (width < 0) {
      left = true;
      width = -width;
    }
    if (i >= args.length) throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
    let prec: number | undefined = part.prec === '*' ? Number(args[i++]) : part.prec === null ? undefined : part.prec;
    if (prec !== undefined && prec < 0) prec = undefined;
    if (i >= args.length) throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
    const v = args[i++]!;
    if (part.conv === 's' && typeof v === 'string' && v.length <= FAST_MAX && width <= FAST_MAX) {
      const n = prec !== undefined && prec < v.length ? prec : v.length;
      const fill = width > n ? width - n : 0;
      const b = out.room(n + fill);
      let p = out.pos;
      if (!left) for (let k = 0; k < fill; k++) b[p++] = 0x20;
      for (let k = 0; k < n; k++) b[p++] = v.charCodeAt(k);
      if (left) for (let k = 0; k < fill; k++) b[p++] = 0x20;
      out.pos = p;
      continue;
    }
    if ((part.conv === 'd' || part.conv === 'i') && prec === undefined && part.bits >= 32 && SAFE32(v) && width <= FAST_MAX) {
      const n = part.bits === 32 ? v | 0 : v;
      const neg = n < 0;
      let m = neg ? -n : n;
      let digits = 1;
      for (let t = m; t >= 10; t = Math.floor(t / 10)) digits++;
      const sign = neg ? 1 : part.plus || part.space ? 1 : 0;
      const len = sign + digits;
      const fill = width > len ? width - len : 0;
      const zero = part.zero && !left;
      const b = out.room(len + fill);
      let p = out.pos;
      if (!left && !zero) for (let k = 0; k < fill; k++) b[p++] = 0x20;
      if (sign) b[p++] = neg ? 0x2d : part.plus ? 0x2b : 0x20;
      if (zero) for (let k = 0; k < fill; k++) b[p++] = 0x30;
      for (let k = p + digits - 1; k >= p; k--) {
        b[k] = 0x30 + (m % 10);
        m = Math.floor(m / 10);
      }
      p += digits;
      if (left) for (let k = 0; k < fill; k++) b[p++] = 0x20;
      out.pos = p;
      continue;
    }
    const zero = part.zero && !left && prec === undefined;
    putLatin1(out, convert(part, v, width, left, prec, zero));
  }
}

function putLatin1(out: ByteSink, s: string): void {
  const b = out.room(s.length);
  let p = out.pos;
  for (let k = 0; k < s.length; k++) b[p++] = s.charCodeAt(k);
  out.pos = p;
}
