/**
 * The decoding path never crashes on damaged kernel answers: a fixed-seed run of the fuzzer
 * in tools/lib/fuzz.ts over every golden recording (tools/fuzz-decoder.ts runs it longer).
 */
import { describe, expect, it } from 'vitest';
import { Rng, fuzzOnce, loadSeeds } from '../tools/lib/fuzz.js';

describe('damaged netlink answers', () => {
  const seeds = loadSeeds();
  it('there are recordings to damage', () => expect(seeds.length).toBeGreaterThan(20));

  it('2000 damaged replays end with an exit status, never an exception', async () => {
    const rng = new Rng(20261128);
    const findings: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const f = await fuzzOnce(seeds[rng.below(seeds.length)]!, rng);
      if (f) findings.push(`${f.seed} (${f.argv.join(' ')}): ${f.problem}`);
      if (findings.length >= 5) break;
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
