/** Loading and replaying golden cases (golden/SCENARIO/CASE/), shared by the golden tests. */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReplaySys } from '../../src/sys/replay.js';
import { parse } from '../../src/sys/recording.js';
import { memoryIo } from '../../src/io.js';
import { COMMAND_OF_NAME } from '../../src/commands.js';
import { loadCommand } from '../../src/modules.js';
import { sideBySide } from '../../tools/lib/sidebyside.js';

export const GOLDEN = new URL('../../golden/', import.meta.url).pathname;

export interface GoldenCase {
  id: string;
  dir: string;
  argv: string[];
  exit: number;
  stdout: Buffer;
  stderr: Buffer;
}

export function listCases(): GoldenCase[] {
  const out: GoldenCase[] = [];
  if (!existsSync(GOLDEN)) return out;
  for (const s of readdirSync(GOLDEN).sort()) {
    const sdir = join(GOLDEN, s);
    if (!statSync(sdir).isDirectory()) continue;
    for (const c of readdirSync(sdir).sort()) {
      const dir = join(sdir, c);
      if (!existsSync(join(dir, 'case.json'))) continue;
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { argv: string[]; exit: number };
      out.push({
        id: `${s}/${c}`,
        dir,
        argv: meta.argv,
        exit: meta.exit,
        stdout: readFileSync(join(dir, 'stdout')),
        stderr: readFileSync(join(dir, 'stderr')),
      });
    }
  }
  return out;
}

export interface Replayed {
  stdout: Buffer;
  stderr: Buffer;
  exit: number;
  /** recorded kernel changes this run did not ask for */
  unsent: string[];
}

/** Run our command in-process on the case's recording. */
export async function replay(c: GoldenCase, world?: string): Promise<Replayed> {
  const command = COMMAND_OF_NAME[c.argv[0]!];
  if (!command) throw new Error(`${c.id}: no command named ${c.argv[0]}`);
  const main = await loadCommand(command);
  const sys = createReplaySys(parse(world ?? readFileSync(join(c.dir, 'world.jsonl'), 'utf8')));
  const io = memoryIo();
  const exit = main(c.argv, sys, io);
  return { stdout: io.stdout.take(), stderr: io.stderr.take(), exit, unsent: sys.unsentChanges() };
}

/**
 * Compare; on a mismatch write stdout.actual/stderr.actual/exit.actual next to the case
 * (tools/accept-golden.ts never promotes them: cases come from the originals only) and
 * return a readable report; null when identical (and stale .actual files are removed).
 */
export function compare(c: GoldenCase, r: Replayed): string | null {
  const files = ['stdout.actual', 'stderr.actual', 'exit.actual'].map((f) => join(c.dir, f));
  if (r.exit === c.exit && r.stdout.equals(c.stdout) && r.stderr.equals(c.stderr) && r.unsent.length === 0) {
    for (const f of files) rmSync(f, { force: true });
    return null;
  }
  writeFileSync(files[0]!, r.stdout);
  writeFileSync(files[1]!, r.stderr);
  writeFileSync(files[2]!, `${r.exit}\n`);
  const parts = [`golden case ${c.id} (${c.argv.join(' ')}) differs; ours is in ${c.dir}/*.actual`];
  if (r.exit !== c.exit) parts.push(`exit status: original ${c.exit}, ours ${r.exit}`);
  if (!r.stdout.equals(c.stdout)) parts.push('stdout:\n' + sideBySide(c.stdout, r.stdout));
  if (!r.stderr.equals(c.stderr)) parts.push('stderr:\n' + sideBySide(c.stderr, r.stderr));
  if (r.unsent.length) parts.push(`recorded kernel changes not requested this time:\n${r.unsent.join('\n')}`);
  return parts.join('\n');
}
