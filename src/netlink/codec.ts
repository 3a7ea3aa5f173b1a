/**
 * One codec for every netlink message: fixed headers are declared as field tables
 * (pyroute2 `fields`), attributes as type-number tables (pyroute2 `nla_map`). Unknown
 * attributes are kept raw in `other` (rust-netlink's `Other(DefaultNla)`), never fatal.
 * Integers are little-endian (host order on the machines we run on) unless the field
 * type says `be16`/`be32`; 64-bit integers are bigint.
 */

import { NetlinkError } from './errors.js';

export type FieldType =
  | 'u8' | 'u16' | 'u32' | 'i32' | 'u64' | 'be16' | 'be32'
  | { bytes: number }
  | { struct: StructDef }
  | { array: FieldType; count: number };

export interface StructDef {
  readonly name: string;
  readonly fields: readonly (readonly [string, FieldType])[];
  readonly size: number;
}

export type Value = number | bigint | string | Uint8Array | boolean | Struct | AttrSet | Value[];
export interface Struct { [field: string]: Value }

const NLA_ALIGNTO = 4;
export const nlaAlign = (n: number): number => (n + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1);
export const NLA_F_NESTED = 0x8000;
export const NLA_F_NET_BYTEORDER = 0x4000;
export const NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

function sizeOf(t: FieldType): number {
  if (typeof t === 'string') {
    return t === 'u8' ? 1 : t === 'u16' || t === 'be16' ? 2 : t === 'u64' ? 8 : 4;
  }
  if ('bytes' in t) return t.bytes;
  if ('struct' in t) return t.struct.size;
  return sizeOf(t.array) * t.count;
}

type Fields = readonly (readonly [string, FieldType])[];

/**
 * A struct declared by defineStruct: its fields are made, and its size summed, at first use;
 * each is then an own data property of the struct, so that a row loop that reads `size` (50k
 * routes) reads a plain field, not a getter with the sum behind it.
 */
class DeclaredStruct implements StructDef {
  constructor(readonly name: string, private readonly declared: () => Fields) {}
  get fields(): Fields {
    return settle(this, 'fields', this.declared());
  }
  get size(): number {
    // indexed loops here and in decodeStruct/offsetsOf: they run in the interpreter at start,
    // where destructuring each entry costs more than all the rest
    const fields = this.fields;
    let size = 0;
    for (let i = 0; i < fields.length; i++) size += sizeOf(fields[i]![1]);
    return settle(this, 'size', size);
  }
}

/** `value` as an own data property `key` of `obj`, in place of the getter that made it; returned. */
function settle<T>(obj: object, key: string, value: T): T {
  Object.defineProperty(obj, key, { value });
  return value;
}

/**
 * Declare a C struct by its fields, in order, with natural packing as written (no implicit
 * padding). The fields are written as a function that returns them, as nlaTable's entries:
 * a command makes those of the structs it uses, when it first uses them.
 */
export function defineStruct(name: string, fields: () => Fields): StructDef {
  return new DeclaredStruct(name, fields);
}

/**
 * Bytes that do not fit their declaration. A NetlinkError (EPROTO): a malformed answer from the
 * kernel is reported as any other netlink failure, wherever in a command it is decoded.
 */
export class DecodeError extends NetlinkError {
  constructor(message: string) {
    super(71 /* EPROTO */, message);
    this.name = 'DecodeError';
  }
}

