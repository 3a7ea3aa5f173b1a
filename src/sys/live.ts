/**
 * The live `Sys`: the kernel and libc through koffi. This is the only module that imports koffi.
 *
 * libc is loaded, and each function declared, on first use only: a command that talks netlink
 * and nothing else declares the handful of socket calls it needs and no more.
 *
 * Pointers coming back from C are BigInts (null for NULL). Every C string is decoded as latin1
 * and every string passed to C is encoded as latin1 (one char per byte, see types.ts).
 */
import { closeSync, existsSync, opendirSync, readFileSync, statSync, writeSync } from 'node:fs';
import type * as KoffiModule from 'koffi';
import {
  SysError,
  type AddrInfo,
  type HostEnt,
  type NetEnt,
  type NetlinkSocket,
  type ProtoEnt,
  type ServEnt,
  type Sys,
  type DirLink,
  type Utsname,
} from './types.js';
import { EINTR, EIO, EMSGSIZE } from '../../compat/errno.js';
import { LITTLE_ENDIAN, latin1 } from '../netlink/codec.js';
import { NLM_F_ACK } from '../netlink/messages.js';

/**
 * koffi, loaded on first use: a command that answers from its own tables (--help, -V, a bad
 * option) never loads the native module.
 */
let koffiModule: typeof KoffiModule | null = null;
const koffi = new Proxy({} as typeof KoffiModule, {
  get: (_target, key) => (koffiModule ??= loadKoffi())[key as keyof typeof KoffiModule],
});

/**
 * koffi's own entry point probes the platform (it reads Node's ELF header) and wraps the native
 * module with deprecation shims, which costs several times what loading the native module does;
 * resolving a package through Node's module loader costs about as much again. On Linux the native
 * module of koffi's platform package is loaded directly: first from the node_modules of this
 * package (the directory above dist/, where npm, `make install` and a checkout put it), then
 * from the node_modules of each directory above this file, as Node's resolution would find it;
 * anything else (another layout, musl, a module that fails to load) goes through koffi's entry
 * point as usual.
 */
function loadKoffi(): typeof KoffiModule {
  const self = import.meta.url; // a file: URL in the tsc build; the bundles define it as __filename
  const file = self.startsWith('file:') ? decodeURIComponent(new URL(self).pathname) : self;
  if (process.platform === 'linux' && file.startsWith('/')) {
    const arch = process.arch;
    const native = (dir: string): string => `${dir}/node_modules/@koromix/koffi-linux-${arch}/linux_${arch}/koffi.node`;
    // no existsSync first (its first call costs about 0.05 ms): a failed dlopen costs more, but
    // only in a layout other than these
    const pkg = file.lastIndexOf('/dist/');
    const tried = pkg >= 0 ? file.slice(0, pkg) : null;
    const first = tried !== null ? dlopenKoffi(native(tried)) : null;
    if (first) return first;
    // each directory above the file, '' standing for the root (strings only: this runs at every start)
    for (let dir = file.slice(0, file.lastIndexOf('/')); ; dir = dir.slice(0, dir.lastIndexOf('/'))) {
      if (existsSync(native(dir))) {
        // the package's own module, there but not loaded above, is not tried twice
        const m = dir === tried ? null : dlopenKoffi(native(dir));
        if (m) return m;
        break; // fall through to koffi's entry point
      }
      if (dir === '') break;
    }
  }
  return process.getBuiltinModule('node:module').createRequire(file)('koffi') as typeof KoffiModule;
}

/** koffi's native module at `path`, or null when it cannot be loaded from there. */
function dlopenKoffi(path: string): typeof KoffiModule | null {
  try {
    const m = { exports: {} as typeof KoffiModule };
    process.dlopen(m, path);
    if (typeof m.exports.load === 'function' && typeof m.exports.errno === 'function') return m.exports;
  } catch {
    // not there, or not loadable
  }
  return null;
}

/** node:os on first use (loading it costs more than the little most commands want of it) */
const os = (): typeof import('node:os') => process.getBuiltinModule('node:os');

/** The errno of a node:fs error code ('ENOENT' -> 2); 0 when there is none. */
function errnoOf(code: string | undefined): number {
  const errno = os().constants.errno as Record<string, number>;
  return (code && errno[code]) || 0;
}

/** A C pointer as koffi 3 returns it; NULL comes back as null. */
type Ptr = bigint;
type CPtr = Ptr | null;
/** What we pass where C takes a pointer: a buffer (koffi passes its address), a pointer, or NULL. */
type Bytes = ArrayBufferView | null;

// ---------------------------------------------------------------------------------------------
// Lazy libc binding

let libcHandle: ReturnType<typeof koffi.load> | null = null;

