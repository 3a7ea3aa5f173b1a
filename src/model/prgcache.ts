/**
 * netstat -p: which process holds which socket, found as prg_cache_load() (netstat.c:399-497)
 * finds it — there is no netlink for it. Every numeric entry of /proc, every link in its
 * /proc/PID/fd read with readlink(2) (readlinkat, Sys.readlinks) into a 30-byte buffer (`socket:[INODE]` or `[0000]:INODE`),
 * and for a process holding a socket its /proc/PID/cmdline (512 bytes): "PID/argv0", argv0's
 * base name only when it starts with '/', cut to 19 bytes. The first process found with an
 * inode keeps it (prg_cache_add). With -Z, the SELinux context from /proc/PID/attr/current.
 */
import type { DirLink, Sys } from '../sys/types.js';
import { SysError } from '../sys/types.js';
import { sprintf } from '../format/printf.js';
import {
  MSG_PRG_NONE, MSG_PRG_SOME, PRG_CMDLINE_SIZE, PRG_LNAME_SIZE, PROGNAME_WIDTH, SELINUX_WIDTH,
} from '../../compat/netstat.js';
import { EACCES } from '../../compat/errno.js';
import { decodeString } from '../netlink/codec.js';

const PATH_MAX_LINE = 4096; // LINE_MAX: char line[LINE_MAX]

/** strtoul(s, &end, 0) over the whole string, as extract_type_*_socket_inode use it. */
function strtoulWhole(s: string): number | null {
  // the common case, a plain decimal number that fits a double exactly
  if (s.length > 0 && s.length <= 15 && s.charCodeAt(0) > 0x30 && /^[0-9]+$/.test(s)) return Number(s);
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!.startsWith('0x') || m[2]!.startsWith('0X') ? m[2]! : m[2]!.length > 1 && m[2]!.startsWith('0') ? '0o' + m[2]!.slice(1) : m[2]!);
  if (m[1] === '-') v = -v;
  v = BigInt.asUintN(64, v);
  if (v === (1n << 64n) - 1n) return null; // *inode_p == ~0
  return Number(v);
}

/** "socket:[12345]" -> 12345 (extract_type_1_socket_inode, netstat.c:350) */
function type1(lname: string): number | null {
  const pfx = 'socket:[';
  if (lname.length < pfx.length + 3) return null;
  if (!lname.startsWith(pfx)) return null;
  if (!lname.endsWith(']')) return null;
  return strtoulWhole(lname.slice(pfx.length, lname.length - 1));
}

/** "[0000]:12345" -> 12345 (extract_type_2_socket_inode, netstat.c:377) */
function type2(lname: string): number | null {
  const pfx = '[0000]:';
  if (lname.length < pfx.length + 1) return null;
  if (!lname.startsWith(pfx)) return null;
  return strtoulWhole(lname.slice(pfx.length));
}

/**
 * The program cache: load() once per listing, get() per socket, clear() between -c rounds.
 *
 * The C reads a process's cmdline as soon as it finds a socket among its fds; here it is read
 * when a row asks for one of its sockets (the same text: the name is only ever printed), so
 * the command lines of processes whose sockets are not listed are not read at all. When a
 * cmdline cannot be read, the C leaves the inode to the next process holding it; so does this.
 */
export class PrgCache {
  /** inode -> the processes holding it, in the order /proc lists them */
  private readonly owners = new Map<number, string[]>();
  /** pid -> the argv[0] part of its name, or null when its cmdline could not be read */
  private readonly cmdlines = new Map<string, string | null>();
  private readonly scons = new Map<string, string>();
  /** prg_cache_loaded: 0 not loaded, 1 loaded and empty, 2 something added */
  private loaded = 0;

  constructor(
    private readonly sys: Sys,
    private readonly selinux: boolean,
  ) {}

  /** The pid that prg_cache_add kept for this inode: the first whose cmdline could be read. */
  private owner(inode: number): string | null {
    for (const pid of this.owners.get(inode) ?? []) if (this.cmdline(pid) !== null) return pid;
    return null;
  }

  get(inode: number): string {
    const pid = this.owner(inode);
    // snprintf(finbuf, 20, "%s/%s") and safe_strncpy(pn->name, ..., 20): 19 bytes
    return pid === null ? '-' : `${pid}/${this.cmdline(pid)}`.slice(0, PROGNAME_WIDTH - 1);
  }

  getCon(inode: number): string {
    const pid = this.owner(inode);
    if (pid === null) return '-';
    let con = this.scons.get(pid);
    if (con === undefined) {
      con = this.selinux ? this.getpidcon(pid) : '-';
      // prg_cache_add: a context too long for char scon[50] keeps its tail (note the off-by-one)
      const len = con.length - SELINUX_WIDTH + 1;
      if (len > 0) con = con.slice(len + 1);
      con = con.slice(0, SELINUX_WIDTH - 1);
      this.scons.set(pid, con);
    }
    return con;
  }

  clear(): void {
    this.owners.clear();
    this.cmdlines.clear();
    this.scons.clear();
    this.loaded = 0;
  }

  /** cmdlp of prg_cache_load: argv[0], its base name when it starts with '/'. */
  private cmdline(pid: string): string | null {
    if (this.cmdlines.has(pid)) return this.cmdlines.get(pid)!;
    let name: string | null;
    try {
      const buf = this.sys.readFile(`/proc/${pid}/cmdline`);
      // read(fd, cmdlbuf, 511); the C string ends at the first NUL
      const s = decodeString(buf.subarray(0, PRG_CMDLINE_SIZE - 1));
      name = s.startsWith('/') ? s.slice(s.lastIndexOf('/') + 1) : s;
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      name = null;
    }
    this.cmdlines.set(pid, name);
    return name;
  }

  /** prg_cache_load(); returns what it prints on stderr ('' for nothing). */
  load(): string {
    if (this.loaded) return '';
    this.loaded = 1;
    let eacces = false;
    let pids: string[];
    try {
      pids = this.sys.readdir('/proc');
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return sprintf(MSG_PRG_NONE, this.sys.geteuid());
    }
    for (const pid of pids) {
      if (!/^[0-9]+$/.test(pid)) continue;
      const fdDir = `/proc/${pid}/fd`;
      if (fdDir.length >= PATH_MAX_LINE - 5) continue;
      let links: DirLink[];
      try {
        links = this.sys.readlinks(fdDir, PRG_LNAME_SIZE - 1);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.errno === EACCES) eacces = true;
        continue;
      }
      for (const { name: fd, target: lname } of links) {
        if (!/^[0-9]/.test(fd)) continue;
        if (fdDir.length + 1 + fd.length + 1 > PATH_MAX_LINE) continue;
        if (lname === null) continue;
        const inode = type1(lname) ?? type2(lname);
        if (inode === null) continue;
        this.loaded = 2;
        const list = this.owners.get(inode);
        if (!list) this.owners.set(inode, [pid]);
        else if (!list.includes(pid)) list.push(pid);
      }
    }
    if (!eacces) return '';
    return this.loaded === 1 ? sprintf(MSG_PRG_NONE, this.sys.geteuid()) : MSG_PRG_SOME;
  }

  /** libselinux getpidcon(): /proc/PID/attr/current, "-" when it cannot be read. */
  private getpidcon(pid: string): string {
    try {
      const s = decodeString(this.sys.readFile(`/proc/${pid}/attr/current`));
      return s.replace(/\n$/, '');
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return '-';
    }
  }
}
