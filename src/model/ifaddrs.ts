/**
 * getifaddrs(3) as glibc 2.36 builds its list (sysdeps/unix/sysv/linux/ifaddrs.c), from the
 * same two rtnetlink dumps: RTM_GETLINK for every link, then one RTM_GETADDR dump of every
 * family (AF_UNSPEC: the kernel walks the families in order, so all IPv4 addresses by ifindex,
 * then all IPv6 addresses by ifindex). Only the address entries are returned, in that order;
 * glibc puts one AF_PACKET entry per link before them, which no caller here looks at.
 *
 * Per address entry glibc keeps:
 *  - ifa_flags: the flags of the address's link (ifi_flags of its RTM_NEWLINK);
 *  - ifa_addr: IFA_LOCAL when the message has it, else IFA_ADDRESS (on point-to-point
 *    addresses IFA_ADDRESS is the peer, which glibc moves to ifa_dstaddr); an address of the
 *    wrong size for its family is left all zeros; no address attribute at all means NULL;
 *  - for IPv6 link-local and link-local multicast addresses, sin6_scope_id = ifa_index.
 * A link that appears in the address dump but not in the link dump makes glibc start over.
 */
import type { Sys } from '../sys/types.js';
import { openRtnl, rtnl_addrdump, rtnl_linkdump } from '../netlink/rtnl.js';

const AF_UNSPEC = 0;
const AF_INET = 2;
const AF_INET6 = 10;

/** One address entry of the list (the fields a caller of getifaddrs can see that matter here). */
export interface IfAddrEntry {
  /** ifa_addr->sa_family */
  family: number;
  /** ifa_addr's address bytes (4 or 16), or null when ifa_addr is NULL */
  addr: Uint8Array | null;
  /** sin6_scope_id for IPv6 (0 unless link-local) */
  scopeId: number;
  /** ifa_flags: the link's ifi_flags */
  flags: number;
  /** the kernel's ifindex (ifa_index) */
  index: number;
}

/** How often glibc's start-over is tried before we settle for what we have. */
const RETRIES = 5;

const ADDR_LEN: Readonly<Record<number, number>> = { [AF_INET]: 4, [AF_INET6]: 16 };

/** IN6_IS_ADDR_LINKLOCAL || IN6_IS_ADDR_MC_LINKLOCAL */
export function in6LinkLocal(a: Uint8Array): boolean {
  return (a[0] === 0xfe && (a[1]! & 0xc0) === 0x80) || (a[0] === 0xff && (a[1]! & 0x0f) === 0x02);
}

/** The address entries of getifaddrs(), in its order. Throws SysError or NetlinkError. */
export function getifaddrs(sys: Sys): IfAddrEntry[] {
  const nl = openRtnl(sys);
  try {
    let out: IfAddrEntry[] = [];
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const flagsOf = new Map<number, number>();
      for (const m of rtnl_linkdump(nl)) flagsOf.set(Number(m.header.ifi_index), Number(m.header.ifi_flags) >>> 0);
      out = [];
      let unknownLink = false;
      for (const m of rtnl_addrdump(nl, AF_UNSPEC)) {
        const family = Number(m.header.ifa_family);
        const index = Number(m.header.ifa_index);
        const flags = flagsOf.get(index);
        if (flags === undefined) unknownLink = true;
        const v = m.attrs.values;
        const raw = (v.IFA_LOCAL ?? v.IFA_ADDRESS) as Uint8Array | undefined;
        let addr: Uint8Array | null = null;
        if (raw !== undefined) {
          const len = ADDR_LEN[family];
          addr = len === undefined ? raw : raw.length === len ? raw : new Uint8Array(len);
        }
        const scopeId = family === AF_INET6 && addr && in6LinkLocal(addr) ? index : 0;
        out.push({ family, addr, scopeId, flags: flags ?? 0, index });
      }
      if (!unknownLink) break;
    }
    return out;
  } finally {
    nl.close();
  }
}
