/**
 * Review staged recordings (.golden-staged/, made by tools/record-golden.ts) against golden/
 * and, with --yes, move them in and rewrite golden/INDEX.md. Cases only ever come from the
 * recorder: this tool moves files, it never writes a case's bytes itself.
 *
 *   npm run golden:accept            # show what would change
 *   npm run golden:accept -- --yes   # move the staged cases into golden/
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { GOLDEN_DIR, STAGED_DIR } from './lib/netns.js';
import { writeIndex } from './lib/index.js';
import { sideBySide } from './lib/sidebyside.js';

const argv = await yargs(hideBin(process.argv))
  .scriptName('accept-golden')
  .usage('$0 [--yes] [--scenario NAME ...]\n\nShow staged golden recordings against golden/ and move them in.')
  .option('yes', { type: 'boolean', default: false, describe: 'move the staged cases into golden/' })
  .option('scenario', { type: 'string', array: true, describe: 'only these scenarios' })
  .strict()
  .help()
  .parseAsync();

const staged: { scenario: string; name: string; dir: string; discarded: boolean }[] = [];
if (existsSync(STAGED_DIR)) {
  for (const s of readdirSync(STAGED_DIR).sort()) {
    if (argv.scenario && !argv.scenario.includes(s)) continue;
    const sdir = join(STAGED_DIR, s);
    if (!statSync(sdir).isDirectory()) continue;
    for (const c of readdirSync(sdir).sort()) {
      const dir = join(sdir, c);
      const discarded = existsSync(join(dir, 'DISCARDED'));
      if (discarded || existsSync(join(dir, 'case.json'))) staged.push({ scenario: s, name: c, dir, discarded });
    }
  }
}
if (staged.length === 0) {
  process.stdout.write('nothing staged; record first: npm run golden:record\n');
  process.exit(0);
}

const counts = { new: 0, changed: 0, same: 0, dropped: 0 };
for (const c of staged) {
  const target = join(GOLDEN_DIR, c.scenario, c.name);
  const id = `${c.scenario}/${c.name}`;
  if (c.discarded) {
    counts.dropped++;
    process.stdout.write(`drop     ${id} (${readFileSync(join(c.dir, 'DISCARDED'), 'utf8').trim()})\n`);
    if (argv.yes) rmSync(target, { recursive: true, force: true });
    continue;
  }
  if (!existsSync(join(target, 'case.json'))) {
    counts.new++;
    process.stdout.write(`new      ${id}\n`);
  } else {
    const diffs: string[] = [];
    for (const f of ['stdout', 'stderr']) {
      const a = readFileSync(join(target, f));
      const b = readFileSync(join(c.dir, f));
      if (!a.equals(b)) diffs.push(`${f}:\n${sideBySide(a, b)}`);
    }
    const exitOf = (d: string): number => (JSON.parse(readFileSync(join(d, 'case.json'), 'utf8')) as { exit: number }).exit;
    if (exitOf(target) !== exitOf(c.dir)) diffs.push(`exit: ${exitOf(target)} -> ${exitOf(c.dir)}`);
    if (diffs.length) {
      counts.changed++;
      process.stdout.write(`changed  ${id} (left: golden/, right: staged)\n${diffs.join('\n')}\n`);
    } else {
      counts.same++;
    }
  }
  if (argv.yes) {
    rmSync(target, { recursive: true, force: true });
    cpSync(c.dir, target, { recursive: true });
  }
}
process.stdout.write(`${counts.new} new, ${counts.changed} changed, ${counts.same} with the same output, ${counts.dropped} dropped\n`);
if (argv.yes) {
  // only what was moved leaves the staging folder (others may be recording other scenarios)
  for (const s of new Set(staged.map((c) => c.scenario))) rmSync(join(STAGED_DIR, s), { recursive: true, force: true });
  writeIndex(GOLDEN_DIR);
  process.stdout.write(`moved into ${GOLDEN_DIR}; golden/INDEX.md rewritten\n`);
} else {
  process.stdout.write('nothing moved; run again with --yes to accept\n');
}
