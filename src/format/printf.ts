/**
 * The subset of C printf the legacy formats use, with glibc semantics: field widths and
 * precisions count bytes (our strings are latin1, one char per byte), `%-15.15s` cuts,
 * integers may be bigint, `l`/`ll`/`h` length modifiers are accepted and ignored except
 * that `%u`/`%x` of a negative number wraps at the given width (32 bits, 64 with l/ll).
 */

type Arg = string | number | bigint;

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

export interface Spec {
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

/** A format parsed: literal text and conversions, in order. */
export type Compiled = (string | Spec)[];

/** The code of `fmt[j]` when it is a decimal digit, else -1 (NaN past the end is not one). */
function digitAt(fmt: string, j: number): number {
  const c = fmt.charCodeAt(j) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * A format as its literal text and conversions, in order (exported for the tests). A
 * conversion, as a regular expression:
 *   %([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|L|q|j|z|t)?([sdiuxXoc%])
 * (flags, a width, a precision, a length modifier, the conversion); a '%' that starts none is
 * literal text. Read by hand, char code by char code, in one function: every command parses
 * its formats at start-up, in the interpreter, and compiling the regular expression costs more
 * than that.
 */
export function compile(fmt: string): Compiled {
  const out: Compiled = [];
  let last = 0;
  for (let at = fmt.indexOf('%'); at >= 0; at = fmt.indexOf('%', at + 1)) {
    let j = at + 1;
    let left = false;
    let zero = false;
    let plus = false;
    let space = false;
    let alt = false;
    for (;; j++) {
      const c = fmt.charCodeAt(j);
      if (c === 45) left = true; // -
      else if (c === 48) zero = true; // 0
      else if (c === 43) plus = true; // +
      else if (c === 32) space = true;
      else if (c === 35) alt = true; // #
      else break;
    }
    // the digits of a width never start with 0 (a 0 is a flag)
    let width: number | '*' = 0;
    if (fmt.charCodeAt(j) === 42) {
      width = '*';
      j++;
    } else {
      for (let d = digitAt(fmt, j); d >= 0; d = digitAt(fmt, ++j)) width = width * 10 + d;
    }
    let prec: number | '*' | null = null;
    if (fmt.charCodeAt(j) === 46) {
      // '.' then '*' or digits; any other '.' is no conversion char, so the '%' is literal text
      if (fmt.charCodeAt(j + 1) === 42) {
        prec = '*';
        j += 2;
      } else if (digitAt(fmt, j + 1) >= 0) {
        prec = 0;
        for (let d = digitAt(fmt, ++j); d >= 0; d = digitAt(fmt, ++j)) prec = prec * 10 + d;
      }
    }
    let bits = 32;
    const m = fmt.charCodeAt(j);
    if (m === 104) {
      // h, hh
      bits = fmt.charCodeAt(j + 1) === 104 ? 8 : 16;
      j += bits === 8 ? 2 : 1;
    } else if (m === 108) {
      // l, ll
      bits = 64;
      j += fmt.charCodeAt(j + 1) === 108 ? 2 : 1;
    } else if (m === 113 || m === 106 || m === 122) {
      // q j z
      bits = 64;
      j++;
    } else if (m === 76 || m === 116) {
      j++; // L t
    }
    const conv = fmt[j];
    if (conv === undefined || !'sdiuxXoc%'.includes(conv)) continue;
    if (at > last) out.push(fmt.slice(last, at));
    last = j + 1;
    at = j;
    out.push(conv === '%' ? '%' : { left, zero, plus, space, alt, width, prec, bits, conv });
  }
  if (last < fmt.length) out.push(fmt.slice(last));
  return out;
}

/** A format made into a function of its arguments. */
export type Formatter = (...args: Arg[]) => string;

interface Entry {
  parts: Compiled;
  /** how many times it was used before it was made into a function */
  uses: number;
  fn: Formatter | null;
  /** sprintf bound to the format, what rowFormatter gives until `fn` is made */
  sprintf?: Formatter;
}
const formats = new Map<string, Entry>();
/**
 * A format used this often is made into a function (straight-line code, see `build`); before
 * that it is read part by part. Making one costs more than reading it a few times: a command
 * that prints a handful of lines, each with its own format, never pays for it.
 */
const BUILD_AFTER = 16;

function entry(fmt: string): Entry {
  let e = formats.get(fmt);
  if (!e) formats.set(fmt, (e = { parts: compile(fmt), uses: 0, fn: null }));
  return e;
}

/**
 * The function that formats `fmt` as sprintf does, made now: for a caller about to print a
 * table with it.
 */
export function formatter(fmt: string): Formatter {
  const e = entry(fmt);
  return (e.fn ??= build(fmt, e.parts));
}

/**
 * sprintf of `fmt` as a function of its arguments alone, for a table's row: ask for it row by
 * row. Until the format has been used BUILD_AFTER times it is sprintf; then it is the function
 * sprintf made of it, called with the row's arguments as they are (no array of them each row).
 */
export function rowFormatter(fmt: string): Formatter {
  const e = entry(fmt);
  return e.fn ?? (e.sprintf ??= (...args: Arg[]): string => sprintf(fmt, ...args));
}

export function sprintf(fmt: string, ...args: Arg[]): string {
  const e = entry(fmt);
  if (e.fn) return e.fn(...args);
  if (++e.uses >= BUILD_AFTER) return (e.fn = build(fmt, e.parts))(...args);
  return interpret(fmt, e.parts, args);
}

/**
 * sprintf reading the parsed format part by part, every time (exported for the tests, which
 * hold the made functions to it)
 */
export function interpret(fmt: string, parts: Compiled, args: Arg[]): string {
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
    const width = part.width === '*' ? next() : NaN;
    const prec = part.prec === '*' ? next() : NaN;
    out += generic(part, next(), width, prec);
  }
  return out;
}

/** `%s` of any argument */
const str = (v: Arg): string => (typeof v === 'string' ? v : String(v));
/** runs of spaces for the padding of table columns (a wider one is made when asked for) */
const SPACES = Array.from({ length: 48 }, (_, i) => ' '.repeat(i));
const spaces = (n: number): string => SPACES[n] ?? ' '.repeat(n);
const padLeft = (s: string, width: number): string => (s.length >= width ? s : spaces(width - s.length) + s);
/**
 * `s` padded on the right to `width`, then `tail`: the spaces and the tail are one string, made
 * once per padding width in `tails` (a table row's column and the text after it, one join)
 */
function padRightThen(s: string, width: number, tail: string, tails: string[]): string {
  const n = width - s.length;
  return n <= 0 ? s + tail : s + (tails[n] ??= spaces(n) + tail);
}
/** a `*` width: padded on the left, or on the right for `-` or a negative width; then `tail` */
function starPadThen(s: string, starWidth: Arg, left: boolean, tail: string, tails: string[]): string {
  const width = Number(starWidth);
  if (width < 0) return padRightThen(s, -width, tail, tails);
  return left ? padRightThen(s, width, tail, tails) : padLeft(s, width) + tail;
}
/** `%d`/`%i` without flags, width or precision */
function int(part: Spec, v: Arg): string {
  if (SAFE32(v)) return String(part.bits === 32 ? v | 0 : v);
  return convert(part, v, 0, false, undefined, false);
}
/** one conversion as the C does it, `*` values given (NaN when the format has none) */
function generic(part: Spec, v: Arg, starWidth: Arg, starPrec: Arg): string {
  let width = part.width === '*' ? Number(starWidth) : part.width;
  let left = part.left;
  if (width < 0) {
    left = true;
    width = -width;
  }
  let prec: number | undefined = part.prec === '*' ? Number(starPrec) : part.prec === null ? undefined : part.prec;
  // C: a negative precision taken from `*` is as if none was given
  if (prec !== undefined && prec < 0) prec = undefined;
  const zero = part.zero && !left && prec === undefined;
  return convert(part, v, width, left, prec, zero);
}

/**
 * A format made into a function, as straight-line code, so that a table row costs a few string
 * concatenations and no walk over the format. A conversion a table row commonly has (`%s` and
 * an int's `%d` with a fixed width, precision and `-`, `%-*s`) is written inline; the others go
 * through `convert`, with the C's rules for `*` widths and precisions.
 *
 * A table repeats most of its column values (a gateway, a netmask, a state, 0), so each inline
 * conversion remembers its last argument(s) and its text (with the literal text after it), and
 * the function remembers the row's text from each conversion to the end: a row that differs
 * from the one before only in its first columns makes new strings for those columns alone and
 * joins them to the remembered rest. A column that differs row after row (an address:port) is
 * no longer compared after MISSES rows: comparing a string built for the row makes V8 flatten
 * it. The texts are made left to right first (a conversion that throws leaves nothing
 * half-remembered: `stale`, the last conversion whose text changed since the rest was last
 * joined, survives it), then the rests joined right to left, which cannot throw.
 */
function build(fmt: string, parts: Compiled): Formatter {
  const specs: Spec[] = [];
  // per conversion: its text's expression given the literal text after it (`tail`: a right
  // padding and its tail are one string, made once per padding width, in the conversion's
  // `tails`), and its memo test
  const texts: { make: (tail: string, tails: string) => string; tail: string; same: string | null; keep: string }[] = [];
  let lead = '';
  let n = 0;
  const then = (e: string, tail: string): string => (tail ? `${e} + ${JSON.stringify(tail)}` : e);
  for (const part of parts) {
    if (typeof part === 'string') {
      const last = texts[texts.length - 1];
      if (last) last.tail += part;
      else lead += part;
      continue;
    }
    const k = specs.push(part) - 1;
    const w = part.width === '*' ? `a${n++}` : 'NaN';
    const p = part.prec === '*' ? `a${n++}` : 'NaN';
    const v = `a${n++}`;
    const fixed = part.width !== '*' && part.prec !== '*';
    const plain = !part.zero && !part.plus && !part.space && !part.alt;
    let make: (tail: string, tails: string) => string;
    let args = [v];
    if (part.conv === 's' && part.width === '*' && part.prec !== '*') {
      // `%-*s`, a width from the arguments (negative: left-justified)
      let e = `str(${v})`;
      if (part.prec !== null) e = `${e}.slice(0, ${part.prec})`;
      make = (tail, tails) => `starPadThen(${e}, ${w}, ${part.left}, ${JSON.stringify(tail)}, ${tails})`;
      args = [w, v];
    } else if ((fixed && part.conv === 's') || (fixed && plain && part.prec === null && (part.conv === 'd' || part.conv === 'i') && part.bits >= 32)) {
      let e = part.conv === 's' ? `str(${v})` : `int(S[${k}], ${v})`;
      if (part.conv === 's' && part.prec !== null) e = `${e}.slice(0, ${part.prec})`;
      const width = part.width as number;
      if (width > 0 && part.left) make = (tail, tails) => `padRightThen(${e}, ${width}, ${JSON.stringify(tail)}, ${tails})`;
      else if (width > 0) make = (tail) => then(`padLeft(${e}, ${width})`, tail);
      else make = (tail) => then(e, tail);
    } else {
      texts.push({ make: (tail) => then(`generic(S[${k}], ${v}, ${w}, ${p})`, tail), tail: '', same: null, keep: '' });
      continue;
    }
    const t = texts.length;
    texts.push({
      make,
      tail: '',
      same: args.map((x, i) => `${x} === l${t}_${i}`).join(' && '),
      keep: args.map((x, i) => `l${t}_${i} = ${x}`).join('; '),
    });
  }
  if (texts.length === 0) {
    const constant = lead;
    return (): string => constant;
  }
  // the text of each conversion, its tail appended; the literal text before the first
  // conversion goes with the first conversion's text
  const text = texts.map((t, i) => t.make(t.tail, `T${i}`));
  if (lead) text[0] = `${JSON.stringify(lead)} + ${text[0]}`;
  const state: string[] = ['stale = Infinity'];
  const body: string[] = [`  if (a${n - 1} === undefined) tooFew();`];
  texts.forEach((t, i) => {
    state.push(`o${i} = ''`, `r${i} = ''`);
    if (text[i]!.includes(`T${i})`)) state.push(`T${i} = []`);
    if (t.same === null) {
      body.push(`  o${i} = ${text[i]}; if (stale < ${i}) stale = ${i};`);
    } else {
      // a column that differed in MISSES rows on end is no longer compared (a string built for
      // the row, an address, is a rope V8 would flatten to compare it): it is made each row
      state.push(...t.same.split(' && ').map((_, j) => `l${i}_${j} = UNSET`), `m${i} = 0`);
      body.push(
        `  if (m${i} >= ${MISSES} || !(${t.same})) { o${i} = ${text[i]}; ${t.keep}; if (stale < ${i}) stale = ${i}; if (m${i} < ${MISSES}) m${i}++; }`,
        `  else m${i} = 0;`,
      );
    }
  });
  // the rests: r_i is the row's text from conversion i on. A rest joined to a new text for the
  // second row on end is flattened then (f_i: it is), so that the rows joined to it are not
  // ropes of ropes when written out; a rest is made again only when a column in it changes.
  const last = texts.length - 1;
  for (let i = 1; i <= last; i++) state.push(`f${i} = false`);
  body.push(`  if (stale >= 0) {`, `    if (stale >= ${last}) r${last} = o${last};`);
  for (let i = last - 1; i >= 0; i--) {
    body.push(
      `    if (stale >= ${i}) {`,
      `      if (stale === ${i} && !f${i + 1}) { flat(r${i + 1}); f${i + 1} = true; }`,
      `      r${i} = o${i} + r${i + 1};${i > 0 ? ` f${i} = false;` : ''}`,
      `    }`,
    );
  }
  body.push(`    stale = -1;`, `  }`, `  return r0;`);
  const params = Array.from({ length: n }, (_, i) => `a${i}`);
  const source = `let ${state.join(', ')};\nreturn function (${params.join(', ')}) {\n${body.join('\n')}\n};`;
  const tooFew = (): never => {
    throw new Error(`sprintf: too few arguments for ${JSON.stringify(fmt)}`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('S', 'str', 'int', 'generic', 'padRightThen', 'padLeft', 'starPadThen', 'tooFew', 'UNSET', 'flat', source)(
    specs, str, int, generic, padRightThen, padLeft, starPadThen, tooFew, UNSET, flat,
  ) as Formatter;
}

/**
 * Have V8 flatten a string built by joins (a rope) in place: reading a character of it does.
 * Only speed depends on it; the string is the same.
 */
function flat(s: string): void {
  s.charCodeAt(0);
}

/** after how many rows in a row that changed a column's text its memo is given up */
const MISSES = 8;

/** what no argument is: the first call of a formatter computes every conversion */
const UNSET = Symbol('unset');

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
