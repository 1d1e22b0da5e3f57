/**
 * Joining in one scan: the host's addresses on the set network (for the console's QR codes) and
 * a DNS-SD advertisement over mDNS (bonjour-service), so a browser or a show-control app finds
 * "Cuelight on <machine>" without an address typed. Only when the host is bound to a set-network
 * address: a host on 127.0.0.1 is this machine's alone and says nothing to the network.
 */
import os from 'node:os';
import { Bonjour, type ServiceConfig } from 'bonjour-service';

const LOOPBACK = /^(127\.|::1$|localhost$)/i;
const ANY = new Set(['0.0.0.0', '::']);

/** Whether the host listens only on this machine. */
export function isLoopback(bound: string): boolean {
  return LOOPBACK.test(bound);
}

/** Base URLs phones can open: the bound address, or every external IPv4 address when bound to all. */
export function joinAddresses(bound: string, port: number, interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  if (isLoopback(bound)) return [];
  const url = (address: string) => `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  if (!ANY.has(bound)) return [url(bound)];
  const external = Object.values(interfaces).flatMap((list) => list ?? []).filter((i) => !i.internal && i.family === 'IPv4');
  return external.map((i) => url(i.address));
}

export interface Advertisement {
  /** The DNS-SD instance name, as a browser lists it. */
  name: string;
  stop(): Promise<void>;
}

/**
 * Advertises the host as an _http._tcp service whose TXT record points at the stage display.
 * On a specific address, mDNS answers on that interface only; errors (no multicast on this
 * network) are reported once and never stop the host.
 */
export function advertise(bound: string, port: number, hostname = os.hostname()): Advertisement {
  const name = `Cuelight on ${hostname}`.slice(0, 63);
  // The options go to multicast-dns as they are (its typings name only the service's fields).
  const socketOptions = (ANY.has(bound) ? {} : { interface: bound }) as Partial<ServiceConfig>;
  const bonjour = new Bonjour(socketOptions, (error: Error) =>
    console.error(`mDNS advertisement failed (${error.message}); phones can still join by the QR codes' address`),
  );
  const service = bonjour.publish({ name, type: 'http', port, txt: { path: '/stage', app: 'cuelight' }, disableIPv6: !bound.includes(':') });
  service.on('error', (error: Error) => console.error(`mDNS advertisement failed: ${error.message}`));
  return {
    name,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = setTimeout(resolve, 1_000); // a network gone quiet must not hold up quitting
        bonjour.unpublishAll(() => bonjour.destroy(() => (clearTimeout(done), resolve())));
      }),
  };
}
