/**
 * Fuzz the netlink decoding path for as long as asked: golden recordings replayed with one
 * damaged answer (tools/lib/fuzz.ts). Findings are written as replayable worlds.
 *
 *   node dist/tools/fuzz-decoder.js [--seconds 600] [--seed N] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { Rng, fuzzOnce, loadSeeds } from './lib/fuzz.js';

const argv = await yargs(hideBin(process.argv))
  .scriptName('fuzz-decoder')
  .usage('$0 [--seconds N] [--seed N] [--out DIR]\n\nReplay golden recordings with damaged netlink answers; report any crash or hang.')
  .option('seconds', { type: 'number', default: 60, describe: 'how long to run' })
  .option('seed', { type: 'number', default: Date.now() % 0xffffffff, describe: 'PRNG seed (runs are repeatable)' })
  .option('out', { type: 'string', default: 'fuzz-findings', describe: 'where findings are written' })
  .strict()
  .help()
  .parseAsync();

const seeds = loadSeeds();
const rng = new Rng(argv.seed);
const end = Date.now() + argv.seconds * 1000;
let runs = 0;
let found = 0;
while (Date.now() < end) {
  const f = await fuzzOnce(seeds[rng.below(seeds.length)]!, rng);
  runs++;
  if (f) {
    found++;
    mkdirSync(argv.out, { recursive: true });
    const base = join(argv.out, `finding-${found}`);
    writeFileSync(`${base}.jsonl`, f.world);
    writeFileSync(`${base}.txt`, `${f.seed}\n${f.argv.join(' ')}\n${f.problem}\n`);
    process.stdout.write(`finding ${found}: ${f.seed}: ${f.problem.split('\n')[0]}\n`);
  }
}
process.stdout.write(`${runs} runs, seed ${argv.seed}, ${found} findings\n`);
process.exitCode = found ? 1 : 0;
