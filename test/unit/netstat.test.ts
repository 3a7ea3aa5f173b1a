/**
 * netstat pieces the golden cases cannot reach (they are recorded on one kernel, with one
 * /etc/services, and never run forever): -c rounds, the address:port cut, the last-duplicate
 * rule of the service lists, glibc bsearch over the unsorted statistics tables, the UNIX path
 * as /proc shows it, the -p link parsing and its messages, the RefCnt fallback without
 * /proc/net/unix. No root, no network: golden worlds replayed, or small fake Sys objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/netstat.js';
import { memoryIo } from '../../src/io.js';
import { createReplaySys } from '../../src/sys/replay.js';
import { parse, type Event } from '../../src/sys/recording.js';
import { SysError, type Sys } from '../../src/sys/types.js';
import { Names } from '../../src/format/netstat_names.js';
import { SockPrinter, procPath } from '../../src/format/netstat_sockets.js';
import { bsearch } from '../../src/format/netstat_stats.js';
import { PrgCache } from '../../src/model/prgcache.js';
import { readProcInet } from '../../src/model/socket.js';
import { IPTAB, TCPEXTTAB, ICMP6TAB, TCPTAB } from '../../compat/netstat.js';
import { GOLDEN } from '../lib/golden.js';

const ENOENT = 2;
const EACCES = 13;

function golden(id: string): { argv: string[]; stdout: Buffer; stderr: Buffer; world: Event[] } {
  const dir = join(GOLDEN, id);
  return {
    argv: (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { argv: string[] }).argv,
    stdout: readFileSync(join(dir, 'stdout')),
    stderr: readFileSync(join(dir, 'stderr')),
    world: parse(readFileSync(join(dir, 'world.jsonl'), 'utf8')),
  };
}

class Interrupted extends Error {}

/**
 * A Sys that answers from a recording, afresh after every sleep() (a new round asks the same
 * questions again), and is "interrupted" (as by ^C) at the given sleep.
 */
function roundsSys(world: Event[], rounds: number, log: string[]): Sys {
  let inner: Sys = createReplaySys(world);
  let slept = 0;
  return new Proxy({} as Sys, {
    get(_t, key: string) {
      if (key === 'sleep') {
        return (s: number) => {
          log.push(`sleep ${s}`);
          if (++slept >= rounds) throw new Interrupted();
          inner = createReplaySys(world);
        };
      }
      return (...args: unknown[]) => (inner[key as keyof Sys] as (...a: unknown[]) => unknown)(...args);
    },
  });
}

function runRounds(id: string, extra: string[], rounds: number) {
  const g = golden(id);
  const log: string[] = [];
  const io = memoryIo();
  const flushes: number[] = [];
  let written = 0;
  const stdout = io.stdout;
  const write = stdout.write.bind(stdout);
  stdout.write = (b) => {
    written += typeof b === 'string' ? b.length : b.length;
    write(b);
  };
  (stdout as { flush?: () => void }).flush = () => {
    flushes.push(written);
    log.push('flush');
  };
  expect(() => main([...g.argv, ...extra], roundsSys(g.world, rounds, log), io)).toThrow(Interrupted);
  return { g, out: io.stdout.take(), err: io.stderr.take(), log, flushes };
}

