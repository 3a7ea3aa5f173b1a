/**
 * The live Sys against this machine's kernel and libc.
 *
 * Runs unprivileged and offline: nothing here may reach DNS. Names and addresses are only
 * looked up when /etc/hosts (or /etc/networks) certainly holds them, everything else is numeric
 * (AI_NUMERICHOST, NI_NUMERICHOST|NI_NUMERICSERV). No setter is called.
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLiveSys, libcPure } from '../../src/sys/live.js';
import { SysError } from '../../src/sys/types.js';

const AF_INET = 2;
const AF_INET6 = 10;
const NETLINK_ROUTE = 0;
const NLMSG_ERROR = 2;
const NLMSG_DONE = 3;
const RTM_NEWLINK = 16;
const RTM_GETLINK = 18;
const NLM_F_REQUEST = 0x1;
const NLM_F_DUMP = 0x300;
const IFLA_IFNAME = 3;
const SOCK_STREAM = 1;
const AI_NUMERICHOST = 0x4;
const AI_NUMERICSERV = 0x400;
const NI_NUMERICHOST = 1;
const NI_NUMERICSERV = 2;
const EAI_NONAME = -2;
const EAI_FAMILY = -6;
const ENOENT = 2;
const EPROTONOSUPPORT = 93;
const EAFNOSUPPORT = 97;

const LE = endianness() === 'LE';
const sys = createLiveSys();

function readText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}

/** Lines of an /etc file without comments, split into fields. */
function etcRecords(path: string): string[][] {
  return readText(path)
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
    .filter((f) => f[0] !== '');
}

const hostsHas = (addr: string, name: string) =>
  etcRecords('/etc/hosts').some((f) => f[0] === addr && f.slice(1).includes(name));

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

interface NlMsg {
  type: number;
  flags: number;
  seq: number;
  pid: number;
  payload: Uint8Array;
}

function nlmsgs(dgram: Uint8Array): NlMsg[] {
  const dv = new DataView(dgram.buffer, dgram.byteOffset, dgram.byteLength);
  const out: NlMsg[] = [];
  for (let off = 0; off + 16 <= dgram.length; ) {
    const len = dv.getUint32(off, LE);
    if (len < 16 || off + len > dgram.length) break;
    out.push({
      type: dv.getUint16(off + 4, LE),
      flags: dv.getUint16(off + 6, LE),
      seq: dv.getUint32(off + 8, LE),
      pid: dv.getUint32(off + 12, LE),
      payload: dgram.subarray(off + 16, off + len),
    });
    off += (len + 3) & ~3;
  }
  return out;
}

/** IFLA_IFNAME of an RTM_NEWLINK payload (struct ifinfomsg, then rtattrs). */
function ifname(payload: Uint8Array): string | null {
  const dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  for (let off = 16; off + 4 <= payload.length; ) {
    const len = dv.getUint16(off, LE);
    if (len < 4) break;
    if (dv.getUint16(off + 2, LE) === IFLA_IFNAME) {
      const value = payload.subarray(off + 4, off + len);
      const nul = value.indexOf(0);
      return Buffer.from(nul >= 0 ? value.subarray(0, nul) : value).toString('latin1');
    }
    off += (len + 3) & ~3;
  }
  return null;
}

