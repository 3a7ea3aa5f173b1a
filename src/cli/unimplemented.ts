/** Commands whose issue has not landed yet say so plainly and fail. */
import type { Main } from '../sys/types.js';

export function unimplemented(command: string): Main {
  return (_argv, _sys, io) => {
    io.stderr.write(`${command}: not implemented yet in net-tools-shim\n`);
    return 1;
  };
}