/** Whether this CPU stores integers little-endian (netlink's byte order is the host's). */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Integers read from bytes at an offset: little-endian (host order here) unless `be`. */
export const u16le = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
export const u16be = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
export const i32le = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
// read in one expression, not through i32le: every netlink message runs these first in the
// interpreter, where a call costs more than the reads
export const u32le = (b: Uint8Array, o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
export const u32be = (b: Uint8Array, o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

function readField(dv: DataView, off: number, t: FieldType): Value {
  if (typeof t === 'string') {
    switch (t) {
      case 'u8': return dv.getUint8(off);
      case 'u16': return dv.getUint16(off, true);
      case 'be16': return dv.getUint16(off, false);
      case 'u32': return dv.getUint32(off, true);
      case 'be32': return dv.getUint32(off, false);
      case 'i32': return dv.getInt32(off, true);
      case 'u64': return dv.getBigUint64(off, true);
    }
  }
  if ('bytes' in t) return new Uint8Array(dv.buffer, dv.byteOffset + off, t.bytes);
  if ('struct' in t) return decodeStruct(t.struct, new Uint8Array(dv.buffer, dv.byteOffset + off, t.struct.size));
  const out: Value[] = [];
  const step = sizeOf(t.array);
  for (let i = 0; i < t.count; i++) out.push(readField(dv, off + i * step, t.array));
  return out;
}

function writeField(dv: DataView, off: number, t: FieldType, v: Value | undefined): void {
  if (typeof t === 'string') {
    if (t === 'u64') {
      dv.setBigUint64(off, typeof v === 'bigint' ? v : BigInt((v as number | undefined) ?? 0), true);
      return;
    }
    const n = Number(v ?? 0);
    switch (t) {
      case 'u8': dv.setUint8(off, n); return;
      case 'u16': dv.setUint16(off, n, true); return;
      case 'be16': dv.setUint16(off, n, false); return;
      case 'u32': dv.setUint32(off, n >>> 0, true); return;
      case 'be32': dv.setUint32(off, n >>> 0, false); return;
      case 'i32': dv.setInt32(off, n | 0, true); return;
    }
  }
  if ('bytes' in t) {
    if (v instanceof Uint8Array) new Uint8Array(dv.buffer, dv.byteOffset + off, t.bytes).set(v.subarray(0, t.bytes));
    return;
  }
  if ('struct' in t) {
    new Uint8Array(dv.buffer, dv.byteOffset + off, t.struct.size).set(encodeStruct(t.struct, (v as Struct) ?? {}));
    return;
  }
  const step = sizeOf(t.array);
  const arr = (v as Value[] | undefined) ?? [];
  for (let i = 0; i < t.count; i++) writeField(dv, off + i * step, t.array, arr[i]);
}

/** Decode a struct from the first `def.size` bytes; a short buffer is a DecodeError. */
export function decodeStruct(def: StructDef, buf: Uint8Array): Struct {
  if (buf.length < def.size) {
    throw new DecodeError(`${def.name}: ${buf.length} bytes, need ${def.size}`);
  }
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: Struct = {};
  const fields = def.fields;
  let off = 0;
  for (let i = 0; i < fields.length; i++) {
    const t = fields[i]![1];
    out[fields[i]![0]] = readField(dv, off, t);
    off += sizeOf(t);
  }
  return out;
}

export function encodeStruct(def: StructDef, v: Struct): Uint8Array {
  const buf = new Uint8Array(def.size);
  const dv = new DataView(buf.buffer);
  const fields = def.fields;
  let off = 0;
  for (let i = 0; i < fields.length; i++) {
    const t = fields[i]![1];
    writeField(dv, off, t, v[fields[i]![0]]);
    off += sizeOf(t);
  }
  return buf;
}

// ---------------------------------------------------------------- attributes

/** How an attribute's payload is read. */
export type NlaKind =
  | 'u8' | 'u16' | 'u32' | 's32' | 'u64' | 'be16' | 'be32'
  | 'asciiz'    // NUL-terminated string (latin1)
  | 'string'    // string without a guaranteed NUL (trailing NULs dropped)
  | 'binary'    // raw bytes
  | 'flag'      // no payload: present = true
  | { struct: StructDef; minSize?: number } // fixed struct; shorter payloads are zero-extended
  | { nested: NlaTable }
  | { array: NlaTable }; // nested list indexed by position (e.g. RTA_MULTIPATH-like); kept as list

type NlaEntries = Readonly<Record<number, readonly [string, NlaKind]>>;
/** Attribute table: type number -> [NAME, kind]. */
export type NlaTable = { readonly name: string; readonly attrs: NlaEntries };

/** A table declared by nlaTable: its entries are made at the first read of `attrs`, then an own data property. */
class DeclaredTable implements NlaTable {
  constructor(readonly name: string, private readonly entries: () => NlaEntries) {}
  get attrs(): NlaEntries {
    return settle(this, 'attrs', this.entries());
  }
}

/**
 * An attribute table, its entries written as a function that returns them: a command makes
 * the entries of the tables it reads, at the first read, and not those of every table its
 * bundle holds (RTNL_MESSAGES names them all).
 */
export function nlaTable(name: string, entries: () => NlaEntries): NlaTable {
  return new DeclaredTable(name, entries);
}

/** Decoded attributes: named values (first occurrence wins, as libnetlink's parse_rtattr), plus all raw. */
export interface AttrSet {
  /** named, decoded attributes */
  readonly [name: string]: Value | undefined;
}

export interface RawNla {
  /** type number without the NLA_F_* bits */
  type: number;
  nested: boolean;
  data: Uint8Array;
  /** the 16-bit type as on the wire, flags included (kept for byte-exact re-emission) */
  rawType?: number;
}

/** A decoded attribute set keeps its raw attributes and the unknown ones for round-trips. */
export interface DecodedAttrs {
  values: Record<string, Value>;
  /** every attribute in wire order, including unknown ones */
  raw: RawNla[];
  /** attributes whose type is not in the table */
  other: RawNla[];
}

/**
 * Bytes as a latin1 string, one char per byte. Not TextDecoder('latin1'): WHATWG makes that
 * label windows-1252, which gives other chars for 0x80-0x9f (and costs time to set up).
 */
export function latin1(b: Uint8Array): string {
  // a short one (a name) without Buffer's machinery, which costs more at start-up than this
  if (b.length <= 64) return String.fromCharCode.apply(null, b as unknown as number[]);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

export function decodeString(b: Uint8Array): string {
  let end = b.indexOf(0);
  if (end < 0) end = b.length;
  return latin1(b.subarray(0, end));
}

export function encodeString(s: string, nul = true): Uint8Array {
  const out = new Uint8Array(s.length + (nul ? 1 : 0));
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function decodeValue(kind: NlaKind, data: Uint8Array, where: string): Value {
  // the one table of the smallest payload each kind accepts (AttrIndex checks with it too)
  const min = minPayload(kind);
  if (data.length < min) throw new DecodeError(`${where}: payload of ${data.length} bytes, need ${min}`);
  // integers straight from the bytes (little-endian but for be*): no DataView per attribute
  if (typeof kind === 'string') {
    switch (kind) {
      case 'u8': return data[0]!;
      case 'u16': return u16le(data, 0);
      case 'be16': return u16be(data, 0);
      case 'u32': return u32le(data, 0);
      case 'be32': return u32be(data, 0);
      case 's32': return i32le(data, 0);
      case 'u64': return new DataView(data.buffer, data.byteOffset, 8).getBigUint64(0, true);
      case 'asciiz':
      case 'string': return decodeString(data);
      // a view, not a copy: every datagram is a buffer of its own that nothing writes to
      case 'binary': return data;
      case 'flag': return true;
    }
  }
  if ('struct' in kind) {
    if (data.length < kind.struct.size) {
      const padded = new Uint8Array(kind.struct.size);
      padded.set(data);
      return decodeStruct(kind.struct, padded);
    }
    return decodeStruct(kind.struct, data);
  }
  if ('nested' in kind) return decodeAttrs(kind.nested, data, 0).values as Struct;
  const list: Value[] = [];
  for (const a of iterAttrs(data, 0, where)) list.push(decodeAttrs(kind.array, a.data, 0).values as Struct);
  return list;
}

/** Walk the attributes in buf[off..]; a truncated attribute header or length is a DecodeError. */
export function* iterAttrs(buf: Uint8Array, off: number, where = 'attributes'): Generator<RawNla> {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  while (off + 4 <= buf.length) {
    const len = dv.getUint16(off, true);
    const type = dv.getUint16(off + 2, true);
    if (len < 4 || off + len > buf.length) {
      throw new DecodeError(`${where}: attribute type ${type & NLA_TYPE_MASK} has length ${len} at offset ${off} of ${buf.length}`);
    }
    yield { type: type & NLA_TYPE_MASK, nested: (type & NLA_F_NESTED) !== 0, data: buf.subarray(off + 4, off + len), rawType: type };
    off += nlaAlign(len);
  }
}

export function decodeAttrs(table: NlaTable, buf: Uint8Array, off: number): DecodedAttrs {
  // one walk for the values (no object per attribute: large dumps are GC-bound); the raw and
  // unknown lists are made when asked for, from the same bytes
  const values: Record<string, Value> = {};
  const attrs = table.attrs;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let p = off; p + 4 <= buf.length;) {
    const len = dv.getUint16(p, true);
    const type = dv.getUint16(p + 2, true) & NLA_TYPE_MASK;
    if (len < 4 || p + len > buf.length) {
      throw new DecodeError(`${table.name}: attribute type ${type} has length ${len} at offset ${p} of ${buf.length}`);
    }
    const spec = attrs[type];
    if (spec && !(spec[0] in values)) {
      const [name, kind] = spec;
      const data = buf.subarray(p + 4, p + len);
      if (typeof kind === 'object' && 'struct' in kind) {
        // structs (IFLA_STATS64, IFLA_MAP, NDA_CACHEINFO...) are decoded when read: most
        // commands never look at most of them. Their size is checked now, so a short one is
        // still a DecodeError of the message, as any other malformed attribute.
        const min = kind.minSize ?? kind.struct.size;
        if (data.length < min) throw new DecodeError(`${table.name}.${name}: payload of ${data.length} bytes, need ${min}`);
        let memo: Value | undefined;
        Object.defineProperty(values, name, {
          enumerable: true,
          configurable: true,
          get: () => (memo ??= decodeValue(kind, data, `${table.name}.${name}`)),
        });
      } else {
        values[name] = decodeValue(kind, data, `${table.name}.${name}`);
      }
    }
    p += nlaAlign(len);
  }
  let raw: RawNla[] | null = null;
  const all = (): RawNla[] => (raw ??= [...iterAttrs(buf, off, table.name)]);
  return {
    values,
    get raw() {
      return all();
    },
    get other() {
      return all().filter((a) => !table.attrs[a.type]);
    },
  };
}

// ---------------------------------------------------------------- encoding

/** An attribute to emit: by name (looked up in the table) or by raw type number. */
export type NlaSpec = readonly [string | number, Value] | RawNla;

function encodeValue(kind: NlaKind, v: Value, where: string): Uint8Array {
  if (typeof kind === 'string') {
    const b = new Uint8Array(kind === 'u8' ? 1 : kind === 'u16' || kind === 'be16' ? 2 : kind === 'u64' ? 8 : 4);
    const dv = new DataView(b.buffer);
    switch (kind) {
      case 'u8': dv.setUint8(0, Number(v)); return b;
      case 'u16': dv.setUint16(0, Number(v), true); return b;
      case 'be16': dv.setUint16(0, Number(v), false); return b;
      case 'u32': dv.setUint32(0, Number(v) >>> 0, true); return b;
      case 'be32': dv.setUint32(0, Number(v) >>> 0, false); return b;
      case 's32': dv.setInt32(0, Number(v) | 0, true); return b;
      case 'u64': dv.setBigUint64(0, BigInt(v as number | bigint), true); return b;
      case 'asciiz': return encodeString(String(v), true);
      case 'string': return encodeString(String(v), false);
      case 'binary': return v as Uint8Array;
      case 'flag': return new Uint8Array(0);
    }
  }
  if ('struct' in kind) return encodeStruct(kind.struct, v as Struct);
  if ('nested' in kind) {
    const entries = Object.entries(v as Struct).map(([k, x]) => [k, x] as const);
    return encodeAttrs(kind.nested, entries);
  }
  throw new DecodeError(`${where}: cannot encode an array attribute`);
}

export function encodeAttrs(table: NlaTable, attrs: readonly NlaSpec[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const a of attrs) {
    let type: number;
    let data: Uint8Array;
    let nested = false;
    if (!Array.isArray(a)) {
      const r = a as RawNla;
      type = r.rawType ?? r.type;
      data = r.data;
      nested = r.rawType === undefined && r.nested;
    } else {
      const [key, v] = a as readonly [string | number, Value];
      if (typeof key === 'number') {
        type = key;
        data = v as Uint8Array;
      } else {
        const found = Object.entries(table.attrs).find(([, s]) => s[0] === key);
        if (!found) throw new DecodeError(`${table.name}: no attribute named ${key}`);
        type = Number(found[0]);
        const kind = found[1][1];
        nested = typeof kind === 'object' && 'nested' in kind;
        data = encodeValue(kind, v, `${table.name}.${key}`);
      }
    }
    const len = 4 + data.length;
    const chunk = new Uint8Array(nlaAlign(len));
    const dv = new DataView(chunk.buffer);
    dv.setUint16(0, len, true);
    dv.setUint16(2, type | (nested ? NLA_F_NESTED : 0), true);
    chunk.set(data, 4);
    parts.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

// ---------------------------------------------------------------- the tb[] of large dumps

/** AttrIndex's minLen of a type not yet looked up in the table. */
const UNLEARNED = -2;

/**
 * libnetlink's `parse_rtattr(tb, max, rta, len)` over a declared table: one walk records where
 * the first attribute of each known type lies, and values are read from the message's own bytes
 * when asked for. One index serves every message of a dump (parse() starts it afresh), so a
 * dump of 50,000 routes makes no object per message or per attribute (decodeAttrs makes both,
 * and on large dumps the garbage collector was most of the time). The frame and the payload
 * sizes are checked as decodeAttrs checks them, with the same DecodeError texts; a nested
 * table is checked when it is opened.
 */
export class AttrIndex {
  /** type -> the table's name and kind of that attribute */
  private readonly names: (string | undefined)[] = [];
  private readonly kinds: (NlaKind | undefined)[] = [];
  /**
   * type -> the smallest payload its kind accepts, -1 for a type the table does not know
   * (UNLEARNED until an attribute of that type comes)
   */
  private readonly minLen: Int32Array;
  /** type -> where the first such attribute's payload starts in `buf` (-1: none), and its length */
  private readonly start: Int32Array;
  private readonly len: Int32Array;
  /** the types seen by the last parse(), to reset only those */
  private readonly seen: Int32Array;
  private nseen = 0;
  private buf: Uint8Array = new Uint8Array(0);

  constructor(readonly table: NlaTable) {
    // a table's keys are integers, which Object.keys lists in ascending order: the last is the
    // largest type it knows. Each type's name, kind and smallest payload are looked up when
    // an attribute of that type first comes (learn): a message has far fewer types than its
    // table, and a loop over the whole table was most of the first index's making.
    const keys = Object.keys(table.attrs);
    const n = keys.length === 0 ? 0 : Number(keys[keys.length - 1]) + 1;
    this.minLen = new Int32Array(n).fill(UNLEARNED);
    this.start = new Int32Array(n).fill(-1);
    this.len = new Int32Array(n);
    this.seen = new Int32Array(n);
  }

  /** The smallest payload of `type` (-1: not in the table), its name and kind kept. */
  private learn(type: number): number {
    const attr = this.table.attrs[type];
    if (attr === undefined) return (this.minLen[type] = -1);
    this.names[type] = attr[0];
    this.kinds[type] = attr[1];
    return (this.minLen[type] = minPayload(attr[1]));
  }

  /** Index the attributes of buf[off..end). */
  parse(buf: Uint8Array, off: number, end = buf.length): this {
    for (let i = 0; i < this.nseen; i++) this.start[this.seen[i]!] = -1;
    this.nseen = 0;
    this.buf = buf;
    const { minLen, start } = this;
    for (let p = off; p + 4 <= end;) {
      const len = u16le(buf, p);
      const type = u16le(buf, p + 2) & NLA_TYPE_MASK;
      if (len < 4 || p + len > end) {
        throw new DecodeError(`${this.table.name}: attribute type ${type} has length ${len} at offset ${p} of ${end}`);
      }
      if (type < minLen.length && start[type] === -1) {
        let min = minLen[type]!;
        if (min === UNLEARNED) min = this.learn(type);
        if (min >= 0) {
          if (len - 4 < min) throw new DecodeError(`${this.table.name}.${this.names[type]}: payload of ${len - 4} bytes, need ${min}`);
          start[type] = p + 4;
          this.len[type] = len - 4;
          this.seen[this.nseen++] = type;
        }
      }
      p += nlaAlign(len);
    }
    return this;
  }

  has(type: number): boolean {
    return type < this.start.length && this.start[type]! >= 0;
  }

  /** an integer attribute (u8, u16, u32, s32, be16, be32) as its kind reads it; `absent` when it is not there */
  uint(type: number, absent = 0): number {
    if (!this.has(type)) return absent;
    const b = this.buf;
    const p = this.start[type]!;
    switch (this.kinds[type]) {
      case 'u8': return b[p]!;
      case 'u16': return u16le(b, p);
      case 'be16': return u16be(b, p);
      case 'u32': return u32le(b, p);
      case 's32': return i32le(b, p);
      case 'be32': return u32be(b, p);
      default: throw new DecodeError(`${this.table.name}.${this.names[type]}: not an integer attribute`);
    }
  }

  /** the payload (a view of the message's bytes), or undefined */
  bytes(type: number): Uint8Array | undefined {
    if (!this.has(type)) return undefined;
    const p = this.start[type]!;
    return this.buf.subarray(p, p + this.len[type]!);
  }

  /** where the payload starts in the buffer given to parse() (`buffer`), or -1 when absent */
  offset(type: number): number {
    return this.has(type) ? this.start[type]! : -1;
  }
  /** the payload's length, 0 when absent */
  length(type: number): number {
    return this.has(type) ? this.len[type]! : 0;
  }
  /** the buffer given to the last parse() */
  get buffer(): Uint8Array {
    return this.buf;
  }

  /** a string attribute up to its NUL */
  string(type: number): string | undefined {
    const b = this.bytes(type);
    return b === undefined ? undefined : decodeString(b);
  }

  /** a struct attribute, decoded (zero-extended when the kind allows a shorter payload) */
  struct(type: number): Struct | undefined {
    const b = this.bytes(type);
    return b === undefined ? undefined : (decodeValue(this.kinds[type]!, b, `${this.table.name}.${this.names[type]}`) as Struct);
  }

  /** a nested attribute's own attributes, indexed into `into` (which must be for its table) */
  nested(type: number, into: AttrIndex): AttrIndex | undefined {
    if (!this.has(type)) return undefined;
    const p = this.start[type]!;
    return into.parse(this.buf, p, p + this.len[type]!);
  }
}

/** The smallest payload decodeValue accepts for a kind (0: any). */
function minPayload(kind: NlaKind): number {
  if (typeof kind === 'string') {
    switch (kind) {
      case 'u8': return 1;
      case 'u16': case 'be16': return 2;
      case 'u32': case 'be32': case 's32': return 4;
      case 'u64': return 8;
      default: return 0;
    }
  }
  if ('struct' in kind) return kind.minSize ?? kind.struct.size;
  return 0;
}

/**
 * The attribute types of a table by name: `typesOf(RTA).RTA_PRIORITY` is 6. The commands read
 * the constants src/netlink/names/ has of these (tools/gen-netlink-names.ts), made at build time.
 */
export function typesOf(table: NlaTable): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k in table.attrs) out[table.attrs[k]![0]] = Number(k);
  return out;
}

/**
 * The byte offset of each field of a struct, a nested struct's fields as `outer.inner`:
 * `offsetsOf(rtmsg).rtm_flags` is 8, `offsetsOf(inet_diag_msg)['id.idiag_sport']` is 4.
 */
export function offsetsOf(def: StructDef, base = 0, prefix = '', out: Record<string, number> = {}): Readonly<Record<string, number>> {
  const fields = def.fields;
  let off = base;
  for (let i = 0; i < fields.length; i++) {
    const name = fields[i]![0];
    const t = fields[i]![1];
    out[prefix + name] = off;
    if (typeof t === 'object' && 'struct' in t) offsetsOf(t.struct, off, `${prefix}${name}.`, out);
    off += sizeOf(t);
  }
  return out;
}
