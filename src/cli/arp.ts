/** arp: not built yet (its issue is open); says so under its invoked name and fails. */
import { unimplemented } from './unimplemented.js';

export const main = unimplemented('arp');
