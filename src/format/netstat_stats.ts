/**
 * netstat -s: statistics.c of net-tools 2.10, over /proc/net/snmp, /proc/net/netstat,
 * /proc/net/sctp/snmp and /proc/net/snmp6 — the kernel offers these MIB counters nowhere
 * else (no netlink). Reproduced as the C runs: glibc bsearch over tables that are not all
 * sorted (so some counters fall back to "Name: value"), one indentation state shared by all
 * tables and files (unknown tables do not reset it), titles of known tables only under their
 * flag, unknown tables always.
 */
import type { Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from './printf.js';
import { latin1 } from '../netlink/codec.js';
import { strerror } from '../../compat/errno.js';
import {
  I_STATIC, I_TITLE, MSG_CANNOT_OPEN, MSG_PARSE_PROBLEM, SNMP6TABS, SNMPTABS, STATES, STAT_DISABLED,
  STAT_ENABLED, ST_I_FORWARD, ST_I_INP_ICMP, ST_I_OUTP_ICMP, ST_I_RTO_ALG, ST_NUMBER, ST_OPT_NUMBER,
  type StatEntry, type StatFlag, type StatTable,
} from '../../compat/netstat.js';

interface Out {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Table {
  title: string;
  tab: readonly StatEntry[] | null;
  /** null: the dummy table of an unknown title, printed under f_unknown (always 1) */
  flag: StatFlag | null;
}

/** strcmp over latin1 strings: byte order. */
function strcmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d) return d;
  }
  return a.length - b.length;
}

