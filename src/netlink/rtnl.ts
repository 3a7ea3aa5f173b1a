/** rtnetlink requests the commands use (after iproute2's rtnl_*dump_req). */
import type { Sys } from '../sys/types.js';
import { encodeAttrs, encodeStruct, type NlaSpec } from './codec.js';
import {
  IFLA, NETLINK_ROUTE, RTM_GETADDR, RTM_GETLINK, RTM_SETLINK, RTNL_MESSAGES, ifaddrmsg, ifinfomsg,
} from './messages.js';
import { Netlink, NetlinkError, decodeMessage, type Message, type RawMessage } from './stream.js';
import { EPERM } from '../../compat/errno.js';

export function openRtnl(sys: Sys): Netlink {
  return new Netlink(sys, NETLINK_ROUTE);
}

/** The messages of a dump its *_raw function gave (only the answers it asks for), decoded. */
function decodeAll(msgs: RawMessage[]): Message[] {
  return msgs.map((m) => decodeMessage(RTNL_MESSAGES[m.type]!, m));
}

/** RTM_GETLINK dump of every link (AF_UNSPEC), answers RTM_NEWLINK. */
export function rtnl_linkdump(nl: Netlink, attrs: readonly NlaSpec[] = []): Message[] {
  return decodeAll(rtnl_linkdump_raw(nl, attrs));
}

/** The same dump, its RTM_NEWLINK answers not decoded. */
export function rtnl_linkdump_raw(nl: Netlink, attrs: readonly NlaSpec[] = []): RawMessage[] {
  const payload = concat(encodeStruct(ifinfomsg, { ifi_family: 0 }), encodeAttrs(IFLA, attrs));
  return nl.dumpAll(RTM_GETLINK, payload).filter((m) => m.type === RTM_GETLINK - 2);
}

/** RTM_GETADDR dump for one family, answers RTM_NEWADDR. */
export function rtnl_addrdump(nl: Netlink, family: number): Message[] {
  return decodeAll(rtnl_addrdump_raw(nl, family));
}

/** The same dump, its RTM_NEWADDR answers not decoded. */
export function rtnl_addrdump_raw(nl: Netlink, family: number): RawMessage[] {
  const payload = encodeStruct(ifaddrmsg, { ifa_family: family });
  return nl.dumpAll(RTM_GETADDR, payload).filter((m) => m.type === RTM_GETADDR - 2);
}

/** A change request (with ACK): 0, or the kernel's errno. */
export function rtnl_change(nl: Netlink, type: number, flags: number, payload: Uint8Array): number {
  try {
    nl.request(type, flags, payload);
    return 0;
  } catch (e) {
    if (e instanceof NetlinkError) return e.errno;
    throw e;
  }
}

const adminOf = new WeakMap<Netlink, boolean>();

/**
 * Do we hold CAP_NET_ADMIN over this namespace? Asked once per channel with an RTM_SETLINK that
 * names no device: the kernel answers EPERM without the capability and EINVAL (or ENODEV)
 * with it, and changes nothing either way.
 */
export function rtnl_admin(nl: Netlink): boolean {
  let admin = adminOf.get(nl);
  if (admin === undefined) {
    admin = rtnl_change(nl, RTM_SETLINK, 0, encodeStruct(ifinfomsg, { ifi_family: 0 })) !== EPERM;
    adminOf.set(nl, admin);
  }
  return admin;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
