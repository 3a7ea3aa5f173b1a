/** The commands by name (src/modules.ts loads one on demand). */

export type Command = 'ifconfig' | 'arp' | 'route' | 'netstat' | 'hostname';

/** Which command an invoked name runs (hostname answers to its Debian aliases too). */
export const COMMAND_OF_NAME: Readonly<Record<string, Command>> = {
  ifconfig: 'ifconfig',
  arp: 'arp',
  route: 'route',
  netstat: 'netstat',
  hostname: 'hostname',
  domainname: 'hostname',
  dnsdomainname: 'hostname',
  nisdomainname: 'hostname',
  ypdomainname: 'hostname',
};

/** The prefix `make install NAMES=prefixed` gives the installed names (`nts-ifconfig`). */
export const INSTALL_PREFIX = 'nts-';

/**
 * The name a command sees as argv[0] when invoked as `name` (a base name): an installed
 * `nts-` name loses its prefix, so `nts-ypdomainname` behaves as, and prints what,
 * `ypdomainname` would. Any other name is kept as it is.
 */
export function invokedName(name: string): string {
  if (name.startsWith(INSTALL_PREFIX)) {
    const bare = name.slice(INSTALL_PREFIX.length);
    if (Object.hasOwn(COMMAND_OF_NAME, bare)) return bare;
  }
  return name;
}
