/**
 * lib/af.c's address-family selection as route and netstat use it: the `afname` list that
 * `-A`, `-4`, `-6`, `--inet6` and the program name build (aftrans_opt, aftrans_def), with the
 * flag_* counters they bump. One `AfSelection` plays the part of the C globals of one run.
 */
import { AFTRANS } from '../../compat/aftypes.js';
import { ERR_TOO_MANY_AF, ERR_UNKNOWN_AF } from '../../compat/route.js';
import { sprintf } from '../format/printf.js';

/** sizeof(afname): char afname[256] */
const AFNAME_SIZE = 256;

export class AfSelection {
  /** the C `afname` buffer: comma-separated family names */
  afname = '';
  /** flag_inet, flag_inet6, ... as aftrans_opt counts them */
  readonly flags = new Map<string, number>();

  constructor(private readonly stderr: (text: string) => void) {}

  /**
   * aftrans_opt() lib/af.c:287-318: each comma-separated alias is looked up in aftrans[] and
   * its family appended to afname. Returns 1 after "Unknown address family" (nothing more is
   * read), 0 otherwise, also when afname would overflow ("Too much address family arguments.").
   */
  aftrans_opt(arg: string): number {
    const buf = arg.slice(0, AFNAME_SIZE - 1);
    for (const tmp1 of buf.split(',')) {
      const paft = AFTRANS.find((a) => a.alias === tmp1);
      if (!paft) {
        this.stderr(sprintf(ERR_UNKNOWN_AF, tmp1));
        return 1;
      }
      if (paft.name.length + this.afname.length + 1 >= AFNAME_SIZE) {
        this.stderr(ERR_TOO_MANY_AF);
        return 0;
      }
      this.flags.set(paft.flag, (this.flags.get(paft.flag) ?? 0) + 1);
      if (this.afname) this.afname += ',';
      this.afname += paft.name;
    }
    return 0;
  }

  /**
   * aftrans_def() lib/af.c:199-233: afname = dflt, unless the program's base name is
   * `<prefix>[_...]<tool>` (inet6_route, ip6route): then the families of <prefix>, or, when
   * <prefix> is not a known alias, the prefix itself (after "Unknown address family" -- the C
   * copies the name when aftrans_opt *fails*).
   */
  aftrans_def(tool: string, argv0: string, dflt: string): void {
    this.afname = dflt.slice(0, AFNAME_SIZE - 1);
    const slash = argv0.lastIndexOf('/');
    const tmp = slash < 0 ? argv0 : argv0.slice(slash + 1);
    if (tool.length >= tmp.length) return;
    if (tmp.slice(tmp.length - tool.length) !== tool) return;
    let buf = tmp.slice(0, tmp.length - tool.length);
    const us = buf.indexOf('_');
    if (us >= 0) buf = buf.slice(0, us);
    this.afname = '';
    if (this.aftrans_opt(buf)) this.afname = buf.slice(0, AFNAME_SIZE - 1);
  }
}
