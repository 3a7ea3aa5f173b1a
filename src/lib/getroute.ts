/**
 * lib/getroute.c route_info(): the routing-table printer shared by `route` and `netstat -r`.
 * Not built yet (the route issue is open): it says so and fails.
 */
import type { Io, Sys } from '../sys/types.js';

/** route_info(afname, options): prints the tables of the families named in `afname` (comma list). */
export function route_info(afname: string, options: number, sys: Sys, io: Io, progname: string): number {
  void afname;
  void options;
  void sys;
  io.stderr.write(`${progname}: routing tables are not implemented yet in net-tools-shim\n`);
  return 1;
}
