/**
 * src/netlink/names/ is generated (tools/gen-netlink-names.ts) from the tables of messages.ts:
 * each module's constants must be what typesOf/offsetsOf derive from its table, name for name,
 * and there must be one module for each table names-of.ts lists, and no other.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { offsetsOf, typesOf } from '../../src/netlink/codec.js';
import { NAMED_STRUCTS, NAMED_TABLES, constantName } from '../../src/netlink/names-of.js';
import * as ifla from '../../src/netlink/names/ifla.js';
import * as ifa from '../../src/netlink/names/ifa.js';
import * as rta from '../../src/netlink/names/rta.js';
import * as rtax from '../../src/netlink/names/rtax.js';
import * as nda from '../../src/netlink/names/nda.js';
import * as inet_diag from '../../src/netlink/names/inet_diag.js';
import * as ifinfomsg from '../../src/netlink/names/ifinfomsg.js';
import * as ifaddrmsg from '../../src/netlink/names/ifaddrmsg.js';
import * as rtmsg from '../../src/netlink/names/rtmsg.js';
import * as ndmsg from '../../src/netlink/names/ndmsg.js';
import * as inet_diag_msg from '../../src/netlink/names/inet_diag_msg.js';
import * as rtnl_link_stats from '../../src/netlink/names/rtnl_link_stats.js';
import * as rtnl_link_stats64 from '../../src/netlink/names/rtnl_link_stats64.js';
import * as rtnl_link_ifmap from '../../src/netlink/names/rtnl_link_ifmap.js';

const DIR = new URL('../../src/netlink/names/', import.meta.url).pathname;
const MODULES: Record<string, Record<string, unknown>> = {
  ifla, ifa, rta, rtax, nda, inet_diag, ifinfomsg, ifaddrmsg, rtmsg, ndmsg, inet_diag_msg, rtnl_link_stats,
  rtnl_link_stats64, rtnl_link_ifmap,
};

/** what a module should export: the derived names as constant names, in the table's order */
const expected = (values: Readonly<Record<string, number>>): [string, number][] =>
  Object.entries(values).map(([k, v]) => [constantName(k), v]);

describe('netlink names (generated)', () => {
  it('has a module for each listed table and struct, and no other', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
    expect(files.sort()).toEqual([...Object.keys(NAMED_TABLES), ...Object.keys(NAMED_STRUCTS)].sort());
    expect(Object.keys(MODULES).sort()).toEqual(files.sort());
  });

  // each module against what its table or struct derives, by name and in the file's order (a
  // module namespace lists its names sorted)
  const derived: [file: string, what: string, values: Readonly<Record<string, number>>][] = [
    ...Object.entries(NAMED_TABLES).map(([f, t]) => [f, `typesOf(${t.name})`, typesOf(t)] as const),
    ...Object.entries(NAMED_STRUCTS).map(([f, st]) => [f, `offsetsOf(${st.name})`, offsetsOf(st)] as const),
  ];
  for (const [file, what, values] of derived) {
    it(`names/${file}.ts is ${what}, in its order`, () => {
      const want = expected(values);
      const declared = [...readFileSync(`${DIR}${file}.ts`, 'utf8').matchAll(/^export const (\w+) = (\d+);$/gm)];
      expect(declared.map((m) => [m[1], Number(m[2])])).toEqual(want);
      expect(Object.entries(MODULES[file]!).sort()).toEqual([...want].sort());
    });
  }

  it('a nested field is named as C reaches it, the dot an underscore', () => {
    expect(inet_diag_msg.id_idiag_sport).toBe(4);
    expect(inet_diag_msg.id_idiag_dst).toBe(24);
    expect(constantName('id.idiag_if')).toBe('id_idiag_if');
  });
});
