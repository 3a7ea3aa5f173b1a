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
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import {
  STAGED_DIR, REPO_DIR, RUN_ENV, Netns, freshRun, loadScenarios, runOriginal, sameRun, canRunLive,
  type Case, type Run, type Scenario,
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
chmodSync(work, 0o1777); // ours may run as another user and must write its recording here
let kept = 0;
let discarded = 0;
let differing = 0;

interface Outcome {
  original: Run;
  ours: Run;
  stable: boolean;
  /** for changing cases: the state after the original, and after ours */
  state?: { original: string; ours: string };
}

function recordOurs(c: Case, world: string): (ns: Netns) => Run {
  return (ns) => {
    rmSync(world, { force: true });
    return ns.exec(['node', join(REPO_DIR, 'dist', 'tools', 'record-run.js'), world, ...c.argv], RUN_ENV, c.user);
  };
}

/** A display case: original, ours, original again, all in the one namespace. */
function displayCase(ns: Netns, c: Case, world: string): Outcome {
  let out: Outcome | null = null;
  for (let t = 0; t < argv.tries; t++) {
    const original = runOriginal(ns, c);
    const ours = recordOurs(c, world)(ns);
    const again = runOriginal(ns, c);
    out = { original, ours, stable: sameRun(original, again) };
    if (out.stable) break;
    ns.settle();
  }
  return out!;
}

/** A changing case: the original twice and ours once, each in a namespace of its own. */
function changingCase(scenario: Scenario, c: Case, world: string): Outcome {
  let out: Outcome | null = null;
  for (let t = 0; t < argv.tries; t++) {
    const a = freshRun(scenario, c, (ns) => runOriginal(ns, c));
    const b = freshRun(scenario, c, recordOurs(c, world));
    const a2 = freshRun(scenario, c, (ns) => runOriginal(ns, c));
    out = {
      original: a.run,
      ours: b.run,
      stable: sameRun(a.run, a2.run) && a.state === a2.state,
      state: { original: a.state, ours: b.state },
    };
    if (out.stable) break;
  }
  return out!;
}

for (const scenario of loadScenarios(argv.scenario)) {
  const wanted = scenario.cases.filter((c) => !argv.case || argv.case.includes(c.name));
  if (wanted.length === 0) continue;
  const shared = wanted.some((c) => !c.fresh) ? Netns.create(scenario) : null;
  try {
    shared?.setup(scenario);
    for (const c of wanted) {
      const dir = join(STAGED_DIR, scenario.name, c.name);
      const world = join(work, `${scenario.name}.${c.name}.jsonl`);
      const o = c.fresh ? changingCase(scenario, c, world) : displayCase(shared!, c, world);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      if (!o.stable) {
        process.stdout.write(`discarded ${scenario.name}/${c.name}: the original's output is not stable\n`);
        // tells golden:accept to drop an older recording of this case too
        writeFileSync(join(dir, 'DISCARDED'), "the original's output was not the same twice\n");
        discarded++;
        continue;
      }
      writeFileSync(join(dir, 'stdout'), o.original.stdout);
      writeFileSync(join(dir, 'stderr'), o.original.stderr);
      writeFileSync(join(dir, 'world.jsonl'), readFileSync(world));
      if (o.state) {
        writeFileSync(join(dir, 'state.original'), o.state.original);
        writeFileSync(join(dir, 'state.ours'), o.state.ours);
      }
      const meta = {
        argv: c.argv,
        env: { LC_ALL: 'C' },
        ...(c.user ? { user: c.user } : {}),
        ...(c.fresh ? { fresh: true } : {}),
        exit: o.original.status,
        scenario: `tools/scenarios/${scenario.name}`,
        recorded: provenance,
      };
      writeFileSync(join(dir, 'case.json'), JSON.stringify(meta, null, 2) + '\n');
      kept++;
      const same = sameRun(o.original, o.ours) && (!o.state || o.state.original === o.state.ours);
      if (!same) differing++;
      process.stdout.write(`${same ? 'recorded' : 'recorded (ours differs!)'} ${scenario.name}/${c.name}\n`);
    }
  } finally {
    shared?.destroy();
  }
}
rmSync(work, { recursive: true, force: true });
process.stdout.write(`${kept} kept, ${discarded} discarded, ${differing} where ours differed at recording time\n`);
process.stdout.write(`staged in ${STAGED_DIR}; review and move them with: npm run golden:accept\n`);

