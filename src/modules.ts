/**
 * The way in of the plain tsc build (dist/src, ES modules): a command's module loaded on demand,
 * for bin/ when no bundle is fresh (src/boot.cts), the golden replay, the recorder and the tools.
 * Kept out of the modules the bundles hold: esbuild makes every module lazily initialized
 * (a closure per module, run at start-up) once one of them has a dynamic import().
 */
import type { Main } from './sys/types.js';
import type { Command } from './commands.js';
import { runMain } from './launch.js';

export async function loadCommand(command: Command): Promise<Main> {
  switch (command) {
    case 'ifconfig':
      return (await import('./cli/ifconfig.js')).main;
    case 'arp':
      return (await import('./cli/arp.js')).main;
    case 'route':
      return (await import('./cli/route.js')).main;
    case 'netstat':
      return (await import('./cli/netstat.js')).main;
    case 'hostname':
      return (await import('./cli/hostname.js')).main;
  }
}

/** Run a command whose module is loaded on demand (the plain tsc build: bin/ -> dist/src). */
export async function run(command: Command): Promise<void> {
  let main: Main;
  try {
    main = await loadCommand(command);
  } catch (e) {
    process.stderr.write(`${command}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
    return;
  }
  runMain(command, main);
}
