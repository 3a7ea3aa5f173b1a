/**
 * Which tables of messages.ts have their names generated as constants, one module each in
 * src/netlink/names/ (by tools/gen-netlink-names.ts; test/unit/netlink-names.test.ts checks the
 * modules against these). Used by that tool and that test only: the commands import the modules.
 */
import type { NlaTable, StructDef } from './codec.js';
import {
  IFA, IFLA, INET_DIAG, NDA, RTA, RTAX, ifaddrmsg, ifinfomsg, inet_diag_msg, ndmsg, rtmsg, rtnl_link_ifmap,
  rtnl_link_stats, rtnl_link_stats64,
} from './messages.js';

/** attribute types by name, typesOf(table): names/FILE.ts, by FILE */
export const NAMED_TABLES: Readonly<Record<string, NlaTable>> = {
  ifla: IFLA,
  ifa: IFA,
  rta: RTA,
  rtax: RTAX,
  nda: NDA,
  inet_diag: INET_DIAG,
};

/** header field offsets by name, offsetsOf(struct): names/FILE.ts, by FILE */
export const NAMED_STRUCTS: Readonly<Record<string, StructDef>> = {
  ifinfomsg,
  ifaddrmsg,
  rtmsg,
  ndmsg,
  inet_diag_msg,
  rtnl_link_stats,
  rtnl_link_stats64,
  rtnl_link_ifmap,
};

/**
 * The constant's name for a key of typesOf/offsetsOf: the field of a nested struct, `id.idiag_src`
 * (C's r->id.idiag_src), is `id_idiag_src`.
 */
export function constantName(key: string): string {
  return key.replaceAll('.', '_');
}
