/**
 * The few C library conversions route's argument parsing relies on, with glibc's exact
 * semantics on LP64: atoi/atol go through strtol (64-bit long, clamped on overflow) and atoi
 * then truncates to int; strtoul accepts a sign and wraps a negative value.
 */

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
export const isdigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const ULONG_MAX = (1n << 64n) - 1n;

function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
}

/**
 * strtol/strtoul's scan: whitespace, a sign, an optional 0x/0 prefix for base 0 or 16, digits.
 * Returns the magnitude (unbounded), the sign, and where the scan stopped (the start of the
 * string when no digit was found, as *endptr).
 */
function scan(s: string, base: number): { neg: boolean; mag: bigint; end: number; any: boolean } {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  if ((base === 0 || base === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitOf(s.charCodeAt(i + 2)) < 16) {
    i += 2;
    base = 16;
  } else if (base === 0) {
    base = s[i] === '0' ? 8 : 10;
  }
  let mag = 0n;
  let any = false;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    const d = digitOf(s.charCodeAt(i));
    if (d >= base) break;
    mag = mag * b + BigInt(d);
    any = true;
  }
  return { neg, mag, end: any ? i : 0, any };
}

/** strtol(s, &end, base): a 64-bit long, clamped to LONG_MIN/LONG_MAX. */
export function strtol(s: string, base = 10): { value: bigint; end: number } {
  const r = scan(s, base);
  let v = r.neg ? -r.mag : r.mag;
  if (v > LONG_MAX) v = LONG_MAX;
  if (v < LONG_MIN) v = LONG_MIN;
  return { value: v, end: r.end };
}

/** strtoul(s, &end, base): 64-bit unsigned, ULONG_MAX on overflow, a '-' negates modulo 2^64. */
export function strtoul(s: string, base = 10): { value: bigint; end: number } {
  const r = scan(s, base);
  if (r.mag > ULONG_MAX) return { value: ULONG_MAX, end: r.end };
  return { value: r.neg ? BigInt.asUintN(64, -r.mag) : r.mag, end: r.end };
}

/** atol(s) = strtol(s, NULL, 10) */
export function atol(s: string): bigint {
  return strtol(s, 10).value;
}

/** atoi(s) = (int) strtol(s, NULL, 10): the long's low 32 bits, signed. */
export function atoi(s: string): number {
  return Number(BigInt.asIntN(32, atol(s)));
}
