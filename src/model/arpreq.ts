/**
 * The ioctls net-tools' arp issues, emulated over rtnetlink: each method is named after the
 * ioctl, takes what the struct arpreq / ifreq carried, answers what the kernel would have
 * answered (0 or a positive errno) and leaves the kernel as the ioctl would have. No ioctl is
 * ever issued. The kernel code whose rules are reproduced (net/ipv4/arp.c):
 *  - arp_ioctl: CAP_NET_ADMIN first (EPERM); a netmask or dontpub without ATF_PUBL is EINVAL;
 *    no ATF_NETMASK means 255.255.255.255; a named device must exist (ENODEV), a hardware
 *    family of 0 becomes the device's type, and with ATF_COM it must be the device's type;
 *  - arp_req_set: ATF_PUBL -> arp_req_set_public; ATF_PERM implies ATF_COM; without a device
 *    the route look-up with link scope chooses it (src/model/fib4.ts); the hardware family
 *    must be the device's type (FDDI also takes Ethernet and IEEE 802); then the neighbour is
 *    created and updated with OVERRIDE|ADMIN to NUD_PERMANENT, or NUD_STALE without ATF_PERM
 *    (`temp`), with the first dev->addr_len bytes from arp_ha.sa_data on;
 *  - arp_req_set_public: a netmask other than 0 and 255.255.255.255 is EINVAL; without a
 *    device, the first device of that hardware type and address (dev_getbyhwaddr) or ENODEV;
 *    netmask 255.255.255.255 creates a proxy entry (pneigh) on that device, an existing one
 *    is left as it is; netmask 0 turns the device's proxy_arp on (arp_req_set_proxy);
 *  - arp_req_delete / arp_invalidate: the device by route look-up as above; no entry is ENXIO;
 *    an entry whose state is only NUD_NOARP (or NUD_NONE) is removed and still ENXIO;
 *  - arp_req_delete_public: netmask 255.255.255.255 deletes the proxy entry of exactly that
 *    device (none given: the entry without device) or ENOENT; netmask 0 turns proxy_arp off.
 * proxy_arp is set with IFLA_AF_SPEC/AF_INET/IFLA_INET_CONF, as IN_DEV_CONF_SET does it;
 * the namespace-wide conf/all/proxy_arp (a proxy change with netmask 0 and no device) has no
 * netlink setter: when it already has the wanted value nothing needs doing, otherwise the
 * change is refused with EOPNOTSUPP (compat/arp.md).
 */
import type { Sys } from '../sys/types.js';
import { decodeAttrs, defineStruct, encodeAttrs, encodeStruct, nlaTable, type NlaSpec } from '../netlink/codec.js';
import {
  AF_INET, IFLA, NDA, NLM_F_CREATE, NLM_F_REPLACE, RTM_DELNEIGH, RTM_GETLINK, RTM_GETNEIGH,
  RTM_NEWLINK, RTM_NEWNEIGH, RTNL_MESSAGES, ifinfomsg, ndmsg,
} from '../netlink/messages.js';
import { Netlink, NetlinkError, decodeMessage } from '../netlink/stream.js';
import { concat, openRtnl, rtnl_admin, rtnl_change } from '../netlink/rtnl.js';
import { devName } from './ioctl.js';
import { hostOrder } from '../lib/inet_resolve.js';
import { Fib4 } from './fib4.js';
import { NTF_PROXY, NUD_NOARP, NUD_PERMANENT, NUD_STALE, linkInfo, links, type LinkInfo } from './neigh.js';
import { ATF_COM, ATF_DONTPUB, ATF_NETMASK, ATF_PERM, ATF_PUBL } from '../../compat/arp.js';
export { EAFNOSUPPORT, EINVAL, ENODEV, ENOENT, ENXIO, EOPNOTSUPP, EPERM } from '../../compat/errno.js';
import { EAFNOSUPPORT, EINVAL, ENODEV, ENOENT, ENXIO, EOPNOTSUPP, EPERM } from '../../compat/errno.js';

const IFNAMSIZ = 16;
const ARPHRD_ETHER = 1;
const ARPHRD_IEEE802 = 6;
const ARPHRD_FDDI = 774;
const IPV4_DEVCONF_PROXY_ARP = 3;
const IFLA_INET_CONF = 1;
const RTM_NEWNETCONF = 80;
const RTM_GETNETCONF = 82;
const NETCONFA_IFINDEX_ALL = -1;

