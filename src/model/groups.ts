/**
 * netstat -g's rows from rtnetlink, for when /proc/net/igmp or /proc/net/igmp6 cannot be read:
 * RTM_GETMULTICAST (IPv4 since Linux 6.13, IPv6 long before) lists each device's groups in the
 * order of the kernel's list (the order /proc shows), but not how many users each group has
 * (/proc's RefCnt column); see compat/netstat.md.
 */
import type { Sys } from '../sys/types.js';
import { encodeStruct } from '../netlink/codec.js';
import { IFA, ifaddrmsg, type MessageSpec } from '../netlink/messages.js';
import { decodeMessage } from '../netlink/stream.js';
import { openRtnl, rtnl_linkdump } from '../netlink/rtnl.js';

const RTM_NEWMULTICAST = 56;
const RTM_GETMULTICAST = 58;
const SPEC: MessageSpec = { name: 'RTM_NEWMULTICAST', header: ifaddrmsg, attrs: IFA };

export interface Group {
  device: string;
  addr: Uint8Array;
}

/** The groups of one family, device by device (ifindex order). Throws NetlinkError/SysError. */
export function multicastGroups(sys: Sys, family: number): Group[] {
  const nl = openRtnl(sys);
  try {
    const names = new Map<number, string>();
    for (const l of rtnl_linkdump(nl)) names.set(Number(l.header.ifi_index), String(l.attrs.values.IFLA_IFNAME ?? ''));
    const out: Group[] = [];
    for (const raw of nl.dumpAll(RTM_GETMULTICAST, encodeStruct(ifaddrmsg, { ifa_family: family }))) {
      // dumps answer with RTM_GETMULTICAST itself (inet6_fill_ifmcaddr's event), notifications with NEW
      if (raw.type !== RTM_NEWMULTICAST && raw.type !== RTM_GETMULTICAST) continue;
      const m = decodeMessage(SPEC, raw);
      const addr = m.attrs.values.IFA_MULTICAST as Uint8Array | undefined;
      if (!addr) continue;
      const index = Number(m.header.ifa_index);
      out.push({ device: names.get(index) ?? String(index), addr });
    }
    return out;
  } finally {
    nl.close();
  }
}
