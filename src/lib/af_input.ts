/**
 * The `input` functions of the address families whose parsers ifconfig can reach with a bare
 * address or an address keyword, and their herror texts: AX.25 and NET/ROM callsigns
 * (lib/ax25.c AX25_input, lib/netrom.c NETROM_input: the same rules and messages) and ROSE
 * node addresses (lib/rose.c ROSE_input). Returns null on success, or the error message
 * herror prints after "TEXT: ".
 */

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** AX25_input / NETROM_input: up to six letters or digits, an optional -SSID. */
export function callsign_input(text: string): string | null {
  let i = 0;
  let p = 0;
  while (p < text.length && text[p] !== '-' && i < 6) {
    let c = text.charCodeAt(p++);
    if (isLower(c)) c -= 0x20;
    if (!(isUpper(c) || isDigit(c))) return 'Invalid callsign';
    i++;
  }
  if (i === 6 && p < text.length && text[p] !== '-') return 'Callsign too long';
  return null;
}

/** ROSE_input: exactly ten characters (digits are not checked). */
export function rose_input(text: string): string | null {
  return text.length !== 10 ? 'Node address must be ten digits' : null;
}

/** The families above, by aftype name. */
export const AF_INPUT: Readonly<Record<string, (text: string) => string | null>> = {
  ax25: callsign_input,
  netrom: callsign_input,
  rose: rose_input,
};
