/**
 * src/netlink/names.ts is generated (tools/gen-netlink-names.ts) from the tables of messages.ts:
 * each of its literals must be what typesOf/offsetsOf derive from its table, key for key and in
 * the same order, and it must have one literal for each table names-of.ts lists.
 */
import { describe, expect, it } from 'vitest';
import * as names from '../../src/netlink/names.js';
import { offsetsOf, typesOf } from '../../src/netlink/codec.js';
import { NAMED_STRUCTS, NAMED_TABLES } from '../../src/netlink/names-of.js';

describe('netlink names (generated)', () => {
  it('has a literal for each listed table and struct, and no other', () => {
    expect(Object.keys(names).sort()).toEqual([...Object.keys(NAMED_TABLES), ...Object.keys(NAMED_STRUCTS)].sort());
  });

  for (const [name, table] of Object.entries(NAMED_TABLES)) {
    it(`${name} is typesOf(${table.name})`, () => {
      const literal = (names as Record<string, Record<string, number>>)[name]!;
      expect(Object.entries(literal)).toEqual(Object.entries(typesOf(table)));
    });
  }

  for (const [name, struct] of Object.entries(NAMED_STRUCTS)) {
    it(`${name} is offsetsOf(${struct.name})`, () => {
      const literal = (names as Record<string, Record<string, number>>)[name]!;
      expect(Object.entries(literal)).toEqual(Object.entries(offsetsOf(struct)));
    });
  }
});