describe('-c: every second, flushed, until interrupted', () => {
  it('sockets: the whole block again each round, flushed before each sleep(1)', () => {
    const { g, out, err, log, flushes } = runRounds('netstat-sockets/unix-all', ['-c'], 3);
    expect(out.equals(Buffer.concat([g.stdout, g.stdout, g.stdout]))).toBe(true);
    expect(err.length).toBe(0);
    expect(log).toEqual(['flush', 'sleep 1', 'flush', 'sleep 1', 'flush', 'sleep 1']);
    expect(flushes).toEqual([g.stdout.length, 2 * g.stdout.length, 3 * g.stdout.length]);
  });

  it('-p: the program cache is read again each round (prg_cache_clear)', () => {
    const { g, out } = runRounds('netstat-sockets/tcp-listening-programs', ['-c'], 2);
    expect(out.equals(Buffer.concat([g.stdout, g.stdout]))).toBe(true);
  });

  it('-i: "Kernel Interface table" only in the first round', () => {
    const { g, out } = runRounds('netstat-interfaces/interfaces', ['-c'], 3);
    const title = 'Kernel Interface table\n';
    const text = g.stdout.toString('latin1');
    expect(text.startsWith(title)).toBe(true);
    const rest = text.slice(title.length);
    expect(out.toString('latin1')).toBe(title + rest + rest + rest);
  });

  it('-ie: the long blocks each round, the title once', () => {
    const { g, out } = runRounds('netstat-interfaces/interfaces-extend', ['-c'], 2);
    const title = 'Kernel Interface table\n';
    const rest = g.stdout.toString('latin1').slice(title.length);
    expect(out.toString('latin1')).toBe(title + rest + rest);
  });

  it('-g: the second round reads the IPv4 file as IPv6 lines (igmp6_flag is static)', () => {
    const { g, out, err } = runRounds('netstat-groups/groups-numeric', ['-c'], 2);
    const first = g.stdout.toString('latin1');
    const text = out.toString('latin1');
    expect(text.startsWith(first)).toBe(true);
    const second = text.slice(first.length).split('\n');
    // the device lines of /proc/net/igmp do not parse as igmp6 lines...
    expect(err.toString('latin1')).toMatch(/^(warning, got bogus igmp6 line \d+\.\n)+$/);
    // ...the group lines do, into nonsense rows, and the IPv6 rows are as in the first round
    expect(second.filter((l) => l.startsWith('E0 ')).length).toBeGreaterThan(0);
    const v6 = first.split('\n').filter((l) => / ff/.test(l));
    expect(second.filter((l) => / ff/.test(l))).toEqual(v6);
  });

  it('-M with -c stops at once: the error is the status', () => {
    const g = golden('netstat-options/masquerade');
    const io = memoryIo();
    expect(main([...g.argv, '-c'], createReplaySys(g.world), io)).toBe(1);
    expect(io.stderr.take().equals(g.stderr)).toBe(true);
  });
});

/** A Sys with only what the name and row printers need. */
function fakeSys(over: Partial<Sys>): Sys {
  const base: Partial<Sys> = {
    getservents: () => [],
    getprotoents: () => [],
    gethostbyaddr: () => null,
    getnetbyaddr: () => null,
    getnameinfo: () => ({ rc: -2, host: '', serv: '' }),
    getpwuid: () => null,
  };
  return { ...base, ...over } as Sys;
}

