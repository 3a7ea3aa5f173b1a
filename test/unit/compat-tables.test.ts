/**
 * compat/hwtypes.ts and compat/aftypes.ts against net-tools 2.10.
 *
 * Every expected value below was taken from the originals, not from our code:
 *  - the lists: the stderr of `LC_ALL=C /usr/sbin/ifconfig --help` (print_hwlist(0) then
 *    print_aflist(0)), `LC_ALL=C /usr/sbin/arp --help` (print_hwlist(1)) and
 *    `LC_ALL=C /usr/sbin/route --help` / `LC_ALL=C /usr/bin/netstat --help` (print_aflist(1),
 *    identical in both), Debian 12 net-tools 2.10-0.1+deb12u2, transcribed byte for byte;
 *  - printers and parsers: the upstream functions (lib/ether.c, lib/ax25.c, ...) built with
 *    debian/config.h into a scratch harness on x86_64 and called on the same bytes/texts;
 *  - lookups: lib/hw.c / lib/af.c and the ARPHRD_* / AF_* values of glibc's headers.
 */
import { describe, expect, it } from 'vitest';
import {
  CHAR_IS_SIGNED,
  HWTYPES,
  get_hwntype,
  get_hwtype,
  hw_null_address,
  print_hwlist,
  type HwType,
} from '../../compat/hwtypes.js';
import { AFTYPES, get_afntype, get_aftype, print_aflist } from '../../compat/aftypes.js';

const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const hex = (b: Uint8Array | null | undefined): string | null => (b ? Buffer.from(b).toString('hex') : null);

function hwt(name: string): HwType {
  const t = get_hwtype(name);
  if (!t) throw new Error(`no hwtype ${name}`);
  return t;
}

function printOf(name: string, hw: Uint8Array): string {
  const p = hwt(name).print;
  if (!p) throw new Error(`hwtype ${name} has no print`);
  return p(hw);
}

function inputOf(name: string, text: string, stderr?: (s: string) => void): string | null {
  const inp = hwt(name).input;
  if (!inp) throw new Error(`hwtype ${name} has no input`);
  return hex(inp(text, stderr ?? (() => undefined)));
}

describe('print_hwlist / print_aflist (stderr of the originals)', () => {
  it('print_hwlist(0) equals ifconfig --help (HW part)', () => {
    expect(print_hwlist(0)).toBe(
      '    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) \n' +
        '    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive Serial Line IP) \n' +
        '    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n' +
        '    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) \n' +
        '    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) \n' +
        '    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) \n' +
        '    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n' +
        '    irda (IrLAP) ec (Econet) x25 (generic X.25) \n' +
        '    eui64 (Generic EUI-64) \n',
    );
  });

  it('print_hwlist(1) equals arp --help', () => {
    expect(print_hwlist(1)).toBe(
      '    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n' +
        '    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) \n' +
        '    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n' +
        '    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) \n',
    );
  });

  it('print_aflist(0) equals ifconfig --help (AF part)', () => {
    expect(print_aflist(0)).toBe(
      '    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) \n' +
        '    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) \n' +
        '    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) \n' +
        '    ash (Ash) x25 (CCITT X.25) \n',
    );
  });

  it('print_aflist(1) equals route --help and netstat --help', () => {
    expect(print_aflist(1)).toBe(
      '    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n' +
        '    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n' +
        '    ddp (Appletalk DDP) x25 (CCITT X.25) \n',
    );
  });

  it('ifconfig --help writes the two lists back to back', () => {
    expect(print_hwlist(0) + print_aflist(0)).toBe(
      '    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) \n' +
        '    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive Serial Line IP) \n' +
        '    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n' +
        '    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) \n' +
        '    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) \n' +
        '    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) \n' +
        '    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n' +
        '    irda (IrLAP) ec (Econet) x25 (generic X.25) \n' +
        '    eui64 (Generic EUI-64) \n' +
        '    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) \n' +
        '    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) \n' +
        '    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) \n' +
        '    ash (Ash) x25 (CCITT X.25) \n',
    );
  });
});

