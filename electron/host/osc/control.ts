import net from 'node:net';
import { Server, Client } from 'node-osc';
import type { Core } from '../../core/core';
import { dispatch } from '../../core/dispatch';
import { OscCommands } from './commands';

export interface OscControlOptions {
  port: number;
  /** Where to listen: loopback unless the set network is asked for. */
  host?: string;
  /** Sender addresses allowed to control; others are ignored (and logged once each). */
  allow?: string[];
}

export interface OscControl {
  port: number;
  close(): Promise<void>;
}

/** An IPv4-mapped IPv6 sender ("::ffff:10.0.0.5") is the IPv4 address it carries. */
const plain = (address: string) => address.replace(/^::ffff:/, '');

/**
 * Control in over OSC: off unless started, loopback by default, senders on an allow-list. Each
 * message becomes the same contract call the console makes, with the same rules; the sender gets
 * /cuelight/ok, /cuelight/confirm (send it again) or /cuelight/refused with the reason.
 */
export function startOscControl(core: Core, options: OscControlOptions): Promise<OscControl> {
  const host = options.host ?? '127.0.0.1';
  const allow = new Set((options.allow ?? ['127.0.0.1']).map(plain));
  const commands = new OscCommands();
  const strangers = new Set<string>();
  return new Promise((resolve, reject) => {
    const server = new Server(options.port, host, () => resolve({ port: server.port, close: async () => { await server.close(); } }));
    server.on('error', (error: Error) => (server.port ? console.error(`OSC control: ${error.message}`) : reject(error)));
    server.on('message', (message: unknown[], rinfo: { address: string; port: number }) => {
      const sender = plain(rinfo.address);
      if (!allow.has(sender)) {
        if (!strangers.has(sender)) console.error(`OSC control: ignored ${sender}, which is not on the allow-list (--osc-allow)`);
        strangers.add(sender);
        return;
      }
      const [address, ...args] = message as [string, ...unknown[]];
      void handle(address, args).then((reply) => answer(rinfo, reply));
    });
  });

  async function handle(address: string, args: unknown[]): Promise<[string, ...(string | number)[]]> {
    const snapshot = await core.api.getCountdown(undefined, { canControl: true });
    const call = commands.map(address, args, snapshot, core.clock.now());
    if (call.kind === 'refused') return ['/cuelight/refused', address, call.reason];
    if (call.kind === 'confirm') return ['/cuelight/confirm', address, `Send ${address} again within 3 seconds to confirm`];
    const result = await dispatch(core, call.method, call.input, { canControl: true });
    return result.ok ? ['/cuelight/ok', address] : ['/cuelight/refused', address, result.error.message];
  }

  function answer(to: { address: string; port: number }, reply: [string, ...(string | number)[]]): void {
    const client = new Client(net.isIPv6(to.address) ? to.address : plain(to.address), to.port);
    void client.send(...reply, () => void client.close());
  }
}
