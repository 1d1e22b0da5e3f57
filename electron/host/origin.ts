/**
 * Who may talk to the host: only requests addressed to one of its own names (the Host header) and,
 * when a browser says where the page came from (Origin), pages served by this host. A page on
 * another site, or one that rebinds its own DNS name to this address, is refused before any work.
 */
import os from 'node:os';

export interface HostNames {
  /** The address the host is bound to (--host). */
  bound: string;
  /** Extra names given with --allow-host (a reverse proxy's name, a DNS name on the set). */
  extra?: readonly string[];
  hostname?: string;
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

/** A host name as compared: lower case, no IPv6 brackets, no trailing dot. */
function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** The host's own names and addresses, plus any the operator allowed. */
export function allowedHostNames(names: HostNames): Set<string> {
  const hostname = names.hostname ?? os.hostname();
  const allowed = new Set(['localhost', '127.0.0.1', '::1', hostname, `${hostname}.local`, names.bound]);
  for (const list of Object.values(names.interfaces ?? os.networkInterfaces())) {
    for (const entry of list ?? []) allowed.add(entry.address.replace(/%.*$/, ''));
  }
  for (const name of names.extra ?? []) allowed.add(name);
  return new Set([...allowed].filter((name) => name !== '' && name !== '0.0.0.0' && name !== '::').map(normalize));
}

interface Address {
  hostname: string;
  port: string;
}

/** Parses `name[:port]` (a Host header) or a full origin; null when it is not an address. */
function parseAddress(text: string, withScheme: boolean): Address | null {
  try {
    const url = new URL(withScheme ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!withScheme && (url.pathname !== '/' || url.search || url.username)) return null;
    return { hostname: normalize(url.hostname), port: url.port || (url.protocol === 'https:' ? '443' : '80') };
  } catch {
    return null;
  }
}

/** Why a request must be refused (403), or null when its Host and Origin are this host's own. */
export function refusalFor(headers: { host?: string | undefined; origin?: string | undefined }, allowed: ReadonlySet<string>): string | null {
  const host = headers.host === undefined ? null : parseAddress(headers.host, false);
  if (!host || !allowed.has(host.hostname)) {
    return `This host does not answer to "${headers.host ?? ''}": open it by its own address, or start it with --allow-host <name>`;
  }
  // Tools that are not browsers send no Origin; a sandboxed or file:// page sends "null".
  if (headers.origin === undefined) return null;
  const origin = parseAddress(headers.origin, true);
  if (!origin || !allowed.has(origin.hostname) || origin.port !== host.port) {
    return `Pages from "${headers.origin}" may not use this host: open Cuelight from the host's own address`;
  }
  return null;
}