const netconfmsg = defineStruct('netconfmsg', () => [['ncm_family', 'u8']]);
const NETCONFA = nlaTable('netconfa', () => ({
  1: ['NETCONFA_IFINDEX', 's32'],
  2: ['NETCONFA_FORWARDING', 's32'],
  3: ['NETCONFA_RP_FILTER', 's32'],
  4: ['NETCONFA_MC_FORWARDING', 's32'],
  5: ['NETCONFA_PROXY_NEIGH', 's32'],
}));
const NETCONF_SPEC = { name: 'RTM_NEWNETCONF', header: netconfmsg, attrs: NETCONFA };

/** struct arpreq, as net-tools fills it. */
export interface ArpReq {
  /** arp_pa's sin_addr, network order */
  pa: Uint8Array;
  /** arp_ha.sa_family */
  haFamily: number;
  /** arp_ha.sa_data, 14 bytes */
  haData: Uint8Array;
  flags: number;
  /** arp_netmask's sin_addr (read only with ATF_NETMASK) */
  netmask: Uint8Array;
  /** arp_dev, at most 15 bytes; "" for none */
  dev: string;
}

/**
 * The bytes the kernel reads as the link-layer address: dev->addr_len bytes from
 * r->arp_ha.sa_data on (past its 14 bytes they are arp_flags, arp_netmask and arp_dev).
 */
export function arpreqHwBytes(req: ArpReq, len: number): Uint8Array {
  const img = new Uint8Array(68);
  const dv = new DataView(img.buffer);
  dv.setUint16(0, AF_INET, true);
  img.set(req.pa.subarray(0, 4), 4);
  dv.setUint16(16, req.haFamily, true);
  img.set(req.haData.subarray(0, 14), 18);
  dv.setInt32(32, req.flags, true);
  dv.setUint16(36, AF_INET, true);
  img.set(req.netmask.subarray(0, 4), 40);
  for (let i = 0; i < req.dev.length && i < 15; i++) img[52 + i] = req.dev.charCodeAt(i) & 0xff;
  return img.slice(18, 18 + Math.min(len, 50));
}

export class ArpIoctl {
  private readonly nl: Netlink;
  private linkCache: LinkInfo[] | null = null;
  private fibCache: Fib4 | null = null;

  constructor(sys: Sys) {
    this.nl = openRtnl(sys);
  }

  close(): void {
    this.nl.close();
  }

  // ------------------------------------------------------------------ kernel state

  private links(): LinkInfo[] {
    if (!this.linkCache) this.linkCache = links(this.nl);
    return this.linkCache;
  }

  private fib(): Fib4 {
    if (!this.fibCache) this.fibCache = new Fib4(this.nl, this.links());
    return this.fibCache;
  }

  /** __dev_get_by_name(): the device of exactly that name (altnames too), or null. */
  linkByName(name: string): LinkInfo | null {
    const payload = concat(encodeStruct(ifinfomsg, { ifi_family: 0 }), encodeAttrs(IFLA, [['IFLA_IFNAME', name]]));
    try {
      return linkInfo(decodeMessage(RTNL_MESSAGES[RTM_NEWLINK]!, this.nl.get(RTM_GETLINK, payload)));
    } catch (e) {
      if (e instanceof NetlinkError && (e.errno === ENODEV || e.errno === EINVAL)) return null;
      throw e;
    }
  }

  /** Do we hold CAP_NET_ADMIN over this namespace? (rtnl_admin: asked once, changes nothing) */
  admin(): boolean {
    return rtnl_admin(this.nl);
  }

  /** A change request; returns 0 or the kernel's errno. */
  private change(type: number, flags: number, payload: Uint8Array): number {
    return rtnl_change(this.nl, type, flags, payload);
  }

  private neighMsg(ip: Uint8Array, ifindex: number, state: number, flags: number, attrs: NlaSpec[] = []): Uint8Array {
    const hdr = encodeStruct(ndmsg, { ndm_family: AF_INET, ndm_ifindex: ifindex, ndm_state: state, ndm_flags: flags });
    return concat(hdr, encodeAttrs(NDA, [['NDA_DST', ip.slice(0, 4)], ...attrs]));
  }

