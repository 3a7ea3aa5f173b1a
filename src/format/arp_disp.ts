/** The print side of net-tools' arp.c: arp_disp_2 (Linux style) and arp_disp (BSD style). */
import { sprintf } from './printf.js';
import { get_hwntype, get_hwtype } from '../../compat/hwtypes.js';
import {
  ATF_COM, ATF_NETMASK, ATF_PUBL, DFLT_HW, DISP, DISP2, FLAG_LETTERS, FLAG_WORDS,
} from '../../compat/arp.js';

function hwName(type: number): string {
  return (get_hwntype(type) ?? get_hwtype(DFLT_HW)!).name;
}

/** arp_disp_2's `static int title`: the header is printed before the first row only. */
export class Disp2 {
  private title = 0;

  /** arp_disp_2() arp.c:436-483 */
  row(name: string, type: number, flags: number, hwa: string, mask: string, dev: string): string {
    let out = '';
    if (this.title++ === 0) out += DISP2.title;
    let f = '';
    for (const [bit, letter] of FLAG_LETTERS) if (flags & bit) f += letter;
    if (!(flags & ATF_NETMASK)) mask = '';
    out += sprintf(DISP2.name, name);
    if (!(flags & ATF_COM)) {
      out += flags & ATF_PUBL ? sprintf(DISP2.hw, DISP2.proxyType, DISP2.fromInterface) : sprintf(DISP2.hw, '', DISP2.incomplete);
    } else {
      out += sprintf(DISP2.hw, hwName(type), hwa);
    }
    return out + sprintf(DISP2.tail, f, mask, dev);
  }
}

/** arp_disp() arp.c:486-524 */
export function arp_disp(name: string, ip: string, type: number, flags: number, hwa: string, mask: string, dev: string): string {
  let out = sprintf(DISP.head, name, ip);
  if (!(flags & ATF_COM)) out += flags & ATF_PUBL ? DISP.fromInterface : DISP.incomplete;
  else out += sprintf(DISP.hw, hwa, hwName(type));
  if (flags & ATF_NETMASK) out += sprintf(DISP.netmask, mask);
  for (const [bit, word] of FLAG_WORDS) if (flags & bit) out += word;
  return out + sprintf(DISP.tail, dev);
}
