/**
 * Replays every golden case (recorded from the originals by tools/record-golden.ts) through
 * our command, in-process, with no kernel, no root and no network, and compares the bytes.
 */
import { describe, expect, it } from 'vitest';
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
