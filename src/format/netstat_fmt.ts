/**
 * printf formats compiled once, for the per-socket rows: the subset of src/format/printf.ts
 * netstat's row formats use (`%s`, `%d`, `%u` with `-`, a width or `*`, a precision, `l`/`ll`),
 * with the same results (test/unit/netstat.test.ts compares them), at a fraction of the cost
 * of parsing the format for every row of a table of thousands.
 */
type Arg = string | number | bigint;
type Piece = string | ((args: Arg[], i: { n: number }) => string);

const SPEC = /%([-0]*)(\*|\d+)?(?:\.(\d+))?(ll|l|h)?([sdu%])/g;

function pad(body: string, width: number, left: boolean, zero: boolean, sign: string): string {
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (left) return sign + body + ' '.repeat(width - len);
  if (zero) return sign + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + sign + body;
}

export function compile(fmt: string): (...args: Arg[]) => string {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of fmt.matchAll(SPEC)) {
    if (m.index! > last) pieces.push(fmt.slice(last, m.index));
    last = m.index! + m[0].length;
    const [, flags, w, p, len, conv] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined, string];
    if (conv === '%') {
      pieces.push('%');
      continue;
    }
    const left0 = flags.includes('-');
    const zero0 = flags.includes('0');
    const fixed = w !== undefined && w !== '*' ? Number(w) : 0;
    const prec = p !== undefined ? Number(p) : undefined;
    const bits = len === 'l' || len === 'll' ? 64 : len === 'h' ? 16 : 32;
    pieces.push((args, i) => {
      let width = fixed;
      let left = left0;
      if (w === '*') {
        width = Number(args[i.n++]);
        if (width < 0) {
          left = true;
          width = -width;
        }
      }
      const v = args[i.n++]!;
      if (conv === 's') {
        let s = String(v);
        if (prec !== undefined) s = s.slice(0, prec);
        return pad(s, width, left, false, '');
      }
      const zero = zero0 && !left && prec === undefined;
      if (typeof v === 'number' && Number.isSafeInteger(v) && prec === undefined) {
        // the common case without BigInt: wrap as C would at 32 bits, keep 64-bit values
        const x = conv === 'u' ? (bits === 64 ? (v >= 0 ? v : null) : bits === 32 ? v >>> 0 : null) : bits === 64 ? v : bits === 32 ? v | 0 : null;
        if (x !== null) return pad(String(x < 0 ? -x : x), width, left, zero, x < 0 ? '-' : '');
      }
      let n = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
      if (conv === 'u') {
        n = BigInt.asUintN(bits, n);
        let body = prec === 0 && n === 0n ? '' : n.toString();
        if (prec !== undefined) body = body.padStart(prec, '0');
        return pad(body, width, left, zero, '');
      }
      n = BigInt.asIntN(bits, n);
      const neg = n < 0n;
      let body = prec === 0 && n === 0n ? '' : (neg ? -n : n).toString();
      if (prec !== undefined) body = body.padStart(prec, '0');
      return pad(body, width, left, zero, neg ? '-' : '');
    });
  }
  if (last < fmt.length) pieces.push(fmt.slice(last));
  return (...args: Arg[]) => {
    const i = { n: 0 };
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : p(args, i);
    return out;
  };
}
