/**
 * Start-up of the dev-tree launchers in bin/ (CommonJS, so that Node need not load its ES module
 * loader): run the command's bundle (dist/bundle/COMMAND.cjs, made by `npm run build`) when it
 * is at least as new as the tsc output, else the modules of dist/src (after a bare `tsc`, so a
 * stale bundle never runs old code).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from './bundle-loader.cjs';

export function boot(command: string): void {
  const dist = join(__dirname, '..');
  const bundle = join(dist, 'bundle', `${command}.cjs`);
  const launch = join(dist, 'src', 'launch.js');
  let fresh = false;
  try {
    fresh = statSync(bundle).mtimeMs >= statSync(launch).mtimeMs;
  } catch {
    // no bundle (or no build): the modules
  }
  if (fresh) {
    loadBundle(bundle);
    return;
  }
  // node:url only here: the bundle path never needs it
  const { pathToFileURL } = require('node:url') as typeof import('node:url');
  void import(pathToFileURL(launch).href).then((m: { run(c: string): Promise<void> }) => m.run(command));
}