  /** RTM_GETNEIGH for one entry: its ndm_state, or null when there is none. */
  private neighState(ip: Uint8Array, ifindex: number, proxy: boolean): number | null {
    try {
      const m = this.nl.get(RTM_GETNEIGH, this.neighMsg(ip, ifindex, 0, proxy ? NTF_PROXY : 0));
      return Number(decodeMessage(RTNL_MESSAGES[RTM_NEWNEIGH]!, m).header.ndm_state);
    } catch (e) {
      if (e instanceof NetlinkError && e.errno === ENOENT) return null;
      throw e;
    }
  }

  // ------------------------------------------------------------------ SIOCGIFHWADDR

  /** SIOCGIFHWADDR (no privilege needed): the device's type and first 14 address bytes. */
  SIOCGIFHWADDR(ifname: string): { errno: number; family: number; data: Uint8Array } {
    const data = new Uint8Array(14);
    const l = this.linkByName(devName(ifname.slice(0, IFNAMSIZ - 1)));
    if (!l) return { errno: ENODEV, family: 0, data };
    data.set(l.address.subarray(0, 14));
    return { errno: 0, family: l.type, data };
  }

  // ------------------------------------------------------------------ SIOCSARP / SIOCDARP

  SIOCSARP(req: ArpReq): number {
    return this.arp_ioctl(req, true);
  }

  SIOCDARP(req: ArpReq): number {
    return this.arp_ioctl(req, false);
  }

  private arp_ioctl(r: ArpReq, set: boolean): number {
    if (!this.admin()) return EPERM;
    const req = { ...r };
    if (!(req.flags & ATF_PUBL) && req.flags & (ATF_NETMASK | ATF_DONTPUB)) return EINVAL;
    if (!(req.flags & ATF_NETMASK)) req.netmask = new Uint8Array([255, 255, 255, 255]);
    let dev: LinkInfo | null = null;
    if (req.dev !== '') {
      dev = this.linkByName(req.dev);
      if (!dev) return ENODEV;
      if (!req.haFamily) req.haFamily = dev.type;
      if (req.flags & ATF_COM && req.haFamily !== dev.type) return EINVAL;
    }
    return set ? this.arp_req_set(req, dev) : this.arp_req_delete(req, dev);
  }

  /** The device the route to `ip` leaves by (ip_route_output with RT_SCOPE_LINK), or an errno. */
  private routeDev(ip: Uint8Array): { errno: number; dev: LinkInfo | null } {
    const r = this.fib().output(ip);
    if (r.errno) return { errno: r.errno, dev: null };
    const dev = this.links().find((l) => l.index === r.ifindex) ?? null;
    return dev ? { errno: 0, dev } : { errno: EINVAL, dev: null };
  }

  private arp_req_set(req: ArpReq, given: LinkInfo | null): number {
    if (req.flags & ATF_PUBL) return this.arp_req_set_public(req, given);
    let flags = req.flags;
    if (flags & ATF_PERM) flags |= ATF_COM;
    let dev = given;
    if (!dev) {
      const r = this.routeDev(req.pa);
      if (r.errno) return r.errno;
      dev = r.dev!;
    }
    if (dev.type === ARPHRD_FDDI) {
      if (req.haFamily !== ARPHRD_FDDI && req.haFamily !== ARPHRD_ETHER && req.haFamily !== ARPHRD_IEEE802) return EINVAL;
    } else if (req.haFamily !== dev.type) {
      return EINVAL;
    }
    const state = flags & ATF_PERM ? NUD_PERMANENT : NUD_STALE;
    const attrs: NlaSpec[] = flags & ATF_COM ? [['NDA_LLADDR', arpreqHwBytes(req, dev.addrLen)]] : [];
    return this.change(RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, this.neighMsg(req.pa, dev.index, state, 0, attrs));
  }

  /** dev_getbyhwaddr(): the first device with this type and address. */
  private devByHwaddr(type: number, ha: Uint8Array): LinkInfo | null {
    for (const l of this.links()) {
      if (l.type !== type) continue;
      let same = true;
      for (let i = 0; i < l.addrLen; i++) if (l.address[i] !== (ha[i] ?? 0)) same = false;
      if (same) return l;
    }
    return null;
  }

