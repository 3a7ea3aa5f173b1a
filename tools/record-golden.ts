/**
 * Record golden cases from the originals (root only).
 *
 * For each scenario (tools/scenarios/NAME/{setup.sh,cases.json}) it builds a fresh network
 * namespace, and for each case runs the original, then ours in recording mode, then the
 * original again. A case whose original output is not the same twice is discarded. A kept
 * case is: case.json (argv, exit status, provenance), stdout and stderr (the original's raw
 * bytes), world.jsonl (what ours asked the kernel and libc, and the answers). Ours' own
 * output at recording time is only reported, never saved.
 *
 * Cases are written to .golden-staged/ (not tracked); `npm run golden:accept` shows how
 * they differ from golden/ and moves them there.
 *
 *   npm run golden:record -- [--scenario NAME ...] [--case NAME ...]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import {
  STAGED_DIR, REPO_DIR, Netns, loadScenarios, runOriginal, sameRun, canRunLive, type Run,
} from './lib/netns.js';

const argv = await yargs(hideBin(process.argv))
  .scriptName('record-golden')
  .usage('$0 [--scenario NAME ...] [--case NAME ...]\n\nRecord golden cases from the installed originals (root).')
  .option('scenario', { type: 'string', array: true, describe: 'only these scenarios (default: all)' })
  .option('case', { type: 'string', array: true, describe: 'only these cases' })
  .option('tries', { type: 'number', default: 3, describe: 'how often to try for a stable original output' })
  .strict()
  .help()
  .parseAsync();

if (!canRunLive()) {
  process.stderr.write('record-golden: needs root, iproute2 and the original net-tools\n');
  process.exit(1);
}

function version(pkg: string): string {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', pkg]);
  return r.status === 0 ? r.stdout.toString() : 'unknown';
}

const provenance = {
  'net-tools': version('net-tools'),
  hostname: version('hostname'),
  kernel: spawnSync('uname', ['-r']).stdout.toString().trim(),
  date: new Date().toISOString().slice(0, 10),
};

const work = mkdtempSync(join(tmpdir(), 'nts-record-'));
let kept = 0;
let discarded = 0;
let differing = 0;

for (const scenario of loadScenarios(argv.scenario)) {
  const ns = Netns.create(scenario);
  try {
    ns.setup(scenario);
    for (const c of scenario.cases) {
      if (argv.case && !argv.case.includes(c.name)) continue;
      const dir = join(STAGED_DIR, scenario.name, c.name);
      const world = join(work, `${scenario.name}.${c.name}.jsonl`);
      let first: Run | null = null;
      let ours: Run | null = null;
      let stable = false;
      for (let t = 0; t < argv.tries && !stable; t++) {
        first = runOriginal(ns, c.argv);
        ours = ns.exec(['node', join(REPO_DIR, 'dist', 'tools', 'record-run.js'), world, ...c.argv]);
        const second = runOriginal(ns, c.argv);
        stable = sameRun(first, second);
        if (!stable) ns.settle();
      }
      if (!stable || !first || !ours) {
        process.stdout.write(`discarded ${scenario.name}/${c.name}: the original's output is not stable\n`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        // tells golden:accept to drop an older recording of this case too
        writeFileSync(join(dir, 'DISCARDED'), "the original's output was not the same twice\n");
        discarded++;
        continue;
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'stdout'), first.stdout);
      writeFileSync(join(dir, 'stderr'), first.stderr);
      writeFileSync(join(dir, 'world.jsonl'), readFileSync(world));
      const meta = {
        argv: c.argv,
        env: { LC_ALL: 'C' },
        exit: first.status,
        scenario: `tools/scenarios/${scenario.name}`,
        recorded: provenance,
      };
      writeFileSync(join(dir, 'case.json'), JSON.stringify(meta, null, 2) + '\n');
      kept++;
      const same = sameRun(first, ours);
      if (!same) differing++;
      process.stdout.write(`${same ? 'recorded' : 'recorded (ours differs!)'} ${scenario.name}/${c.name}\n`);
    }
  } finally {
    ns.destroy();
  }
}
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${kept} kept, ${discarded} discarded, ${differing} where ours differed at recording time\n`);
process.stdout.write(`staged in ${STAGED_DIR}; review and move them with: npm run golden:accept\n`);

