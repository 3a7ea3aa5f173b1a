/** What the live tests share around running ours: bin/'s launchers under every command name. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ourLinks } from '../../tools/lib/netns.js';

/**
 * A directory of links to bin/ (tools/lib/netns.ts ourLinks), made before the suite this is
 * called in and removed after it; the getter gives its path once the suite runs.
 */
export function suiteLinks(): () => string {
  let links = '';
  beforeAll(() => {
    links = ourLinks(mkdtempSync(join(tmpdir(), 'nts-links-')));
  });
  afterAll(() => {
    if (links) rmSync(links, { recursive: true, force: true });
  });
  return () => links;
}