function libc(): ReturnType<typeof koffi.load> {
  return (libcHandle ??= koffi.load('libc.so.6'));
}

/** A libc function declared from its C prototype the first time it is called. */
function lazy<F extends (...args: never[]) => unknown>(prototype: string): F {
  let bound: ((...args: unknown[]) => unknown) | null = null;
  return ((...args: unknown[]) => (bound ??= libc().func(prototype))(...args)) as unknown as F;
}

/**
 * The same, for a C struct layout (koffi computes offsets and padding for this ABI); the layout
 * itself is made at the first use too.
 */
function lazyStruct(def: () => Record<string, string>): () => ReturnType<typeof koffi.struct> {
  let type: ReturnType<typeof koffi.struct> | null = null;
  return () => (type ??= koffi.struct(def()));
}

// socklen_t is uint32_t and ssize_t is long on Linux; koffi knows neither name.
// A null prototype makes the table a dictionary in V8: no hidden class made per name at each
// start (the first making of an object of many names costs about 2 us a name).
const c = {
  __proto__: null,
  // kernel
  socket: lazy<(domain: number, type: number, protocol: number) => number>(
    'int socket(int domain, int type, int protocol)',
  ),
  bind: lazy<(fd: number, addr: Bytes, addrlen: number) => number>(
    'int bind(int fd, const void *addr, uint32_t addrlen)',
  ),
  getsockname: lazy<(fd: number, addr: Bytes, addrlen: Uint32Array) => number>(
    'int getsockname(int fd, void *addr, void *addrlen)',
  ),
  setsockopt: lazy<(fd: number, level: number, name: number, val: Bytes, len: number) => number>(
    'int setsockopt(int fd, int level, int optname, const void *optval, uint32_t optlen)',
  ),
  sendto: lazy<
    (fd: number, buf: Bytes, len: number, flags: number, dest: Bytes, destlen: number) => number
  >('long sendto(int fd, const void *buf, size_t len, int flags, const void *dest, uint32_t destlen)'),
  recv: lazy<(fd: number, buf: Bytes, len: number, flags: number) => number>(
    'long recv(int fd, void *buf, size_t len, int flags)',
  ),
  _exit: lazy<(status: number) => void>('void _exit(int status)'),
  // koffi hands a string to C as UTF-8: the text's own bytes when it is ASCII (see writeFd)
  writeText: lazy<(fd: number, text: string, n: number) => number>('long write(int fd, const char *buf, size_t n)'),
  open: lazy<(path: Bytes, flags: number) => number>('int open(const char *path, int flags)'),
  getdents64: lazy<(fd: number, buf: Bytes, n: number) => number>('long getdents64(int fd, void *buf, size_t n)'),
  readlinkat: lazy<(dirfd: number, path: Bytes, buf: Bytes, n: number) => number>(
    'long readlinkat(int dirfd, const char *path, void *buf, size_t n)',
  ),

  // strings and addresses
  strlen: lazy<(s: Ptr) => number>('size_t strlen(const void *s)'),
  strerror: lazy<(errnum: number) => CPtr>('const void *strerror(int errnum)'),
  inet_aton: lazy<(cp: Bytes, inp: Bytes) => number>('int inet_aton(const void *cp, void *inp)'),
  inet_ntop: lazy<(af: number, src: Bytes, dst: Bytes, size: number) => CPtr>(
    'const void *inet_ntop(int af, const void *src, void *dst, uint32_t size)',
  ),

  // name services
  gethostbyaddr: lazy<(addr: Bytes, len: number, type: number) => CPtr>(
    'void *gethostbyaddr(const void *addr, uint32_t len, int type)',
  ),
  gethostbyname: lazy<(name: Bytes) => CPtr>('void *gethostbyname(const void *name)'),
  __h_errno_location: lazy<() => Ptr>('int *__h_errno_location(void)'),
  getnetbyaddr: lazy<(net: number, type: number) => CPtr>(
    'void *getnetbyaddr(uint32_t net, int type)',
  ),
  getnetbyname: lazy<(name: Bytes) => CPtr>('void *getnetbyname(const void *name)'),
  getnameinfo: lazy<
    (
      sa: Bytes,
      salen: number,
      host: Bytes,
      hostlen: number,
      serv: Bytes,
      servlen: number,
      flags: number,
    ) => number
  >(
    'int getnameinfo(const void *sa, uint32_t salen, void *host, uint32_t hostlen, void *serv, uint32_t servlen, int flags)',
  ),
  getaddrinfo: lazy<(node: Bytes, service: Bytes, hints: Bytes, res: [CPtr]) => number>(
    'int getaddrinfo(const void *node, const void *service, const void *hints, _Out_ void **res)',
  ),
  freeaddrinfo: lazy<(res: Ptr) => void>('void freeaddrinfo(void *res)'),
  gai_strerror: lazy<(errcode: number) => CPtr>('const void *gai_strerror(int errcode)'),
  setservent: lazy<(stayopen: number) => void>('void setservent(int stayopen)'),
  getservent: lazy<() => CPtr>('void *getservent(void)'),
  endservent: lazy<() => void>('void endservent(void)'),
  setprotoent: lazy<(stayopen: number) => void>('void setprotoent(int stayopen)'),
  getprotoent: lazy<() => CPtr>('void *getprotoent(void)'),
  endprotoent: lazy<() => void>('void endprotoent(void)'),
  getpwuid: lazy<(uid: number) => CPtr>('void *getpwuid(uint32_t uid)'),

  // UTS
  uname: lazy<(buf: Bytes) => number>('int uname(void *buf)'),
  gethostname: lazy<(name: Bytes, len: number) => number>('int gethostname(void *name, size_t len)'),
  sethostname: lazy<(name: Bytes, len: number) => number>(
    'int sethostname(const void *name, size_t len)',
  ),
  getdomainname: lazy<(name: Bytes, len: number) => number>(
    'int getdomainname(void *name, size_t len)',
  ),
  setdomainname: lazy<(name: Bytes, len: number) => number>(
    'int setdomainname(const void *name, size_t len)',
  ),
};