describe('names', () => {
  it('the last /etc/services line of a port wins, per protocol; protocols win in the raw list', () => {
    const sys = fakeSys({
      getservents: () => [
        { name: 'first', aliases: [], port: 1234, proto: 'tcp' },
        { name: 'second', aliases: [], port: 1234, proto: 'tcp' },
        { name: 'udpname', aliases: [], port: 1234, proto: 'udp' },
        { name: 'rawsvc', aliases: [], port: 1, proto: 'raw' },
        { name: 'other', aliases: [], port: 1234, proto: 'sctp' },
      ],
      getprotoents: () => [
        { name: 'icmp', aliases: [], proto: 1 },
        { name: 'ICMP-again', aliases: [], proto: 1 },
      ],
    });
    const n = new Names(sys);
    expect(n.sname(1234, 'tcp', false)).toBe('second');
    expect(n.sname(1234, 'udp', false)).toBe('udpname');
    expect(n.sname(1234, 'raw', false)).toBe('1234');
    expect(n.sname(1, 'raw', false)).toBe('ICMP-again');
    expect(n.sname(0, 'tcp', false)).toBe('*');
    expect(n.sname(1234, 'tcp', true)).toBe('1234');
  });

  it('IPv4: 0.0.0.0 literal, host names unless the first byte is 0 (then networks), cached', () => {
    const asked: string[] = [];
    const sys = fakeSys({
      gethostbyaddr: (a) => {
        asked.push(`host ${[...a].join('.')}`);
        return a[0] === 10 ? { name: 'ten', aliases: [], addrtype: 2, addrs: [] } : null;
      },
      getnetbyaddr: (net) => {
        asked.push(`net ${net}`);
        return { name: 'zeronet', aliases: [], addrtype: 2, net };
      },
    });
    const n = new Names(sys);
    expect(n.inet(new Uint8Array([0, 0, 0, 0]), false)).toBe('0.0.0.0');
    expect(n.inet(new Uint8Array([10, 1, 2, 3]), false)).toBe('ten');
    expect(n.inet(new Uint8Array([10, 1, 2, 3]), false)).toBe('ten');
    expect(n.inet(new Uint8Array([192, 0, 2, 1]), false)).toBe('192.0.2.1');
    expect(n.inet(new Uint8Array([0, 1, 2, 3]), false)).toBe('zeronet');
    expect(n.inet(new Uint8Array([10, 1, 2, 3]), true)).toBe('10.1.2.3');
    expect(asked).toEqual(['host 10.1.2.3', 'host 192.0.2.1', `net ${0x00010203}`]);
  });

  it('IPv6: [::] for the unspecified address, v4-mapped as plain IPv4', () => {
    const n = new Names(fakeSys({}));
    const mapped = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]);
    expect(n.inet6(new Uint8Array(16), false)).toBe('[::]');
    expect(n.inet6(new Uint8Array(16), true)).toBe('::');
    expect(n.inet6(mapped, false)).toBe('127.0.0.1');
    expect(n.inet6(mapped, true)).toBe('127.0.0.1');
  });
});

describe('addr_do_one: the 22-byte address:port cut', () => {
  const sys = fakeSys({
    getservents: () => [{ name: 'a-service-name-of-twenty-five', aliases: [], port: 4321, proto: 'tcp' }],
  });
  const printer = (wide: boolean) =>
    new SockPrinter(sys, new Names(sys), new PrgCache(sys, false), {
      all: true, lst: false, wide, numHost: true, numPort: false, numUser: false, exp: 1, prg: false,
      selinux: false, opt: false,
    });
  const v6 = new Uint8Array([0x20, 1, 0xd, 0xb8, 0xaa, 0xaa, 0xbb, 0xbb, 0xcc, 0xcc, 0xdd, 0xdd, 0xee, 0xee, 0, 1]);
  it('cuts the address, keeps the port', () => {
    expect(printer(false).addr(10, v6, 54321, 'tcp')).toBe('2001:db8:aaaa:bbb:54321');
    expect(printer(false).addr(10, v6, 22, 'tcp')).toBe('2001:db8:aaaa:bbbb:c:22');
  });
  it('a long service name keeps 18 bytes, the address the rest even when shorter', () => {
    expect(printer(false).addr(2, new Uint8Array([1, 2, 3, 4]), 4321, 'tcp')).toBe('1.2.:a-service-name-of-');
  });
  it('-W keeps everything', () => {
    expect(printer(true).addr(10, v6, 54321, 'tcp')).toBe('2001:db8:aaaa:bbbb:cccc:dddd:eeee:1:54321');
  });
});

describe('statistics: glibc bsearch over tables as declared', () => {
  it('misses the keys the unsorted tables hide, finds the rest', () => {
    expect(bsearch('Forwarding', IPTAB)).toBeNull();
    expect(bsearch('DefaultTTL', IPTAB)?.title).toBe('DefaultTTL');
    expect(bsearch('InReceives', IPTAB)?.title).toBe('InReceives');
    expect(bsearch('TCPTimeouts', TCPEXTTAB)).toBeNull();
    expect(bsearch('MaxConn', TCPTAB)?.out).toBe('');
    // the trailing blank in the C table's key: the kernel's name never matches it
    expect(bsearch('Icmp6OutRouterAdvertisements', ICMP6TAB)).toBeNull();
  });
});

