import dgram from 'node:dgram';
import net from 'node:net';
import { decode, encode, Message } from 'node-osc';
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

type Reply = [string, ...(string | number)[]];

/** An IPv4-mapped IPv6 sender ("::ffff:10.0.0.5") is the IPv4 address it carries. */
const plain = (address: string) => address.replace(/^::ffff:/, '');

/**
 * Control in over OSC: off unless started, loopback by default, senders on an allow-list. Each
 * message becomes the same contract call the console makes, with the same rules; the sender gets
 * /cuelight/ok, /cuelight/confirm (send it again) or /cuelight/refused with the reason.
 * Our own socket, not node-osc's Server: that one shares its port (SO_REUSEADDR), so a port
 * another program holds would look free and commands would go astray; node-osc still decodes.
 */
export function startOscControl(core: Core, options: OscControlOptions): Promise<OscControl> {
  const host = options.host ?? '127.0.0.1';
  const allow = new Set((options.allow ?? ['127.0.0.1']).map(plain));
  const commands = new OscCommands();
  const strangers = new Set<string>();
  const socket = dgram.createSocket({ type: net.isIPv6(host) ? 'udp6' : 'udp4', reuseAddr: false });
  let closed = false;
  const close = () =>
    new Promise<void>((resolve) => {
      if (closed) return resolve();
      closed = true;
      socket.close(() => resolve());
    });

  socket.on('message', (packet, rinfo) => {
    const sender = plain(rinfo.address);
    if (!allow.has(sender)) {
      if (!strangers.has(sender)) console.error(`OSC control: ignored ${sender}, which is not on the allow-list (Settings → Show control)`);
      strangers.add(sender);
      return;
    }
    let message: { address?: string; args?: { value: unknown }[] };
    try {
      message = decode(packet) as typeof message;
    } catch {
      return; // not OSC: nothing to answer
    }
    if (typeof message.address !== 'string') return; // a bundle: the console's commands are single messages
    const address = message.address;
    void handle(address, (message.args ?? []).map((a) => a.value))
      .catch((error: unknown): Reply => ['/cuelight/refused', address, (error as Error).message])
      .then((reply) => answer(rinfo, reply));
  });

  return new Promise((resolve, reject) => {
    const failedToListen = (error: Error) => {
      closed = true;
      socket.close();
      reject(error);
    };
    socket.once('error', failedToListen);
    socket.bind(options.port, host, () => {
      socket.off('error', failedToListen);
      socket.on('error', (error) => console.error(`OSC control: ${error.message}`));
      resolve({ port: socket.address().port, close });
    });
  });

  async function handle(address: string, args: unknown[]): Promise<Reply> {
    const snapshot = await core.api.getCountdown(undefined, { canControl: true });
    const call = commands.map(address, args, snapshot, core.clock.now());
    if (call.kind === 'refused') return ['/cuelight/refused', address, call.reason];
    if (call.kind === 'confirm') return ['/cuelight/confirm', address, `Send ${address} again within 3 seconds to confirm`];
    const result = await dispatch(core, call.method, call.input, { canControl: true });
    return result.ok ? ['/cuelight/ok', address] : ['/cuelight/refused', address, result.error.message];
  }

  /** The answer leaves from the port the sender wrote to, as OSC consoles expect. */
  function answer(to: dgram.RemoteInfo, reply: Reply): void {
    if (closed) return;
    socket.send(Buffer.from(encode(new Message(...reply))), to.port, to.address);
  }
}
