/**
 * route (net-tools 2.10 route.c main): `-net`/`-host` become `#net`/`#host` before getopt_long
 * sees them, the options select the families (lib/af.c) and what to show, then either the
 * tables are printed (route_info, src/lib/getroute.ts) or the family's route setter runs
 * (route_edit, lib/setroute.c: INET_rinput, INET6_rinput, X25_rinput, ...).
 */
import type { Io, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { Getopt } from '../lib/getopt.js';
import { AfSelection } from '../lib/aftrans.js';
import { route_info } from '../lib/getroute.js';
import { NetlinkError } from '../netlink/stream.js';
import { get_aftype, print_aflist } from '../../compat/aftypes.js';
import { strerror } from '../../compat/errno.js';
import {
  AFTRANS_CNT, DFLT_AF, ERR_AF_NOT_SUPPORTED, ERR_INTERN, ERR_INTERN_FILE, ERR_INTERN_LONGOPTS,
  ERR_NO_ROUTING, IPX_ERR_RINPUT, LONGOPTS, NETROM_ERR_RINPUT, OPTSTRING, USAGE, VERSION,
} from '../../compat/route.js';
import {
  E_NOSUPP, E_OPTERR, E_USAGE, E_VERSION, FLAG_CACHE, FLAG_EXT, FLAG_FIB, FLAG_NUM, FLAG_SYM,
  FLAG_VERBOSE, RTACTION_ADD, RTACTION_DEL, RTACTION_FLUSH, RTACTION_HELP, RTACTION_SHOW,
} from '../../compat/net-support.js';
import { INET_rinput } from './inet_sr.js';
import { INET6_rinput } from './inet6_sr.js';
import { X25_rinput } from './x25_sr.js';

/** A C exit() out of the middle of main. */
class Exit {
  constructor(readonly code: number) {}
}

export function main(argv: string[], sys: Sys, io: Io): number {
  try {
    return run(argv, sys, io) & 0xff;
  } catch (e) {
    if (e instanceof Exit) return e.code & 0xff;
    if (e instanceof NetlinkError || e instanceof SysError) {
      io.stderr.write(`${argv[0] ?? 'route'}: ${e instanceof SysError ? strerror(e.errno) : e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** usage() route.c:78-97: stdout for 0, stderr otherwise; print_aflist(1) to stderr; exit(rc). */
function usage(io: Io, rc: number): never {
  const fp = rc ? io.stderr : io.stdout;
  fp.write(sprintf(USAGE, DFLT_AF));
  io.stderr.write(print_aflist(1));
  throw new Exit(rc);
}

/** route_edit() lib/setroute.c:73-89 */
function route_edit(sys: Sys, io: Io, action: number, afname: string, options: number, args: string[]): number {
  const stderr = (t: string): void => io.stderr.write(t);
  const ap = get_aftype(afname, stderr);
  if (!ap) {
    stderr(sprintf(ERR_AF_NOT_SUPPORTED, afname));
    return E_OPTERR;
  }
  if (!ap.rinput) {
    stderr(sprintf(ERR_NO_ROUTING, ap.name));
    return E_OPTERR;
  }
  switch (ap.name) {
    case 'inet':
      return INET_rinput(sys, io, action, options, args);
    case 'inet6':
      return INET6_rinput(sys, io, action, options, args);
    case 'x25':
      return X25_rinput(io, action, options, args);
    case 'netrom':
      stderr(NETROM_ERR_RINPUT);
      return E_NOSUPP;
    case 'ipx':
      stderr(IPX_ERR_RINPUT);
      return E_NOSUPP;
    default:
      stderr(sprintf(ERR_NO_ROUTING, ap.name));
      return E_OPTERR;
  }
}

function run(argv: string[], sys: Sys, io: Io): number {
  const progname = argv[0] ?? 'route';
  let opt_n = 0;
  let opt_v = 0;
  let opt_e = 1;
  let opt_fc = 0;
  let opt_h = 0;
  const af = new AfSelection((t) => io.stderr.write(t));

  // "getopts and -net wont work :-/": -net and -host become #net and #host
  const args = argv.map((a) => (a === '-net' ? '#net' : a === '-host' ? '#host' : a));

  const g = new Getopt(args, OPTSTRING, LONGOPTS, { posixlyCorrect: sys.getenv('POSIXLY_CORRECT') !== null });
  for (const o of g) {
    io.stderr.write(o.message);
    let i: number;
    switch (o.opt) {
      case 'n':
        opt_n |= FLAG_NUM;
        break;
      case 'N':
        opt_n |= FLAG_SYM;
        break;
      case 'v':
        opt_v |= FLAG_VERBOSE;
        break;
      case 'e':
        opt_e++;
        break;
      case 1: {
        const lop = o.longindex ?? -1;
        if (lop < 0 || lop >= AFTRANS_CNT) {
          io.stderr.write(sprintf(ERR_INTERN, ERR_INTERN_FILE, ERR_INTERN_LONGOPTS));
          break;
        }
        if ((i = af.aftrans_opt(LONGOPTS[lop]!.name))) throw new Exit(i);
        break;
      }
      case 'C':
        opt_fc |= FLAG_CACHE;
        break;
      case 'F':
        opt_fc |= FLAG_FIB;
        break;
      case 'A':
        if ((i = af.aftrans_opt(o.optarg ?? ''))) throw new Exit(i);
        break;
      case '6':
        if ((i = af.aftrans_opt('inet6'))) throw new Exit(i);
        break;
      case '4':
        if ((i = af.aftrans_opt('inet'))) throw new Exit(i);
        break;
      case 'V':
        io.stdout.write(VERSION);
        throw new Exit(E_VERSION);
      case 'h':
      case '?':
        opt_h++;
        break;
      default:
        usage(io, E_OPTERR);
    }
  }
  const rest = g.argv.slice(g.optind);

  let what = 0;
  if (opt_h) {
    if (!af.afname) usage(io, E_USAGE);
    what = RTACTION_HELP;
  } else {
    // this initialises afname from the program's name (inet6_route) or the default
    if (!af.afname) af.aftrans_def('route', progname, DFLT_AF);
    if (rest.length === 0) what = RTACTION_SHOW;
    else if (rest[0] === 'add') what = RTACTION_ADD;
    else if (rest[0] === 'del' || rest[0] === 'delete') what = RTACTION_DEL;
    else if (rest[0] === 'flush') what = RTACTION_FLUSH;
    else usage(io, E_OPTERR);
  }

  let options = (opt_e & FLAG_EXT) | opt_n | opt_fc | opt_v;
  if (!opt_fc) options |= FLAG_FIB;

  if (what === RTACTION_SHOW) return route_info(af.afname, options, sys, io, progname);
  return route_edit(sys, io, what, af.afname, options, rest.slice(1));
}
