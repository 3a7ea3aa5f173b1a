/**
 * The Sys calls netstat added (readdir, readlink, sleep): live against a temporary directory
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

describe('live readlink', () => {
  it('reads a link, cut to the buffer size as readlink(2) cuts it', () => {
    expect(sys.readlink(join(dir, 'sock'), 29)).toBe('socket:[1234567]');
    expect(sys.readlink(join(dir, 'long'), 29)).toBe('/a/rather/long/target/path/be');
    expect(sys.readlink(join(dir, 'long'), 4096)).toBe('/a/rather/long/target/path/beyond/thirty/bytes');
  });
  it('fails with EINVAL on a file that is not a link, ENOENT on nothing', () => {
    expect(errnoOf(() => sys.readlink(join(dir, 'file'), 29))).toBe(EINVAL);
    expect(errnoOf(() => sys.readlink(join(dir, 'nothing'), 29))).toBe(ENOENT);
  });
  it("reads a process's own fd links", () => {
    expect(sys.readdir('/proc/self/fd').length).toBeGreaterThan(0);
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
    const link = rec.readlink(join(dir, 'long'), 29);
    const missing = errnoOf(() => rec.readlink(join(dir, 'nothing'), 29));
    rec.sleep(0);
    const replay = createReplaySys(parse(serialize(events)));
    expect(replay.readdir(dir)).toEqual(listing);
    expect(replay.readlink(join(dir, 'long'), 29)).toBe(link);
    expect(errnoOf(() => replay.readlink(join(dir, 'nothing'), 29))).toBe(missing);
    expect(missing).toBe(ENOENT);
    expect(() => replay.sleep(0)).not.toThrow();
    // a call the recording does not hold is not made up
    expect(() => replay.readdir(join(dir, 'sub'))).toThrow(/not in the recording/);
  });
});