// C struct layouts. Pointer members are 'void *' so that they come back as BigInts and we can
// decode their strings as latin1 ourselves (koffi's own char * decoding is UTF-8).
const hostent = lazyStruct(() => ({
  h_name: 'void *',
  h_aliases: 'void *',
  h_addrtype: 'int',
  h_length: 'int',
  h_addr_list: 'void *',
}));
const netent = lazyStruct(() => ({
  n_name: 'void *',
  n_aliases: 'void *',
  n_addrtype: 'int',
  n_net: 'uint32_t',
}));
const servent = lazyStruct(() => ({
  s_name: 'void *',
  s_aliases: 'void *',
  s_port: 'int',
  s_proto: 'void *',
}));
const protoent = lazyStruct(() => ({ p_name: 'void *', p_aliases: 'void *', p_proto: 'int' }));
const addrinfo = lazyStruct(() => ({
  ai_flags: 'int',
  ai_family: 'int',
  ai_socktype: 'int',
  ai_protocol: 'int',
  ai_addrlen: 'uint32_t',
  ai_addr: 'void *',
  ai_canonname: 'void *',
  ai_next: 'void *',
}));

interface HostentC {
  h_name: CPtr;
  h_aliases: CPtr;
  h_addrtype: number;
  h_length: number;
  h_addr_list: CPtr;
}
interface NetentC {
  n_name: CPtr;
  n_aliases: CPtr;
  n_addrtype: number;
  n_net: number;
}
interface ServentC {
  s_name: CPtr;
  s_aliases: CPtr;
  s_port: number;
  s_proto: CPtr;
}
interface ProtoentC {
  p_name: CPtr;
  p_aliases: CPtr;
  p_proto: number;
}
interface AddrinfoC {
  ai_flags: number;
  ai_family: number;
  ai_socktype: number;
  ai_protocol: number;
  ai_addrlen: number;
  ai_addr: CPtr;
  ai_canonname: CPtr;
  ai_next: CPtr;
}

// ---------------------------------------------------------------------------------------------
// Constants (Linux)

const AF_INET = 2;
const AF_INET6 = 10;
const AF_NETLINK = 16;
const SOCK_RAW = 3;
const SOCK_CLOEXEC = 0o2000000;
/** open(2) flags (asm-generic/fcntl.h) */
const O_RDONLY = 0;
const O_DIRECTORY = 0o200000;
const O_CLOEXEC = 0o2000000;
const SOL_NETLINK = 270;
const NETLINK_EXT_ACK = 11;
const MSG_TRUNC = 0x20;
const EAI_FAMILY = -6;

const SIZEOF_SOCKADDR_NL = 12;
const SIZEOF_SOCKADDR_IN = 16;
const SIZEOF_SOCKADDR_IN6 = 28;
const INET6_ADDRSTRLEN = 46;
const NI_MAXHOST = 1025;
const NI_MAXSERV = 32;
const UTSNAME_LENGTH = 65; // _UTSNAME_LENGTH on Linux/glibc: struct utsname is 6 such fields
const HOST_NAME_MAX = 64;

/** sizeof(void *), asked of koffi when first needed */
let pointerSize = 0;
const POINTER_SIZE = (): number => (pointerSize ||= koffi.sizeof('void *'));

// ---------------------------------------------------------------------------------------------
// Helpers