describe('live Sys: netlink', () => {
  it('dumps links over NETLINK_ROUTE', () => {
    const sock = sys.netlinkOpen(NETLINK_ROUTE);
    try {
      expect(sock.portid).toBeGreaterThan(0);

      const req = new Uint8Array(32); // nlmsghdr + struct ifinfomsg (ifi_family AF_UNSPEC)
      const dv = new DataView(req.buffer);
      dv.setUint32(0, 32, LE);
      dv.setUint16(4, RTM_GETLINK, LE);
      dv.setUint16(6, NLM_F_REQUEST | NLM_F_DUMP, LE);
      dv.setUint32(8, 1, LE);
      dv.setUint32(12, 0, LE);
      sock.send(req);

      const links: NlMsg[] = [];
      let done = false;
      for (let i = 0; i < 1000 && !done; i++) {
        // a copy: recv's bytes are the socket's receive buffer until the next recv
        const dgram = sock.recv().slice();
        expect(dgram.length).toBeGreaterThan(0);
        for (const m of nlmsgs(dgram)) {
          expect(m.type).not.toBe(NLMSG_ERROR);
          expect(m.seq).toBe(1);
          expect(m.pid).toBe(sock.portid);
          if (m.type === RTM_NEWLINK) links.push(m);
          if (m.type === NLMSG_DONE) done = true;
        }
      }
      expect(done).toBe(true);
      expect(links.length).toBeGreaterThan(0);
      expect(links.map((m) => ifname(m.payload))).toContain('lo');
    } finally {
      sock.close();
      sock.close(); // closes the fd once only
    }
  });

  it('reports socket() failure with errno', () => {
    const err = caught(() => sys.netlinkOpen(9999));
    expect(err).toBeInstanceOf(SysError);
    expect((err as SysError).syscall).toBe('socket');
    expect((err as SysError).errno).toBe(EPROTONOSUPPORT);
  });
});

