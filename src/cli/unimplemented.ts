/** Commands whose issue has not landed yet say so plainly, under the name they were invoked by, and fail. */
import type { Main } from '../sys/types.js';

export function unimplemented(command: string): Main {
  return (argv, _sys, io) => {
    io.stderr.write(`${argv[0] ?? command}: not implemented yet in net-tools-shim\n`);
    return 1;
  };
}
