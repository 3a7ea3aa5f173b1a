/** What ifconfig's display and configuration parts share: exit() and usage(). */
import type { Io } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import { DFLT_AF, USAGE_AF, USAGE_HEAD } from '../../compat/ifconfig.js';
import { print_hwlist } from '../../compat/hwtypes.js';
import { print_aflist } from '../../compat/aftypes.js';

/** A C exit() out of the middle of main. */
export class Exit {
  constructor(readonly code: number) {}
}

/** usage() ifconfig.c:200-233: stdout for rc 0, stderr otherwise; the lists always to stderr. */
export function usage(io: Io, rc: number): never {
  const fp = rc ? io.stderr : io.stdout;
  fp.write(USAGE_HEAD);
  io.stderr.write(print_hwlist(0));
  fp.write(sprintf(USAGE_AF, DFLT_AF));
  io.stderr.write(print_aflist(0));
  throw new Exit(rc);
}
