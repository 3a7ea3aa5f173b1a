/**
 * Live differential tests (root only): every scenario is built in a fresh network namespace
 * and every case is run by the installed original and by ours (bin/ launchers, live kernel),
 * with no recording in between. The original runs before and after ours; when its two runs
 * differ (counters moved) the case is tried again. Skipped cleanly when not root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Netns, canRunLive, freshRun, loadScenarios, runOriginal, runOurs, sameRun, type Run,
} from '../../tools/lib/netns.js';
import { sideBySide } from '../../tools/lib/sidebyside.js';
import { suiteLinks } from '../lib/links.js';

const live = canRunLive();
const scenarios = live ? loadScenarios() : [];

function report(orig: Run, ours: Run): string {
  const parts: string[] = [];
  if (orig.status !== ours.status) parts.push(`exit status: original ${orig.status}, ours ${ours.status}`);
  if (!orig.stdout.equals(ours.stdout)) parts.push('stdout:\n' + sideBySide(orig.stdout, ours.stdout));
  if (!orig.stderr.equals(ours.stderr)) parts.push('stderr:\n' + sideBySide(orig.stderr, ours.stderr));
  return parts.join('\n');
}

describe.skipIf(!live)('live: original vs ours in a namespace', () => {
  const links = suiteLinks();

  for (const scenario of scenarios) {
    describe(scenario.name, () => {
      let ns: Netns | null = null;
      beforeAll(() => {
        if (!scenario.cases.some((c) => !c.fresh)) return;
        ns = Netns.create(scenario);
        ns.setup(scenario);
      });
      afterAll(() => ns?.destroy());

      for (const c of scenario.cases) {
        it(`${c.name}${c.user ? ` (as ${c.user})` : ''}`, () => {
          let last = '';
          for (let attempt = 0; attempt < 3; attempt++) {
            if (c.fresh) {
              // a changing command: original and ours each on a namespace of its own, then the state
              const a = freshRun(scenario, c, (n) => runOriginal(n, c));
              const b = freshRun(scenario, c, (n) => runOurs(n, c, links()));
              if (sameRun(a.run, b.run) && a.state === b.state) return;
              const a2 = freshRun(scenario, c, (n) => runOriginal(n, c));
              if (!sameRun(a.run, a2.run) || a.state !== a2.state) {
                last = 'the original itself did not do the same twice';
                continue;
              }
              last = report(a.run, b.run) + (a.state === b.state ? '' : `\nstate after:\n${sideBySide(Buffer.from(a.state, 'latin1'), Buffer.from(b.state, 'latin1'))}`);
              break;
            }
            const before = runOriginal(ns!, c);
            const ours = runOurs(ns!, c, links());
            const after = runOriginal(ns!, c);
            if (!sameRun(before, after)) {
              last = `the original itself changed between runs:\n${report(before, after)}`;
              ns!.settle();
              continue;
            }
            if (sameRun(before, ours)) return;
            last = report(before, ours);
            break;
          }
          expect.fail(`${c.argv.join(' ')}\n${last}`);
        });
      }
    });
  }
});
