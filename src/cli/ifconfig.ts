/**
 * ifconfig (net-tools 2.10 ifconfig.c main, display part): options are compared by hand while
 * the first word starts with '-', then an optional interface name.
 */
import type { Io, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { ife_print } from '../format/ife_print.js';
import { IfWorld } from '../model/interface.js';
import { NetlinkError } from '../netlink/stream.js';
import {
  ERR_DEVICE_NOT_FOUND, ERR_FETCH, ERR_OPTION, ERR_OPTION_HINT, IFF, OPT_ALL, OPT_HELP,
  OPT_SHORT, OPT_VERBOSE, OPT_VERSION, RELEASE, SHORT_HEADER,
} from '../../compat/ifconfig.js';
import { strerror } from '../../compat/errno.js';
import { Exit, usage } from './ifconfig-common.js';
import { IfconfigSet } from './ifconfig-set.js';

/** IFNAMSIZ - 1: safe_strncpy(ifr.ifr_name, name, IFNAMSIZ) keeps 15 bytes. */
const IFNAMSIZ = 16;

const E_USAGE = 0;
const E_VERSION = 0;

export function main(argv: string[], sys: Sys, io: Io): number {
  try {
    return run(argv, sys, io);
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof SysError && e.syscall === 'socket') {
      // sockets_open() failed: perror("socket"), exit(1)
      io.stderr.write(`socket: ${strerror(e.errno)}\n`);
      return 1;
    }
    if (e instanceof NetlinkError || e instanceof SysError) {
      io.stderr.write(`ifconfig: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function run(argv: string[], sys: Sys, io: Io): number {
  let opt_a = false;
  let opt_v = false;
  let ife_short = false;
  let args = argv.slice(1);
  while (args.length && args[0]!.startsWith('-')) {
    const a = args[0]!;
    if (OPT_ALL.includes(a)) opt_a = true;
    else if (OPT_SHORT.includes(a)) ife_short = true;
    else if (OPT_VERBOSE.includes(a)) opt_v = true;
    else if (OPT_VERSION.includes(a)) {
      io.stdout.write(`${RELEASE}\n`);
      throw new Exit(E_VERSION);
    } else if (OPT_HELP.includes(a)) usage(io, E_USAGE);
    else {
      io.stderr.write(sprintf(ERR_OPTION, a));
      io.stderr.write(ERR_OPTION_HINT);
      throw new Exit(1);
    }
    args = args.slice(1);
  }

  if (args.length === 0) return if_print(sys, io, null, opt_a, ife_short) < 0 ? 1 : 0;

  const name = args[0]!.slice(0, IFNAMSIZ - 1);
  if (args.length === 1) return if_print(sys, io, name, opt_a, ife_short) < 0 ? 1 : 0;

  // main() returns goterr: -1 (from set_flag and friends) is status 255
  return new IfconfigSet(sys, io, opt_v).run(name, args.slice(1)) & 0xff;
}

/** if_print() ifconfig.c:101-123 with for_all_interfaces/do_if_print/do_if_fetch (lib/interface.c). */
function if_print(sys: Sys, io: Io, ifname: string | null, opt_a: boolean, ife_short: boolean): number {
  if (ife_short) io.stdout.write(SHORT_HEADER);
  const world = new IfWorld(sys);
  const names = ifname === null ? world.if_readlist() : [ifname];
  for (const name of names) {
    const ife = world.if_fetch(name);
    if (!ife) {
      io.stderr.write(sprintf(ERR_FETCH, name, ERR_DEVICE_NOT_FOUND));
      return -1;
    }
    if (ifname !== null || ife.flags & IFF.UP || opt_a) io.stdout.write(ife_print(ife, ife_short));
  }
  return 0;
}
