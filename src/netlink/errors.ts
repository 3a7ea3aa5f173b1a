/** The one error type of the netlink layer: an errno (0 when there is none) and a message. */
export class NetlinkError extends Error {
  constructor(
    /** positive errno; 0 for protocol trouble that has no errno */
    readonly errno: number,
    message: string,
    /** extended-ack message from the kernel, if any */
    readonly extack?: string,
  ) {
    super(message);
    this.name = 'NetlinkError';
  }
}
