/**
 * How a command leaves the process (root only): once koffi is loaded, ours ends with libc's
 * _exit(2), past Node's own exit (src/sys/live.ts exitProcess), and keeps Node's exit when
 * something waits for it. Bytes and status through _exit are what every live differential case
 * checks; here, that a run under NODE_V8_COVERAGE or Node options still gets Node's exit (the
 * coverage file is written there) and prints the same bytes with the same status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Netns, RUN_ENV, canRunLive, runOriginal, type Case, type Scenario } from '../../tools/lib/netns.js';
import { suiteLinks } from '../lib/links.js';

const live = canRunLive();
const EMPTY: Scenario = { name: 'exit', dir: '/nonexistent', description: 'a namespace with lo up', cases: [], state: [] };

describe.skipIf(!live)('live: how ours ends', () => {
  const links = suiteLinks();
  let ns: Netns | null = null;
  let dir = '';
  beforeAll(() => {
    ns = Netns.create(EMPTY);
    ns.exec(['ip', 'link', 'set', 'lo', 'up']);
    dir = mkdtempSync(join(tmpdir(), 'nts-exit-'));
  });
  afterAll(() => {
    ns?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // two that succeed and one that fails, all after asking the kernel (koffi loaded)
  for (const argv of [['ifconfig', 'lo'], ['ifconfig', 'nosuch0'], ['route', '-n']]) {
    it(`${argv.join(' ')}: Node's exit under NODE_V8_COVERAGE and NODE_OPTIONS, same bytes and status`, () => {
      const c: Case = { name: argv.join(' '), argv };
      const original = runOriginal(ns!, c);
      const cmd = [join(links(), argv[0]!), ...argv.slice(1)];
      const plain = ns!.exec(cmd, RUN_ENV);
      const cov = mkdtempSync(join(dir, 'cov-'));
      const covered = ns!.exec(cmd, { ...RUN_ENV, NODE_V8_COVERAGE: cov });
      const opts = ns!.exec(cmd, { ...RUN_ENV, NODE_OPTIONS: '--no-warnings' });
      for (const run of [plain, covered, opts]) {
        expect(run.status).toBe(original.status);
        expect(run.stdout.toString('latin1')).toBe(original.stdout.toString('latin1'));
        expect(run.stderr.toString('latin1')).toBe(original.stderr.toString('latin1'));
      }
      // written by Node's exit only
      expect(readdirSync(cov).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    });
  }
});