  private arp_req_set_public(req: ArpReq, given: LinkInfo | null): number {
    const mask = hostOrder(req.netmask);
    if (mask && mask !== 0xffffffff) return EINVAL;
    let dev = given;
    if (!dev && req.flags & ATF_COM) {
      dev = this.devByHwaddr(req.haFamily, arpreqHwBytes(req, 50));
      if (!dev) return ENODEV;
    }
    if (mask) {
      const ifindex = dev ? dev.index : 0;
      // pneigh_lookup(..., creat=1): an entry that exists is found and left as it is
      if (this.neighState(req.pa, ifindex, true) !== null) return 0;
      return this.change(RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, this.neighMsg(req.pa, ifindex, 0, NTF_PROXY));
    }
    return this.arp_req_set_proxy(dev, 1);
  }

  /** arp_req_set_proxy(): conf/DEV/proxy_arp, or conf/all/proxy_arp without a device. */
  private arp_req_set_proxy(dev: LinkInfo | null, on: number): number {
    if (!dev) {
      // IPV4_DEVCONF_ALL(net, PROXY_ARP) = on: only /proc/sys can change it
      const now = this.allProxyArp();
      return now === on ? 0 : EOPNOTSUPP;
    }
    if (!dev.hasInet) return ENXIO;
    const conf = encodeAttrs(IFLA, [[IPV4_DEVCONF_PROXY_ARP, u32(on)]]);
    const inet = encodeAttrs(IFLA, [[IFLA_INET_CONF | 0x8000, conf]]);
    const spec = encodeAttrs(IFLA, [[AF_INET | 0x8000, inet]]);
    const hdr = encodeStruct(ifinfomsg, { ifi_family: 0, ifi_index: dev.index });
    const err = this.change(RTM_NEWLINK, 0, concat(hdr, encodeAttrs(IFLA, [['IFLA_AF_SPEC', spec]])));
    return err === EAFNOSUPPORT ? ENXIO : err;
  }

  /** conf/all/proxy_arp, read with RTM_GETNETCONF (NETCONFA_PROXY_NEIGH of NETCONFA_IFINDEX_ALL). */
  private allProxyArp(): number {
    const payload = concat(
      encodeStruct(netconfmsg, { ncm_family: AF_INET }),
      new Uint8Array(3),
      encodeAttrs(NETCONFA, [['NETCONFA_IFINDEX', NETCONFA_IFINDEX_ALL]]),
    );
    const m = this.nl.get(RTM_GETNETCONF, payload);
    if (m.type !== RTM_NEWNETCONF) return -1;
    const values = decodeAttrs(NETCONF_SPEC.attrs, m.payload, 4).values;
    return Number(values.NETCONFA_PROXY_NEIGH ?? -1);
  }

  private arp_req_delete(req: ArpReq, given: LinkInfo | null): number {
    if (req.flags & ATF_PUBL) return this.arp_req_delete_public(req, given);
    let dev = given;
    if (!dev) {
      const r = this.routeDev(req.pa);
      if (r.errno) return r.errno;
      dev = r.dev!;
    }
    return this.arp_invalidate(dev, req.pa);
  }

  /** arp_invalidate(dev, ip, force = true) */
  private arp_invalidate(dev: LinkInfo, ip: Uint8Array): number {
    const state = this.neighState(ip, dev.index, false);
    if (state === null) return ENXIO;
    const err = this.change(RTM_DELNEIGH, 0, this.neighMsg(ip, dev.index, 0, 0));
    // an entry that is only NUD_NOARP (or NUD_NONE) is not updated, but removed all the same
    if ((state & ~NUD_NOARP) === 0) return ENXIO;
    return err;
  }

  private arp_req_delete_public(req: ArpReq, given: LinkInfo | null): number {
    const mask = hostOrder(req.netmask);
    if (mask === 0xffffffff) {
      const err = this.change(RTM_DELNEIGH, 0, this.neighMsg(req.pa, given ? given.index : 0, 0, NTF_PROXY));
      return err;
    }
    if (mask) return EINVAL;
    return this.arp_req_set_proxy(given, 0);
  }
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
}

void NETCONF_SPEC;
