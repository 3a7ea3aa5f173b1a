/**
 * Replays every golden case (recorded from the originals by tools/record-golden.ts) through
 * our command, in-process, with no kernel, no root and no network, and compares the bytes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, listCases, replay } from './lib/golden.js';

const cases = listCases();

describe('golden cases', () => {
  it('there are golden cases to replay', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const c of cases) {
    it(c.id, async () => {
      const report = compare(c, await replay(c));
      if (report) expect.fail(report);
    });
  }
});

/**
 * Changing cases were recorded on identical namespaces, one changed by the original and one by
 * ours: the kernel state each left (ip link/addr/route) was saved, and must be the same.
 */
describe('kernel state after changing cases, as recorded', () => {
  const changing = cases.filter((c) => existsSync(join(c.dir, 'state.original')));
  for (const c of changing) {
    it(c.id, () => {
      const original = readFileSync(join(c.dir, 'state.original'), 'latin1');
      const ours = readFileSync(join(c.dir, 'state.ours'), 'latin1');
      expect(ours).toBe(original);
    });
  }
});