describe('UNIX paths as /proc/net/unix shows them and sscanf reads them', () => {
  const b = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it('pathname without its NUL, abstract with @, NULs as @, cut at white space', () => {
    expect(procPath(b('/tmp/a.sock\0'))).toEqual({ path: '/tmp/a.sock', warnings: 0 });
    expect(procPath(b('\0abstract'))).toEqual({ path: '@abstract', warnings: 0 });
    expect(procPath(b('\0ab\0cd'))).toEqual({ path: '@ab@cd', warnings: 0 });
    expect(procPath(b('/tmp/with space.sock\0'))).toEqual({ path: '/tmp/with', warnings: 0 });
    expect(procPath(null)).toEqual({ path: '', warnings: 0 });
  });
  it('a newline splits the /proc line: one bogus line per piece', () => {
    expect(procPath(b('/tmp/a\nb\nc\0'))).toEqual({ path: '/tmp/a', warnings: 2 });
  });
});

describe('-p: prg_cache_load over /proc', () => {
  function procSys(euid: number, fds: Record<string, Record<string, string> | 'EACCES'>, cmdlines: Record<string, string>): Sys {
    return fakeSys({
      geteuid: () => euid,
      readdir: (p: string) => {
        if (p === '/proc') return ['self', ...Object.keys(fds)];
        throw new SysError('opendir', ENOENT);
      },
      readlinks: (p: string, n: number) => {
        const pid = p.split('/')[2]!;
        const f = fds[pid];
        if (f === 'EACCES') throw new SysError('opendir', EACCES);
        if (!f) throw new SysError('opendir', ENOENT);
        return Object.entries(f).map(([name, target]) => ({ name, target: target.slice(0, n), errno: 0 }));
      },
      readFile: (p: string) => {
        const pid = p.split('/')[2]!;
        if (!(pid in cmdlines)) throw new SysError('open', ENOENT);
        return new Uint8Array(Buffer.from(cmdlines[pid]!, 'latin1'));
      },
    });
  }

  it('both link forms, first process wins, basename only for /argv0, 19 bytes', () => {
    const sys = procSys(0, {
      '7': { '0': '/dev/null', '3': 'socket:[100]', '4': '[0000]:200' },
      '12': { '3': 'socket:[100]', '5': 'socket:[300]' },
      '99': { '1': 'socket:[400]' },
    }, {
      '7': '/usr/sbin/a-rather-long-daemon-name\0--flag\0',
      '12': 'relative/prog\0',
      '99': '',
    });
    const c = new PrgCache(sys, false);
    expect(c.load()).toBe('');
    expect(c.get(100)).toBe('7/a-rather-long-dae');
    expect(c.get(200)).toBe('7/a-rather-long-dae');
    expect(c.get(300)).toBe('12/relative/prog');
    expect(c.get(400)).toBe('99/');
    expect(c.get(500)).toBe('-');
  });

  it('a process whose cmdline cannot be read leaves the socket to the next one', () => {
    const sys = procSys(0, { '7': { '3': 'socket:[100]' }, '8': { '3': 'socket:[100]' } }, { '8': 'eight\0' });
    const c = new PrgCache(sys, false);
    c.load();
    expect(c.get(100)).toBe('8/eight');
  });

  it('links that only look like sockets are not taken', () => {
    const sys = procSys(0, { '7': { '1': 'socket:[]', '2': 'socket:[12x]', '3': 'socket:[0x10]', '4': '[0000]:' } }, { '7': 'x\0' });
    const c = new PrgCache(sys, false);
    c.load();
    expect(c.get(16)).toBe('7/x'); // strtoul(..., 0): hex is accepted
    expect(c.get(12)).toBe('-');
  });

  it('"socket:[N]" needs two digits at least (strlen < strlen("socket:[") + 3 is refused)', () => {
    const sys = procSys(0, { '7': { '3': 'socket:[5]', '4': 'socket:[66]' } }, { '7': 'x\0' });
    const c = new PrgCache(sys, false);
    c.load();
    expect(c.get(5)).toBe('-');
    expect(c.get(66)).toBe('7/x');
  });

  it('not root: nothing readable, or only some', () => {
    const none = new PrgCache(procSys(65534, { '1': 'EACCES' }, {}), false);
    expect(none.load()).toBe('(No info could be read for "-p": geteuid()=65534 but you should be root.)\n');
    const some = new PrgCache(procSys(1000, { '1': 'EACCES', '2': { '3': 'socket:[55]' } }, { '2': 'mine\0' }), false);
    expect(some.load()).toBe(
      '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n',
    );
  });
});

