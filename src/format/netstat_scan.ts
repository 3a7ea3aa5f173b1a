/**
 * The few glibc sscanf conversions netstat's /proc parsers use, one at a time and without
 * backtracking, as scanf reads: %d, %Ns, %N[set], %Nc, %NX, and white space in the format.
 */
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

export class Scan {
  pos = 0;
  constructor(readonly s: string) {}

  /** white space in the format: any amount, none included */
  ws(): this {
    while (isSpace(this.s[this.pos])) this.pos++;
    return this;
  }

  /** %d (decimal, after white space); null on a matching or input failure */
  int(): number | null {
    this.ws();
    let i = this.pos;
    if (this.s[i] === '+' || this.s[i] === '-') i++;
    const start = i;
    while (i < this.s.length && this.s[i]! >= '0' && this.s[i]! <= '9') i++;
    if (i === start) return null;
    const v = Number(this.s.slice(this.pos, i));
    this.pos = i;
    return v | 0;
  }

  /** %NX: up to `max` hex digits after white space, as an unsigned 32-bit value */
  hex(max = Infinity): number | null {
    this.ws();
    let i = this.pos;
    if (this.s[i] === '+' || this.s[i] === '-') i++;
    if (this.s[i] === '0' && (this.s[i + 1] === 'x' || this.s[i + 1] === 'X') && isHex(this.s[i + 2])) i += 2;
    const start = i;
    while (i < this.s.length && i - this.pos < max && isHex(this.s[i])) i++;
    if (i === start) return null;
    const neg = this.s[this.pos] === '-';
    const v = Number(BigInt.asUintN(32, BigInt('0x' + this.s.slice(start, i)) * (neg ? -1n : 1n)));
    this.pos = i;
    return v;
  }

  /** %Ns: up to `max` bytes that are not white space, after white space */
  str(max: number): string | null {
    this.ws();
    const start = this.pos;
    while (this.pos < this.s.length && this.pos - start < max && !isSpace(this.s[this.pos])) this.pos++;
    return this.pos === start ? null : this.s.slice(start, this.pos);
  }

  /** %N[0-9A-Fa-f]: up to `max` hex digits, no white space skipped */
  hexSet(max: number): string | null {
    const start = this.pos;
    while (this.pos < this.s.length && this.pos - start < max && isHex(this.s[this.pos])) this.pos++;
    return this.pos === start ? null : this.s.slice(start, this.pos);
  }

  /** %Nc: exactly `n` bytes, white space included */
  chars(n: number): string | null {
    if (this.pos + n > this.s.length) return null;
    const v = this.s.slice(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}