describe('hardware table (lib/hw.c)', () => {
  it('has hwtypes[] order with unspec last (lib/hw.c:80-159, Debian config)', () => {
    expect(HWTYPES.map((t) => t.name)).toEqual([
      'loop', 'slip', 'cslip', 'slip6', 'cslip6', 'adaptive', 'ash', 'ether', 'ax25', 'netrom', 'rose',
      'tunnel', 'ppp', 'hdlc', 'lapb', 'arcnet', 'dlci', 'frad', 'sit', 'fddi', 'hippi', 'irda', 'ec',
      'x25', 'eui64', 'unspec',
    ]);
  });

  it('maps ARPHRD_* numbers (glibc <net/if_arp.h>)', () => {
    expect(get_hwntype(1)?.name).toBe('ether');
    expect(get_hwntype(772)?.name).toBe('loop');
    expect(get_hwntype(776)?.name).toBe('sit');
    expect(get_hwntype(768)?.name).toBe('tunnel');
    expect(get_hwntype(512)?.name).toBe('ppp');
    expect(get_hwntype(781)?.name).toBe('ash');
    expect(get_hwntype(513)?.name).toBe('hdlc');
    expect(get_hwntype(0)?.name).toBe('netrom'); // ARPHRD_NETROM is 0
    expect(get_hwntype(27)?.name).toBe('eui64');
    expect(get_hwntype(-1)?.name).toBe('unspec');
  });

  it('returns null for types not in the table; callers fall back to get_hwntype(-1)', () => {
    // ARPHRD_NONE (65534), ARPHRD_IEEE80211 (801), ARPHRD_INFINIBAND (32, not compiled in),
    // ARPHRD_IEEE802_TR (800, no Token Ring), ARPHRD_IPGRE (778), ARPHRD_TUNNEL6 (769)
    for (const type of [65534, 801, 32, 800, 778, 769, 65535]) expect(get_hwntype(type)).toBeNull();
    const hw = get_hwntype(65534) ?? get_hwntype(-1);
    expect(hw?.name).toBe('unspec');
  });

  it('looks names up exactly (strcmp)', () => {
    expect(get_hwtype('ether')?.type).toBe(1);
    expect(get_hwtype('Ether')).toBeNull();
    expect(get_hwtype('tr')).toBeNull();
    expect(get_hwtype('strip')).toBeNull();
    expect(get_hwtype('infiniband')).toBeNull();
    expect(get_hwtype('unspec')?.type).toBe(-1);
  });

  it('has the C print/input presence and flags', () => {
    for (const n of ['loop', 'sit', 'ppp', 'slip', 'cslip', 'hdlc', 'lapb', 'frad', 'ec']) {
      expect(hwt(n).print).toBeNull();
    }
    expect(hwt('ash').suppressNullAddr).toBe(true);
    expect(HWTYPES.filter((t) => t.suppressNullAddr).map((t) => t.name)).toEqual(['ash']);
    expect(HWTYPES.filter((t) => t.input).map((t) => t.name)).toEqual([
      'ash', 'ether', 'ax25', 'netrom', 'rose', 'tunnel', 'arcnet', 'fddi', 'hippi', 'x25', 'eui64',
    ]);
    expect(hwt('ether').alen).toBe(6);
    expect(hwt('ash').alen).toBe(64);
    expect(hwt('x25').alen).toBe(16);
  });

  it('hw_null_address checks alen bytes', () => {
    expect(hw_null_address(hwt('ether'), bytes('000000000000'))).toBe(true);
    expect(hw_null_address(hwt('ether'), bytes('000000000001'))).toBe(false);
    expect(hw_null_address(hwt('ether'), bytes('00000000000001'))).toBe(true); // 7th byte ignored
    expect(hw_null_address(hwt('ash'), new Uint8Array(32))).toBe(true);
    expect(hw_null_address(hwt('loop'), bytes('ff'))).toBe(true); // alen 0
  });
});

describe('printers (outputs of the upstream C functions)', () => {
  it('ether: %02x: six times', () => {
    expect(printOf('ether', bytes('020000000008'))).toBe('02:00:00:00:00:08');
  });

  it('unspec: 16 bytes %02X joined by -, upper case', () => {
    // ifconfig: 8 bytes from the kernel in a zero-filled buffer
    expect(printOf('unspec', new Uint8Array(32))).toBe('00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00');
    expect(printOf('unspec', bytes('0123456789abcdef'))).toBe('01-23-45-67-89-AB-CD-EF-00-00-00-00-00-00-00-00');
  });

  it('tunnel prints an empty string', () => {
    expect(printOf('tunnel', bytes('0102'))).toBe('');
  });

  it('ax25 / netrom', () => {
    expect(printOf('ax25', bytes('9c6086829898'))).toBe('N0CALL');
    expect(printOf('ax25', bytes('9c60868298986a'))).toBe('N0CALL-5');
    expect(printOf('ax25', bytes('9c6040404040'))).toBe('N0');
    expect(printOf('netrom', bytes('9c60868298986a'))).toBe('N0CALL-5');
  });

  it('rose, x25, arcnet, fddi, hippi, eui64, dlci', () => {
    expect(printOf('rose', bytes('1234567890'))).toBe('1234567890');
    expect(printOf('x25', bytes('3132333435'))).toBe('12345');
    expect(printOf('arcnet', bytes('7f'))).toBe('7F');
    expect(printOf('fddi', bytes('0a0b0c0d0e0f'))).toBe('0A-0B-0C-0D-0E-0F');
    expect(printOf('hippi', bytes('0a0b0c0d0e0f'))).toBe('0A:0B:0C:0D:0E:0F');
    expect(printOf('eui64', bytes('0011223344556677'))).toBe('00:11:22:33:44:55:66:77');
    expect(printOf('dlci', bytes('1000'))).toBe('16');
    expect(printOf('dlci', bytes('ffff'))).toBe('-1');
  });

  it('irda prints bytes 3..0', () => {
    expect(printOf('irda', bytes('01020304'))).toBe('04:03:02:01');
  });

  it.runIf(CHAR_IS_SIGNED)('irda and ash with signed chars (x86)', () => {
    expect(printOf('irda', bytes('80ff0102'))).toBe('02:01:fffff');
    expect(printOf('ash', bytes('1502495e00000000'))).toBe(
      '[1245000000000000000000000000000000000000000000000000000000000000]',
    );
    expect(printOf('ash', new Uint8Array(64))).toBe('[0000000000000000000000000000000000000000000000000000000000000000]');
  });
});