describe('without /proc', () => {
  it('UNIX RefCnt falls back to 2 + the sockets whose peer it is (the same numbers here)', () => {
    const g = golden('netstat-sockets/unix-all');
    const world = g.world.map((e): Event => (e.op === 'readFile' && e.path === '/proc/net/unix' ? { op: 'readFile', path: e.path, errno: ENOENT } : e));
    const io = memoryIo();
    expect(main(g.argv, createReplaySys(world), io)).toBe(0);
    expect(io.stdout.take().toString('latin1')).toBe(g.stdout.toString('latin1'));
  });

  it('the raw table fallback parses /proc/net/raw as raw_do_one does', () => {
    const text =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '    1: 00000000:0001 00000000:0000 07 00000000:00000680 00:00000000 00000000     0        0 532207 2 0000000000000000 0\n' +
      'garbage\n';
    const sys = fakeSys({ readFile: () => new Uint8Array(Buffer.from(text, 'latin1')) });
    const { socks, bogus } = readProcInet(sys, '/proc/net/raw');
    expect(bogus).toBe(1);
    expect(socks).toHaveLength(1);
    expect(socks[0]).toMatchObject({ family: 2, state: 7, localPort: 1, remotePort: 0, rxq: 0x680, txq: 0, inode: 532207, uid: 0 });
    expect([...socks[0]!.local]).toEqual([0, 0, 0, 0]);
  });
});

describe('-g without /proc/net/igmp{,6} (live, read-only netlink on this machine)', () => {
  it('the same rows from RTM_GETMULTICAST, RefCnt aside', async () => {
    const { createLiveSys } = await import('../../src/sys/live.js');
    const live = createLiveSys();
    const hidden: Sys = new Proxy(live, {
      get(t, key: string) {
        if (key === 'readFile') {
          return (p: string) => {
            if (p.startsWith('/proc/net/igmp')) throw new SysError('open', ENOENT);
            return t.readFile(p);
          };
        }
        return t[key as keyof Sys];
      },
    });
    const run = (sys: Sys) => {
      const io = memoryIo();
      const rc = main(['netstat', '-gn'], sys, io);
      return { rc, out: io.stdout.take().toString('latin1'), err: io.stderr.take().toString('latin1') };
    };
    const a = run(live);
    const b = run(hidden);
    expect(b.rc).toBe(a.rc);
    expect(b.err).toBe('');
    const cut = (s: string) => s.split('\n').map((l) => (/^\S+\s+\d+\s/.test(l) ? l.slice(0, 16) + l.slice(23) : l));
    expect(cut(b.out)).toEqual(cut(a.out));
  });
});

