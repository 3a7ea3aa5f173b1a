/**
 * The replaying Sys: answers from a recording, with no kernel and no root.
 *
 * Netlink: a request is matched, by its bytes with seq and pid zeroed, to the first unused
 * recorded request of the same protocol; the answers recorded after it are handed back with
 * the live seq and port id stamped in. Files and libc calls are answered by path / by
 * (function, arguments). Anything not in the recording fails with ENOSYS and says so.
 */
import type { NetlinkSocket, Sys } from './types.js';
import { SysError } from './types.js';
import {
  RECORDED_CALLS, decodeValue, encodeValue, fromHex, normalizeDatagram, stampDatagram, toHex,
  type Event,
} from './recording.js';
import { ENOSYS } from '../../compat/errno.js';


interface Exchange {
  protocol: number;
  request: string;
  sendErrno?: number;
  answers: Event[];
  used: boolean;
}

/** Netlink message types that change the kernel (RTM_NEW*, RTM_DEL*, RTM_SETLINK). */
const CHANGES = new Set([16, 17, 19, 20, 21, 24, 25, 28, 29]);

/** nlmsg_type of a hex-encoded message (bytes 4-5, little-endian) */
const nlmsgType = (hex: string): number => parseInt(hex.slice(10, 12) + hex.slice(8, 10), 16);

export interface ReplaySys extends Sys {
  /** recorded change requests that this run did not send (hex), in recording order */
  unsentChanges(): string[];
}

export function createReplaySys(events: Event[]): ReplaySys {
  // group the recording into exchanges: each send and the recvs after it on the same socket
  const protocolOf = new Map<number, number>();
  const portidOf = new Map<number, number>();
  const opens: Event[] = [];
  const exchanges: Exchange[] = [];
  const current = new Map<number, Exchange>();
  const files = new Map<string, Event>();
  const calls = new Map<string, Event[]>();
  for (const e of events) {
    switch (e.op) {
      case 'netlinkOpen':
        opens.push(e);
        protocolOf.set(e.sock, e.protocol);
        if (e.portid !== undefined) portidOf.set(e.sock, e.portid);
        break;
      case 'send': {
        const x: Exchange = { protocol: protocolOf.get(e.sock) ?? -1, request: e.hex, sendErrno: e.errno, answers: [], used: false };
        exchanges.push(x);
        current.set(e.sock, x);
        break;
      }
      case 'recv':
        current.get(e.sock)?.answers.push(e);
        break;
      case 'readFile':
        if (!files.has(e.path)) files.set(e.path, e);
        break;
      case 'call': {
        const key = `${e.fn}:${JSON.stringify(e.args)}`;
        const list = calls.get(key) ?? [];
        list.push(e);
        calls.set(key, list);
        break;
      }
    }
  }

  const missing = (what: string): SysError => new SysError('replay', ENOSYS, `replay: not in the recording: ${what}`);
  let openIndex = 0;

  const sys: Record<string, unknown> = {
    netlinkOpen(protocol: number): NetlinkSocket {
      const rec = opens.slice(openIndex).find((o) => o.op === 'netlinkOpen' && o.protocol === protocol) as
        | Extract<Event, { op: 'netlinkOpen' }>
        | undefined;
      if (!rec) throw missing(`netlink socket of protocol ${protocol}`);
      openIndex = opens.indexOf(rec) + 1;
      if (rec.errno) throw new SysError('socket', rec.errno);
      const portid = rec.portid ?? 1;
      let queue: Uint8Array[] = [];
      let queueErrno: number | undefined;
      return {
        portid,
        send(msg: Uint8Array): void {
          const hex = toHex(normalizeDatagram(msg));
          const x = exchanges.find((e) => !e.used && e.protocol === protocol && e.request === hex);
          if (!x) throw missing(`netlink request ${hex}`);
          x.used = true;
          if (x.sendErrno) throw new SysError('sendto', x.sendErrno);
          const seq = new DataView(msg.buffer, msg.byteOffset, msg.byteLength).getUint32(8, true);
          queue = [];
          queueErrno = undefined;
          for (const a of x.answers) {
            if (a.errno) {
              queueErrno = a.errno;
              break;
            }
            queue.push(stampDatagram(fromHex((a as { hex: string }).hex), seq, portid));
          }
        },
        recv(): Uint8Array {
          const d = queue.shift();
          if (d) return d;
          if (queueErrno) throw new SysError('recv', queueErrno);
          throw missing('a netlink answer (the recording has no more)');
        },
        close(): void {},
      };
    },
    readFile(path: string): Uint8Array {
      const e = files.get(path) as Extract<Event, { op: 'readFile' }> | undefined;
      if (!e) throw missing(`file ${path}`);
      if (e.errno) throw new SysError('open', e.errno);
      return new Uint8Array(Buffer.from(e.b64 ?? '', 'base64'));
    },
  };
  for (const fn of RECORDED_CALLS) {
    sys[fn] = (...args: unknown[]) => {
      const key = `${fn}:${JSON.stringify(encodeValue(args))}`;
      const list = calls.get(key);
      // the recorder runs every command with a fixed environment (LC_ALL and PATH): a variable
      // the recording did not ask about was not set
      if ((!list || list.length === 0) && fn === 'getenv') return null;
      if (!list || list.length === 0) throw missing(`${fn}(${JSON.stringify(encodeValue(args))})`);
      // repeated calls get the recorded answers in turn; the last one answers any further calls
      const e = (list.length > 1 ? list.shift() : list[0]) as Extract<Event, { op: 'call' }>;
      if (e.errno) throw new SysError(e.syscall ?? fn, e.errno);
      return decodeValue(e.result);
    };
  }
  sys.unsentChanges = (): string[] =>
    exchanges
      .filter((x) => !x.used && x.protocol === 0 && CHANGES.has(nlmsgType(x.request)))
      .map((x) => x.request);
  return sys as unknown as ReplaySys;
}
