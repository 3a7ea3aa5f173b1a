/**
 * A fuzzer for the netlink decoding path, end to end: a golden case's recording is replayed
 * with one answer datagram damaged (bits flipped, bytes set to edge values, lengths broken,
 * cut short or extended), and the command must still end with an exit status and at most
 * clean error lines — never an exception of its own, never a hang.
 * Used by test/fuzz.test.ts (a fixed seed, a few thousand runs) and tools/fuzz-decoder.ts
 * (as long as asked).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, serialize, type Event } from '../../src/sys/recording.js';
import { createReplaySys } from '../../src/sys/replay.js';
import { memoryIo } from '../../src/io.js';
import { SysError } from '../../src/sys/types.js';
import { COMMAND_OF_NAME } from '../../src/commands.js';
import { loadCommand } from '../../src/modules.js';
import { listCaseDirs } from './index.js';
import { GOLDEN_DIR } from './netns.js';

/** xorshift32: small, fast, and the same sequence for the same seed everywhere */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  below(n: number): number {
    return this.next() % n;
  }
}

export interface Seed {
  id: string;
  argv: string[];
  events: Event[];
  /** indexes of the recv events */
  recvs: number[];
}

/** Every golden case that reads netlink answers is a seed. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const { scenario, name, dir } of listCaseDirs(GOLDEN_DIR)) {
    const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { argv: string[] };
    const events = parse(readFileSync(join(dir, 'world.jsonl'), 'utf8'));
    const recvs = events.flatMap((e, i) => (e.op === 'recv' && !e.errno ? [i] : []));
    if (recvs.length) seeds.push({ id: `${scenario}/${name}`, argv: meta.argv, events, recvs });
  }
  return seeds;
}

const EDGE = [0x00, 0x01, 0x03, 0x04, 0x0f, 0x10, 0x7f, 0x80, 0xff];

/** Damage one datagram in one of several ways. */
export function mutate(d: Uint8Array, rng: Rng): Uint8Array {
  let out = d.slice();
  const dv = (): DataView => new DataView(out.buffer);
  const kind = rng.below(7);
  const pos = out.length ? rng.below(out.length) : 0;
  switch (kind) {
    case 0: // flip a few bits
      for (let i = rng.below(4) + 1; i > 0 && out.length; i--) out[rng.below(out.length)]! ^= 1 << rng.below(8);
      break;
    case 1: // an edge value somewhere
      if (out.length) out[pos] = EDGE[rng.below(EDGE.length)]!;
      break;
    case 2: // break a 16-bit length (attribute headers are 4-aligned)
      if (out.length >= 4) dv().setUint16(pos & ~3, [0, 1, 3, 4, 5, 0xffff, rng.below(0x10000)][rng.below(7)]!, true);
      break;
    case 3: // break nlmsg_len of the first message
      if (out.length >= 4) dv().setUint32(0, [0, 15, 16, 17, out.length + 4, 0xffffffff, rng.below(out.length + 8)][rng.below(7)]!, true);
      break;
    case 4: // cut short
      out = out.slice(0, rng.below(out.length + 1));
      break;
    case 5: { // extend with junk
      const extra = new Uint8Array(rng.below(12) + 1).map(() => rng.below(256));
      const n = new Uint8Array(out.length + extra.length);
      n.set(out);
      n.set(extra, out.length);
      out = n;
      break;
    }
    default: // a run of random bytes
      for (let i = 0; i < 8 && pos + i < out.length; i++) out[pos + i] = rng.below(256);
  }
  return out;
}

export interface Finding {
  seed: string;
  argv: string[];
  problem: string;
  world: string;
}

/** Replay `seed` with one damaged answer; a Finding when the command misbehaves. */
export async function fuzzOnce(seed: Seed, rng: Rng): Promise<Finding | null> {
  const events = seed.events.map((e) => ({ ...e })) as Event[];
  const at = seed.recvs[rng.below(seed.recvs.length)]!;
  const ev = events[at] as Extract<Event, { op: 'recv' }>;
  ev.hex = Buffer.from(mutate(new Uint8Array(Buffer.from(ev.hex, 'hex')), rng)).toString('hex');
  const main = await loadCommand(COMMAND_OF_NAME[seed.argv[0]!]!);
  const io = memoryIo();
  const world = serialize(events);
  const started = Date.now();
  try {
    const rc = main(seed.argv, createReplaySys(events), io);
    if (!Number.isInteger(rc) || rc < 0 || rc > 255) return { seed: seed.id, argv: seed.argv, problem: `exit status ${rc}`, world };
  } catch (e) {
    // a damaged answer may lead to a question the recording cannot answer: inconclusive
    if (e instanceof SysError && e.syscall === 'replay') return null;
    const err = e as Error;
    return { seed: seed.id, argv: seed.argv, problem: `threw ${err.name}: ${err.message}\n${err.stack ?? ''}`, world };
  }
  if (Date.now() - started > 5000) return { seed: seed.id, argv: seed.argv, problem: 'took more than 5 s', world };
  return null;
}
