/**
 * A mark, not code. tsc writes this file (dist/src/bundles-stale.js) at every build, and
 * tools/bundle.ts deletes it once it has made the bundles and their code caches from that build:
 * while it is there, a bare `tsc` ran after the bundles were made, and bin/ runs the modules of
 * dist/src instead of the stale bundles (src/boot.cts). Checking that a file exists is what costs
 * least at each start (comparing the files' times took two stat calls, and Node's first stat
 * call costs it about 0.2 ms).
 */
export {};
