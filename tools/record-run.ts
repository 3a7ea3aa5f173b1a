/**
 * Run one of our commands in-process on the live system while recording every question it
 * asks and every answer it gets (src/sys/record.ts), for tools/record-golden.ts.
 *
 *   node dist/tools/record-run.js WORLD.jsonl ARGV0 [ARGS...]
 *
 * Writes the command's stdout/stderr to its own and exits with the command's status.
 */
import { writeFileSync, writeSync } from 'node:fs';
import { createLiveSys } from '../src/sys/live.js';
import { createRecordingSys } from '../src/sys/record.js';
import { serialize } from '../src/sys/recording.js';
import { memoryIo } from '../src/io.js';
import { COMMAND_OF_NAME } from '../src/commands.js';
import { loadCommand } from '../src/modules.js';

const [world, argv0, ...args] = process.argv.slice(2);
if (!world || !argv0) {
  process.stderr.write('usage: record-run WORLD.jsonl ARGV0 [ARGS...]\n');
  process.exit(2);
}
const command = COMMAND_OF_NAME[argv0];
if (!command) {
  process.stderr.write(`record-run: no command named ${argv0}\n`);
  process.exit(2);
}
const main = await loadCommand(command);
const { sys, events } = createRecordingSys(createLiveSys());
const io = memoryIo();
const rc = main([argv0, ...args], sys, io);
writeFileSync(world, serialize(events));
writeSync(1, io.stdout.take());
writeSync(2, io.stderr.take());
process.exitCode = rc;