describe('live Sys: files and ids', () => {
  it('reads a file', () => {
    const bytes = sys.readFile('/proc/self/stat');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('throws SysError(open, ENOENT) for a missing file', () => {
    const err = caught(() => sys.readFile('/nonexistent/net-tools-shim/nothing'));
    expect(err).toBeInstanceOf(SysError);
    expect((err as SysError).syscall).toBe('open');
    expect((err as SysError).errno).toBe(ENOENT);
  });

  it('geteuid and getpwuid', () => {
    expect(sys.geteuid()).toBe(process.geteuid!());
    expect(sys.getpwuid(0)).toBe('root');
  });
});

describe('libcPure', () => {
  it('inet_ntop', () => {
    const v6 = new Uint8Array(16);
    v6.set([0, 1, 0, 2], 12); // ::1:2
    expect(libcPure.inet_ntop(AF_INET6, v6)).toBe('::0.1.0.2');
    const lo6 = new Uint8Array(16);
    lo6[15] = 1;
    expect(libcPure.inet_ntop(AF_INET6, lo6)).toBe('::1');
    expect(libcPure.inet_ntop(AF_INET, Uint8Array.of(192, 168, 1, 254))).toBe('192.168.1.254');
    const err = caught(() => libcPure.inet_ntop(12345, lo6));
    expect(err).toBeInstanceOf(SysError);
    expect((err as SysError).errno).toBe(EAFNOSUPPORT);
  });

  it('inet_aton', () => {
    expect(libcPure.inet_aton('10.1')).toEqual(Uint8Array.of(10, 0, 0, 1));
    expect(libcPure.inet_aton('0x0a000001')).toEqual(Uint8Array.of(10, 0, 0, 1));
    expect(libcPure.inet_aton('127.0.0.1')).toEqual(Uint8Array.of(127, 0, 0, 1));
    expect(libcPure.inet_aton('not.an.address')).toBeNull();
  });

  it('strerror', () => {
    expect(libcPure.strerror(ENOENT)).toBe('No such file or directory');
  });
});

describe('live Sys: name services (files only, numeric otherwise)', () => {
  it('getservents', () => {
    const servs = sys.getservents();
    expect(servs.length).toBeGreaterThan(0);
    for (const s of servs) {
      expect(s.port).toBeGreaterThanOrEqual(0);
      expect(s.port).toBeLessThan(65536);
    }
    if (etcRecords('/etc/services').some((f) => f[0] === 'ssh' && f[1] === '22/tcp')) {
      expect(servs).toContainEqual(expect.objectContaining({ name: 'ssh', port: 22, proto: 'tcp' }));
    }
  });

  it('getprotoents', () => {
    expect(sys.getprotoents()).toContainEqual(expect.objectContaining({ name: 'tcp', proto: 6 }));
  });

  it.runIf(hostsHas('127.0.0.1', 'localhost'))('gethostbyaddr/gethostbyname from /etc/hosts', () => {
    const lo = Uint8Array.of(127, 0, 0, 1);
    const byAddr = sys.gethostbyaddr(lo, AF_INET);
    expect(byAddr).not.toBeNull();
    expect(byAddr!.name.length).toBeGreaterThan(0);
    expect(byAddr!.addrtype).toBe(AF_INET);
    expect(byAddr!.addrs).toContainEqual(lo);
    expect(Array.isArray(byAddr!.aliases)).toBe(true);

    const byName = sys.gethostbyname('localhost');
    expect(byName).not.toBeNull();
    expect(byName!.addrs).toContainEqual(lo);
    expect(typeof sys.herrno()).toBe('number'); // h_errno is unspecified after a success
  });

  it.runIf(etcRecords('/etc/networks').some((f) => f[0] === 'loopback' && f[1] === '127.0.0.0'))(
    'getnetbyname/getnetbyaddr from /etc/networks',
    () => {
      const n = sys.getnetbyname('loopback');
      expect(n).toMatchObject({ name: 'loopback', addrtype: AF_INET, net: 0x7f000000 });
      expect(sys.getnetbyaddr(0x7f000000, AF_INET)?.name).toBe('loopback');
    },
  );

  it('getnameinfo, numeric', () => {
    const lo6 = new Uint8Array(16);
    lo6[15] = 1;
    const flags = NI_NUMERICHOST | NI_NUMERICSERV;
    expect(sys.getnameinfo(AF_INET6, lo6, 22, flags)).toEqual({ rc: 0, host: '::1', serv: '22' });
    expect(sys.getnameinfo(AF_INET, Uint8Array.of(10, 0, 0, 1), 8080, flags)).toEqual({
      rc: 0,
      host: '10.0.0.1',
      serv: '8080',
    });
    expect(sys.getnameinfo(12345, lo6, 0, flags).rc).toBe(EAI_FAMILY);
  });

  it('getaddrinfo, numeric', () => {
    const v4 = sys.getaddrinfo('127.0.0.1', null, {
      family: 0,
      socktype: SOCK_STREAM,
      protocol: 0,
      flags: AI_NUMERICHOST,
    });
    expect(v4.rc).toBe(0);
    expect(v4.list.length).toBeGreaterThan(0);
    expect(v4.list[0]).toMatchObject({ family: AF_INET, socktype: SOCK_STREAM, port: 0 });
    expect(v4.list[0]!.addr).toEqual(Uint8Array.of(127, 0, 0, 1));

    const v6 = sys.getaddrinfo('::1', '22', {
      family: AF_INET6,
      socktype: SOCK_STREAM,
      protocol: 0,
      flags: AI_NUMERICHOST | AI_NUMERICSERV,
    });
    expect(v6.rc).toBe(0);
    expect(v6.list[0]).toMatchObject({ family: AF_INET6, port: 22, canonname: null });
    expect(libcPure.inet_ntop(AF_INET6, v6.list[0]!.addr)).toBe('::1');

    const bad = sys.getaddrinfo('not an address', null, {
      family: 0,
      socktype: 0,
      protocol: 0,
      flags: AI_NUMERICHOST,
    });
    expect(bad).toEqual({ rc: EAI_NONAME, list: [] });
    expect(sys.gai_strerror(EAI_NONAME)).toBe('Name or service not known');
  });
});

describe('live Sys: UTS', () => {
  it('uname, gethostname, getdomainname', () => {
    const u = sys.uname();
    expect(u.sysname).toBe('Linux');
    expect(u.release.length).toBeGreaterThan(0);
    expect(u.machine.length).toBeGreaterThan(0);
    expect(sys.gethostname()).toBe(u.nodename);
    expect(sys.getdomainname()).toBe(u.domainname);
  });
});
