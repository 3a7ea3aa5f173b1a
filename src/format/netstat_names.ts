/**
 * Names as netstat prints them: lib/inet.c INET_sprint/INET_rresolve (with its address cache),
 * lib/inet6.c INET6_sprint/INET6_rresolve, and get_sname/read_services (services and
 * protocols read once, each prepended to its list, so the last duplicate of a port wins).
 * Every look-up goes through libc (Sys).
 */
import type { Sys } from '../sys/types.js';
import { LastQuad, inet_ntoa, inet_ntop6 } from '../lib/inet.js';
import { fix_v4_address } from './ife_print.js';
import { hostOrder, saddr } from '../lib/inet_resolve.js';

const AF_INET = 2;
const AF_INET6 = 10;

export class Names {
  /** INET_nn: address (and host/net kind) -> name */
  private readonly inetCache = new Map<string, string>();
  /** tcp_name, udp_name, raw_name: port -> name, the entry found first by searchlist() */
  private services: Map<string, Map<number, string>> | null = null;

  /** the last dotted quad made: a table's rows repeat their addresses */
  private readonly quad = new LastQuad();

  constructor(private readonly sys: Sys) {}

  /**
   * INET_sprint(sas, numeric) as netstat calls it: INET_rresolve with netmask 0xffffff00. On a
   * little-endian machine `ad & ~netmask` tests the first byte of the address: a host name
   * (gethostbyaddr) unless that byte is 0, then a network name (getnetbyaddr).
   */
  inet(addr: Uint8Array, numeric: boolean): string {
    if (numeric) return this.quad.of(addr);
    const ad = saddr(addr);
    if (ad === 0) return '0.0.0.0'; // netmask is not INADDR_ANY: the 0.0.0.0/1 branch
    const host = (ad & 0xff) !== 0;
    const key = `${host ? 'h' : 'n'}${ad}`;
    const cached = this.inetCache.get(key);
    if (cached !== undefined) return cached;
    let name: string | null = null;
    if (host) {
      name = this.sys.gethostbyaddr(addr.slice(0, 4), AF_INET)?.name ?? null;
    } else {
      name = this.sys.getnetbyaddr(hostOrder(addr), AF_INET)?.name ?? null;
    }
    // safe_strncpy(name, ..., 128)
    const out = (name ?? inet_ntoa(addr)).slice(0, 127);
    this.inetCache.set(key, out);
    return out;
  }

  /** INET6_sprint(sas, numeric): `[::]` for the unspecified address, getnameinfo, then fix_v4_address. */
  inet6(addr: Uint8Array, numeric: boolean): string {
    let text: string;
    if (numeric) text = inet_ntop6(addr);
    else if (addr.every((b) => b === 0)) text = '[::]';
    else {
      const r = this.sys.getnameinfo(AF_INET6, addr, 0, 0);
      text = r.rc === 0 ? r.host.slice(0, 127) : inet_ntop6(addr);
    }
    return fix_v4_address(text, addr);
  }

  sprint(family: number, addr: Uint8Array, numeric: boolean): string {
    return family === AF_INET6 ? this.inet6(addr, numeric) : this.inet(addr, numeric);
  }

  /** get_sname(htons(port), proto, numeric): `*` for 0, the service (or protocol) name, or the number. */
  sname(port: number, proto: string, numeric: boolean): string {
    if (port === 0) return '*';
    if (numeric) return String(port);
    const lists = (this.services ??= this.readServices());
    const name = lists.get(proto)?.get(port);
    return name ? name.slice(0, 63) : String(port);
  }

  /**
   * read_services(): getservent entries into tcp/udp/raw lists, then getprotoent entries into
   * the raw list, each prepended; searchlist() takes the first match, so the last entry read wins.
   */
  private readServices(): Map<string, Map<number, string>> {
    const lists = new Map<string, Map<number, string>>([
      ['tcp', new Map()],
      ['udp', new Map()],
      ['raw', new Map()],
    ]);
    for (const se of this.sys.getservents()) lists.get(se.proto)?.set(se.port, se.name);
    for (const pe of this.sys.getprotoents()) lists.get('raw')!.set(pe.proto, pe.name);
    return lists;
  }
}