/** glibc bsearch (stdlib/bsearch.h): halving over the table as it is, sorted or not. */
export function bsearch(key: string, tab: readonly StatEntry[]): StatEntry | null {
  let l = 0;
  let u = tab.length;
  while (l < u) {
    const idx = (l + u) >>> 1;
    const c = strcmp(key, tab[idx]!.title);
    if (c < 0) u = idx;
    else if (c > 0) l = idx + 1;
    else return tab[idx]!;
  }
  return null;
}

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** strtoull(s + pos, &end, 10): the value (wrapped like C's unsigned negation) and the end. */
function strtoull(s: string, pos: number): [bigint, number] {
  let i = pos;
  while (isSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const start = i;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') i++;
  if (i === start) return [0n, pos];
  let v = BigInt(s.slice(start, i));
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  else if (neg) v = BigInt.asUintN(64, -v);
  return [v, i];
}

/** Lines as getline/fgets hand them out: each with its '\n' (the last one may lack it). */
function lines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

export class Statistics {
  private state = ST_NUMBER;
  private readonly flags: Record<StatFlag, boolean>;

  constructor(
    private readonly sys: Sys,
    private readonly io: Out,
    f: { raw: boolean; tcp: boolean; udp: boolean; sctp: boolean },
  ) {
    this.flags = { ...f };
  }

  private on(t: Table): boolean {
    return t.flag === null ? true : this.flags[t.flag];
  }

  private indent(state: number): string {
    return ' '.repeat(STATES[state]!.indent);
  }

  private printval(tab: Table, title: string, val: bigint): void {
    const ent = tab.tab ? bsearch(title, tab.tab) : null;
    if (!ent) {
      // try our best
      if (val) this.io.out(`${this.indent(this.state)}${title}: ${val}\n`);
      return;
    }
    let type = ent.type;
    if (type & I_STATIC) {
      type &= ~I_STATIC;
      return; // print_static is never set
    }
    if (ent.out === '') return;
    if (type & I_TITLE) {
      type &= ~I_TITLE;
      if (this.state !== type) this.io.out(`${this.indent(this.state)}${STATES[type]!.title}\n`);
    }
    let buf = '';
    switch (type) {
      case ST_OPT_NUMBER:
      case ST_NUMBER:
        // opt_number falls through to number unless the value is 0
        if (type === ST_NUMBER || val !== 0n) buf = sprintf(ent.out, val);
        break;
      case ST_I_FORWARD:
        type = ST_NUMBER;
        buf = sprintf(ent.out, val === 2n ? STAT_ENABLED : STAT_DISABLED);
        break;
      case ST_I_OUTP_ICMP:
      case ST_I_INP_ICMP:
        if (val > 0n) buf = sprintf(ent.out, val);
        break;
      case ST_I_RTO_ALG:
        break;
      default:
        throw new Error(`statistics: entry type ${type}`); // abort()
    }
    if (buf) this.io.out(`${this.indent(type)}${buf}\n`);
    this.state = type;
  }

  private newtable(tabs: readonly StatTable[], title: string): Table {
    for (const t of tabs) {
      if (title === t.title) {
        if (this.flags[t.flag]) this.io.out(`${title}:\n`);
        this.state = ST_NUMBER;
        return { title, tab: t.tab, flag: t.flag };
      }
    }
    // f_unknown is 1: an unknown table is always printed, and the state is left as it was
    this.io.out(`${title}:\n`);
    return { title, tab: null, flag: null };
  }

  /** process_fd(): pairs of "Title: names" / "Title: values" lines. -1 on a format error. */
  private processFd(text: string, all: boolean, filter: string | null): number {
    const ls = lines(text);
    let i = 0;
    while (i < ls.length) {
      const buf1 = ls[i++]!;
      if (buf1[0] === '\n') continue;
      if (i >= ls.length) break;
      const buf2 = ls[i++]!;
      let sp = buf1.indexOf(':');
      let np = buf2.indexOf(':');
      if (sp < 0 || np < 0) return -1;
      const title = buf1.slice(0, sp);
      if (!all && title.slice(0, filter!.length) !== filter) continue;
      const tab = this.newtable(SNMPTABS, title);
      np++;
      sp++;
      for (;;) {
        while (sp < buf1.length && ' \t\n'.includes(buf1[sp]!)) sp++;
        while (np < buf2.length && ' \t\n'.includes(buf2[np]!)) np++;
        let p = sp;
        while (p < buf1.length && !' \t\n'.includes(buf1[p]!)) p++;
        const endflag = p >= buf1.length;
        const name = buf1.slice(sp, p);
        if (name !== '' && this.on(tab)) {
          const [v, end] = strtoull(buf2, np);
          np = end;
          this.printval(tab, name, v);
        }
        if (endflag) break;
        sp = p + 1;
      }
    }
    return 0;
  }

  /** cpytitle(): up to and including the first '6'. */
  private static cpytitle(s: string): string {
    const i = s.indexOf('6');
    return i < 0 ? s : s.slice(0, i + 1);
  }

  /** process6_fd(): "Name value" lines; a new table whenever the name leaves the current title. */
  private process6Fd(text: string): void {
    let tab: Table | null = null;
    let title = '';
    let name = '';
    let val = 0n;
    for (const line of lines(text)) {
      // sscanf(buf1, "%s %llu", buf2, &val): fields it cannot read keep their old values
      const m = /^[ \t\n\v\f\r]*([^ \t\n\v\f\r]+)/.exec(line);
      if (m) {
        name = m[1]!;
        const rest = line.slice(m[0].length);
        const n = /^[ \t\n\v\f\r]*[+-]?[0-9]/.exec(rest);
        if (n) val = strtoull(rest, 0)[0];
      }
      if (tab === null) {
        title = Statistics.cpytitle(name);
        tab = this.newtable(SNMP6TABS, title);
      }
      if (!name.includes(title)) {
        title = Statistics.cpytitle(name);
        tab = this.newtable(SNMP6TABS, title);
      }
      if (this.on(tab)) this.printval(tab, name, val);
    }
  }

  /** process_fd2(): "Name value" lines of /proc/net/sctp/snmp, all in the Sctp table. */
  private processFd2(text: string): void {
    const tab = this.newtable(SNMPTABS, 'Sctp');
    for (const line of lines(text)) {
      let sp = 0;
      while (sp < line.length && !' \t\n'.includes(line[sp]!)) sp++;
      const name = line.slice(0, sp);
      sp++;
      while (sp < line.length && ' \t\n'.includes(line[sp]!)) sp++;
      if (sp < line.length && this.on(tab)) {
        const [v] = strtoull(line, sp);
        this.printval(tab, name, BigInt.asUintN(64, v));
      }
    }
  }

  private read(path: string): string | SysError {
    try {
      return latin1(this.sys.readFile(path));
    } catch (e) {
      if (e instanceof SysError) return e;
      throw e;
    }
  }

  private perror(what: string, e: SysError): void {
    this.io.err(`${what}: ${strerror(e.errno)}\n`);
  }

  /** parsesnmp() */
  parsesnmp(): void {
    const snmp = this.read('/proc/net/snmp');
    if (snmp instanceof SysError) {
      this.perror(sprintf(MSG_CANNOT_OPEN, '/proc/net/snmp'), snmp);
      return;
    }
    if (this.processFd(snmp, true, null) < 0) this.io.err(sprintf(MSG_PARSE_PROBLEM, '/proc/net/snmp'));
    const netstat = this.read('/proc/net/netstat');
    if (!(netstat instanceof SysError)) {
      if (this.processFd(netstat, true, null) < 0) this.io.err(sprintf(MSG_PARSE_PROBLEM, '/proc/net/netstat'));
    }
    const sctp = this.read('/proc/net/sctp/snmp');
    if (!(sctp instanceof SysError)) this.processFd2(sctp);
  }

  /** parsesnmp6() */
  parsesnmp6(): void {
    const snmp6 = this.read('/proc/net/snmp6');
    if (snmp6 instanceof SysError) {
      this.perror(sprintf(MSG_CANNOT_OPEN, '/proc/net/snmp6'), snmp6);
      return;
    }
    this.process6Fd(snmp6);
    const snmp = this.read('/proc/net/snmp');
    if (snmp instanceof SysError) {
      this.perror(sprintf(MSG_CANNOT_OPEN, '/proc/net/snmp'), snmp);
      return;
    }
    this.processFd(snmp, false, 'Tcp');
  }
}