/** A JS string as a NUL-terminated latin1 C string. */
function cStringArg(s: string): Buffer {
  return Buffer.from(s + '\0', 'latin1');
}

/** Decodes the NUL-terminated C string at `p` (latin1). */
function cString(p: Ptr): string {
  return latin1(koffi.decode(p, 'uint8_t', c.strlen(p)) as Uint8Array);
}

function cStringOrNull(p: CPtr): string | null {
  return p === null ? null : cString(p);
}

/** The C string held in a fixed-size char buffer, up to its first NUL. */
function cStringIn(buf: Uint8Array, start = 0, end = buf.length): string {
  const nul = buf.indexOf(0, start);
  return latin1(buf.subarray(start, nul >= 0 && nul < end ? nul : end));
}

/** Walks a NULL-terminated array of pointers (char **, h_addr_list, ...). */
function pointerList(pp: CPtr): Ptr[] {
  const out: Ptr[] = [];
  if (pp === null) return out;
  for (let i = 0; ; i++) {
    const p = koffi.decode(pp, i * POINTER_SIZE(), 'void *') as CPtr;
    if (p === null) return out;
    out.push(p);
  }
}

/** Decodes a NULL-terminated char ** list (h_aliases, s_aliases, ...). */
function cStringList(pp: CPtr): string[] {
  return pointerList(pp).map(cString);
}

/** A SysError for the libc call `fn` that just failed, with koffi's saved errno. */
function sysError(fn: string): SysError {
  const errno = koffi.errno();
  return new SysError(fn, errno, `${fn}: ${libcPure.strerror(errno)}`);
}

/** uint16 network to host order, for the int s_port holds. */
function ntohs(v: number): number {
  v &= 0xffff;
  return LITTLE_ENDIAN ? ((v & 0xff) << 8) | (v >> 8) : v;
}

/** Host-order integers inside a C struct held in a byte buffer. */
function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * struct sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes): sa_family_t in host order, the port
 * in network order, then sin_addr, or sin6_flowinfo (0), sin6_addr and sin6_scope_id (0).
 */
function sockaddr(family: typeof AF_INET | typeof AF_INET6, addr: Uint8Array, port: number): Uint8Array {
  const inet6 = family === AF_INET6;
  const sa = new Uint8Array(inet6 ? SIZEOF_SOCKADDR_IN6 : SIZEOF_SOCKADDR_IN);
  view(sa).setUint16(0, family, LITTLE_ENDIAN);
  view(sa).setUint16(2, port & 0xffff, false);
  if (inet6) sa.set(addr.subarray(0, 16), 8);
  else sa.set(addr.subarray(0, 4), 4);
  return sa;
}

/** Address bytes and port out of the struct sockaddr_in / sockaddr_in6 at `p`. */
function fromSockaddr(p: Ptr, len: number): { addr: Uint8Array; port: number } {
  const sa = koffi.decode(p, 'uint8_t', len) as Uint8Array;
  const family = len >= 2 ? view(sa).getUint16(0, LITTLE_ENDIAN) : 0;
  if (family === AF_INET && len >= 8) return { addr: sa.slice(4, 8), port: view(sa).getUint16(2) };
  if (family === AF_INET6 && len >= 24) return { addr: sa.slice(8, 24), port: view(sa).getUint16(2) };
  return { addr: new Uint8Array(0), port: 0 };
}

/** struct sockaddr_nl {u16 nl_family; u16 nl_pad; u32 nl_pid; u32 nl_groups}, host order. */
function sockaddrNl(pid: number): Uint8Array {
  const sa = new Uint8Array(SIZEOF_SOCKADDR_NL);
  view(sa).setUint16(0, AF_NETLINK, LITTLE_ENDIAN);
  view(sa).setUint32(4, pid >>> 0, LITTLE_ENDIAN);
  return sa;
}

/**
 * close(2) of a descriptor this module opened, its error ignored (as the C tools ignore it).
 * Through Node's closeSync, which the launchers have called already (to close the code cache),
 * rather than a libc function declared for it: declaring and first calling one costs 0.03 ms.
 */
function closeFd(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // EBADF, EINTR, EIO: nothing to do about them
  }
}

// ---------------------------------------------------------------------------------------------
// Pure libc helpers, exported separately so tests can cross-check the TS reimplementations

