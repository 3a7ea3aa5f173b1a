/**
 * The seam between the commands and the outside world (kernel and libc).
 *
 * Every fact a command prints comes through a `Sys`. Three implementations sit behind it:
 *  - live (src/sys/live.ts): the kernel and libc through koffi; the only koffi importer;
 *  - recording (src/sys/record.ts): live, plus a log of every question and answer;
 *  - replaying (src/sys/replay.ts): answers from such a log, no root and no kernel.
 *
 * Byte strings that came from C (names, paths) are `string`s decoded as latin1 so that
 * every byte maps to one char and back: widths then count bytes, as glibc printf does.
 */

/** An error from a system call or libc function, carrying errno (positive). */
export class SysError extends Error {
  constructor(
    readonly syscall: string,
    readonly errno: number,
    message?: string,
  ) {
    super(message ?? `${syscall}: errno ${errno}`);
    this.name = 'SysError';
  }
}

/** One AF_NETLINK datagram socket (SOCK_RAW|SOCK_CLOEXEC), bound to the port the kernel chooses. */
export interface NetlinkSocket {
  /** nl_pid the kernel assigned (getsockname; bound by then, at the first send or by bind(2)). */
  readonly portid: number;
  /** sendto() the whole buffer to the kernel (nl_pid 0). Throws SysError. */
  send(msg: Uint8Array): void;
  /**
   * recv() one whole datagram. Throws SysError. The bytes may lie in the socket's receive
   * buffer: they are valid until the next recv() on the socket (copy what is kept longer).
   */
  recv(): Uint8Array;
  close(): void;
}

/** struct hostent, as gethostbyaddr/gethostbyname return it. */
export interface HostEnt {
  name: string;
  aliases: string[];
  addrtype: number;
  /** each address in network byte order (4 or 16 bytes) */
  addrs: Uint8Array[];
}

/** struct netent: n_net is in host byte order, as glibc returns it. */
export interface NetEnt {
  name: string;
  aliases: string[];
  addrtype: number;
  net: number;
}

/** struct servent; port in host byte order. */
export interface ServEnt {
  name: string;
  aliases: string[];
  port: number;
  proto: string;
}

/** struct protoent */
export interface ProtoEnt {
  name: string;
  aliases: string[];
  proto: number;
}

/** One struct addrinfo from getaddrinfo. */
export interface AddrInfo {
  family: number;
  socktype: number;
  protocol: number;
  /** the address bytes (4 or 16), network order */
  addr: Uint8Array;
  port: number;
  canonname: string | null;
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export interface Sys {
  // ---- kernel ----
  /** socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol) + bind + getsockname. */
  netlinkOpen(protocol: number): NetlinkSocket;
  /** Whole file contents; throws SysError (ENOENT, EACCES, ...). */
  readFile(path: string): Uint8Array;
  /** stat(2), following symlinks: st_size and st_mode. Throws SysError (ENOENT, EACCES, ...). */
  stat(path: string): { size: number; mode: number };
  geteuid(): number;
  /** getenv(3): the variable's value, or null when it is not set (glibc's getopt asks for POSIXLY_CORRECT). */
  getenv(name: string): string | null;

  // ---- libc name services (NSS: /etc/hosts, /etc/networks, /etc/services, ...) ----
  /** addr: 4 or 16 bytes network order. null when not found (h_errno kept in `herrno`). */
  gethostbyaddr(addr: Uint8Array, family: number): HostEnt | null;
  gethostbyname(name: string): HostEnt | null;
  /** h_errno after the last resolver call (gethostby*, getnetby*, getaddrinfo, getnameinfo). */
  herrno(): number;
  /** net in host byte order, as getnetbyaddr(3) takes it. */
  getnetbyaddr(net: number, type: number): NetEnt | null;
  getnetbyname(name: string): NetEnt | null;
  /** Returns the EAI_* code (0 = ok) and host/serv texts. */
  getnameinfo(
    family: number,
    addr: Uint8Array,
    port: number,
    flags: number,
  ): { rc: number; host: string; serv: string };
  getaddrinfo(
    node: string | null,
    service: string | null,
    hints: { family: number; socktype: number; protocol: number; flags: number },
  ): { rc: number; list: AddrInfo[] };
  /** gai_strerror(rc) */
  gai_strerror(rc: number): string;
  /** All entries, as setservent/getservent/endservent walk them, in file order. */
  getservents(): ServEnt[];
  /** All entries, as setprotoent/getprotoent/endprotoent walk them, in file order. */
  getprotoents(): ProtoEnt[];
  /** pw_name, or null. */
  getpwuid(uid: number): string | null;

  // ---- UTS ----
  uname(): Utsname;
  gethostname(): string;
  sethostname(name: string): void;
  getdomainname(): string;
  setdomainname(name: string): void;

  // ---- directories, links and time (netstat -p, -c) ----
  /**
   * The entry names of a directory in the order readdir(3) gives them (the kernel's order,
   * not sorted), without '.' and '..'. Throws SysError (ENOENT, EACCES, ENOTDIR, ...).
   */
  readdir(path: string): string[];
  /**
   * The links of a directory (netstat -p reads /proc/PID/fd): every entry, in readdir(3)'s
   * order without '.' and '..', with what readlink(2) into a buffer of `bufsiz` bytes gives
   * for it (the target, cut to its first `bufsiz` bytes as readlink(2) silently cuts it) or the
   * errno it fails with. One call per directory: the live one opens the directory once and
   * reads each link relative to it (readlinkat), instead of walking the whole path per link.
   * Throws SysError when the directory cannot be opened or read (ENOENT, EACCES, ENOTDIR, ...).
   */
  readlinks(dir: string, bufsiz: number): DirLink[];
  /** sleep(3) for whole seconds. */
  sleep(seconds: number): void;
}

/** Standard streams as byte sinks. stdout is buffered like C stdio; stderr is not. */
export interface Io {
  stdout: ByteWriter;
  stderr: ByteWriter;
}

export interface ByteWriter {
  write(bytes: Uint8Array | string): void;
  /** fflush(): hand what was written so far to the file now (a no-op where there is no file). */
  flush?(): void;
}

/** One entry of Sys.readlinks: its name, and its link's target or the errno readlink(2) gave. */
export interface DirLink {
  name: string;
  target: string | null;
  errno: number;
}

/** A command: `main(argv, sys, io) -> exit status` (0..255). argv[0] is the invoked name. */
export type Main = (argv: string[], sys: Sys, io: Io) => number;
