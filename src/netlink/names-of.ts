/**
 * Which tables of messages.ts have their names generated as literals into names.ts (by
 * tools/gen-netlink-names.ts; test/unit/netlink-names.test.ts checks the file against these).
 * Used by that tool and that test only: the commands import names.ts.
 */
import type { NlaTable, StructDef } from './codec.js';
import { IFA, IFLA, INET_DIAG, NDA, RTA, RTAX, ifaddrmsg, ifinfomsg, inet_diag_msg, ndmsg, rtmsg } from './messages.js';

/** attribute types by name: typesOf(table) */
export const NAMED_TABLES: Readonly<Record<string, NlaTable>> = {
  IFLA_T: IFLA,
  IFA_T: IFA,
  RTA_T: RTA,
  RTAX_T: RTAX,
  NDA_T: NDA,
  INET_DIAG_T: INET_DIAG,
};

/** header field offsets by name: offsetsOf(struct) */
export const NAMED_STRUCTS: Readonly<Record<string, StructDef>> = {
  IFINFOMSG_OFF: ifinfomsg,
  IFADDRMSG_OFF: ifaddrmsg,
  RTMSG_OFF: rtmsg,
  NDMSG_OFF: ndmsg,
  INET_DIAG_MSG_OFF: inet_diag_msg,
};