export const libcPure = {
  /** inet_aton(3): the 4 address bytes (network order), or null when the text is invalid. */
  inet_aton(text: string): Uint8Array | null {
    const inp = new Uint8Array(4);
    return c.inet_aton(cStringArg(text), inp) !== 0 ? inp : null;
  },

  /** inet_ntop(3) of 4 (AF_INET) or 16 (AF_INET6) address bytes. Throws SysError. */
  inet_ntop(family: number, addr: Uint8Array): string {
    const src = new Uint8Array(16); // never let libc read past a short input
    src.set(addr.subarray(0, 16));
    const dst = new Uint8Array(INET6_ADDRSTRLEN);
    if (c.inet_ntop(family, src, dst, dst.length) === null) throw sysError('inet_ntop');
    return cStringIn(dst);
  },

  /** strerror(3) in the C locale's words. */
  strerror(errno: number): string {
    return cStringOrNull(c.strerror(errno)) ?? `Unknown error ${errno}`;
  },
};

// ---------------------------------------------------------------------------------------------
// Netlink

const NL_KERNEL = sockaddrNl(0); // sendto destination: the kernel (nl_pid 0)

/**
 * The receive buffer: larger than any datagram the kernel sends (a dump's are at most 32 KiB,
 * or one message when a single one is larger), so that one recv() takes each datagram whole.
 * Only the bytes the kernel writes are ever touched.
 */
const RXBUF_SIZE = 1 << 20;

/** where nlmsghdr's nlmsg_flags (u16, host order) starts */
const NLMSG_FLAGS_OFF = 6;

/**
 * A netlink socket as libc gives it. What only some uses need is done at their first need, so
 * that a display (dumps) declares and calls no more libc functions than it must (each costs
 * 0.02-0.03 ms at its first use): the port is bound by the kernel at the first send (as bind
 * with nl_pid 0 would) and read when first asked for, and extended acks are asked for before
 * the first request that wants an ACK (a change).
 */
class LiveNetlinkSocket implements NetlinkSocket {
  private fd: number;
  private rxbuf: Uint8Array | null = null;
  private port = -1;
  /** bound to a port: by the kernel at the first send, or by bind */
  private bound = false;
  private extAck = false;

  constructor(fd: number) {
    this.fd = fd;
  }

  get portid(): number {
    if (this.port < 0) {
      const local = sockaddrNl(0);
      // not sent on yet: no port; bind gives it one, as the kernel does at a first send
      if (!this.bound && c.bind(this.fd, local, local.length) < 0) throw sysError('bind');
      this.bound = true;
      if (c.getsockname(this.fd, local, Uint32Array.of(local.length)) < 0) throw sysError('getsockname');
      this.port = view(local).getUint32(4, LITTLE_ENDIAN);
    }
    return this.port;
  }

  send(msg: Uint8Array): void {
    if (!this.extAck && msg.length > NLMSG_FLAGS_OFF && msg[NLMSG_FLAGS_OFF]! & NLM_F_ACK) {
      // Best effort: the kernel's extended ack texts make a failed change's error clearer.
      c.setsockopt(this.fd, SOL_NETLINK, NETLINK_EXT_ACK, Int32Array.of(1), 4);
      this.extAck = true;
    }
    for (;;) {
      const n = c.sendto(this.fd, msg, msg.byteLength, 0, NL_KERNEL, NL_KERNEL.length);
      if (n < 0) {
        if (koffi.errno() === EINTR) continue;
        throw sysError('sendto');
      }
      if (n !== msg.byteLength) {
        const why = `short send (${n} of ${msg.byteLength} bytes)`;
        throw new SysError('sendto', EMSGSIZE, `sendto: ${why}`);
      }
      this.bound = true;
      return;
    }
  }

  recv(): Uint8Array {
    const buf = (this.rxbuf ??= new Uint8Array(RXBUF_SIZE));
    // MSG_TRUNC: the datagram's real length, so that one cut short is an error, never data
    const n = this.recvRetry(buf, MSG_TRUNC);
    if (n > buf.length) throw new SysError('recv', EMSGSIZE, `recv: a ${n}-byte netlink datagram does not fit in ${buf.length} bytes`);
    // a view, not a copy: a dump's datagrams are read in place and the buffer reused (a copy of
    // each, with the page faults of its new memory, cost a large dump several milliseconds)
    return buf.subarray(0, n);
  }

  close(): void {
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    closeFd(fd);
  }

  private recvRetry(buf: Uint8Array, flags: number): number {
    for (;;) {
      const n = c.recv(this.fd, buf, buf.length, flags);
      if (n >= 0) return n;
      if (koffi.errno() !== EINTR) throw sysError('recv');
    }
  }
}

function netlinkOpen(protocol: number): NetlinkSocket {
  const fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
  if (fd < 0) throw sysError('socket');
  // the receive buffer keeps its default size: a dump puts one datagram (at most 32 KiB) in it
  // per recv, whatever the table's size
  return new LiveNetlinkSocket(fd);
}

// ---------------------------------------------------------------------------------------------
// Files

function readFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const errno = errnoOf(e.code);
    if (!errno) throw err;
    throw new SysError(e.syscall === 'read' ? 'read' : 'open', errno, e.message);
  }
}

