/**
 * hostname's pieces that golden cases reach only in part: the name check, -F's line rules,
 * the hstrerror texts (against this machine's glibc) and the getifaddrs() list of -I/-A
 * (against glibc's own getifaddrs, on this machine's interfaces: a netlink dump, no traffic).
 * Unprivileged and offline: nothing here resolves a name or sets one.
 */
import { describe, expect, it } from 'vitest';
import koffi from 'koffi';
import { check_name, trimSpace } from '../../src/cli/hostname.js';
import { firstLine } from '../../src/model/hostname-file.js';
import { getifaddrs, in6LinkLocal } from '../../src/model/ifaddrs.js';
import { createLiveSys } from '../../src/sys/live.js';
import { H_ERRLIST, hstrerror } from '../../compat/hostname.js';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
/** read_file() on a regular file: the buffer is st_size + 1 bytes */
const fromFile = (s: string): string => firstLine(bytes(s), bytes(s).length);

describe('check_name (RFC 1035 2.3.1, as hostname.c checks it)', () => {
  it.each(['a', 'A1', '123', 'my-host', 'a--b', 'Host-1.Example-2.org', 'x'.repeat(200)])('accepts %j', (n) => {
    expect(check_name(n)).toBe(true);
  });
  it.each(['', '-a', 'a-', '.a', 'a.', 'a..b', 'a-.b', 'a.-b', 'a b', 'a_b', 'h\xe9', '#c', 'a\tb'])('rejects %j', (n) => {
    expect(check_name(n)).toBe(false);
  });
});

describe('trimSpace (isspace in the C locale)', () => {
  it('removes space, \\t, \\n, \\v, \\f and \\r at both ends only', () => {
    expect(trimSpace(' \t\n\v\f\ra b\r\f\v\n\t ')).toBe('a b');
    expect(trimSpace('   ')).toBe('');
    expect(trimSpace('\xa0x\xa0')).toBe('\xa0x\xa0'); // not a C-locale space
  });
});

describe("read_file's first line (-F)", () => {
  it('the first line neither empty nor a comment, without its newline', () => {
    expect(fromFile('filehost\n')).toBe('filehost');
    expect(fromFile('# c\n\n#d\nname\nsecond\n')).toBe('name');
    expect(fromFile('\n\n\nafter\n')).toBe('after');
    expect(fromFile('nonl')).toBe('nonl');
    expect(fromFile('host#1\n')).toBe('host#1');
  });
  it('keeps blanks and CR (set_name trims them for host names, not for NIS domains)', () => {
    expect(fromFile('  x  \n')).toBe('  x  ');
    expect(fromFile('crlf\r\n')).toBe('crlf\r');
    expect(fromFile(' \nlater\n')).toBe(' ');
    expect(fromFile('\t#x\n')).toBe('\t#x');
  });
  it('without a usable line: the last line read, newline included; "" for an empty file', () => {
    expect(fromFile('# one\n\n# two\n')).toBe('# two\n');
    expect(fromFile('# one\n\n')).toBe('\n');
    expect(fromFile('# long comment\n#x\n')).toBe('#x\n');
    expect(fromFile('')).toBe('');
  });
  it('stops at a NUL byte', () => {
    expect(fromFile('ab\0cd\n')).toBe('ab');
  });
  it('st_size 0 (procfs, pipes, devices): "" whatever the content', () => {
    expect(firstLine(bytes('Linux\n'), 0)).toBe('');
    expect(firstLine(new Uint8Array(0), 0)).toBe('');
  });
  it('a line longer than st_size comes in st_size-byte pieces', () => {
    // st_size 4: fgets reads at most 4 bytes a call
    expect(firstLine(bytes('abcdefgh\n'), 4)).toBe('abcd');
    expect(firstLine(bytes('#abcdefg\n'), 4)).toBe('defg');
    expect(firstLine(bytes('#abcdefg\n'), 3)).toBe('cde');
  });
  it('a directory (read fails at once): ""', () => {
    expect(firstLine(new Uint8Array(0), 4096)).toBe('');
  });
});

