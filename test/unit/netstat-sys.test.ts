/**
 * The Sys calls netstat added (readdir, readlinks, sleep): live against a temporary directory
 * (unprivileged, no network), and through recording and replay.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSys } from '../../src/sys/live.js';
import { createRecordingSys } from '../../src/sys/record.js';
import { createReplaySys } from '../../src/sys/replay.js';
import { parse, serialize } from '../../src/sys/recording.js';
import { SysError } from '../../src/sys/types.js';

const ENOENT = 2;
const EINVAL = 22;
const ENOTDIR = 20;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nts-sys-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'file'), 'x');
  symlinkSync('socket:[1234567]', join(dir, 'sock'));
  symlinkSync('/a/rather/long/target/path/beyond/thirty/bytes', join(dir, 'long'));
  // a name that is not UTF-8: latin1 in, latin1 out
  writeFileSync(Buffer.from(join(dir, 'caf\xe9'), 'latin1'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sys = createLiveSys();

function errnoOf(f: () => unknown): number {
  try {
    f();
  } catch (e) {
    if (e instanceof SysError) return e.errno;
    throw e;
  }
  return 0;
}

describe('live readdir', () => {
  it('lists every entry but . and .., names as latin1', () => {
    expect(sys.readdir(dir).sort()).toEqual(['caf\xe9', 'file', 'long', 'sock', 'sub'].sort());
  });
  it('lists /proc in the kernel order: pids ascending, not as strings', () => {
    const pids = sys.readdir('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
    expect(pids.length).toBeGreaterThan(0);
    expect(pids).toEqual([...pids].sort((a, b) => a - b));
  });
  it('fails with the errno of opendir', () => {
    expect(errnoOf(() => sys.readdir(join(dir, 'nothing')))).toBe(ENOENT);
    expect(errnoOf(() => sys.readdir(join(dir, 'file')))).toBe(ENOTDIR);
  });
});

describe('live readlinks', () => {
  const byName = (links: ReturnType<typeof sys.readlinks>) => Object.fromEntries(links.map((l) => [l.name, [l.target, l.errno]]));
  it('reads every link of a directory, cut to the buffer size as readlink(2) cuts it', () => {
    const links = sys.readlinks(dir, 29);
    // the same entries, in the same order, as readdir
    expect(links.map((l) => l.name)).toEqual(sys.readdir(dir));
    expect(byName(links)).toEqual({
      sock: ['socket:[1234567]', 0],
      long: ['/a/rather/long/target/path/be', 0],
      file: [null, EINVAL],
      sub: [null, EINVAL],
      'caf\xe9': [null, EINVAL],
    });
    expect(byName(sys.readlinks(dir, 4096)).long).toEqual(['/a/rather/long/target/path/beyond/thirty/bytes', 0]);
  });
  it('fails with the errno of opendir', () => {
    expect(errnoOf(() => sys.readlinks(join(dir, 'nothing'), 29))).toBe(ENOENT);
    expect(errnoOf(() => sys.readlinks(join(dir, 'file'), 29))).toBe(ENOTDIR);
  });
  it("reads a process's own fd links", () => {
    const links = sys.readlinks('/proc/self/fd', 29);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => /^\d+$/.test(l.name))).toBe(true);
    expect(links.some((l) => l.target !== null && l.errno === 0)).toBe(true);
  });
});

describe('live sleep', () => {
  it('sleeps whole seconds, and not at all for 0', () => {
    const t0 = Date.now();
    sys.sleep(0);
    expect(Date.now() - t0).toBeLessThan(500);
    const t1 = Date.now();
    sys.sleep(1);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(990);
  });
});

describe('recorded and replayed', () => {
  it('answers as the live calls did, errors included', () => {
    const { sys: rec, events } = createRecordingSys(sys);
    const listing = rec.readdir(dir);
    const links = rec.readlinks(dir, 29);
    const missing = errnoOf(() => rec.readlinks(join(dir, 'nothing'), 29));
    rec.sleep(0);
    const replay = createReplaySys(parse(serialize(events)));
    expect(replay.readdir(dir)).toEqual(listing);
    expect(replay.readlinks(dir, 29)).toEqual(links);
    expect(errnoOf(() => replay.readlinks(join(dir, 'nothing'), 29))).toBe(missing);
    expect(missing).toBe(ENOENT);
    expect(() => replay.sleep(0)).not.toThrow();
    // a call the recording does not hold is not made up
    expect(() => replay.readdir(join(dir, 'sub'))).toThrow(/not in the recording/);
  });
});