function stat(path: string): { size: number; mode: number } {
  try {
    const st = statSync(path);
    return { size: st.size, mode: st.mode };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const errno = errnoOf(e.code);
    if (!errno) throw err;
    throw new SysError('stat', errno, e.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Name services

/** h_errno right after the last gethostby* call (glibc keeps it per thread). */
let lastHerrno = 0;

function captureHerrno(): void {
  lastHerrno = koffi.decode.int(c.__h_errno_location());
}

/** The NSS calls that set h_errno too (getnetby*, through nss's herrnop): capture it after them. */
function withHerrno<T>(p: CPtr, decode: (p: CPtr) => T): T {
  captureHerrno();
  return decode(p);
}

function toHostEnt(p: CPtr): HostEnt | null {
  if (p === null) return null;
  const h = koffi.decode(p, hostent()) as HostentC;
  return {
    name: cStringOrNull(h.h_name) ?? '',
    aliases: cStringList(h.h_aliases),
    addrtype: h.h_addrtype,
    addrs: pointerList(h.h_addr_list).map((a) => koffi.decode(a, 'uint8_t', h.h_length) as Uint8Array),
  };
}

function toNetEnt(p: CPtr): NetEnt | null {
  if (p === null) return null;
  const n = koffi.decode(p, netent()) as NetentC;
  return {
    name: cStringOrNull(n.n_name) ?? '',
    aliases: cStringList(n.n_aliases),
    addrtype: n.n_addrtype,
    net: n.n_net >>> 0,
  };
}

function gethostbyaddr(addr: Uint8Array, family: number): HostEnt | null {
  const p = c.gethostbyaddr(addr, addr.byteLength, family);
  captureHerrno();
  return toHostEnt(p);
}

function gethostbyname(name: string): HostEnt | null {
  const p = c.gethostbyname(cStringArg(name));
  captureHerrno();
  return toHostEnt(p);
}

function getnameinfo(
  family: number,
  addr: Uint8Array,
  port: number,
  flags: number,
): { rc: number; host: string; serv: string } {
  if (family !== AF_INET && family !== AF_INET6) return { rc: EAI_FAMILY, host: '', serv: '' };
  const sa = sockaddr(family, addr, port);
  const host = new Uint8Array(NI_MAXHOST);
  const serv = new Uint8Array(NI_MAXSERV);
  const rc = c.getnameinfo(sa, sa.length, host, host.length, serv, serv.length, flags);
  captureHerrno();
  if (rc !== 0) return { rc, host: '', serv: '' };
  return { rc, host: cStringIn(host), serv: cStringIn(serv) };
}

function getaddrinfo(
  node: string | null,
  service: string | null,
  hints: { family: number; socktype: number; protocol: number; flags: number },
): { rc: number; list: AddrInfo[] } {
  const type = addrinfo();
  const hintsBuf = new Uint8Array(koffi.sizeof(type));
  koffi.encode(hintsBuf, type, {
    ai_flags: hints.flags,
    ai_family: hints.family,
    ai_socktype: hints.socktype,
    ai_protocol: hints.protocol,
    ai_addrlen: 0,
    ai_addr: null,
    ai_canonname: null,
    ai_next: null,
  });
  const res: [CPtr] = [null];
  const rc = c.getaddrinfo(
    node === null ? null : cStringArg(node),
    service === null ? null : cStringArg(service),
    hintsBuf,
    res,
  );
  captureHerrno();
  const head = res[0];
  if (rc !== 0 || head === null) return { rc, list: [] };
  try {
    const list: AddrInfo[] = [];
    for (let p: CPtr = head; p !== null; ) {
      const ai = koffi.decode(p, type) as AddrinfoC;
      const sa = ai.ai_addr === null ? null : fromSockaddr(ai.ai_addr, ai.ai_addrlen);
      list.push({
        family: ai.ai_family,
        socktype: ai.ai_socktype,
        protocol: ai.ai_protocol,
        addr: sa?.addr ?? new Uint8Array(0),
        port: sa?.port ?? 0,
        canonname: cStringOrNull(ai.ai_canonname),
      });
      p = ai.ai_next;
    }
    return { rc, list };
  } finally {
    c.freeaddrinfo(head);
  }
}

function getservents(): ServEnt[] {
  const type = servent();
  const out: ServEnt[] = [];
  c.setservent(0);
  try {
    for (let p = c.getservent(); p !== null; p = c.getservent()) {
      const s = koffi.decode(p, type) as ServentC;
      out.push({
        name: cStringOrNull(s.s_name) ?? '',
        aliases: cStringList(s.s_aliases),
        port: ntohs(s.s_port),
        proto: cStringOrNull(s.s_proto) ?? '',
      });
    }
  } finally {
    c.endservent();
  }
  return out;
}

function getprotoents(): ProtoEnt[] {
  const type = protoent();
  const out: ProtoEnt[] = [];
  c.setprotoent(0);
  try {
    for (let p = c.getprotoent(); p !== null; p = c.getprotoent()) {
      const e = koffi.decode(p, type) as ProtoentC;
      out.push({
        name: cStringOrNull(e.p_name) ?? '',
        aliases: cStringList(e.p_aliases),
        proto: e.p_proto,
      });
    }
  } finally {
    c.endprotoent();
  }
  return out;
}

function getpwuid(uid: number): string | null {
  const pw = c.getpwuid(uid >>> 0);
  // pw_name is the first member of struct passwd
  return pw === null ? null : cStringOrNull(koffi.decode(pw, 'void *') as CPtr);
}

// ---------------------------------------------------------------------------------------------
// UTS

function uname(): Utsname {
  const buf = new Uint8Array(6 * UTSNAME_LENGTH);
  if (c.uname(buf) < 0) throw sysError('uname');
  const field = (i: number) => cStringIn(buf, i * UTSNAME_LENGTH, (i + 1) * UTSNAME_LENGTH);
  return {
    sysname: field(0),
    nodename: field(1),
    release: field(2),
    version: field(3),
    machine: field(4),
    domainname: field(5),
  };
}

/** gethostname / getdomainname: fill a buffer, read up to the NUL. */
function getName(fn: 'gethostname' | 'getdomainname'): string {
  const buf = new Uint8Array(HOST_NAME_MAX + 1);
  if (c[fn](buf, buf.length) < 0) throw sysError(fn);
  return cStringIn(buf);
}

/**
 * gethostname(): Node's os.hostname() is the same system call and needs no libc binding (so
 * plain `hostname` never loads koffi); it decodes the bytes as UTF-8, so it is taken only
 * when every byte is ASCII, and libc's is asked otherwise (and for any failure).
 */
function gethostname(): string {
  try {
    const name = os().hostname();
    if (/^[\x01-\x7f]*$/.test(name)) return name;
  } catch {
    // libc's answer, errno included, below
  }
  return getName('gethostname');
}

/** sethostname / setdomainname take the bytes and a length, no NUL. */
function setName(fn: 'sethostname' | 'setdomainname', name: string): void {
  const bytes = Buffer.from(name, 'latin1');
  if (c[fn](bytes, bytes.length) < 0) throw sysError(fn);
}

// ---------------------------------------------------------------------------------------------
// Directories, links, time

/** A node:fs error as the SysError of the C call that failed. */
function fsError(err: unknown, syscall: string): unknown {
  const e = err as NodeJS.ErrnoException;
  const errno = errnoOf(e.code);
  return errno ? new SysError(syscall, errno, e.message) : err;
}

/** opendir/readdir/closedir: names in the kernel's order (node's Dir does not sort; '.' and '..' are skipped). */
function readdir(path: string): string[] {
  let dir;
  try {
    dir = opendirSync(Buffer.from(path, 'latin1') as unknown as string, { encoding: 'latin1' });
  } catch (err) {
    throw fsError(err, 'opendir');
  }
  try {
    const names: string[] = [];
    for (let d = dir.readSync(); d !== null; d = dir.readSync()) names.push(String(d.name));
    return names;
  } catch (err) {
    throw fsError(err, 'readdir');
  } finally {
    dir.closeSync();
  }
}

/** struct linux_dirent64's fixed part: d_ino (8), d_off (8), d_reclen (2), d_type (1), then d_name */
const DIRENT64_NAME = 19;

function readlinks(dir: string, bufsiz: number): DirLink[] {
  const fd = c.open(cStringArg(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw sysError('opendir');
  try {
    const out: DirLink[] = [];
    const ents = Buffer.allocUnsafe(64 * 1024);
    const target = Buffer.allocUnsafe(Math.max(1, bufsiz));
    for (;;) {
      const n = c.getdents64(fd, ents, ents.length);
      if (n < 0) throw sysError('readdir');
      if (n === 0) return out;
      for (let off = 0; off < n;) {
        const reclen = ents.readUInt16LE(off + 16);
        const at = off + DIRENT64_NAME;
        const end = ents.indexOf(0, at);
        off += reclen;
        // d_name ends with its NUL inside the record, and is passed to readlinkat where it lies
        const whole = end >= 0 && end < off;
        const name = ents.toString('latin1', at, whole ? end : off);
        if (name === '.' || name === '..') continue;
        const path = whole ? ents.subarray(at, end + 1) : Buffer.concat([ents.subarray(at, off), NUL]);
        const len = c.readlinkat(fd, path, target, bufsiz);
        if (len < 0) out.push({ name, target: null, errno: koffi.errno() });
        else out.push({ name, target: target.toString('latin1', 0, len), errno: 0 });
      }
    }
  } finally {
    closeFd(fd);
  }
}
const NUL = Uint8Array.of(0);

function sleep(seconds: number): void {
  if (seconds > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

// ---------------------------------------------------------------------------------------------

export function createLiveSys(): Sys {
  // a dictionary (null prototype): no hidden class made per method at each start, as for `c`
  const sys: Sys & { __proto__: null } = {
    __proto__: null,
    netlinkOpen,
    readFile,
    stat,
    geteuid: () => process.geteuid!(),
    getenv: (name: string) => process.env[name] ?? null,

    gethostbyaddr,
    gethostbyname,
    herrno: () => lastHerrno,
    getnetbyaddr: (net, type) => withHerrno(c.getnetbyaddr(net >>> 0, type), toNetEnt),
    getnetbyname: (name) => withHerrno(c.getnetbyname(cStringArg(name)), toNetEnt),
    getnameinfo,
    getaddrinfo,
    gai_strerror: (rc) => cStringOrNull(c.gai_strerror(rc)) ?? `Unknown error ${rc}`,
    getservents,
    getprotoents,
    getpwuid,

    uname,
    gethostname,
    sethostname: (name) => setName('sethostname', name),
    getdomainname: () => getName('getdomainname'),
    setdomainname: (name) => setName('setdomainname', name),

    readdir,
    readlinks,
    sleep,
  };
  return sys;
}

/**
 * write(2) of `data` (bytes, or latin1 text: one char per byte) to fd, from its byte `off`: the
 * count written, or -errno. ASCII text goes through libc when koffi is loaded already (the
 * commands that asked the kernel anything): Node's first writeSync of a string costs about
 * 0.2 ms, this about 0.05 ms with the test for ASCII (a regular expression: an output can be
 * long, and a loop in the interpreter costs more). Anything else goes through writeSync.
 */
export function writeFd(fd: number, data: Uint8Array | string, off: number): number {
  if (koffiModule !== null && typeof data === 'string' && !/[^\0-\x7f]/.test(data)) {
    const text = off ? data.slice(off) : data;
    const n = c.writeText(fd, text, text.length);
    return n >= 0 ? n : -koffi.errno();
  }
  try {
    return typeof data === 'string'
      ? writeSync(fd, off ? data.slice(off) : data, null, 'latin1')
      : writeSync(fd, data, off, data.length - off);
  } catch (e) {
    return -(errnoOf((e as NodeJS.ErrnoException).code) || EIO);
  }
}

/** Node runs with no options but the one the installed launchers' `#!` line gives it (Makefile). */
function launcherExecArgv(): boolean {
  const a = process.execArgv;
  return a.length === 0 || (a.length === 1 && a[0] === '--preserve-symlinks-main');
}

/**
 * End the process with `status` once a command's bytes are written (the bundles' last step,
 * after runMain has written all of them with write(2): nothing is pending). When koffi is
 * loaded anyway, libc's _exit(2): Node's own exit (its 'exit' event, the stop and join of V8's
 * worker threads, the atexit handlers and C++ destructors of Node and koffi) takes 0.7-0.9 ms
 * here and does nothing a command needs. Node's exit is kept whenever something may wait for
 * it: an 'exit' listener (the build's code-cache run), or a run under Node options (but the
 * launchers' own --preserve-symlinks-main) or NODE_V8_COVERAGE (profiles, coverage and
 * reports are written at exit). process.exit() still spares Node's tear-down of the heap
 * (about 0.4 ms).
 */
export function exitProcess(status: number): never {
  if (koffiModule !== null && process.listenerCount('exit') === 0 && launcherExecArgv()) {
    const env = process.env;
    if (env.NODE_OPTIONS === undefined && env.NODE_V8_COVERAGE === undefined) {
      try {
        c._exit(status);
      } catch {
        // libc's _exit could not be declared: Node's exit does the same, slower
      }
    }
  }
  process.exit(status);
}

/**
 * End the process by a signal with its default action, as a C program would die of it (for
 * SIGPIPE: Node ignores SIGPIPE, so its default action is restored first). Does not return.
 */
export function dieOfSignal(sig: number): never {
  const signal = libc().func('void *signal(int sig, void *handler)') as (sig: number, handler: null) => unknown;
  const raise = libc().func('int raise(int sig)') as (sig: number) => number;
  signal(sig, null); // SIG_DFL
  raise(sig);
  // a signal that is blocked or caught elsewhere: fall back to the status a shell would show
  process.exit(128 + sig);
}
