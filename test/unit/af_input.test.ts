/**
 * src/lib/af_input.ts: the address families' input functions as ifconfig calls them. The
 * expected texts are the original's (golden/ifconfig-set/af-* show them in whole runs).
 */
import { describe, expect, it } from 'vitest';
import { AfInput, IPX_input, ec_input } from '../../src/lib/af_input.js';
import { AF_WITH_INPUT } from '../../compat/ifconfig.js';

describe('address family input', () => {
  it('IPX_input upper-cases what it read, up to the character it stopped at', () => {
    expect(IPX_input('1:ab:zz')).toEqual({ rc: -1, host: '1:AB:zz' });
    expect(IPX_input('1:az')).toEqual({ rc: -1, host: '1:AZ' });
    expect(IPX_input('1:ffffffffffff')).toEqual({ rc: -1, host: '1:FFFFFFFFFFFF' });
    expect(IPX_input('0x1f:0000000000ab').rc).toBe(0);
    expect(IPX_input('ffffffff:0000000000ab').rc).toBe(-1);
    expect(IPX_input('1').rc).toBe(-3);
  });

  it('ec_input wants a number first, whatever follows', () => {
    expect([' +7', '1.x', '5', 'x.1', '-', ''].map(ec_input)).toEqual([0, 0, 0, -1, -1, -1]);
  });

  it("keeps each family's last error for its herror, and knows only real family names", () => {
    const af = new AfInput();
    expect(af.input('x25', '123')).toEqual({ rc: 3, host: '123', herror: '123: \n' });
    af.input('x25', '1234567890123456');
    expect(af.input('x25', '123').herror).toBe('123: Invalid address\n');
    expect(af.herror('ax25', 'h')).toBe('h: \n');
    expect(af.herror('ipx', 'h')).toBeNull();
    expect(af.has('toString')).toBe(false);
    expect(af.has('ec')).toBe(true);
  });

  it('has an input function for each family of compat AF_WITH_INPUT but ifconfig\'s own inet and inet6', () => {
    const af = new AfInput();
    for (const name of AF_WITH_INPUT.filter((n) => n !== 'inet' && n !== 'inet6')) {
      expect(af.has(name), name).toBe(true);
      expect(typeof af.input(name, 'x').rc, name).toBe('number');
    }
    expect(af.has('inet')).toBe(false);
  });
});