describe('hstrerror texts (hostname -a), against glibc', () => {
  const hstrerrorC = koffi.load('libc.so.6').func('const char *hstrerror(int err)') as (e: number) => string;
  it.each([-2, -1, 0, 1, 2, 3, 4, 5, 6, 100])('h_errno %d', (e) => {
    expect(hstrerror(e)).toBe(hstrerrorC(e));
  });
  it('covers glibc h_errlist', () => {
    expect(H_ERRLIST.length).toBe(5);
  });
});

describe('getifaddrs over rtnetlink, against glibc getifaddrs on this machine', () => {
  const AF_INET = 2;
  const AF_INET6 = 10;

  /** glibc's list, address entries only (AF_INET/AF_INET6), in its order. */
  function glibcList(): { family: number; addr: string; flags: number; scopeId: number }[] {
    const lib = koffi.load('libc.so.6');
    const getifaddrsC = lib.func('int getifaddrs(_Out_ void **ifap)') as (p: [unknown]) => number;
    const freeifaddrsC = lib.func('void freeifaddrs(void *ifa)') as (p: unknown) => void;
    const ifaddrs = koffi.struct({
      ifa_next: 'void *',
      ifa_name: 'void *',
      ifa_flags: 'uint32_t',
      ifa_addr: 'void *',
      ifa_netmask: 'void *',
      ifa_ifu: 'void *',
      ifa_data: 'void *',
    });
    const head: [unknown] = [null];
    expect(getifaddrsC(head)).toBe(0);
    const out: { family: number; addr: string; flags: number; scopeId: number }[] = [];
    try {
      for (let p = head[0]; p !== null; ) {
        const e = koffi.decode(p, ifaddrs) as { ifa_next: unknown; ifa_flags: number; ifa_addr: unknown };
        if (e.ifa_addr !== null) {
          const sa = koffi.decode(e.ifa_addr, 'uint8_t', 28) as Uint8Array;
          const family = sa[0]! | (sa[1]! << 8);
          if (family === AF_INET) {
            out.push({ family, addr: Buffer.from(sa.slice(4, 8)).toString('hex'), flags: e.ifa_flags >>> 0, scopeId: 0 });
          } else if (family === AF_INET6) {
            const scope = new DataView(sa.buffer, sa.byteOffset).getUint32(24, true);
            out.push({ family, addr: Buffer.from(sa.slice(8, 24)).toString('hex'), flags: e.ifa_flags >>> 0, scopeId: scope });
          }
        }
        p = e.ifa_next;
      }
    } finally {
      freeifaddrsC(head[0]);
    }
    return out;
  }

  it('same addresses, order, link flags and scope ids', () => {
    const ours = getifaddrs(createLiveSys())
      .filter((e) => e.addr !== null && (e.family === AF_INET || e.family === AF_INET6))
      .map((e) => ({ family: e.family, addr: Buffer.from(e.addr!).toString('hex'), flags: e.flags, scopeId: e.scopeId }));
    const theirs = glibcList();
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(0); // at least loopback's 127.0.0.1
  });

  it('IPv6 link-local and link-local multicast are what -I and -A skip', () => {
    const a = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
    expect(in6LinkLocal(a('fe800000000000000000000000000001'))).toBe(true);
    expect(in6LinkLocal(a('febf0000000000000000000000000001'))).toBe(true);
    expect(in6LinkLocal(a('fec00000000000000000000000000001'))).toBe(false);
    expect(in6LinkLocal(a('ff020000000000000000000000000001'))).toBe(true);
    expect(in6LinkLocal(a('ff120000000000000000000000000001'))).toBe(true);
    expect(in6LinkLocal(a('ff050000000000000000000000000001'))).toBe(false);
    expect(in6LinkLocal(a('20010db8000000000000000000000001'))).toBe(false);
  });
});
