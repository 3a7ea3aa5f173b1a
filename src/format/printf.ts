/**
 * The subset of C printf the legacy formats use, with glibc semantics: field widths and
 * precisions count bytes (our strings are latin1, one char per byte), `%-15.15s` cuts,
 * integers may be bigint, `l`/`ll`/`h` length modifiers are accepted and ignored except
 * that `%u`/`%x` of a negative number wraps at the given width (32 bits, 64 with l/ll).
 */

type Arg = string | number | bigint;

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

export function sprintf(fmt: string, ...args: Arg[]): string {
  let i = 0;
  const next = (): Arg => {
    if (i >= args.length) throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
    return args[i++]!;
  };
  return fmt.replace(SPEC, (_m, flags: string, w?: string, p?: string, len?: string, conv?: string) => {
    if (conv === '%') return '%';
    let width = w === '*' ? Number(next()) : w ? Number(w) : 0;
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    let prec = p === '*' ? Number(next()) : p !== undefined ? Number(p) : undefined;
    // C: a negative precision taken from `*` is as if none was given
    if (prec !== undefined && prec < 0) prec = undefined;
    const zero = flags.includes('0') && !left && prec === undefined;
    const v = next();
    switch (conv) {
      case 's': {
        let s = String(v);
        if (prec !== undefined) s = s.slice(0, prec);
        return pad(s, width, left, false);
      }
      case 'c':
        return pad(typeof v === 'number' ? String.fromCharCode(v & 0xff) : String(v).slice(0, 1), width, left, false);
      case 'd':
      case 'i': {
        let n = toBig(v);
        const bits = len === 'l' || len === 'll' || len === 'q' || len === 'j' || len === 'z' ? 64 : len === 'h' ? 16 : len === 'hh' ? 8 : 32;
        n = BigInt.asIntN(bits, n);
        const neg = n < 0n;
        // C: a zero value with precision 0 prints no digits
        let body = prec === 0 && n === 0n ? '' : (neg ? -n : n).toString();
        if (prec !== undefined) body = body.padStart(prec, '0');
        const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        return pad(body, width, left, zero, sign);
      }
      default: {
        // u x X o: unsigned at the argument's width
        const bits = len === 'l' || len === 'll' || len === 'q' || len === 'j' || len === 'z' ? 64 : len === 'h' ? 16 : len === 'hh' ? 8 : 32;
        const n = BigInt.asUintN(bits, toBig(v));
        let body = prec === 0 && n === 0n ? '' : conv === 'u' ? n.toString() : conv === 'o' ? n.toString(8) : n.toString(16);
        if (conv === 'X') body = body.toUpperCase();
        if (prec !== undefined) body = body.padStart(prec, '0');
        // C: '#' with o raises the precision so the first digit is 0; with x/X it prefixes 0x
        if (conv === 'o' && flags.includes('#') && !body.startsWith('0')) body = '0' + body;
        let prefix = '';
        if (flags.includes('#') && n !== 0n && (conv === 'x' || conv === 'X')) prefix = conv === 'x' ? '0x' : '0X';
        return pad(body, width, left, zero, prefix);
      }
    }
  });
}