describe('TCP of both families: one TCPDIAG_GETSOCK dump, or two where the kernel refuses it', () => {
  const TCPDIAG_GETSOCK = 18;
  const SOCK_DIAG_BY_FAMILY = 20;
  const NLMSG_ERROR = 2;
  const NLMSG_DONE = 3;
  const NLM_F_MULTI = 2;
  const EINVAL = 22;
  const typeOf = (hex: string): number => parseInt(hex.slice(10, 12) + hex.slice(8, 10), 16);

  /** one message: nlmsghdr (seq and port as given) and payload */
  function message(type: number, flags: number, seq: number, pid: number, payload: Uint8Array): Buffer {
    const out = Buffer.alloc(16 + payload.length);
    out.writeUInt32LE(out.length, 0);
    out.writeUInt16LE(type, 4);
    out.writeUInt16LE(flags, 6);
    out.writeUInt32LE(seq, 8);
    out.writeUInt32LE(pid, 12);
    out.set(payload, 16);
    return out;
  }

  /**
   * The recording's kernel, but refusing TCPDIAG_GETSOCK (EINVAL) and answering a TCP
   * SOCK_DIAG_BY_FAMILY dump of one family with the messages of that family the recorded
   * TCPDIAG_GETSOCK dump gave, in their order, as that request's: what the kernel answers each
   * request from the same tables. Every other request goes to the recording.
   */
  function refusingOneDump(world: Event[]): { sys: Sys; sent: number[] } {
    const start = world.findIndex((e) => e.op === 'send' && typeOf(e.hex) === TCPDIAG_GETSOCK);
    expect(start).toBeGreaterThanOrEqual(0);
    const answers: Uint8Array[] = [];
    for (const e of world.slice(start + 1)) {
      if (e.op === 'send') break;
      if (e.op !== 'recv') continue;
      const d = Buffer.from((e as { hex: string }).hex, 'hex');
      for (let off = 0; off < d.length; off += (d.readUInt32LE(off) + 3) & ~3) {
        if (d.readUInt16LE(off + 4) === TCPDIAG_GETSOCK) answers.push(d.subarray(off + 16, off + d.readUInt32LE(off)));
      }
    }
    // both families in the recording, or the test proves nothing
    expect(new Set(answers.map((a) => a[0]))).toEqual(new Set([2, 10]));
    const replay = createReplaySys(world);
    const sent: number[] = [];
    const sys: Sys = {
      ...replay,
      netlinkOpen(protocol: number) {
        const inner = replay.netlinkOpen(protocol);
        let queue: Uint8Array[] = [];
        return {
          portid: inner.portid,
          send(msg: Uint8Array): void {
            const b = Buffer.from(msg);
            const type = b.readUInt16LE(4);
            const seq = b.readUInt32LE(8);
            sent.push(type);
            if (type === TCPDIAG_GETSOCK) {
              const err = Buffer.alloc(4);
              err.writeInt32LE(-EINVAL);
              queue = [message(NLMSG_ERROR, 0, seq, inner.portid, Buffer.concat([err, b.subarray(0, 16)]))];
            } else if (type === SOCK_DIAG_BY_FAMILY && b[17] === 6) {
              const family = b[16]!;
              const rows = answers.filter((a) => a[0] === family).map((a) => message(type, NLM_F_MULTI, seq, inner.portid, a));
              queue = [Buffer.concat([...rows, message(NLMSG_DONE, NLM_F_MULTI, seq, inner.portid, Buffer.alloc(4))])];
            } else {
              queue = [];
              inner.send(msg);
            }
          },
          recv: (): Uint8Array => queue.shift() ?? inner.recv(),
          close: () => inner.close(),
        };
      },
    };
    return { sys, sent };
  }

  for (const id of ['netstat-sockets/tcp-all-numeric', 'netstat-sockets/tcp-all-extend']) {
    it(`${id}: the recorded single dump, and the two dumps after a refusal, print the original's bytes`, () => {
      const g = golden(id);
      const sent = g.world.filter((e) => e.op === 'send').map((e) => typeOf((e as { hex: string }).hex));
      expect(sent).toEqual([TCPDIAG_GETSOCK]);
      const { sys, sent: asked } = refusingOneDump(g.world);
      const io = memoryIo();
      main(g.argv, sys, io);
      expect(asked).toEqual([TCPDIAG_GETSOCK, SOCK_DIAG_BY_FAMILY, SOCK_DIAG_BY_FAMILY]);
      expect(io.stdout.take().toString('latin1')).toBe(g.stdout.toString('latin1'));
      expect(io.stderr.take().toString('latin1')).toBe(g.stderr.toString('latin1'));
    });
  }
});
