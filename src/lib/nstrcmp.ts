/**
 * nstrcmp: net-tools' "natural" interface-name order (lib/nstrcmp.c, net-tools 2.10):
 * a trailing `:N` alias is cut off and compared numerically last, trailing digits compare
 * as numbers, the rest with strcmp (bytes). `eth01` < `eth1`, `v9` < `v10`, `v10:9` < `v10:12345`.
 */

import { atoi } from './cstdlib.js';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** cutalias: split off a numeric `:999` suffix; returns [name, alias|null]. */
function cutalias(name: string): [string, string | null] {
  let digit = false;
  for (let pos = name.length; pos > 0; pos--) {
    const c = name.charCodeAt(pos - 1);
    if (c === 0x3a /* : */ && digit) return [name.slice(0, pos - 1), name.slice(pos)];
    if (!isDigit(c)) break;
    digit = true;
  }
  return [name, null];
}

/** index after the last non-digit (0 when the name is all digits) */
function rindexNondigit(name: string): number {
  for (let pos = name.length; pos > 0; pos--) if (!isDigit(name.charCodeAt(pos - 1))) return pos;
  return 0;
}

function strcmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d) return d;
  }
  return a.length - b.length;
}

export function nstrcmp(ap: string, bp: string): number {
  const [a, aalias] = cutalias(ap);
  const [b, balias] = cutalias(bp);
  const aindex = rindexNondigit(a);
  const bindex = rindexNondigit(b);
  const complen = Math.min(aindex, bindex);
  const res = strcmp(a.slice(0, complen), b.slice(0, complen));
  if (res !== 0) return res;
  if (aindex > bindex) return 1;
  if (aindex < bindex) return -1;
  const av = atoi(a.slice(aindex));
  const bv = atoi(b.slice(bindex));
  if (av !== bv) return av < bv ? -1 : 1;
  const r2 = strcmp(a, b);
  if (r2 !== 0) return r2;
  const aa = aalias !== null ? atoi(aalias) : -1;
  const ba = balias !== null ? atoi(balias) : -1;
  if (aa !== ba) return aa < ba ? -1 : 1;
  if (aalias !== null && balias !== null) return strcmp(aalias, balias);
  return 0;
}
