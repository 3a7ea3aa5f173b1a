/** The recording Sys: the live one, plus a log of every question asked and answer given. */
import type { NetlinkSocket, Sys } from './types.js';
import { SysError } from './types.js';
import { RECORDED_CALLS, encodeValue, normalizeDatagram, toHex, type Event } from './recording.js';

export function createRecordingSys(live: Sys): { sys: Sys; events: Event[] } {
  const events: Event[] = [];
  let nextSock = 1;

  function note<T>(ev: Event, f: () => T, put: (ev: Event, r: T) => void): T {
    try {
      const r = f();
      put(ev, r);
      events.push(ev);
      return r;
    } catch (e) {
      if (e instanceof SysError) {
        events.push({ ...ev, errno: e.errno, ...(ev.op === 'call' ? { syscall: e.syscall } : {}) } as Event);
      }
      throw e;
    }
  }

  const sys: Record<string, unknown> = {
    netlinkOpen(protocol: number): NetlinkSocket {
      const id = nextSock++;
      const inner = note({ op: 'netlinkOpen', protocol, sock: id }, () => live.netlinkOpen(protocol), (ev, s) => {
        (ev as { portid?: number }).portid = s.portid;
      });
      return {
        portid: inner.portid,
        send(msg: Uint8Array): void {
          note({ op: 'send', sock: id, hex: toHex(normalizeDatagram(msg)) }, () => inner.send(msg), () => {});
        },
        recv(): Uint8Array {
          const ev = { op: 'recv' as const, sock: id, hex: '' };
          return note(ev, () => inner.recv(), (e, d) => {
            (e as { hex: string }).hex = toHex(normalizeDatagram(d));
          });
        },
        close(): void {
          inner.close();
        },
      };
    },
    readFile(path: string): Uint8Array {
      return note({ op: 'readFile', path }, () => live.readFile(path), (ev, d) => {
        (ev as { b64?: string }).b64 = Buffer.from(d).toString('base64');
      });
    },
  };
  for (const fn of RECORDED_CALLS) {
    sys[fn] = (...args: unknown[]) =>
      note({ op: 'call', fn, args: encodeValue(args) as unknown[] }, () => (live[fn] as (...a: unknown[]) => unknown)(...args), (ev, r) => {
        (ev as { result?: unknown }).result = encodeValue(r === undefined ? null : r);
      });
  }
  return { sys: sys as unknown as Sys, events };
}