describe('parsers (bytes the upstream C functions write)', () => {
  it('ether: in_ether', () => {
    expect(inputOf('ether', '02:00:00:00:00:08')).toBe('020000000008');
    expect(inputOf('ether', 'a:b:c:d:e:f')).toBe('0a0b0c0d0e0f');
    expect(inputOf('ether', '1:2')).toBe('0102');
    expect(inputOf('ether', '1::2')).toBe('0102');
    expect(inputOf('ether', '0102030405060708')).toBe('010203040506');
    expect(inputOf('ether', '')).toBe('');
    expect(inputOf('ether', '0g')).toBeNull();
    expect(inputOf('ether', '12-34')).toBeNull();
  });

  it('fddi, hippi, arcnet, eui64', () => {
    expect(inputOf('fddi', '1:2')).toBeNull();
    expect(inputOf('fddi', '01:02')).toBe('0102');
    expect(inputOf('hippi', '0a0b0c0d0e0f')).toBe('0a0b0c0d0e0f');
    expect(inputOf('arcnet', '7f:ff')).toBe('7f');
    expect(inputOf('arcnet', '7')).toBeNull();
    expect(inputOf('eui64', '1:2:3:4:5:6:7:8:9')).toBe('0102030405060708');
  });

  it('ax25, netrom, rose, x25, tunnel', () => {
    expect(inputOf('ax25', 'n0call-5')).toBe('9c60868298980a');
    expect(inputOf('ax25', 'N0CALLX')).toBeNull();
    expect(inputOf('ax25', 'ab')).toBe('82844040404000');
    expect(inputOf('netrom', 'N0CALL-15')).toBe('9c60868298981e');
    expect(inputOf('rose', '1234567890')).toBe('1234567890');
    expect(inputOf('rose', '12345')).toBeNull();
    expect(inputOf('x25', '12345')).toBe('313233343500');
    expect(inputOf('x25', '12345/3')).toBe('31323334');
    expect(inputOf('x25', '12345/6')).toBeNull();
    expect(inputOf('tunnel', 'x')).toBeNull();
  });

  it('ash: in_ash', () => {
    expect(inputOf('ash', '1:2:f')).toBe('0249ea' + 'c9'.repeat(61));
    let err = '';
    expect(inputOf('ash', '1;2', (s) => (err += s))).toBeNull();
    expect(err).toBe('Malformed Ash address');
  });
});

describe('address-family table (lib/af.c)', () => {
  it('has aftypes[] order with unspec last (lib/af.c:120-157, Debian config)', () => {
    expect(AFTYPES.map((t) => t.name)).toEqual([
      'unix', 'inet', 'inet6', 'ax25', 'netrom', 'rose', 'ipx', 'ddp', 'ec', 'ash', 'x25', 'unspec',
    ]);
  });

  it('looks families up by name and number', () => {
    expect(get_aftype('inet6')?.af).toBe(10);
    expect(get_aftype('inet')?.af).toBe(2);
    expect(get_aftype('unix')?.af).toBe(1);
    expect(get_aftype('ddp')?.af).toBe(5);
    expect(get_aftype('ec')?.af).toBe(19);
    expect(get_aftype('unspec')?.af).toBe(0);
    expect(get_aftype('ip', () => undefined)).toBeNull(); // an aftrans alias, not a name
    expect(get_aftype('bluetooth', () => undefined)).toBeNull();
    expect(get_afntype(2)?.name).toBe('inet');
    expect(get_afntype(10)?.title).toBe('IPv6');
    expect(get_afntype(0)?.name).toBe('unspec');
    expect(get_afntype(17)).toBeNull(); // AF_PACKET
  });

  it('complains about a comma in an unknown name (lib/af.c:249-250)', () => {
    let err = '';
    expect(get_aftype('inet,inet6', (s) => (err += s))).toBeNull();
    expect(err).toBe("Please don't supply more than one address family.\n");
    err = '';
    expect(get_aftype('nosuch', (s) => (err += s))).toBeNull();
    expect(err).toBe('');
  });
});
